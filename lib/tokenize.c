/* tokenize.c: ICU word breaks, classification, folding, stems.
 *
 * One pass over the word boundaries produces tokens with byte and code-point offsets. The
 * boundaries are ICU's (UBRK_WORD, root locale): computed by wordbreak.c straight from the
 * UTF-8 when every character of the document is one it knows (most news text), else by ICU
 * over a UTF-16 copy of the document.
 * Then three local repairs ICU does not do for news text:
 *   - URLs and e-mail addresses become one token (ICU splits them at '/', '@', '.');
 *   - words joined by a hyphen with no space ("Kianian-Firouzgar", "25-летию") become
 *     one token, except number-number ("2023-2024", "6-7" are ranges);
 *   - a Latin possessive "'s" / "’s" becomes its own token ("Kazakhstan’s" → "Kazakhstan" "’s").
 * Digit groups split by spaces ("1 300", also with U+00A0 or U+202F) stay separate tokens:
 * the number rules rejoin them.
 *
 * Stems are cached per tokenizer: one Snowball call per distinct folded word.
 */
#include "tokenize.h"
#include "wordbreak.h"

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>

_Static_assert(sizeof(ftok) == 64, "ftok is one cache line");

#define STEM_CACHE_MAX (1u << 18) /* entries before the cache is cleared */

typedef struct stem_ent {
    uint64_t hash;    /* of the key (a folded word) */
    uint32_t id;      /* its stem: stems[id]; 0 = empty slot */
    uint32_t key_len;
} stem_ent;

typedef struct stem_rec {
    ftok_stem st;
    const char *key;
} stem_rec;

#define STEM_FOLDED 1u /* ftok.stem: the stem is the folded form (no stemmer for it) */

/* tokenizer.ascii: what the tokenizer asks about an ASCII character, answered once */
#define ASC_KIND 0x03u       /* the kind of a punctuation or symbol token it starts */
#define ASC_ALPHA 0x04u      /* u_isalpha() */
#define ASC_URL 0x08u        /* a URL or address may start with it: a letter or digit */
#define ASC_URL_PREFIX 0x10u /* the first letter of http://, https://, www., ftp:// */

struct tokenizer {
    const fa_alloc *al;
    UBreakIterator *bi;
    /* ICU breaks UTF-16 faster than UTF-8 through a UText (about 1.3x, conversion
     * included), so the document is broken as UTF-16 and positions mapped back */
    UChar *u16;
    size_t u16_cap;
    size_t cur_b;   /* a cursor mapping between the two: byte offset ... */
    int32_t cur_u;  /* ... and the UTF-16 index of the same code point boundary */
    int fast_ok;    /* wordbreak.c agrees with this ICU (checked once, in tok_new) */
    int fast;       /* this document is broken by wordbreak.c ... */
    size_t fpos;    /* ... which has reached this boundary */
    UCaseMap *csm;
    struct sb_stemmer *st_ru, *st_en;
    ftok *toks;
    size_t ntoks, cap;
    fbuf fold;     /* scratch */
    fbuf icu;      /* scratch for ICU folding */
    stem_ent *cache;
    size_t cache_cap, cache_n;
    stem_rec *stems;  /* by id; ids 0 and STEM_FOLDED are not used */
    size_t stems_cap;
    fa_arena cache_pool;
    uint8_t ascii[128]; /* ASC_* */
};

int tok_new(tokenizer **out, const fa_alloc *al)
{
    tokenizer *t = fa_calloc(al, 1, sizeof *t);
    if (!t)
        return FACTA_ENOMEM;
    t->al = al;
    fbuf_init(&t->fold, al);
    fbuf_init(&t->icu, al);
    arena_init(&t->cache_pool, al);
    UErrorCode err = U_ZERO_ERROR;
    t->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_SUCCESS(err))
        t->csm = ucasemap_open("", U_FOLD_CASE_DEFAULT, &err);
    if (U_SUCCESS(err) && t->bi)
        t->fast_ok = wb_agrees_with_icu(t->bi);
    for (UChar32 c = 0; c < 128; c++) {
        int punct = u_ispunct(c) && c != '%' && !u_iscntrl(c);
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        int prefix = (c | 32) == 'h' || (c | 32) == 'w' || (c | 32) == 'f';
        t->ascii[c] = (uint8_t)((punct ? FACTA_TOK_PUNCT : FACTA_TOK_SYMBOL) |
                                (u_isalpha(c) ? ASC_ALPHA : 0) | (alnum ? ASC_URL : 0) |
                                (prefix ? ASC_URL_PREFIX : 0));
    }
    t->st_ru = sb_stemmer_new("russian", "UTF_8");
    t->st_en = sb_stemmer_new("english", "UTF_8");
    if (U_FAILURE(err) || !t->bi || !t->csm || !t->st_ru || !t->st_en) {
        tok_free(t);
        return FACTA_ERROR;
    }
    *out = t;
    return 0;
}

void tok_free(tokenizer *t)
{
    if (!t)
        return;
    if (t->bi)
        ubrk_close(t->bi);
    if (t->csm)
        ucasemap_close(t->csm);
    if (t->st_ru)
        sb_stemmer_delete(t->st_ru);
    if (t->st_en)
        sb_stemmer_delete(t->st_en);
    fa_free(t->al, t->toks);
    fa_free(t->al, t->u16);
    fa_free(t->al, t->cache);
    fa_free(t->al, t->stems);
    arena_free(&t->cache_pool);
    fbuf_free(&t->fold);
    fbuf_free(&t->icu);
    fa_free(t->al, t);
}

void tok_trim(tokenizer *t)
{
    fa_free(t->al, t->toks);
    t->toks = NULL;
    t->ntoks = t->cap = 0;
    /* the break iterator must not keep pointing at the freed text */
    static const UChar none[1] = {0};
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(t->bi, none, 0, &err);
    fa_free(t->al, t->u16);
    t->u16 = NULL;
    t->u16_cap = 0;
}

