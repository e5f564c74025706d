/* norm.c: actions (attribute expressions and normalizer functions) and record finishing:
 * numbers, lemmas, Russian nominatives, names, dates and person keys. */
#include "extract.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { F_TEXT, F_LOWER, F_UPPER, F_TITLE, F_CONCAT, F_JOIN, F_CANON, F_TAG, F_NORM, F_NUMBER,
       F_LEMMA, F_NOMINATIVE, F_NAME, F_SURNAME, F_PATRONYMIC, F_FIRST, F_IF, F_PART, F_SAME };

int set_error(facta_extractor *ex, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ex->err, sizeof ex->err, fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- small string helpers (arena-backed) ---- */

static val vstr(const char *s, size_t n)
{
    val v = {s, n, 0, 0};
    return v;
}

/* The canonical form of a lexicon entry. */
static val entry_canon(const facta_rules *r, const lex_entry *e)
{
    const char *c = lex_text(r, e->canon);
    return vstr(c, strlen(c));
}

/* Exact powers of ten (10^22 is the largest a double holds exactly). */
static const double P10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* What "%.15g" prints for a non-integer 1e-3 <= |d| < 1e14, or 0 when unsure (the caller
 * asks snprintf). A decimal S = m / 10^k of at most 15 significant digits that rounds back
 * to d lies within half an ulp of d (< 2^-53 |d|), nearer than half a step of the
 * 15-digit grid (>= 5e-16 |d|): it is the decimal %.15g rounds d to, and %g drops trailing
 * zeros. (double)m / 10^k is exact rounding for m < 2^53 and k <= 22. */
static size_t fmt_g15(char *buf, double d)
{
    double a = fabs(d);
    if (!(a >= 1e-3 && a < 1e14))
        return 0;
    for (int k = 1; k <= 22; k++) {
        double t = a * P10[k];
        if (t >= 1e15) /* more than 15 significant digits */
            return 0;
        unsigned long long m = (unsigned long long)(t + 0.5);
        if ((double)m / P10[k] != a)
            continue;
        if (m % 10 == 0) /* an integer: not ours */
            return 0;
        unsigned long long ip = m / (unsigned long long)P10[k], fp = m % (unsigned long long)P10[k];
        size_t o = 0;
        if (d < 0)
            buf[o++] = '-';
        o += fa_put_u64(buf + o, ip);
        buf[o++] = '.';
        for (int j = k - 1; j >= 0; j--) { /* k digits, leading zeros kept */
            buf[o + (size_t)j] = (char)('0' + fp % 10);
            fp /= 10;
        }
        return o + (size_t)k;
    }
    return 0;
}

static val vnum(facta_extractor *ex, double d)
{
    char buf[64];
    size_t n;
    if (fabs(d) < 1e15 && d == (double)(long long)d) {
        /* what "%.0f" prints for an integer this small: its digits (and "-0") */
        if (d == 0 && signbit(d)) {
            memcpy(buf, "-0", 2);
            n = 2;
        } else {
            long long x = (long long)d;
            n = 0;
            if (x < 0)
                buf[n++] = '-';
            n += fa_put_u64(buf + n, x < 0 ? 0ull - (unsigned long long)x : (unsigned long long)x);
        }
    } else if (!(n = fmt_g15(buf, d))) {
        snprintf(buf, sizeof buf, "%.15g", d);
        n = strlen(buf);
    }
    /* laid out as arena_strndup does, copied a word at a time (n < 32; the zeros reach
     * room, at most 8 bytes past n) */
    size_t room = (n + 1 + 7) & ~(size_t)7;
    memset(buf + n, 0, 8);
    char *s = arena_alloc(&ex->arena, room);
    for (size_t k = 0; s && k < room; k += 8)
        memcpy(s + k, buf + k, 8);
    val v = {s, n, 1, d};
    return v;
}

static uint32_t map_case(uint32_t c, int upper)
{
    if (upper) {
        if (c >= 'a' && c <= 'z')
            return c - 32;
        if (c >= 0x430 && c <= 0x44F)
            return c - 0x20;
        if (c >= 0x450 && c <= 0x45F)
            return c - 0x50;
        if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
            return c - 0x20;
    } else {
        if (c >= 'A' && c <= 'Z')
            return c + 32;
        if (c >= 0x410 && c <= 0x42F)
            return c + 0x20;
        if (c >= 0x400 && c <= 0x40F)
            return c + 0x50;
        if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
            return c + 0x20;
    }
    return c;
}

/* utf8_next with ASCII and two-byte sequences (Cyrillic) read in place (most of the text). */
static inline uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    if (c >= 0xC2 && c < 0xE0 && *i + 1 < n && (u[*i + 1] & 0xC0) == 0x80) {
        uint32_t cp = ((c & 0x1Fu) << 6) | (u[*i + 1] & 0x3Fu);
        *i += 2;
        return cp;
    }
    return utf8_next(s, n, i);
}

/* utf8_put into d (room for 4 bytes); the bytes written. */
static size_t put_cp(char *d, uint32_t cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* mode 0 lower, 1 upper, 2 title (first letter of each word upper, the rest lower),
 * 3 cap-first (only the first letter upper, the rest unchanged) */
static val recase(facta_extractor *ex, val v, int mode)
{
    /* a character keeps its length (the case pairs share one), a stray byte becomes
     * U+FFFD: at most 3 bytes out per byte in, written straight into the arena */
    size_t room = (3 * v.n + 1 + 7) & ~(size_t)7;
    char *d = arena_alloc(&ex->arena, room);
    if (!d)
        return vstr(NULL, 0);
    size_t i = 0, o = 0;
    int at_start = 1;
    while (i < v.n) {
        uint32_t c = next_cp(v.s, v.n, &i);
        uint32_t u;
        if (mode == 0)
            u = map_case(c, 0);
        else if (mode == 1)
            u = map_case(c, 1);
        else if (mode == 2)
            u = map_case(c, at_start);
        else
            u = at_start ? map_case(c, 1) : c;
        o += put_cp(d + o, u);
        if (mode == 3)
            at_start = 0;
        else
            at_start = (c == ' ' || c == '-' || c == '\'' || c == 0x2019);
    }
    memset(d + o, 0, room - o);
    return vstr(d, o);
}

/* Is the first letter of s upper case? */
static int first_upper(const char *s, size_t n)
{
    size_t i = 0;
    if (!n)
        return 0;
    uint32_t c = next_cp(s, n, &i);
    return map_case(c, 0) != c;
}

static int all_upper(const char *s, size_t n)
{
    size_t i = 0;
    int letters = 0;
    while (i < n) {
        uint32_t c = next_cp(s, n, &i);
        if (map_case(c, 1) != c)
            return 0;
        letters += map_case(c, 0) != c;
    }
    return letters > 1;
}

/* Room in the arena for a text of at most n bytes, NUL-filled past n as arena_strndup
 * leaves it (the caller writes at most n bytes); NULL on OOM. */
static char *arena_text(facta_extractor *ex, size_t n)
{
    size_t room = (n + 1 + 7) & ~(size_t)7;
    char *d = arena_alloc(&ex->arena, room);
    if (d)
        memset(d + (room - 8), 0, 8);
    return d;
}

static val span_text(facta_extractor *ex, int32_t s, int32_t e)
{
    if (s < 0 || e <= s)
        return vstr("", 0);
    size_t b = ex->toks[s].pub.span.byte_start, en = ex->toks[e - 1].pub.span.byte_end;
    /* collapse runs of whitespace into one space; straight into the arena (it never grows),
     * laid out as arena_strndup does (NUL-padded to 8 bytes) */
    size_t room = (en - b + 1 + 7) & ~(size_t)7;
    char *d = arena_alloc(&ex->arena, room);
    if (!d)
        return vstr(NULL, 0);
    size_t o = 0; /* o <= i - b: d has room for 8 bytes where the text has them */
    int sp = 0;
    for (size_t i = b; i < en;) {
        if (!sp && en - i >= 8) {
            uint64_t x;
            memcpy(&x, ex->text + i, 8);
            /* no byte below '!' (no whitespace) among the 8: they go as they are */
            if (!((x - 0x2121212121212121ull) & ~x & 0x8080808080808080ull)) {
                memcpy(d + o, &x, 8);
                o += 8;
                i += 8;
                continue;
            }
        }
        char c = ex->text[i++];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            sp = 1;
            continue;
        }
        if (sp)
            d[o++] = ' ';
        sp = 0;
        d[o++] = c;
    }
    memset(d + o, 0, room - o);
    return vstr(d, o);
}