static int is_latin(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF);
}

static int is_cyrillic(uint32_t c)
{
    return (c >= 0x400 && c <= 0x52F) || (c >= 0x1C80 && c <= 0x1C8F) ||
           (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F);
}

/* utf8_next with the common cases inline: ASCII and two-byte sequences (Cyrillic). */
static inline uint32_t u8next(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = *i;
    unsigned c = s[k];
    if (c < 0x80) {
        *i = k + 1;
        return c;
    }
    if (c >= 0xC2 && c < 0xE0 && k + 1 < n && (s[k + 1] & 0xC0) == 0x80) {
        *i = k + 2;
        return ((c & 0x1Fu) << 6) | (s[k + 1] & 0x3Fu);
    }
    return utf8_next(str, n, i);
}

int tok_script(const char *s, size_t n)
{
    int lat = 0, cyr = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        if (is_latin(c))
            lat = 1;
        else if (is_cyrillic(c))
            cyr = 1;
    }
    if (lat && cyr)
        return FACTA_SCRIPT_MIXED;
    return lat ? FACTA_SCRIPT_LATIN : cyr ? FACTA_SCRIPT_CYRILLIC : FACTA_SCRIPT_OTHER;
}

/* Map after folding: ё→е, typographic apostrophes → ', quotes → ". 0: keep. */
static uint32_t post_fold(uint32_t c)
{
    switch (c) {
    case 0x451: return 0x435;                                     /* ё → е */
    case 0x2018: case 0x2019: case 0x02BC: case 0x60: case 0xB4: /* ‘ ’ ʼ ` ´ */
        return '\'';
    case 0x201C: case 0x201D: case 0xAB: case 0xBB: case 0x201E: /* “ ” « » „ */
        return '"';
    case 0x2013: case 0x2014: case 0x2011: case 0x2010: case 0x2212: /* dashes, minus */
        return '-';
    case 0xA0: case 0x202F: return ' ';
    default: return 0;
    }
}

int tok_fold(tokenizer *t, const char *s, size_t n, fbuf *out)
{
    /* Fast path: ASCII and basic Cyrillic fold by table; anything else goes through ICU. */
    size_t i = 0, mark = out->len;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            fbuf_putc(out, (char)((b >= 'A' && b <= 'Z') ? b + 32 : b));
            i++;
            continue;
        }
        size_t j = i;
        uint32_t c = utf8_next(s, n, &j);
        uint32_t m;
        if (c >= 0x410 && c <= 0x42F)
            c += 0x20;
        else if (c >= 0x400 && c <= 0x40F)
            c += 0x50;
        if ((m = post_fold(c)) != 0) {
            utf8_put(out, m);
        } else if ((c >= 0x430 && c <= 0x45F) || (c >= 0xE0 && c <= 0xFF)) { /* not ß: "ss" */
            utf8_put(out, c); /* already lower case */
        } else {
            goto icu;
        }
        i = j;
    }
    return out->oom ? FACTA_ENOMEM : 0;
icu:
    out->len = mark;
    {
        UErrorCode err = U_ZERO_ERROR;
        fbuf_reset(&t->icu);
        if (FA_GROW(t->al, t->icu.data, t->icu.cap, n * 3 + 16))
            return FACTA_ENOMEM;
        int32_t k = ucasemap_utf8FoldCase(t->csm, t->icu.data, (int32_t)t->icu.cap, s,
                                          (int32_t)n, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR || U_FAILURE(err))
            return FACTA_ERROR;
        size_t p = 0;
        while (p < (size_t)k) {
            uint32_t c = utf8_next(t->icu.data, (size_t)k, &p);
            uint32_t m = post_fold(c);
            utf8_put(out, m ? m : c);
        }
    }
    return out->oom ? FACTA_ENOMEM : 0;
}

static int cache_grow(tokenizer *t)
{
    size_t nc = t->cache_cap ? t->cache_cap * 2 : 4096;
    stem_ent *nt = fa_calloc(t->al, nc, sizeof *nt);
    if (!nt)
        return FACTA_ENOMEM;
    for (size_t i = 0; i < t->cache_cap; i++) {
        stem_ent *e = &t->cache[i];
        if (!e->id)
            continue;
        size_t h = (size_t)e->hash & (nc - 1);
        while (nt[h].id)
            h = (h + 1) & (nc - 1);
        nt[h] = *e;
    }
    fa_free(t->al, t->cache);
    t->cache = nt;
    t->cache_cap = nc;
    return 0;
}

/* The stem id of a folded word: STEM_FOLDED when no stemmer applies, 0 on out of memory. */
static uint32_t stem_id(tokenizer *t, const char *folded, size_t n, int script)
{
    struct sb_stemmer *st = script == FACTA_SCRIPT_CYRILLIC ? t->st_ru
                            : script == FACTA_SCRIPT_LATIN  ? t->st_en
                                                            : NULL;
    if (!st || n > FACTA__MAX_TOKEN_BYTES)
        return STEM_FOLDED;
    uint64_t h = fa_hash(folded, n);
    if (t->cache_n * 2 >= t->cache_cap && cache_grow(t))
        return 0;
    size_t i = (size_t)h & (t->cache_cap - 1);
    for (; t->cache[i].id; i = (i + 1) & (t->cache_cap - 1)) {
        const stem_ent *e = &t->cache[i];
        if (e->hash == h && e->key_len == n && memcmp(t->stems[e->id].key, folded, n) == 0)
            return e->id;
    }
    size_t id = t->cache_n + 2;
    if (id > UINT32_MAX || FA_GROW(t->al, t->stems, t->stems_cap, id + 1))
        return 0;
    const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)folded, (int)n);
    if (!r)
        return 0;
    int rl = sb_stemmer_length(st);
    char *key = arena_strndup(&t->cache_pool, folded, n);
    char *stem = arena_strndup(&t->cache_pool, (const char *)r, (size_t)rl);
    if (!key || !stem)
        return 0;
    stem_rec *sr = &t->stems[id];
    sr->st.s = stem;
    sr->st.len = (uint32_t)rl;
    sr->st.hash = fa_hash(stem, (size_t)rl);
    sr->key = key;
    stem_ent *e = &t->cache[i];
    e->hash = h;
    e->id = (uint32_t)id;
    e->key_len = (uint32_t)n;
    t->cache_n++;
    return (uint32_t)id;
}

const char *tok_stem(tokenizer *t, const char *folded, size_t n, int script, uint32_t *out_len)
{
    uint32_t id = stem_id(t, folded, n, script);
    if (!id)
        return NULL;
    if (id == STEM_FOLDED) {
        *out_len = (uint32_t)n;
        return folded;
    }
    *out_len = t->stems[id].st.len;
    return t->stems[id].st.s;
}

int tok_ensure_stem(tokenizer *t, ftok *k)
{
    if (k->stem)
        return 0;
    uint32_t id = STEM_FOLDED;
    if (k->pub.kind == FACTA_TOK_WORD && !(id = stem_id(t, k->pub.folded, k->folded_len, k->pub.script)))
        return FACTA_ENOMEM;
    k->stem = id;
    return 0;
}

ftok_stem tok_stem_of(const tokenizer *t, const ftok *k)
{
    if (k->stem == STEM_FOLDED) {
        ftok_stem f = {k->pub.folded, k->folded_len, k->fhash};
        return f;
    }
    return t->stems[k->stem].st;
}

static void cache_clear(tokenizer *t)
{
    if (t->cache)
        memset(t->cache, 0, t->cache_cap * sizeof *t->cache);
    t->cache_n = 0;
    arena_reset(&t->cache_pool);
}

static inline int is_space_cp(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0xA0 || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF || c == 0x85;
}

/* Does c[0, len) start with the lower-case ASCII prefix p, in any case, and go on after it? */
static int prefix_ci(const char *c, size_t len, const char *p)
{
    size_t k = strlen(p);
    if (len <= k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char x = c[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + 32);
        if (x != p[i])
            return 0;
    }
    return 1;
}

/* Bytes of closing punctuation ending c[0, len): it belongs to the sentence, not the URL. */
static size_t trailing_punct(const char *c, size_t len)
{
    static const char *const U[] = {"\xC2\xBB" /* » */, "\xE2\x80\x9D" /* ” */,
                                    "\xE2\x80\x9C" /* “ */, "\xE2\x80\x99" /* ’ */,
                                    "\xE2\x80\xA6" /* … */, "\xE2\x80\x94" /* — */,
                                    "\xE2\x80\x93" /* – */};
    if (strchr(".,;:!?)]}\"'>", c[len - 1]))
        return 1;
    for (size_t j = 0; j < sizeof U / sizeof U[0]; j++) {
        size_t k = strlen(U[j]);
        if (len >= k && memcmp(c + len - k, U[j], k) == 0)
            return k;
    }
    return 0;
}

/* Length of a URL or e-mail address starting at s[i] (a chunk start), or 0. Calls come in
 * increasing i; *next_at caches the offset of the next '@' (SIZE_MAX: not looked for yet; n:
 * none). */
static size_t url_len(const tokenizer *t, const char *s, size_t n, size_t i, size_t *next_at)
{
    unsigned char c0 = (unsigned char)s[i];
    if (c0 >= 0x80 || !(t->ascii[c0] & ASC_URL))
        return 0; /* neither a known prefix nor an address can start here */
    if (*next_at == SIZE_MAX || *next_at < i) {
        const char *p = memchr(s + i, '@', n - i);
        *next_at = p ? (size_t)(p - s) : n;
    }
    if (*next_at == n && !(t->ascii[c0] & ASC_URL_PREFIX))
        return 0; /* no address ahead, and no prefix (http://, https://, www., ftp://) */
    size_t e = i;
    while (e < n && (unsigned char)s[e] > ' ') { /* chunk ends at any white space or control */
        if ((unsigned char)s[e] < 0x80) {
            e++;
            continue;
        }
        size_t j = e;
        if (is_space_cp(u8next(s, n, &j)))
            break;
        e = j;
    }
    size_t len = e - i;
    if (len < 5)
        return 0;
    const char *c = s + i;
    int url = 0;
    if (prefix_ci(c, len, "http://") || prefix_ci(c, len, "https://") ||
        prefix_ci(c, len, "www.") || prefix_ci(c, len, "ftp://")) {
        url = 1;
    } else if ((c[0] >= 'a' && c[0] <= 'z') || (c[0] >= 'A' && c[0] <= 'Z') ||
               (c[0] >= '0' && c[0] <= '9')) {
        const char *at = memchr(c, '@', len);
        if (at && at > c) {
            const char *dot = memchr(at, '.', (size_t)(c + len - at));
            if (dot && dot > at + 1 && dot + 1 < c + len)
                url = 1;
            for (const char *p = c; url && p < c + len; p++)
                if ((unsigned char)*p >= 0x80)
                    url = 0; /* keep it simple: ASCII addresses only */
        }
    }
    if (!url)
        return 0;
    size_t k;
    while (len > 0 && (k = trailing_punct(c, len)) != 0)
        len -= k;
    return len;
}

/* The offset of the first U+202F (narrow no-break space) in s[from, n), or n. */
static size_t find_nnbsp(const char *s, size_t n, size_t from)
{
    const char *p = s + from, *end = s + n;
    while (end - p >= 3 && (p = memchr(p, 0xE2, (size_t)(end - p - 2))) != NULL) {
        if (p[1] == '\x80' && p[2] == '\xAF')
            return (size_t)(p - s);
        p++;
    }
    return n;
}