/* The lexicon entry covering exactly tokens [s, e): the attached one, else the first hit. */
static const lex_entry *cap_entry(facta_extractor *ex, const capture *c)
{
    const facta_rules *r = ex->rules;
    if (c->atom >= 0)
        return &r->entries[c->atom];
    if (c->s < 0)
        return NULL;
    /* the phrase covering the capture, or all of it but trailing punctuation ("Feb.") */
    int32_t e = c->e;
    while (e - 1 > c->s && ex->toks[e - 1].pub.kind == FACTA_TOK_PUNCT)
        e--;
    for (uint32_t h = ex->hit_off[c->s]; h < ex->hit_off[c->s + 1]; h++)
        if ((int32_t)ex->hits[h].end == c->e || (int32_t)ex->hits[h].end == e)
            return &r->entries[ex->hits[h].entry];
    return NULL;
}

/* Base word (folded) of a token: the lexicon word it is an inflected form of ("мажилиса" →
 * "мажилис"), preferred over a phrase word written in that form; NULL when unknown. */
static const char *lex_base(facta_extractor *ex, const ftok *t)
{
    const facta_rules *r = ex->rules;
    uint32_t ids[8];
    uint8_t gen[8];
    size_t k = lex_form_words2(r, t->pub.folded, t->folded_len, t->fhash, ids, gen, 8);
    /* a word that is itself a one-word entry is already in its base form ("совет") */
    for (size_t i = 0; i < k; i++)
        if (!gen[i] && r->word_single && r->word_single[ids[i]])
            return lex_word(r, ids[i]);
    for (size_t i = 0; i < k; i++)
        if (gen[i])
            return lex_word(r, ids[i]);
    return k ? lex_word(r, ids[0]) : NULL;
}

/* Apply the casing of `orig` (Title, UPPER or lower) to folded word w. */
static val like_case(facta_extractor *ex, const char *orig, size_t on, const char *w, size_t wn)
{
    val v = vstr(w, wn);
    if (all_upper(orig, on))
        return recase(ex, v, 1);
    if (first_upper(orig, on))
        return recase(ex, v, 3);
    return vstr(arena_strndup(&ex->arena, w, wn), wn);
}

/* ---- numbers ---- */

static int lang_of(facta_extractor *ex, uint32_t pos)
{
    /* the script of nearby words decides "1,5" (Russian decimal) vs "1,500" (English group) */
    int cyr = 0, lat = 0;
    uint32_t a = pos > 8 ? pos - 8 : 0, b = pos + 8 < ex->ntoks ? pos + 8 : (uint32_t)ex->ntoks;
    for (uint32_t i = a; i < b; i++) {
        cyr += ex->toks[i].pub.script == FACTA_SCRIPT_CYRILLIC;
        lat += ex->toks[i].pub.script == FACTA_SCRIPT_LATIN;
    }
    if (cyr != lat)
        return cyr > lat ? 2 : 1;
    return ex->lang ? ex->lang : 1;
}

/* strtod of s[0, n): digits with at most one '.'. A mantissa below 2^53 and at most 22
 * decimals is divided by an exact power of ten, which rounds as strtod does (Clinger's
 * fast path); anything longer goes to strtod. */
static double digits_value(const char *s, size_t n)
{
    uint64_t m = 0;
    int dot = -1, nd = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            dot = (int)i;
            continue;
        }
        if (++nd > 15) /* 10^15 < 2^53 */
            return strtod(s, NULL);
        m = m * 10 + (uint64_t)(s[i] - '0');
    }
    int k = dot < 0 ? 0 : (int)n - dot - 1;
    return (double)m / P10[k]; /* k <= nd <= 15 */
}

/* Parse a digit token: "6.8", "1,5", "1,300", "2.134.472". Only "1,300" needs the
 * language (*ru: 1 Russian, 0 not, -1 not known yet: asked of the words around `pos`). */
static int parse_digits(facta_extractor *ex, uint32_t pos, const char *s, size_t n, int *ru,
                        double *out, int *ngroups_ok)
{
    char buf[128];
    size_t o = 0;
    int ncomma = 0, ndot = 0;
    size_t last_sep = 0;
    char last = 0;
    *ngroups_ok = 1;
    if (n == 0 || n >= sizeof buf)
        return 0;
    uint64_t m = 0; /* the value of plain digits, read on the way */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            m = m * 10 + (uint64_t)(c - '0');
        } else if (c == ',' || c == '.') {
            ncomma += c == ',';
            ndot += c == '.';
            last = c;
            last_sep = i;
        } else {
            return 0;
        }
    }
    if (!ncomma && !ndot && n <= 15) { /* plain digits (< 10^15 < 2^53: exact) */
        *out = (double)m;
        return 1;
    }
    char dec = 0;
    if (ncomma && ndot)
        dec = last;
    else if (ncomma == 1 && !ndot && n - last_sep - 1 != 3)
        dec = ',';
    else if (ncomma == 1 && !ndot) { /* "1,300": a group in English, a decimal in Russian */
        if (*ru < 0)
            *ru = lang_of(ex, pos) == 2;
        dec = *ru ? ',' : 0;
    } else if (ndot == 1 && !ncomma)
        dec = '.';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == dec)
            buf[o++] = '.';
        else if (c != ',' && c != '.')
            buf[o++] = c;
    }
    buf[o] = 0;
    *out = digits_value(buf, o);
    return 1;
}

static const char *const NUMTAGS[] = {"unit", "teen", "tens", "hundreds", "mult", "frac", "dozen",
                                "collective", NULL};

/* The NUMTAGS (bit c: NUMTAGS[c]) written among the tags of e: those lex_entry_has_tag
 * may find there, read in one pass. */
static unsigned num_tags_written(const facta_rules *r, const lex_entry *e)
{
    unsigned m = 0;
    for (const char *s = lex_str(r, e->tags); *s;) {
        while (*s == ' ')
            s++;
        const char *b = s;
        while (*s && *s != ' ')
            s++;
        for (int c = 0; NUMTAGS[c]; c++) {
            const char *t = NUMTAGS[c], *x = b;
            while (x < s && *x == *t)
                x++, t++;
            if (x == s && !*t)
                m |= 1u << c;
        }
    }
    return m;
}

/* Number word class and value for a folded word (h: its fa_hash); 0 when it is not one. */
static int num_word(facta_extractor *ex, const char *w, size_t n, uint64_t h, double *v)
{
    const facta_rules *r = ex->rules;
    uint32_t ids[8];
    size_t k = lex_form_words(r, w, n, h, ids, 8);
    for (size_t i = 0; i < k; i++) {
        uint32_t node = lex_next(r, 0, ids[i]);
        if (!node)
            continue;
        uint32_t ne;
        const uint32_t *ents = lex_node_entries(r, node, &ne);
        for (uint32_t j = 0; j < ne; j++) {
            const lex_entry *e = lex_entry_at(r, ents[j]);
            if (!e || !e->has_num)
                continue;
            unsigned written = num_tags_written(r, e);
            for (int c = 0; NUMTAGS[c]; c++) {
                if ((written >> c & 1) && lex_entry_has_tag(r, e, NUMTAGS[c])) {
                    char buf[32];
                    /* "third" is an ordinal with frac=0.333; a plain number otherwise */
                    *v = e->num;
                    if (c == 5 && lex_entry_tag_value(r, e, "frac", buf, sizeof buf))
                        lex_parse_number(buf, v);
                    return c + 1;
                }
            }
            char buf[32];
            if (lex_entry_tag_value(r, e, "frac", buf, sizeof buf) && lex_parse_number(buf, v))
                return 6;
        }
    }
    return 0;
}

int norm_number(facta_extractor *ex, uint32_t s, uint32_t e, double *out)
{
    double total = 0, cur = 0;
    int any = 0, prev = 0, ru = -1; /* lang_of(ex, s) == 2, asked when needed */
    int last_was_digit_tok = 0;
    for (uint32_t i = s; i < e; i++) {
        const ftok *t = &ex->toks[i];
        if (t->pub.kind == FACTA_TOK_NUMBER) {
            double v;
            int ok;
            const char *txt = ex->text + t->pub.span.byte_start;
            size_t n = t->pub.span.byte_end - t->pub.span.byte_start;
            if (!parse_digits(ex, s, txt, n, &ru, &v, &ok))
                continue;
            /* "1 300" / "2 134 472,44": a following 3-digit group continues the number */
            if (last_was_digit_tok && (n == 3 || (n > 3 && (txt[3] == ',' || txt[3] == '.'))) &&
                (t->pub.flags & FACTA_TOKEN_SPACE_BEFORE)) {
                cur = cur * 1000 + v;
            } else {
                cur += v;
            }
            any = 1;
            prev = 1;
            last_was_digit_tok = 1;
            continue;
        }
        last_was_digit_tok = 0;
        if (t->pub.kind != FACTA_TOK_WORD)
            continue;
        /* a hyphenated number word ("twenty-five", "two-thirds") is read part by part */
        const char *w = t->pub.folded;
        size_t wn = t->folded_len, p = 0;
        while (p < wn) {
            size_t q = p;
            while (q < wn && w[q] != '-')
                q++;
            double v;
            /* the whole word's hash is the token's */
            int cls = num_word(ex, w + p, q - p, p == 0 && q == wn ? t->fhash : fa_hash(w + p, q - p), &v);
            p = q + 1;
            if (!cls)
                continue;
            any = 1;
            switch (cls) {
            case 1: case 2: case 3: case 8: /* unit teen tens collective */
                cur += v;
                break;
            case 4: /* hundreds: "one hundred" multiplies, "двести" adds */
                if (cur > 0 && cur < 10 && v == 100)
                    cur *= 100;
                else
                    cur += v;
                break;
            case 5: /* mult */
                total += (cur == 0 ? 1 : cur) * v;
                cur = 0;
                break;
            case 6: /* fraction: "two thirds" multiplies, "a third" / "полтора" stands alone */
                if (cur > 0 && prev >= 1 && prev <= 3 && v < 1)
                    cur *= v;
                else
                    cur += v;
                break;
            case 7: /* dozen */
                cur = (cur == 0 ? 1 : cur) * 12;
                break;
            }
            prev = cls;
        }
    }
    if (!any)
        return 0;
    *out = total + cur;
    return 1;
}

/* ---- lemmas and nominatives ---- */

static val lemma_en(facta_extractor *ex, const ftok *t)
{
    const facta_rules *r = ex->rules;
    const char *w = t->pub.folded;
    size_t n = t->folded_len;
    uint32_t ids[8];
    size_t k = lex_form_words(r, w, n, t->fhash, ids, 8);
    for (size_t i = 0; i < k; i++) {
        uint32_t node = lex_next(r, 0, ids[i]);
        uint32_t ne;
        const uint32_t *ents = node ? lex_node_entries(r, node, &ne) : NULL;
        for (uint32_t j = 0; ents && j < ne; j++) {
            const lex_entry *e = lex_entry_at(r, ents[j]);
            if (e && lex_entry_has_tag(r, e, "plural"))
                return entry_canon(r, e);
        }
    }
    size_t m = n;
    char buf[256];
    if (n >= sizeof buf - 2)
        return vstr(w, n);
    memcpy(buf, w, n);
    if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
        memcpy(buf + n - 3, "y", 1);
        m = n - 2;
    } else if (n > 4 && (memcmp(w + n - 4, "sses", 4) == 0 || memcmp(w + n - 4, "shes", 4) == 0 ||
                         memcmp(w + n - 4, "ches", 4) == 0 || memcmp(w + n - 3, "xes", 3) == 0 ||
                         memcmp(w + n - 3, "zes", 3) == 0)) {
        m = n - 2;
    } else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' &&
               w[n - 2] != '\'') {
        m = n - 1;
    }
    return vstr(arena_strndup(&ex->arena, buf, m), m);
}

static val nominative_word(facta_extractor *ex, const ftok *t, int pos, uint64_t want,
                           int *gender)
{
    const facta_rules *r = ex->rules;
    char out[512];
    /* an adjective's nominative depends on its noun's gender: the table decides, not a
     * lexicon's base form ("Национального агентства" → Национальное) */
    const char *base = pos == M_ADJ ? NULL : lex_base(ex, t);
    if (gender)
        *gender = -1;
    if (base) {
        size_t bn = strlen(base);
        if (gender) {
            uint64_t f = morph_features(&r->morph, base, bn, pos) &
                         (MORPH_BIT(0, 0, 0) | MORPH_BIT(0, 0, 1) | MORPH_BIT(0, 0, 2));
            int gm = !!(f & morph_gender_mask(0)), gf = !!(f & morph_gender_mask(1)),
                gn = !!(f & morph_gender_mask(2));
            *gender = gm + gf + gn == 1 ? (gm ? 0 : gf ? 1 : 2) : -1;
        }
        return like_case(ex, ex->text + t->pub.span.byte_start,
                         t->pub.span.byte_end - t->pub.span.byte_start, base, bn);
    }
    size_t n = morph_nominative(&r->morph, t->pub.folded, t->folded_len, pos, want, out,
                                sizeof out, gender);
    if (!n)
        n = t->folded_len < sizeof out ? t->folded_len : 0;
    return like_case(ex, ex->text + t->pub.span.byte_start,
                     t->pub.span.byte_end - t->pub.span.byte_start, out, n);
}

static val lemma(facta_extractor *ex, const capture *c)
{
    if (c->s < 0)
        return vstr("", 0);
    /* the last word of the capture is the counted noun */
    int32_t i = c->e - 1;
    while (i > c->s && ex->toks[i].pub.kind != FACTA_TOK_WORD)
        i--;
    const ftok *t = &ex->toks[i];
    if (t->pub.script == FACTA_SCRIPT_CYRILLIC) {
        /* a form listed with its lemma in a noun lexicon: "дней => день", "лет => год" */
        const facta_rules *r = ex->rules;
        for (uint32_t h = ex->hit_off[i]; h < ex->hit_off[i + 1]; h++) {
            const lex_entry *le = &r->entries[ex->hits[h].entry];
            if ((int32_t)ex->hits[h].end == i + 1 && lex_entry_has_tag(r, le, "noun")) {
                val v = entry_canon(r, le);
                if (v.n && !memchr(v.s, ' ', v.n))
                    return v;
            }
        }
        const char *base = lex_base(ex, t);
        if (base)
            return vstr(base, strlen(base));
        char out[512];
        size_t n = morph_nominative(&ex->rules->morph, t->pub.folded, t->folded_len, M_NOUN,
                                    0, out, sizeof out, NULL);
        if (!n)
            return vstr(t->pub.folded, t->folded_len);
        return vstr(arena_strndup(&ex->arena, out, n), n);
    }
    return lemma_en(ex, t);
}

/* Russian phrase to the nominative: adjectives before the head agree with it, the head
 * becomes nominative singular, everything after it (a genitive chain) stays. */
static val nominative(facta_extractor *ex, const capture *c)
{
    if (c->s < 0)
        return vstr("", 0);
    const facta_rules *r = ex->rules;
    const lex_entry *e = cap_entry(ex, c);
    if (e && c->e - c->s > 1)
        return entry_canon(r, e);
    int32_t head = -1;
    for (int32_t i = c->s; i < c->e; i++) {
        const ftok *t = &ex->toks[i];
        if (t->pub.script != FACTA_SCRIPT_CYRILLIC || t->pub.kind != FACTA_TOK_WORD)
            break;
        uint64_t adj = morph_features(&r->morph, t->pub.folded, t->folded_len, M_ADJ);
        const char *base = lex_base(ex, t);
        int base_is_adj = base && (morph_features(&r->morph, base, strlen(base), M_ADJ) &
                                   morph_case_mask(0));
        if (!adj || (base && !base_is_adj)) {
            head = i;
            break;
        }
        head = i; /* a substantivized adjective is its own head */
        if (i + 1 < c->e) {
            const ftok *nx = &ex->toks[i + 1];
            if (nx->pub.script != FACTA_SCRIPT_CYRILLIC ||
                !morph_features(&r->morph, nx->pub.folded, nx->folded_len, M_ADJ | M_NOUN))
                break;
        }
    }
    if (head < 0)
        return span_text(ex, c->s, c->e);
    int g = -1;
    val hv = nominative_word(ex, &ex->toks[head], M_NOUN | M_ADJ, 0, &g);
    uint64_t want = g >= 0 ? morph_gender_mask(g) : morph_gender_mask(0);
    fbuf out;
    fbuf_init(&out, ex->al);
    for (int32_t i = c->s; i < head; i++) {
        val av = nominative_word(ex, &ex->toks[i], M_ADJ, want, NULL);
        fbuf_put(&out, av.s, av.n);
        fbuf_putc(&out, ' ');
    }
    fbuf_put(&out, hv.s, hv.n);
    if (head + 1 < c->e) { /* the genitive chain after the head stays as written */
        val rest = span_text(ex, head + 1, c->e);
        fbuf_putc(&out, ' ');
        fbuf_put(&out, rest.s, rest.n);
    }
    val v = vstr(NULL, 0);
    if (!out.oom)
        v = vstr(arena_strndup(&ex->arena, fbuf_cstr(&out), out.len), out.len);
    fbuf_free(&out);
    return v;
}