/* Is the last token an opening bracket or quote ending at byte b ("(www.x.kz)")? A URL may
 * start right after one. */
static int after_opener(const tokenizer *t, const char *s, size_t b)
{
    if (!t->ntoks)
        return 0;
    const ftok *p = &t->toks[t->ntoks - 1];
    size_t pb = p->pub.span.byte_start, pe = p->pub.span.byte_end;
    if (pe != b)
        return 0;
    const char *o = s + pb;
    switch (pe - pb) {
    case 1: return *o != 0 && strchr("([{<\"'", *o) != NULL;
    case 2: return memcmp(o, "\xC2\xAB", 2) == 0; /* « */
    case 3:
        return memcmp(o, "\xE2\x80\x9C", 3) == 0 || /* “ */
               memcmp(o, "\xE2\x80\x9E", 3) == 0 || /* „ */
               memcmp(o, "\xE2\x80\x98", 3) == 0;  /* ‘ */
    default: return 0;
    }
}

/* Letter counts of a token, for its script and shape. */
typedef struct letter_stats {
    unsigned lat, cyr;    /* a Latin / Cyrillic character seen */
    unsigned letters, up; /* letters, upper- or title-case ones among them */
} letter_stats;

/* Is c a letter, an upper- or title-case one (as the shape counts them); sets the script
 * bits of ls. */
static inline unsigned classify_cp(uint32_t c, letter_stats *ls, unsigned *up)
{
    unsigned alpha;
    /* fast paths for ASCII and basic Cyrillic; ICU's properties for the rest */
    if (c < 0x80) {
        alpha = (c | 32) >= 'a' && (c | 32) <= 'z';
        *up = c >= 'A' && c <= 'Z';
        ls->lat |= alpha;
    } else if (c >= 0x400 && c <= 0x45F) {
        alpha = 1;
        *up = c < 0x430;
        ls->cyr = 1;
    } else {
        if (is_latin(c))
            ls->lat = 1;
        else if (is_cyrillic(c))
            ls->cyr = 1;
        alpha = u_isalpha((UChar32)c) != 0;
        *up = alpha && (u_isupper((UChar32)c) || u_istitle((UChar32)c));
    }
    return alpha;
}

/* Is the first letter of s[0, n) an upper- or title-case one? */
static int first_letter_up(const char *s, size_t n)
{
    letter_stats ls = {0, 0, 0, 0};
    size_t i = 0;
    while (i < n) {
        unsigned up;
        if (classify_cp(u8next(s, n, &i), &ls, &up))
            return (int)up;
    }
    return 0;
}

static void set_script_shape(const letter_stats *ls, const char *s, size_t n, ftok *k)
{
    k->pub.script = (ls->lat && ls->cyr) ? FACTA_SCRIPT_MIXED
                    : ls->lat            ? FACTA_SCRIPT_LATIN
                    : ls->cyr            ? FACTA_SCRIPT_CYRILLIC
                                         : FACTA_SCRIPT_OTHER;
    if (ls->letters == 0)
        k->pub.shape = FACTA_SHAPE_NONE;
    else if (ls->letters == 1 && ls->up == 1)
        k->pub.shape = FACTA_SHAPE_INITIAL;
    else if (ls->up == ls->letters)
        k->pub.shape = FACTA_SHAPE_UPPER;
    else if (ls->up == 0)
        k->pub.shape = FACTA_SHAPE_LOWER;
    else if (ls->up == 1 && first_letter_up(s, n)) /* no capital after the first letter */
        k->pub.shape = FACTA_SHAPE_TITLE;
    else
        k->pub.shape = FACTA_SHAPE_MIXED;
}

#define FNV_PRIME 1099511628211ull /* fa_hash's, which the fold below computes as it goes */
#define FNV_BASIS 1469598103934665603ull

/* ASCII folded (lower case) */
#define LOW1(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define LOW4(c) LOW1(c), LOW1((c) + 1), LOW1((c) + 2), LOW1((c) + 3)
#define LOW16(c) LOW4(c), LOW4((c) + 4), LOW4((c) + 8), LOW4((c) + 12)
static const unsigned char ASCII_LOWER[128] = {LOW16(0),  LOW16(16), LOW16(32), LOW16(48),
                                               LOW16(64), LOW16(80), LOW16(96), LOW16(112)};

/* fold_classify's counters, packed in one word: Latin (ASCII) letters, Cyrillic letters and
 * upper-case letters, 20 bits each (a folded prefix has at most FACTA__MAX_TOKEN_BYTES) */
#define CNT_LAT 1ull
#define CNT_CYR (1ull << 20)
#define CNT_UP (1ull << 40)
#define CNT_FIELD(acc, unit) ((unsigned)(((acc) / (unit)) & 0xFFFFFu))
_Static_assert(FACTA__MAX_TOKEN_BYTES < (1 << 20), "fold_classify's counters fit");

/* ASCII: what a character adds to the counters */
#define CNT1(c) (((c) | 32) >= 'a' && ((c) | 32) <= 'z' ? CNT_LAT : 0) + \
                ((c) >= 'A' && (c) <= 'Z' ? CNT_UP : 0)
#define CNT4(c) CNT1(c), CNT1((c) + 1), CNT1((c) + 2), CNT1((c) + 3)
#define CNT16(c) CNT4(c), CNT4((c) + 4), CNT4((c) + 8), CNT4((c) + 12)
static const uint64_t ASCII_CNT[128] = {CNT16(0),  CNT16(16), CNT16(32), CNT16(48),
                                        CNT16(64), CNT16(80), CNT16(96), CNT16(112)};