/* Gender of a given name capture: lexicon tag f/m, else the endings table. -1 unknown. */
static int given_gender(facta_extractor *ex, const capture *c)
{
    if (c->s < 0)
        return -1;
    const ftok *t = &ex->toks[c->s];
    const facta_rules *r = ex->rules;
    for (uint32_t h = ex->hit_off[c->s]; h < ex->hit_off[c->s + 1]; h++) {
        const lex_entry *e = &r->entries[ex->hits[h].entry];
        if (lex_entry_has_tag(r, e, "f"))
            return 1;
        if (lex_entry_has_tag(r, e, "m"))
            return 0;
    }
    if (t->pub.script != FACTA_SCRIPT_CYRILLIC)
        return -1;
    int g;
    char out[256];
    morph_nominative(&r->morph, t->pub.folded, t->folded_len, M_GIVEN, 0, out, sizeof out, &g);
    return g;
}

/* Gender of a patronymic capture by the endings table (-овна: f, -ович: m); -1 unknown. */
static int patronymic_gender(facta_extractor *ex, const capture *c)
{
    if (c->s < 0 || ex->toks[c->s].pub.script != FACTA_SCRIPT_CYRILLIC)
        return -1;
    const ftok *t = &ex->toks[c->s];
    int g = -1;
    char out[256];
    if (!morph_nominative(&ex->rules->morph, t->pub.folded, t->folded_len, M_PATRONYMIC, 0, out,
                          sizeof out, &g))
        return -1;
    return g;
}

static val name_word(facta_extractor *ex, const capture *c, int pos, int gender)
{
    const facta_rules *r = ex->rules;
    if (c->s < 0)
        return vstr("", 0);
    const ftok *t = &ex->toks[c->s];
    if (c->e - c->s != 1 || t->pub.script != FACTA_SCRIPT_CYRILLIC) {
        val v = span_text(ex, c->s, c->e);
        return all_upper(v.s, v.n) ? recase(ex, v, 2) : v;
    }
    if (pos == M_GIVEN) {
        const lex_entry *e = cap_entry(ex, c);
        if (e && (lex_entry_has_tag(r, e, "f") || lex_entry_has_tag(r, e, "m")))
            return entry_canon(r, e);
    }
    uint64_t want = gender >= 0 ? morph_gender_mask(gender) : 0;
    char out[512];
    size_t n = morph_nominative(&ex->rules->morph, t->pub.folded, t->folded_len, pos, want, out,
                                sizeof out, NULL);
    if (!n) {
        val v = span_text(ex, c->s, c->e);
        return all_upper(v.s, v.n) ? recase(ex, v, 2) : v;
    }
    return recase(ex, vstr(out, n), 2);
}

/* ---- expression evaluation ---- */

typedef struct env {
    const capture *caps;
    int ncaps;
    facta_attr *attrs;
    size_t nattrs;
} env;

static int is_empty(const val *v)
{
    return !v->s || v->n == 0;
}

/* The arguments (bit i: argument i) whose capture text function fn reads only through
 * fill_arg, if at all. */
static uint32_t lazy_args(int fn)
{
    switch (fn) {
    case F_TAG:    /* tag($x, "key"): the key is read */
    case F_NUMBER: /* number($n) reads tokens; number("12") the text */
        return 1;
    case F_CANON:
    case F_NORM:
    case F_LEMMA:
    case F_NOMINATIVE:
    case F_NAME:
    case F_SURNAME:
    case F_PATRONYMIC:
        return ~0u;
    default:
        return 0;
    }
}


/* Make the text of a capture argument that eval left for later. */
static int fill_arg(facta_extractor *ex, val *a, const capture *c)
{
    if (a->s)
        return 0;
    *a = span_text(ex, c->s, c->e);
    return a->s ? 0 : FACTA_ENOMEM;
}

static int eval(facta_extractor *ex, const env *en, int id, val *out, const capture **capout);

/* Argument i of call e into a[i] and ac[i]: a capture that lazy (lazy_args) marks is left for
 * later (fill_arg), anything else is evaluated. */
static int eval_arg(facta_extractor *ex, const env *en, const expr *e, uint32_t lazy, int i, val *a,
                    const capture **ac)
{
    const expr *ae = &ex->rules->exprs[e->args[i]];
    if ((lazy >> i & 1) && ae->kind == E_CAP && ae->cap != -2) {
        ac[i] = &en->caps[ae->cap];
        a[i] = vstr(NULL, 0); /* not made yet */
        return 0;
    }
    return eval(ex, en, e->args[i], &a[i], &ac[i]);
}

/* Are a and b equal ignoring case (as their recase to lower case would be)? */
static int same_nocase(val a, val b)
{
    size_t i = 0, j = 0;
    while (i < a.n && j < b.n)
        if (map_case(next_cp(a.s, a.n, &i), 0) != map_case(next_cp(b.s, b.n, &j), 0))
            return 0;
    return i == a.n && j == b.n;
}

static int eval(facta_extractor *ex, const env *en, int id, val *out, const capture **capout)
{
    const facta_rules *r = ex->rules;
    const expr *e = &r->exprs[id];
    if (capout)
        *capout = NULL;
    switch (e->kind) {
    case E_STR:
        *out = vstr(e->str, strlen(e->str));
        return 0;
    case E_CAP:
        if (e->cap == -2) {
            for (size_t i = 0; i < en->nattrs; i++)
                if (strcmp(en->attrs[i].key, e->str) == 0) {
                    *out = vstr(en->attrs[i].value, strlen(en->attrs[i].value));
                    out->is_num = en->attrs[i].is_number;
                    out->num = en->attrs[i].number;
                    return 0;
                }
            *out = vstr("", 0);
            return 0;
        }
        if (capout)
            *capout = &en->caps[e->cap];
        *out = span_text(ex, en->caps[e->cap].s, en->caps[e->cap].e);
        return out->s ? 0 : FACTA_ENOMEM;
    case E_CALL:
        break;
    }
    val a[16];
    const capture *ac[16];
    /* functions that read a capture argument's tokens, not its text, get the text only
     * when they fall back to it (fill_arg): copying it costs more than the rest */
    uint32_t lazy = lazy_args(e->fn);
    /* first, if and same choose among their arguments: only the chosen one is made */
    int made = e->fn == F_FIRST ? 0 : e->fn == F_IF ? 1 : e->fn == F_SAME ? 2 : e->nargs;
    if (made > e->nargs)
        made = e->nargs;
    for (int i = 0; i < made; i++)
        if (eval_arg(ex, en, e, lazy, i, a, ac))
            return FACTA_ENOMEM;
    static const capture none = {-1, -1, ATOM_NONE};
    const capture *c0 = made > 0 && ac[0] ? ac[0] : &none;
    int pick = -1; /* if, same: the argument that is the value */
    switch (e->fn) {
    case F_TEXT:
        *out = e->nargs ? a[0] : vstr("", 0);
        break;
    case F_LOWER:
        *out = e->nargs ? recase(ex, a[0], 0) : vstr("", 0);
        break;
    case F_UPPER:
        *out = e->nargs ? recase(ex, a[0], 1) : vstr("", 0);
        break;
    case F_TITLE:
        *out = e->nargs ? recase(ex, a[0], 2) : vstr("", 0);
        break;
    case F_CONCAT:
    case F_JOIN: {
        /* measured first, then written straight into the arena */
        size_t n = 0;
        for (int i = 0; i < e->nargs; i++)
            if (!is_empty(&a[i]))
                n += a[i].n + (e->fn == F_JOIN && n);
        char *d = arena_text(ex, n);
        if (!d)
            return FACTA_ENOMEM;
        size_t o = 0;
        for (int i = 0; i < e->nargs; i++) {
            if (is_empty(&a[i]))
                continue;
            if (e->fn == F_JOIN && o)
                d[o++] = ' ';
            memcpy(d + o, a[i].s, a[i].n);
            o += a[i].n;
        }
        *out = vstr(d, n);
        break;
    }
    case F_CANON:
    case F_NORM: {
        if (c0->atom <= ATOM_REC(0)) {
            const char *nm = ex->recs[ATOM_REC(c0->atom)].norm;
            *out = vstr(nm, strlen(nm));
            break;
        }
        const lex_entry *le = c0->s >= 0 ? cap_entry(ex, c0) : NULL;
        if (le)
            *out = entry_canon(r, le);
        else if (e->nargs && fill_arg(ex, &a[0], c0))
            return FACTA_ENOMEM;
        else
            *out = e->nargs ? a[0] : vstr("", 0);
        break;
    }
    case F_TAG: {
        const lex_entry *le = c0->s >= 0 && e->nargs > 1 ? cap_entry(ex, c0) : NULL;
        char buf[128];
        const char *v = NULL;
        /* the entry's tag bits tell most keys it lacks without reading its tags (a key with
         * '=' or ' ' in it is looked up as written) */
        size_t kl = le ? strlen(a[1].s) : 0;
        if (le && !(le->tagmask & tag_bit(a[1].s, kl)) && !memchr(a[1].s, '=', kl) &&
            !memchr(a[1].s, ' ', kl))
            le = NULL;
        if (le)
            v = lex_entry_tag(r, le, a[1].s, buf, sizeof buf);
        if (v == a[1].s) /* the key itself (a bare tag) lives as long as the document */
            *out = vstr(v, strlen(v));
        else
            *out = v ? vstr(arena_strndup(&ex->arena, v, strlen(v)), strlen(v)) : vstr("", 0);
        break;
    }
    case F_NUMBER: {
        double d;
        const rec *nr = c0->atom <= ATOM_REC(0) ? &ex->recs[ATOM_REC(c0->atom)] : NULL;
        /* a record whose norm is number() of its own tokens (a _NUM): they are not read again */
        if (nr && nr->num_norm && nr->norm == nr->num_norm)
            *out = (val){nr->norm, strlen(nr->norm), 1, nr->num};
        else if (c0->s >= 0 && norm_number(ex, (uint32_t)c0->s, (uint32_t)c0->e, &d))
            *out = vnum(ex, d);
        else if (e->nargs && !ac[0] && a[0].n) {
            char *end;
            double d2 = strtod(a[0].s, &end);
            *out = end != a[0].s ? vnum(ex, d2) : vstr("", 0);
        } else
            *out = vstr("", 0);
        break;
    }
    case F_LEMMA:
        *out = lemma(ex, c0);
        break;
    case F_NOMINATIVE:
        if (c0->s >= 0 && ex->toks[c0->s].pub.script == FACTA_SCRIPT_CYRILLIC)
            *out = nominative(ex, c0);
        else if (e->nargs && fill_arg(ex, &a[0], c0))
            return FACTA_ENOMEM;
        else
            *out = e->nargs ? a[0] : vstr("", 0);
        break;
    case F_NAME: {
        /* name($given, $surname): a surname in the nominative means the given name is too
         * ("Мустафа Джемилев" stays, "Динары Закиевой" → Динара) */
        const capture *sc = e->nargs > 1 ? ac[1] : NULL;
        const char *gb = c0->s >= 0 ? lex_base(ex, &ex->toks[c0->s]) : NULL;
        int given_inflected = gb && strcmp(gb, ex->toks[c0->s].pub.folded) != 0;
        if (sc && sc->s >= 0 && c0->s >= 0 && sc->e - sc->s == 1 && !given_inflected &&
            ex->toks[sc->s].pub.script == FACTA_SCRIPT_CYRILLIC) {
            const ftok *st = &ex->toks[sc->s];
            char nom[256];
            size_t nn = morph_nominative(&r->morph, st->pub.folded, st->folded_len, M_SURNAME, 0,
                                         nom, sizeof nom, NULL);
            if (nn == st->folded_len && memcmp(nom, st->pub.folded, nn) == 0) {
                if (fill_arg(ex, &a[0], c0))
                    return FACTA_ENOMEM;
                *out = all_upper(a[0].s, a[0].n) ? recase(ex, a[0], 2) : a[0];
                break;
            }
        }
        *out = name_word(ex, c0, M_GIVEN, -1);
        break;
    }
    case F_SURNAME:
    case F_PATRONYMIC: {
        /* a patronymic's gender is certain ("Гульнар Серикбаевна Абенова"); a given name's
         * may be a guess of the endings table */
        int g = e->nargs > 2 && ac[2] ? patronymic_gender(ex, ac[2]) : -1;
        if (g < 0)
            g = e->nargs > 1 && ac[1] ? given_gender(ex, ac[1]) : -1;
        *out = name_word(ex, c0, e->fn == F_SURNAME ? M_SURNAME : M_PATRONYMIC, g);
        break;
    }
    case F_FIRST:
        *out = vstr("", 0);
        for (int i = 0; i < e->nargs; i++) {
            if (eval_arg(ex, en, e, lazy, i, a, ac))
                return FACTA_ENOMEM;
            if (!is_empty(&a[i])) {
                *out = a[i];
                break;
            }
        }
        break;
    case F_IF:
        pick = e->nargs >= 2 && !is_empty(&a[0]) ? 1 : e->nargs >= 3 ? 2 : -1;
        break;
    case F_PART: {
        /* part(x, N): the N-th run of digits in x (1-based): part("23.11.2016", 2) = 11 */
        *out = vstr("", 0);
        if (e->nargs < 2)
            break;
        int want = atoi(a[1].s), k = 0;
        for (size_t i = 0; i < a[0].n;) {
            if (a[0].s[i] < '0' || a[0].s[i] > '9') {
                i++;
                continue;
            }
            size_t j = i;
            while (j < a[0].n && a[0].s[j] >= '0' && a[0].s[j] <= '9')
                j++;
            if (++k == want) {
                char buf[32];
                snprintf(buf, sizeof buf, "%.*s", (int)(j - i < 20 ? j - i : 20), a[0].s + i);
                *out = vnum(ex, strtod(buf, NULL));
                break;
            }
            i = j;
        }
        break;
    }
    case F_SAME: {
        /* same(a, b, then, else): `then` when a and b are equal ignoring case, else `else` */
        int eq = e->nargs >= 2 && a[0].n && a[1].n && same_nocase(a[0], a[1]);
        pick = eq ? (e->nargs > 2 ? 2 : -1) : (e->nargs > 3 ? 3 : -1);
        break;
    }
    default:
        *out = vstr("", 0);
    }
    if (e->fn == F_IF || e->fn == F_SAME) {
        if (pick >= 0 && eval_arg(ex, en, e, lazy, pick, a, ac))
            return FACTA_ENOMEM;
        *out = pick >= 0 ? a[pick] : vstr("", 0);
    }
    /* every value is a string ("" when empty): none means an allocation failed */
    return out->s ? 0 : FACTA_ENOMEM;
}

int eval_emit(facta_extractor *ex, const rule *ru, const emit *em, const capture *caps,
              const cand *c, rec *out)
{
    memset(out, 0, sizeof *out);
    out->type = em->type;
    out->rule = (int)(ru - ex->rules->rules);
    out->ts = c->start;
    out->te = c->end;
    if (em->span_cap >= 0) {
        if (caps[em->span_cap].s < 0)
            return 1;
        out->ts = (uint32_t)caps[em->span_cap].s;
        out->te = (uint32_t)caps[em->span_cap].e;
    }
    if (out->te <= out->ts)
        return 1;
    facta_attr attrs[40];
    env en = {caps, ru->ncaps, attrs, 0};
    const char *norm = NULL;
    for (int i = 0; i < em->nas; i++) {
        val v;
        if (eval(ex, &en, em->as[i].expr, &v, NULL))
            return FACTA_ENOMEM;
        if (!v.s)
            return FACTA_ENOMEM;
        /* the value ends at a NUL (a token's folded form); a number has none */
        const char *nul = v.is_num ? NULL : memchr(v.s, 0, v.n);
        if (nul)
            v.n = (size_t)(nul - v.s);
        const char *key = em->as[i].key;
        if (key[0] == 'n' && key[1] == 'o' && key[2] == 'r' && key[3] == 'm' && !key[4]) {
            if (v.n == 0)
                return 1; /* no norm: the action declines */
            norm = v.s[v.n] == 0 ? v.s : arena_strndup(&ex->arena, v.s, v.n);
            /* number($x) of the record's own tokens: number() of the record is this again */
            const expr *ne = &ex->rules->exprs[em->as[i].expr];
            const expr *na = ne->kind == E_CALL && ne->fn == F_NUMBER && ne->nargs == 1
                                 ? &ex->rules->exprs[ne->args[0]] : NULL;
            int own = na && na->kind == E_CAP && na->cap >= 0 &&
                      caps[na->cap].s == (int32_t)out->ts && caps[na->cap].e == (int32_t)out->te;
            out->num_norm = own && v.is_num ? norm : NULL;
            out->num = v.num;
            continue;
        }
        if (v.n == 0)
            continue;
        facta_attr *a = NULL; /* a key assigned again: the later value replaces the earlier */
        for (size_t k = 0; k < en.nattrs && !a; k++)
            if (attrs[k].key[0] == key[0] && strcmp(attrs[k].key, key) == 0)
                a = &attrs[k];
        if (!a) {
            if (en.nattrs >= 40)
                continue;
            a = &attrs[en.nattrs++];
        }
        a->key = key;
        a->value = v.s[v.n] == 0 ? v.s : arena_strndup(&ex->arena, v.s, v.n);
        a->is_number = v.is_num;
        a->number = v.num;
        if (!a->value)
            return FACTA_ENOMEM;
    }
    if (!norm) {
        val t = span_text(ex, (int32_t)out->ts, (int32_t)out->te);
        if (!t.s)
            return FACTA_ENOMEM;
        if (!t.n || !t.s[0])
            return 1; /* the text starts with a NUL: the norm would read as empty */
        norm = t.s;
    }
    out->norm = norm;
    out->attrs = arena_alloc(&ex->arena, en.nattrs * sizeof *out->attrs);
    if (!out->attrs)
        return FACTA_ENOMEM;
    memcpy(out->attrs, attrs, en.nattrs * sizeof *attrs);
    out->nattrs = en.nattrs;
    return 0;
}