/*
 * One pass over a token s[0, n): its script and shape into k, its code points into *cps,
 * and tok_fold's table fold of s[0, cut) into dst (room for cut bytes: no code point grows)
 * with its fa_hash in *hash. Returns the folded length, or SIZE_MAX when some code point
 * needs ICU to fold (script, shape and *cps are still set).
 */
static size_t fold_classify(const char *s, size_t n, size_t cut, char *dst, ftok *k,
                            size_t *cps, uint64_t *hash)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char *d = (unsigned char *)dst;
    uint64_t h = FNV_BASIS, acc = 0;
    size_t i = 0;
    /* ASCII and the Russian alphabet (U+0400..U+045F) inline; both fold to as many bytes,
     * so the output index is i */
    while (i < cut) {
        unsigned b = u[i];
        if (b < 0x80) {
            unsigned f = ASCII_LOWER[b];
            d[i] = (unsigned char)f;
            h = (h ^ f) * FNV_PRIME;
            acc += ASCII_CNT[b];
            i++;
            continue;
        }
        if ((b != 0xD0 && b != 0xD1) || i + 1 >= cut || (u[i + 1] & 0xC0) != 0x80)
            break;
        unsigned c = ((b & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu);
        if (c >= 0x460)
            break;
        acc += CNT_CYR;
        if (c < 0x410) {
            c += 0x50;
            acc += CNT_UP;
        } else if (c < 0x430) {
            c += 0x20;
            acc += CNT_UP;
        }
        if (c == 0x451)
            c = 0x435; /* ё → е */
        unsigned f1 = 0xC0 | (c >> 6), f2 = 0x80 | (c & 0x3F);
        d[i] = (unsigned char)f1;
        d[i + 1] = (unsigned char)f2;
        h = ((h ^ f1) * FNV_PRIME ^ f2) * FNV_PRIME;
        i += 2;
    }
    letter_stats ls;
    ls.lat = CNT_FIELD(acc, CNT_LAT) != 0;
    ls.cyr = CNT_FIELD(acc, CNT_CYR) != 0;
    ls.letters = CNT_FIELD(acc, CNT_LAT) + CNT_FIELD(acc, CNT_CYR);
    ls.up = CNT_FIELD(acc, CNT_UP);
    size_t cp = i - CNT_FIELD(acc, CNT_CYR), o = i;
    /* the rest (other code points, and past the folded prefix) in general */
    int folding = 1;
    for (size_t j = i; j < n;) {
        size_t j0 = j;
        uint32_t c = u8next(s, n, &j);
        cp += j - j0 == 1 ? 1 : utf8_count(s + j0, j - j0);
        unsigned up;
        if (classify_cp(c, &ls, &up)) {
            ls.letters++;
            ls.up += up;
        }
        if (!folding || j0 >= cut)
            continue;
        /* the table fold of tok_fold (ASCII: case only) */
        uint32_t m;
        if (c < 0x80) {
            c = ASCII_LOWER[c];
        } else {
            if (c >= 0x410 && c <= 0x42F)
                c += 0x20;
            else if (c >= 0x400 && c <= 0x40F)
                c += 0x50;
            if ((m = post_fold(c)) != 0)
                c = m;
            else if (!((c >= 0x430 && c <= 0x45F) || (c >= 0xE0 && c <= 0xFF))) /* not ß: "ss" */
                folding = 0;
        }
        if (folding && c < 0x80) {
            d[o++] = (unsigned char)c;
            h = (h ^ c) * FNV_PRIME;
        } else if (folding && c < 0x800) {
            unsigned f1 = 0xC0 | (c >> 6), f2 = 0x80 | (c & 0x3F);
            d[o++] = (unsigned char)f1;
            d[o++] = (unsigned char)f2;
            h = ((h ^ f1) * FNV_PRIME ^ f2) * FNV_PRIME;
        } else { /* post_fold gives only ASCII and U+0435 */
            folding = 0;
        }
    }
    set_script_shape(&ls, s, n, k);
    *cps = cp;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    *hash = h;
    return folding ? o : SIZE_MAX;
}

static int is_hyphen_tok(const char *s, const ftok *k)
{
    size_t n = k->pub.span.byte_end - k->pub.span.byte_start;
    const char *p = s + k->pub.span.byte_start;
    return (n == 1 && *p == '-') || (n == 3 && memcmp(p, "\xE2\x80\x91", 3) == 0) ||
           (n == 3 && memcmp(p, "\xE2\x80\x90", 3) == 0);
}

static int is_word_or_number(const ftok *k)
{
    return k->pub.kind == FACTA_TOK_WORD || k->pub.kind == FACTA_TOK_NUMBER;
}

/* The token just pushed (a word or number) ends a word-hyphen-word run: join it to the
 * run in place ("Kianian-Firouzgar", "25-летию", "Ростов-на-Дону"), except number-number
 * ("2023-2024", "6-7" are ranges). Done as tokens come, left to right, so the array is
 * not copied again. */
static void join_hyphen(tokenizer *t, const char *s)
{
    size_t n = t->ntoks;
    if (n < 3)
        return;
    ftok *cur = &t->toks[n - 3], *h = &t->toks[n - 2], *nx = &t->toks[n - 1];
    if (!is_word_or_number(cur) || h->pub.span.byte_start != cur->pub.span.byte_end ||
        nx->pub.span.byte_start != h->pub.span.byte_end || !is_hyphen_tok(s, h) ||
        (cur->pub.kind == FACTA_TOK_NUMBER && nx->pub.kind == FACTA_TOK_NUMBER))
        return;
    cur->pub.span.byte_end = nx->pub.span.byte_end;
    cur->pub.kind = FACTA_TOK_WORD;
    t->ntoks = n - 2;
}