/* ---- record finishing: dates, persons ---- */

static facta_attr *get_attr(rec *r, const char *key)
{
    for (size_t i = 0; i < r->nattrs; i++)
        if (r->attrs[i].key[0] == key[0] && strcmp(r->attrs[i].key, key) == 0)
            return &r->attrs[i];
    return NULL;
}

/* A date field: 0 when absent or a text that does not start with a number; a number's value
 * (a text's leading integer), or -1 (outside every range) for one below 1 or too large. */
static int attr_int(rec *r, const char *key)
{
    facta_attr *a = get_attr(r, key);
    if (!a)
        return 0;
    double v = a->number;
    if (!a->is_number) {
        char *end;
        long l = strtol(a->value, &end, 10);
        if (end == a->value)
            return 0;
        v = (double)l;
    }
    return v >= 1 && v < 100000 ? (int)v : -1;
}

static int out_of(int v, int lo, int hi)
{
    return v && (v < lo || v > hi);
}

/* Set (or add, into a copy one longer) a numeric or string attribute. */
static int put_attr(facta_extractor *ex, rec *r, const char *key, const char *sval, double num,
                    int is_num)
{
    facta_attr *a = get_attr(r, key);
    if (!a) {
        /* grow by copying into the arena (attrs are few) */
        facta_attr *na = arena_alloc(&ex->arena, (r->nattrs + 1) * sizeof *na);
        if (!na)
            return FACTA_ENOMEM;
        memcpy(na, r->attrs, r->nattrs * sizeof *na);
        r->attrs = na;
        a = &r->attrs[r->nattrs++];
        a->key = key;
    }
    if (is_num) {
        val v = vnum(ex, num);
        if (!v.s)
            return FACTA_ENOMEM;
        a->value = v.s;
        a->is_number = 1;
        a->number = num;
    } else {
        a->value = arena_strndup(&ex->arena, sval, strlen(sval));
        a->is_number = 0;
        if (!a->value)
            return FACTA_ENOMEM;
    }
    return 0;
}

static void del_attr(rec *r, const char *key)
{
    for (size_t i = 0; i < r->nattrs; i++)
        if (strcmp(r->attrs[i].key, key) == 0) {
            memmove(&r->attrs[i], &r->attrs[i + 1], (r->nattrs - i - 1) * sizeof *r->attrs);
            r->nattrs--;
            return;
        }
}

/* ISO 8601 text for a (possibly partial) date: 2016-11-23, 2016-11, 2016, --11-23, --11. */
static void fmt_date(char *out, size_t cap, int y, int m, int d)
{
    if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99 && cap >= 11) {
        /* the fields of a checked date: their digits without snprintf's cost */
        char *o = out;
        if (y) {
            for (int k = 3, v = y; k >= 0; k--, v /= 10)
                o[k] = (char)('0' + v % 10);
            o += 4;
        } else if (m) {
            *o++ = '-';
        }
        if (m) {
            *o++ = '-';
            *o++ = (char)('0' + m / 10);
            *o++ = (char)('0' + m % 10);
            if (d) {
                *o++ = '-';
                *o++ = (char)('0' + d / 10);
                *o++ = (char)('0' + d % 10);
            }
        }
        *o = 0;
        return;
    }
    if (y && m && d)
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
    else if (y && m)
        snprintf(out, cap, "%04d-%02d", y, m);
    else if (y)
        snprintf(out, cap, "%04d", y);
    else if (m && d)
        snprintf(out, cap, "--%02d-%02d", m, d);
    else if (m)
        snprintf(out, cap, "--%02d", m);
    else
        out[0] = 0;
}

static int finish_date(facta_extractor *ex, rec *r)
{
    int y = attr_int(r, "year"), m = attr_int(r, "month"), d = attr_int(r, "day");
    int ey = attr_int(r, "end_year"), em = attr_int(r, "end_month"), ed = attr_int(r, "end_day");
    facta_attr *rel = get_attr(r, "rel_year");
    int rc = 0;
    if (rel) {
        double dv = rel->number;
        if (!rel->is_number)
            dv = (double)strtol(rel->value, NULL, 10);
        if (!(dv >= -1000 && dv <= 1000)) { /* no year can come of it */
            r->dead = 1;
            return 0;
        }
        int delta = (int)dv;
        char rv[16];
        snprintf(rv, sizeof rv, "%+d", delta);
        if (ex->doc_year) {
            y = ex->doc_year + delta > 0 ? ex->doc_year + delta : -1; /* -1: out of range */
            rc = put_attr(ex, r, "year", NULL, y, 1);
            if (!rc)
                rc = put_attr(ex, r, "relative", rv, 0, 0);
        } else {
            rc = put_attr(ex, r, "relative", rv, 0, 0);
        }
        del_attr(r, "rel_year");
        if (rc)
            return rc;
    }
    if (!rel && !y && m && ex->doc_year) {
        y = ex->doc_year;
        if ((rc = put_attr(ex, r, "year", NULL, y, 1)) || (rc = put_attr(ex, r, "inferred", "year", 0, 0)))
            return rc;
    }
    /* checked after the year is inferred or made relative: the document's year may be
     * outside the range too */
    if (out_of(m, 1, 12) || out_of(d, 1, 31) || out_of(em, 1, 12) || out_of(ed, 1, 31) ||
        out_of(y, 1000, 2200) || out_of(ey, 1000, 2200)) {
        r->dead = 1;
        return 0;
    }
    if ((ed || em) && !ey && y)
        ey = y, rc = put_attr(ex, r, "end_year", NULL, y, 1);
    if (!rc && ed && !em && m)
        em = m, rc = put_attr(ex, r, "end_month", NULL, m, 1);
    if (rc)
        return rc;
    char iso[64], a[24], b[24];
    fmt_date(a, sizeof a, y, m, d);
    fmt_date(b, sizeof b, ey ? ey : y, em, (ed || em || ey) ? ed : 0);
    if (!(ed || em || ey))
        b[0] = 0;
    if (*a) {
        size_t an = strlen(a), bn = strlen(b); /* each < 24: iso holds both */
        memcpy(iso, a, an);
        if (bn)
            iso[an++] = '/';
        memcpy(iso + an, b, bn + 1);
        if ((rc = put_attr(ex, r, "iso", iso, 0, 0)))
            return rc;
        r->norm = get_attr(r, "iso")->value;
    }
    return 0;
}

/* A loose, script-independent key: Cyrillic transliterated, then spelling variants folded
 * ("Zakiyeva", "Zakieva", "Закиева" → "zakieva"). */
static const char *const CYR_LAT[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m",
                                "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                                "sch", "", "y", "", "e", "yu", "ya"};

static size_t loose_key(const char *s, size_t n, char *out, size_t cap)
{
    char t[512];
    size_t o = 0, i = 0;
    while (i < n && o + 4 < sizeof t) {
        uint32_t c = next_cp(s, n, &i);
        if (c >= 0x80)
            c = map_case(c, 0);
        else if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c >= 'a' && c <= 'z') {
            t[o++] = (char)c;
        } else if (c >= 0x430 && c <= 0x44F) {
            for (const char *l = CYR_LAT[c - 0x430]; *l; l++) /* at most 3 letters */
                t[o++] = *l;
        } else if (c == 0x451) {
            t[o++] = 'e';
        } else if (c == 0x4D9) { /* ә */
            t[o++] = 'a';
        } else if (c == 0x4E9 || c == 0x4AF || c == 0x4B1) { /* ө ү ұ */
            t[o++] = c == 0x4E9 ? 'o' : 'u';
        } else if (c == 0x493) { /* ғ */
            t[o++] = 'g';
        } else if (c == 0x49B) { /* қ */
            t[o++] = 'k';
        } else if (c == 0x4A3) { /* ң */
            t[o++] = 'n';
        } else if (c == 0x4BB) { /* һ */
            t[o++] = 'h';
        } else if (c == 0x456) { /* і */
            t[o++] = 'i';
        } else if (c >= 0xE0 && c <= 0xFF) {
            static const char L1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
            t[o++] = L1[c - 0xE0];
        } else if ((c >= 'a' && c <= 'z') || c == ' ') {
            t[o++] = (char)c;
        } else if (c == '-') {
            t[o++] = ' ';
        }
    }
    t[o] = 0;
    /* fold spelling variants: kh→h, zh→j, ts→c, ch→c, sh→s, x→ks, w→v, ou→u;
     * a y/j glide after i, between vowels, or at a word start before e is dropped
 * (Zakiyeva, Nazarbayev, Yevgeny);
     * other y/j → i; doubled letters once. "Zakiyeva", "Zakieva", "Закиева" → zakieva */
    size_t k = 0;
    for (size_t j = 0; j < o && k + 2 < cap; j++) {
        char c = t[j], d = j + 1 < o ? t[j + 1] : 0;
        if ((c == 'k' && d == 'h') || (c == 'z' && d == 'h') || (c == 't' && d == 's') ||
            (c == 'c' && d == 'h') || (c == 's' && d == 'h')) {
            c = c == 'k' ? 'h' : c == 'z' ? 'j' : c == 't' ? 'c' : c == 'c' ? 'c' : 's';
            j++;
        } else if (c == 'o' && d == 'u') {
            c = 'u';
            j++;
        } else if (c == 'y' || c == 'j') {
            int word_start = k == 0 || out[k - 1] == ' ';
            int between = k > 0 && strchr("aeiou", out[k - 1]) && d && strchr("aeiou", d);
            if ((k > 0 && out[k - 1] == 'i') || (word_start && d == 'e') || between)
                continue; /* Nazarbayev = Назарбаев */
            c = 'i';
        } else if (c == 'w') {
            c = 'v';
        } else if (c == 'x') {
            out[k++] = 'k';
            c = 's';
        }
        if (k > 0 && out[k - 1] == c && c != ' ')
            continue;
        out[k++] = c;
    }
    out[k] = 0;
    return k;
}