/* Bytes of the apostrophe of a Latin possessive ’s / 's ending word token k (1 or 3), or 0. */
static size_t possessive_len(const char *s, const ftok *k)
{
    size_t b = k->pub.span.byte_start, e = k->pub.span.byte_end;
    if ((s[e - 1] | 0x20) != 's' || k->pub.kind != FACTA_TOK_WORD || e - b < 3)
        return 0; /* 's' | 0x20 is 's' only for 's' and 'S' */
    if (s[e - 2] == '\'')
        return 1;
    if (e - b >= 5 && memcmp(s + e - 4, "\xE2\x80\x99", 3) == 0)
        return 3;
    return 0;
}

static int is_closer(const char *s, const ftok *k)
{
    size_t n = k->pub.span.byte_end - k->pub.span.byte_start;
    const char *p = s + k->pub.span.byte_start;
    return (n == 1 && (*p == '"' || *p == '\'' || *p == ')' || *p == ']')) ||
           (n == 2 && memcmp(p, "\xC2\xBB", 2) == 0) ||                  /* » */
           (n == 3 && (memcmp(p, "\xE2\x80\x9D", 3) == 0 ||               /* ” */
                       memcmp(p, "\xE2\x80\x9C", 3) == 0 ||               /* “ closing „ */
                       memcmp(p, "\xE2\x80\x99", 3) == 0));              /* ’ */
}

static int is_sentence_end(const char *s, const ftok *k)
{
    size_t n = k->pub.span.byte_end - k->pub.span.byte_start;
    const char *p = s + k->pub.span.byte_start;
    return (n == 1 && (*p == '.' || *p == '!' || *p == '?')) ||
           (n == 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0);
}

/* Move the cursor one code point forward. */
static inline void cursor_step(tokenizer *t, const char *text)
{
    unsigned char c = (unsigned char)text[t->cur_b];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    t->cur_b += k;
    t->cur_u += k == 4 ? 2 : 1; /* four bytes: a surrogate pair */
}

/* The byte offset of UTF-16 index u of valid UTF-8 text; moves the cursor (calls come in
 * increasing order but either direction works). */
static size_t u16_to_byte(tokenizer *t, const char *text, size_t len, int32_t u)
{
    while (t->cur_u > u && t->cur_b > 0) {
        size_t b = t->cur_b - 1;
        while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80)
            b--;
        t->cur_u -= (t->cur_b - b) == 4 ? 2 : 1;
        t->cur_b = b;
    }
    while (t->cur_u < u && t->cur_b < len)
        cursor_step(t, text);
    return t->cur_b;
}

/* The UTF-16 index of byte offset b (a code point boundary); moves the cursor. */
static int32_t byte_to_u16(tokenizer *t, const char *text, size_t len, size_t b)
{
    if (b < t->cur_b) {
        t->cur_b = 0;
        t->cur_u = 0;
    }
    while (t->cur_b < b && t->cur_b < len)
        cursor_step(t, text);
    return t->cur_u;
}

/* The next word boundary (a byte offset) and its segment's ICU rule status; -1 at the end. */
static int32_t brk_next(tokenizer *t, const char *text, size_t len, int32_t *status)
{
    if (t->fast) {
        if (t->fpos >= len)
            return -1;
        t->fpos = wb_next(text, len, t->fpos, status);
        return (int32_t)t->fpos;
    }
    int32_t u = ubrk_next(t->bi);
    if (u == UBRK_DONE)
        return -1;
    *status = ubrk_getRuleStatus(t->bi);
    return (int32_t)u16_to_byte(t, text, len, u);
}

/* The first word boundary at or after byte e, which is not before the last boundary
 * brk_next() returned, and in *status its segment's status; brk_next() goes on from there. */
static size_t brk_following(tokenizer *t, const char *text, size_t len, size_t e,
                            int32_t *status)
{
    if (t->fast) {
        while (t->fpos < e && t->fpos < len)
            t->fpos = wb_next(text, len, t->fpos, status);
        return t->fpos;
    }
    int32_t f = ubrk_following(t->bi, byte_to_u16(t, text, len, e) - 1);
    *status = ubrk_getRuleStatus(t->bi);
    return f == UBRK_DONE ? len : u16_to_byte(t, text, len, f);
}

/* The last pass over the tokens, each as soon as no repair can change it any more. */
typedef struct tok_finish {
    fa_arena *arena;
    int stems;
    size_t done;       /* tokens [0, done) are finished */
    size_t cp, cp_pos; /* code points counted up to byte cp_pos */
} tok_finish;