/* "А.", "N. A." : letters each followed by a dot */
static int is_initials(const char *s)
{
    size_t n = strlen(s), i = 0;
    int letters = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        if (c == ' ')
            continue;
        if (map_case(c, 0) == c || i >= n || s[i] != '.')
            return 0; /* not a capital letter followed by a dot */
        i++;
        letters++;
    }
    return letters > 0;
}

static int same_first_letter(const char *a, const char *b)
{
    size_t i = 0, j = 0;
    return map_case(utf8_next(a, strlen(a), &i), 0) == map_case(utf8_next(b, strlen(b), &j), 0);
}

/* The full names of a document (PERSON records with a first name that is not initials and
 * a last name, not themselves resolved mentions), sorted by the loose key of the surname, then
 * by position: a surname alone finds the full names before it by binary search (scanning
 * every earlier record was quadratic in a long document). */
typedef struct name_ent {
    uint64_t hash; /* surname_key_hash of the last name */
    uint32_t ts;
    int32_t rec;
} name_ent;

typedef struct name_index {
    name_ent *ent;
    size_t n;
    int type;
    int built; /* made at the first lookup: most documents never look up a surname alone */
} name_index;

static uint64_t surname_key_hash(const char *last, char *key, size_t cap)
{
    size_t n = loose_key(last, strlen(last), key, cap);
    return fa_hash(key, n) | 1;
}

static int cmp_name_ent(const void *a, const void *b)
{
    const name_ent *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->ts != y->ts)
        return x->ts < y->ts ? -1 : 1;
    return x->rec < y->rec ? -1 : x->rec > y->rec;
}

/* Index the full names among records [0, nrecs). 0 or FACTA_ENOMEM. */
static int name_index_build(facta_extractor *ex, name_index *ix, size_t nrecs)
{
    ix->ent = arena_alloc(&ex->arena, (nrecs + 1) * sizeof *ix->ent);
    if (!ix->ent)
        return FACTA_ENOMEM;
    ix->n = 0;
    for (size_t j = 0; j < nrecs; j++) {
        rec *o = &ex->recs[j];
        if (o->type != ix->type)
            continue;
        facta_attr *of = get_attr(o, "first"), *ol = get_attr(o, "last");
        if (!of || !ol || is_initials(of->value) || get_attr(o, "match"))
            continue;
        if (o->skey_of != ol->value) { /* kept for the next phase's index */
            char key[256];
            o->skey_hash = surname_key_hash(ol->value, key, sizeof key);
            o->skey_of = ol->value;
        }
        ix->ent[ix->n++] = (name_ent){o->skey_hash, o->ts, (int32_t)j};
    }
    qsort(ix->ent, ix->n, sizeof *ix->ent, cmp_name_ent);
    ix->built = 1;
    return 0;
}

/* The first entry not before (h, ts): the full names with surname hash h that start before
 * token ts are [name_index_upto(h, 0), name_index_upto(h, ts)). */
static size_t name_index_upto(const name_index *ix, uint64_t h, uint32_t ts)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        const name_ent *e = &ix->ent[m];
        if (e->hash < h || (e->hash == h && e->ts < ts))
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

static int finish_person(facta_extractor *ex, rec *r, name_index *ix)
{
    facta_attr *first = get_attr(r, "first"), *last = get_attr(r, "last");
    int rc = 0;
    for (size_t t = r->ts; t < r->te; t++)
        if (ex->toks[t].pub.script == FACTA_SCRIPT_MIXED) {
            rc = put_attr(ex, r, "flag", "mixed_script", 0, 0);
            break;
        }
    if (rc)
        return rc;
    /* initials ("А. Жумабаева", "N. Nazarbayev") count as no first name for the lookup,
     * but the full name's first letter must agree with them */
    int initials = first && is_initials(first->value);
    if (last && (!first || initials)) {
        /* a surname alone: the first full name before it in the text that has the same
         * surname, else the first with the same loose key ("Boris Yeltsin ... Naina Yeltsin
         * ... Yeltsin said": the name that came first is the one the text goes on about) */
        char lk[256];
        if (!ix->built && (rc = name_index_build(ex, ix, ex->nrecs)))
            return rc;
        uint64_t h = surname_key_hash(last->value, lk, sizeof lk);
        rec *best = NULL;
        int exact = 0;
        for (size_t k = name_index_upto(ix, h, 0), e = name_index_upto(ix, h, r->ts);
             k < e && !exact; k++) {
            rec *o = &ex->recs[ix->ent[k].rec];
            if (o->dead || o->type != r->type)
                continue;
            facta_attr *of = get_attr(o, "first"), *ol = get_attr(o, "last");
            if (!of || !ol || (initials && !same_first_letter(first->value, of->value)))
                continue;
            char ok[256];
            loose_key(ol->value, strlen(ol->value), ok, sizeof ok);
            if (strcmp(ok, lk) != 0)
                continue; /* another key with the same hash */
            exact = strcmp(ol->value, last->value) == 0;
            if (!best || exact)
                best = o;
        }
        if (best) {
            facta_attr *of = get_attr(best, "first"), *ol = get_attr(best, "last");
            facta_attr *om = get_attr(best, "middle");
            r->norm = best->norm;
            if ((rc = put_attr(ex, r, "first", of->value, 0, 0)) ||
                (om && (rc = put_attr(ex, r, "middle", om->value, 0, 0))) ||
                (rc = put_attr(ex, r, "last", ol->value, 0, 0)) ||
                (rc = put_attr(ex, r, "match", initials ? "initials"
                                               : exact ? "surname" : "surname_key", 0, 0)))
                return rc;
            first = get_attr(r, "first");
            last = get_attr(r, "last");
        }
    }
    /* the loose keys of the first and the last name (each < 512 bytes), space-separated */
    char key[1024];
    size_t kn = 0;
    if (first)
        kn = loose_key(first->value, strlen(first->value), key, 512);
    if (last) {
        if (kn)
            key[kn++] = ' ';
        kn += loose_key(last->value, strlen(last->value), key + kn, 512);
    }
    if (!first && !last)
        loose_key(r->norm, strlen(r->norm), key, 512);
    rc = put_attr(ex, r, "key", key, 0, 0);
    /* _antecedent: a reading that only holds if the full name was met earlier */
    if (!rc && get_attr(r, "_antecedent") && !get_attr(r, "match"))
        r->dead = 1;
    return rc;
}