/* Token i's code point offsets, folded form, stem, shape and sentence start. */
static int finish_one(tokenizer *t, const char *text, tok_finish *F, size_t i)
{
    ftok *k = &t->toks[i];
    size_t b = k->pub.span.byte_start, e = k->pub.span.byte_end;
    for (; F->cp_pos < b; F->cp_pos++) /* the space before the token */
        F->cp += ((unsigned char)text[F->cp_pos] & 0xC0) != 0x80;
    size_t cut = e - b;
    if (cut > FACTA__MAX_TOKEN_BYTES) {
        /* fold only the first bytes, cut at a code point boundary */
        cut = FACTA__MAX_TOKEN_BYTES;
        while (cut > 0 && ((unsigned char)text[b + cut] & 0xC0) == 0x80)
            cut--;
    }
    /* straight into the arena when the table folds it (as arena_strndup lays it out:
     * NUL-padded to 8 bytes), else through tok_fold */
    size_t room = (cut + 1 + 7) & ~(size_t)7;
    char *f = arena_alloc(F->arena, room);
    if (!f)
        return FACTA_ENOMEM;
    /* zero the last word first (the fold overwrites its head); a fold shorter than
     * its token by 8 bytes or more (’ → ') needs more zeros */
    memset(f + room - 8, 0, 8);
    size_t cps;
    uint64_t fh;
    size_t fl = fold_classify(text + b, e - b, cut, f, k, &cps, &fh);
    k->pub.span.cp_start = (uint32_t)F->cp;
    F->cp += cps;
    F->cp_pos = e;
    k->pub.span.cp_end = (uint32_t)F->cp;
    if (fl == SIZE_MAX) {
        fbuf_reset(&t->fold);
        if (tok_fold(t, text + b, cut, &t->fold))
            return FACTA_ENOMEM;
        if (t->fold.oom)
            return FACTA_ENOMEM;
        fl = t->fold.len;
        if (!(f = arena_strndup(F->arena, t->fold.data ? t->fold.data : "", fl)))
            return FACTA_ENOMEM;
        fh = fa_hash(f, fl);
    } else if (fl < room - 8) {
        memset(f + fl, 0, room - 8 - fl);
    }
    k->pub.folded = f;
    k->folded_len = (uint32_t)fl;
    k->fhash = fh;
    if (F->stems && tok_ensure_stem(t, k))
        return FACTA_ENOMEM;
    if (i == 0) {
        k->pub.flags |= FACTA_TOKEN_SENT_START | FACTA_TOKEN_PARA_START;
    } else if ((k->pub.flags & FACTA_TOKEN_SPACE_BEFORE) && k->pub.shape != FACTA_SHAPE_LOWER) {
        /* the mark may be followed by a closing quote or bracket: "Stop." Then */
        size_t m = i - 1;
        if (m > 0 && is_closer(text, &t->toks[m]) && is_sentence_end(text, &t->toks[m - 1]))
            m--;
        if (is_sentence_end(text, &t->toks[m])) {
            /* no sentence start after a "." that ends an initial ("N. Nazarbayev"), a short
             * capitalized abbreviation ("Mr. Smith", "Feb. 22") or a one-letter (two in
             * Cyrillic: "г.", "ул.") lower-case one */
            const ftok *w = m >= 1 ? &t->toks[m - 1] : NULL;
            size_t wl = w ? w->pub.span.cp_end - w->pub.span.cp_start : 0;
            int dot = t->toks[m].pub.span.byte_end - t->toks[m].pub.span.byte_start == 1 &&
                      text[t->toks[m].pub.span.byte_start] == '.' && m == i - 1;
            int abbrev = dot && w && w->pub.kind == FACTA_TOK_WORD &&
                         (w->pub.shape == FACTA_SHAPE_INITIAL ||
                          (w->pub.shape == FACTA_SHAPE_TITLE && wl <= 3) ||
                          (w->pub.shape == FACTA_SHAPE_LOWER &&
                           wl <= (w->pub.script == FACTA_SCRIPT_CYRILLIC ? 2u : 1u)));
            if (!abbrev)
                k->pub.flags |= FACTA_TOKEN_SENT_START;
        }
    }
    return 0;
}

/* Finish tokens until `keep` are left: a hyphen join (join_hyphen) changes only the last
 * two before the next push. A possessive is split off as its word is finished (the two
 * parts are not tested again). */
static int finish_tokens(tokenizer *t, const char *text, tok_finish *out, size_t keep)
{
    /* a copy: its fields stay in registers (the fold's byte stores may alias *out) */
    tok_finish L = *out, *F = &L;
    while (t->ntoks - F->done > keep) {
        size_t i = F->done;
        size_t al = possessive_len(text, &t->toks[i]);
        if (al) {
            if (FA_GROW(t->al, t->toks, t->cap, t->ntoks + 1))
                return FACTA_ENOMEM;
            ftok *k = &t->toks[i];
            memmove(k + 2, k + 1, (t->ntoks - i - 1) * sizeof *k);
            size_t cut = k->pub.span.byte_end - al - 1;
            k[1] = k[0];
            k[1].pub.span.byte_start = (uint32_t)cut;
            k[1].pub.flags = 0;
            k->pub.span.byte_end = (uint32_t)cut;
            t->ntoks++;
        }
        if (finish_one(t, text, F, i))
            return FACTA_ENOMEM;
        F->done++;
    }
    *out = L;
    return 0;
}

/* Tokens are finished in batches of this many (a call per token costs more than the split
 * of a possessive moves) */
#define FINISH_BATCH 32