int finish_records(facta_extractor *ex)
{
    int date_t = rules_find_type(ex->rules, "DATE");
    /* a dateline gives the document date when the caller did not */
    if (!ex->doc_year && date_t >= 0) {
        for (size_t i = 0; i < ex->nrecs; i++) {
            rec *r = &ex->recs[i];
            if (r->type == date_t && get_attr(r, "dateline") && attr_int(r, "year") >= 1000 &&
                attr_int(r, "year") <= 2200) {
                ex->doc_year = attr_int(r, "year");
                ex->doc_month = attr_int(r, "month") > 0 ? attr_int(r, "month") : 0;
                ex->doc_day = attr_int(r, "day") > 0 ? attr_int(r, "day") : 0;
                break;
            }
        }
    }
    /* a record inside (or equal to) a later phase's record of the same type is part of it
     * ("Мажилис" inside "Мажилис Парламента Республики Казахстан") */
    const rule *rules = ex->rules->rules;
    for (size_t i = 0; i < ex->nrecs; i++) {
        rec *c = &ex->recs[i];
        if (c->dead)
            continue;
        for (uint32_t k = c->ts; k < c->te; k++) {
            for (int32_t j = ex->rec_head[k]; j >= 0; j = ex->recs[j].next_at_start) {
                rec *o = &ex->recs[j];
                if (o == c || o->dead || o->type != c->type || o->te > c->te ||
                    rules[o->rule].phase >= rules[c->rule].phase)
                    continue; /* same span too: the later phase's reading refines it */
                o->dead = 1;
            }
        }
    }
    for (size_t i = 0; i < ex->nrecs; i++) {
        rec *r = &ex->recs[i];
        int rc = 0;
        if (r->dead)
            continue;
        if (r->type == date_t) {
            rc = finish_date(ex, r);
            del_attr(r, "dateline");
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* The bytes of the first k (> 0) code points of s[0, n), or 0 when it has fewer. */
static size_t lead_bytes(const char *s, size_t n, unsigned k)
{
    size_t i = 0;
    for (unsigned c = 0; c < k; c++) {
        if (i >= n)
            return 0;
        for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
            ;
    }
    return i;
}

/* A bit (0..4095) for the first lb bytes of s. */
static unsigned lead_bit(const char *s, size_t lb)
{
    return (unsigned)(fa_hash(s, lb) & 4095);
}

/* A later mention of a surname met in a full name: "Барак Обама ... Обамы", "Zakiyeva".
 * Cyrillic mentions are compared through their nominative (surname or noun endings). */
static int resolve_mentions(facta_extractor *ex, int person_t)
{
    const facta_rules *r = ex->rules;
    size_t nfull = 0;
    for (size_t i = 0; i < ex->nrecs; i++) {
        rec *p = &ex->recs[i];
        if (p->type == person_t && !p->dead && get_attr(p, "first") && get_attr(p, "last") &&
            !get_attr(p, "match"))
            nfull++;
    }
    if (!nfull)
        return 0;
    /* surnames of full names in a hash table: each candidate word costs one or three probes,
     * whatever the number of names (the earliest full name per surname is kept) */
    size_t cap = 16;
    while (cap < nfull * 2)
        cap *= 2;
    struct full { const char *last; uint64_t h; size_t idx; } *fl = arena_alloc(&ex->arena, cap * sizeof *fl);
    uint8_t *cov = arena_alloc(&ex->arena, ex->ntoks + 1);
    if (!fl || !cov)
        return FACTA_ENOMEM;
    memset(fl, 0, cap * sizeof *fl);
    memset(cov, 0, ex->ntoks + 1);
    /* a nominative keeps the word's stem, at least min_stem letters (kc): a word whose first
     * kc letters begin no surname (lead: a 4096-bit filter of them) needs no
     * morph_nominative. Letters, not bytes: one Cyrillic letter let most words of a long
     * document through. */
    unsigned kc = 255;
    for (size_t j = 0; j < r->morph.nrows; j++)
        if ((r->morph.rows[j].pos & (M_SURNAME | M_NOUN)) && r->morph.rows[j].min_stem < kc)
            kc = r->morph.rows[j].min_stem;
    uint64_t lead[64];
    memset(lead, 0, sizeof lead);
    for (size_t i = 0; i < ex->nrecs; i++) {
        rec *p = &ex->recs[i];
        if (p->dead || r->types[p->type][0] == '_')
            continue;
        for (uint32_t t = p->ts; t < p->te; t++)
            cov[t] = 1;
        facta_attr *la = get_attr(p, "last");
        if (p->type != person_t || !get_attr(p, "first") || !la || get_attr(p, "match"))
            continue;
        fbuf_reset(&ex->tmp);
        if (tok_fold(ex->tk, la->value, strlen(la->value), &ex->tmp) || ex->tmp.oom)
            return FACTA_ENOMEM;
        uint64_t h = fa_hash(fbuf_cstr(&ex->tmp), ex->tmp.len) | 1;
        size_t k = (size_t)h & (cap - 1);
        for (; fl[k].last; k = (k + 1) & (cap - 1))
            if (fl[k].h == h && strcmp(fl[k].last, fbuf_cstr(&ex->tmp)) == 0)
                break;
        if (fl[k].last) {
            if (ex->recs[fl[k].idx].ts > p->ts)
                fl[k].idx = i;
            continue;
        }
        fl[k].last = arena_strndup(&ex->arena, fbuf_cstr(&ex->tmp), ex->tmp.len);
        fl[k].h = h;
        fl[k].idx = i;
        if (!fl[k].last)
            return FACTA_ENOMEM;
        size_t lb = kc ? lead_bytes(fl[k].last, ex->tmp.len, kc) : 0;
        if (lb) { /* a shorter one is no nominative */
            unsigned b = lead_bit(fl[k].last, lb);
            lead[b >> 6] |= 1ull << (b & 63);
        }
    }
    for (size_t i = 0; i < ex->ntoks; i++) {
        const ftok *t = &ex->toks[i];
        if (cov[i] || t->pub.kind != FACTA_TOK_WORD ||
            (t->pub.shape != FACTA_SHAPE_TITLE && t->pub.shape != FACTA_SHAPE_MIXED) ||
            (t->pub.script != FACTA_SCRIPT_LATIN && t->pub.script != FACTA_SCRIPT_CYRILLIC) ||
            t->pub.span.cp_end - t->pub.span.cp_start < 3)
            continue;
        char c1[256], c2[256];
        const char *cands[3] = {t->pub.folded, NULL, NULL};
        int may_inflect = 0; /* may the word be a form of a surname's nominative? */
        if (t->pub.script == FACTA_SCRIPT_CYRILLIC) {
            size_t lb = kc ? lead_bytes(t->pub.folded, t->folded_len, kc) : 0;
            unsigned b = lb ? lead_bit(t->pub.folded, lb) : 0;
            may_inflect = !kc || (lb && (lead[b >> 6] >> (b & 63) & 1));
        }
        if (may_inflect) {
            if (morph_nominative(&r->morph, t->pub.folded, t->folded_len, M_SURNAME, 0, c1, sizeof c1, NULL))
                cands[1] = c1;
            if (morph_nominative(&r->morph, t->pub.folded, t->folded_len, M_NOUN, 0, c2, sizeof c2, NULL))
                cands[2] = c2;
        }
        const rec *p = NULL;
        for (int c = 0; c < 3 && !p; c++) {
            if (!cands[c])
                continue;
            uint64_t h = fa_hash(cands[c], strlen(cands[c])) | 1;
            for (size_t k = (size_t)h & (cap - 1); fl[k].last; k = (k + 1) & (cap - 1))
                if (fl[k].h == h && strcmp(fl[k].last, cands[c]) == 0) {
                    if (ex->recs[fl[k].idx].ts < i) /* the full name comes first */
                        p = &ex->recs[fl[k].idx];
                    break;
                }
        }
        if (!p)
            continue;
        rec m;
        memset(&m, 0, sizeof m);
        m.type = person_t;
        m.rule = p->rule;
        m.ts = (uint32_t)i;
        m.te = (uint32_t)i + 1;
        m.norm = p->norm;
        m.attrs = arena_alloc(&ex->arena, (p->nattrs + 1) * sizeof *m.attrs);
        if (!m.attrs)
            return FACTA_ENOMEM;
        memcpy(m.attrs, p->attrs, p->nattrs * sizeof *m.attrs);
        m.nattrs = p->nattrs;
        m.attrs[m.nattrs].key = "match";
        m.attrs[m.nattrs].value = "surname";
        m.attrs[m.nattrs].is_number = 0;
        m.nattrs++;
        int rc = rec_add(ex, &m);
        if (rc)
            return rc;
        cov[i] = 1;
    }
    return 0;
}

/* Called after each phase for the records it added (persons need keys before roles link). */
int finish_phase_records(facta_extractor *ex, size_t from);
int finish_phase_records(facta_extractor *ex, size_t from)
{
    int person_t = rules_find_type(ex->rules, "PERSON");
    int made = 0;
    size_t end = ex->nrecs;
    if (person_t < 0 || from >= end)
        return 0;
    name_index ix = {.type = person_t};
    for (size_t i = from; i < end; i++) {
        rec *r = &ex->recs[i];
        if (r->type == person_t && !r->dead) {
            int rc = finish_person(ex, r, &ix);
            if (rc)
                return rc;
            made = 1;
        }
    }
    return made ? resolve_mentions(ex, person_t) : 0;
}