int tok_run(tokenizer *t, const char *text, size_t len, int stems, fa_arena *arena,
            ftok **out, size_t *n)
{
    UErrorCode err = U_ZERO_ERROR;
    t->ntoks = 0;
    if (t->cache_n > STEM_CACHE_MAX)
        cache_clear(t);
    if (len > FACTA__MAX_DOC_BYTES)
        return FACTA_ELIMIT;
    t->fast = t->fast_ok && wb_text_ok(text, len);
    t->fpos = 0;
    if (!t->fast) {
        /* the text is valid UTF-8 (checked or repaired by the caller): at most one UTF-16
         * unit per byte */
        if (FA_GROW(t->al, t->u16, t->u16_cap, len + 1))
            return FACTA_ENOMEM;
        int32_t u16len = 0;
        u_strFromUTF8(t->u16, t->u16_cap > INT32_MAX ? INT32_MAX : (int32_t)t->u16_cap,
                      &u16len, text, (int32_t)len, &err);
        if (U_FAILURE(err))
            return FACTA_ERROR;
        ubrk_setText(t->bi, t->u16, u16len, &err);
        if (U_FAILURE(err))
            return FACTA_ERROR;
        ubrk_first(t->bi);
    }
    t->cur_b = 0;
    t->cur_u = 0;

    tok_finish F = {arena, stems, 0, 0, 0};
    size_t at = SIZE_MAX;    /* the next '@' (see url_len) */
    size_t nnbsp = SIZE_MAX; /* the next U+202F at or after some token's second byte */
    int32_t start = 0;
    int32_t end;
    size_t newlines = 2; /* the first token starts a paragraph */
    int space_before = 0;
    int32_t pending = -1, pending_status = 0; /* the rest of an ICU token a URL ended in */
    for (;;) {
        int32_t status;
        int rest = pending >= 0; /* [start, pending) is what is left of an ICU token */
        if (rest) {
            end = pending;
            status = pending_status;
            pending = -1;
        } else {
            if (t->fast && t->fpos < len && text[t->fpos] == ' ') {
                /* a run of spaces is one segment (WB3d), and white space: skip it here */
                size_t p = t->fpos + 1;
                while (p < len && text[p] == ' ')
                    p++;
                t->fpos = p;
                start = (int32_t)p;
                space_before = 1;
                continue;
            }
            if ((end = brk_next(t, text, len, &status)) < 0)
                break;
        }
        size_t b = (size_t)start, e = (size_t)end;
        start = end;
        if (rest) {
            /* it may start with white space ICU kept inside the token ("1\u202F300") */
            while (b < e) {
                size_t j = b;
                uint32_t c = utf8_next(text, e, &j);
                if (!is_space_cp(c))
                    break;
                newlines += (c == '\n' || c == 0x2029);
                space_before = 1;
                b = j;
            }
            if (b == e)
                continue;
        }
        if (status >= UBRK_WORD_NUMBER && e - b > 3) {
            /* ICU keeps U+202F (narrow no-break space) inside words and numbers ("1\u202F300"):
             * here it separates them like any other space */
            if (nnbsp == SIZE_MAX || nnbsp < b + 1)
                nnbsp = find_nnbsp(text, len, b + 1);
            const char *p = text + b + 1, *stop = text + e - 2;
            if (nnbsp >= e - 2)
                p = stop; /* none in this token: skip the search */
            while (p < stop && (p = memchr(p, 0xE2, (size_t)(stop - p))) != NULL) {
                if (p[1] == '\x80' && p[2] == '\xAF') {
                    size_t i = (size_t)(p - text);
                    pending = end;
                    pending_status = status;
                    e = i;
                    start = (int32_t)i;
                    break;
                }
                p++;
            }
        }
        if (status < UBRK_WORD_NUMBER) {
            /* whitespace? then just count newlines */
            size_t i = b, allsp = 1, nl = 0;
            while (i < e) {
                uint32_t c = u8next(text, e, &i);
                if (!is_space_cp(c)) {
                    allsp = 0;
                    break;
                }
                nl += (c == '\n' || c == 0x2029);
            }
            if (allsp) {
                newlines += nl;
                space_before = 1;
                continue;
            }
        }
        /* a URL or address starting at a chunk boundary swallows the ICU tokens inside it */
        size_t ulen = 0;
        if (e - b >= 1 && (b == 0 || space_before || after_opener(t, text, b)))
            ulen = url_len(t, text, len, b, &at);
        if (FA_GROW(t->al, t->toks, t->cap, t->ntoks + 1))
            return FACTA_ENOMEM;
        ftok *k = &t->toks[t->ntoks];
        memset(k, 0, sizeof *k);
        if (ulen && ulen >= e - b) { /* also when ICU already kept it whole ("a@b.ru") */
            e = b + ulen;
            k->pub.kind = FACTA_TOK_URL;
            int32_t fst = 0;
            size_t f = brk_following(t, text, len, e, &fst);
            if (f != e) {
                /* the URL ended inside an ICU token: its rest is read next */
                pending = (int32_t)f;
                pending_status = fst;
            }
            start = (int32_t)e;
        } else if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
            /* ICU calls "G20" and "COVID19" numbers (they end in a digit): with a letter, a word */
            k->pub.kind = FACTA_TOK_NUMBER;
            for (size_t i = b; i < e;) {
                unsigned char c = (unsigned char)text[i];
                int alpha;
                if (c < 0x80) {
                    alpha = t->ascii[c] & ASC_ALPHA;
                    i++;
                } else {
                    alpha = u_isalpha((UChar32)utf8_next(text, e, &i));
                }
                if (alpha) {
                    k->pub.kind = FACTA_TOK_WORD;
                    break;
                }
            }
        } else if (status >= UBRK_WORD_LETTER) {
            k->pub.kind = FACTA_TOK_WORD;
        } else if ((unsigned char)text[b] < 0x80) {
            k->pub.kind = t->ascii[(unsigned char)text[b]] & ASC_KIND;
        } else {
            size_t i = b;
            uint32_t c = utf8_next(text, e, &i);
            k->pub.kind = (u_ispunct((UChar32)c) && c != '%') ? FACTA_TOK_PUNCT : FACTA_TOK_SYMBOL;
            if (c == 0xFFFD || u_iscntrl((UChar32)c))
                k->pub.kind = FACTA_TOK_SYMBOL;
        }
        k->pub.span.byte_start = b; /* code points are counted in the last pass */
        k->pub.span.byte_end = e;
        if (newlines >= 2)
            k->pub.flags |= FACTA_TOKEN_PARA_START | FACTA_TOKEN_SENT_START;
        else if (newlines == 1)
            k->pub.flags |= FACTA_TOKEN_SENT_START;
        if (space_before)
            k->pub.flags |= FACTA_TOKEN_SPACE_BEFORE;
        newlines = 0;
        space_before = 0;
        t->ntoks++;
        if (k->pub.kind == FACTA_TOK_WORD || k->pub.kind == FACTA_TOK_NUMBER)
            join_hyphen(t, text);
        if (t->ntoks - F.done >= FINISH_BATCH + 2 && finish_tokens(t, text, &F, 2))
            return FACTA_ENOMEM;
    }

    if (finish_tokens(t, text, &F, 0))
        return FACTA_ENOMEM;
    *out = t->toks;
    *n = t->ntoks;
    return 0;
}
