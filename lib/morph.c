/* morph.c: the Russian endings table: features of a word, nominative, generated forms. */
#include "morph.h"

#include "facta_internal.h"

#include <stdio.h>
#include <stdlib.h>

static const char *CASES[] = {"nom", "gen", "dat", "acc", "ins", "pre"};
static const char *NUMS[] = {"sg", "pl"};
static const char *GENS[] = {"m", "f", "n"};

static int idx_of(const char **names, int n, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
            return i;
    return -1;
}

uint64_t morph_mask_for(const char *key, const char *value)
{
    size_t vl = strlen(value);
    uint64_t m = 0;
    if (strcmp(key, "case") == 0) {
        int c = idx_of(CASES, 6, value, vl);
        return c < 0 ? 0 : morph_case_mask(c);
    }
    if (strcmp(key, "num") == 0 || strcmp(key, "number") == 0) {
        int n = idx_of(NUMS, 2, value, vl);
        if (n < 0)
            return 0;
        for (int c = 0; c < 6; c++)
            for (int g = 0; g < 3; g++)
                m |= MORPH_BIT(c, n, g);
        return m;
    }
    if (strcmp(key, "gender") == 0) {
        int g = idx_of(GENS, 3, value, vl);
        return g < 0 ? 0 : morph_gender_mask(g);
    }
    return 0;
}

/* Parse "gen.sg.m,gen.pl.*" into a mask; 0 on a bad item. */
static uint64_t parse_feats(const char *s, size_t n)
{
    uint64_t m = 0;
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != ',')
            e++;
        /* item: case.num.gen, each may be '*' */
        const char *parts[3];
        size_t plen[3];
        int np = 0;
        size_t p = i;
        while (p <= e && np < 3) {
            size_t q = p;
            while (q < e && s[q] != '.')
                q++;
            parts[np] = s + p;
            plen[np] = q - p;
            np++;
            p = q + 1;
        }
        if (np != 3)
            return 0;
        for (int c = 0; c < 6; c++) {
            if (!(plen[0] == 1 && parts[0][0] == '*') && idx_of(CASES, 6, parts[0], plen[0]) != c)
                continue;
            for (int nn = 0; nn < 2; nn++) {
                if (!(plen[1] == 1 && parts[1][0] == '*') && idx_of(NUMS, 2, parts[1], plen[1]) != nn)
                    continue;
                for (int g = 0; g < 3; g++) {
                    if (!(plen[2] == 1 && parts[2][0] == '*') &&
                        idx_of(GENS, 3, parts[2], plen[2]) != g)
                        continue;
                    m |= MORPH_BIT(c, nn, g);
                }
            }
        }
        if (idx_of(CASES, 6, parts[0], plen[0]) < 0 && !(plen[0] == 1 && parts[0][0] == '*'))
            return 0;
        if (idx_of(NUMS, 2, parts[1], plen[1]) < 0 && !(plen[1] == 1 && parts[1][0] == '*'))
            return 0;
        if (idx_of(GENS, 3, parts[2], plen[2]) < 0 && !(plen[2] == 1 && parts[2][0] == '*'))
            return 0;
        i = e + 1;
    }
    return m;
}

static int pos_of(const char *s, size_t n)
{
    static const struct { const char *name; int pos; } P[] = {
        {"noun", M_NOUN}, {"adj", M_ADJ}, {"surname", M_SURNAME}, {"given", M_GIVEN},
        {"patronymic", M_PATRONYMIC}};
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        if (strlen(P[i].name) == n && memcmp(P[i].name, s, n) == 0)
            return P[i].pos;
    return 0;
}

/* Split the next whitespace-separated field of line [*p, e). */
static int field(const char *s, size_t *p, size_t e, const char **f, size_t *fl)
{
    while (*p < e && (s[*p] == ' ' || s[*p] == '\t'))
        (*p)++;
    if (*p >= e || s[*p] == '#')
        return 0;
    *f = s + *p;
    while (*p < e && s[*p] != ' ' && s[*p] != '\t')
        (*p)++;
    *fl = (size_t)(s + *p - *f);
    return 1;
}

int morph_load(morph_table *m, const struct fa_alloc *al, const char *data, size_t len,
               const char *file, struct facta_diag *diag)
{
    size_t i = 0, line = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && data[e] != '\n')
            e++;
        line++;
        size_t bad;
        if (!facta_utf8_valid(data + i, e - i, &bad)) { /* its endings end up in records */
            diag_set(diag, FACTA_ESYNTAX, file, line, utf8_count(data + i, bad) + 1, i + bad,
                     "invalid UTF-8 (byte 0x%02x)", (unsigned char)data[i + bad]);
            return FACTA_ESYNTAX;
        }
        size_t p = i;
        const char *f[5];
        size_t fl[5];
        int nf = 0;
        while (nf < 5 && field(data, &p, e, &f[nf], &fl[nf]))
            nf++;
        if (nf == 0) {
            i = e + 1;
            continue;
        }
        if (fl[0] == 5 && memcmp(f[0], "class", 5) == 0) {
            if (nf < 3 || fl[1] != 1 || f[1][0] != 'C') {
                diag_set(diag, FACTA_ESYNTAX, file, line, 1, i,
                         "expected 'class C <consonant letters>'");
                return FACTA_ESYNTAX;
            }
            fa_free(al, m->consonants);
            fa_free(al, m->cons_other);
            m->cons_other = NULL;
            m->ncons_other = 0;
            memset(m->cons_cyr, 0, sizeof m->cons_cyr);
            m->consonants = fa_strndup(al, f[2], fl[2]);
            if (!m->consonants)
                return FACTA_ENOMEM;
            /* a code-point set, so a test is one decode and one bit */
            for (size_t k = 0; k < fl[2];) {
                uint32_t cp = utf8_next(f[2], fl[2], &k);
                if (cp >= 0x400 && cp < 0x500) {
                    m->cons_cyr[(cp - 0x400) / 64] |= 1ull << ((cp - 0x400) % 64);
                    continue;
                }
                uint32_t *nc = fa_realloc(al, m->cons_other, (m->ncons_other + 1) * sizeof *nc);
                if (!nc)
                    return FACTA_ENOMEM;
                m->cons_other = nc;
                m->cons_other[m->ncons_other++] = cp;
            }
            i = e + 1;
            continue;
        }
        if (nf < 4) {
            diag_set(diag, FACTA_ESYNTAX, file, line, (size_t)(f[nf - 1] - (data + i)) + 1, i,
                     "expected 'POS ENDING FEATURES NOMINATIVE [MIN_STEM]'");
            return FACTA_ESYNTAX;
        }
        morph_row r;
        memset(&r, 0, sizeof r);
        r.pos = (uint8_t)pos_of(f[0], fl[0]);
        if (!r.pos) {
            diag_set(diag, FACTA_ESYNTAX, file, line, 1, i,
                     "unknown part of speech '%.*s' (noun, adj, surname, given, patronymic)",
                     (int)fl[0], f[0]);
            return FACTA_ESYNTAX;
        }
        r.mask = parse_feats(f[2], fl[2]);
        if (!r.mask) {
            diag_set(diag, FACTA_ESYNTAX, file, line, (size_t)(f[2] - (data + i)) + 1, i,
                     "bad features '%.*s' (case.number.gender, e.g. gen.sg.f or *.pl.*)",
                     (int)fl[2], f[2]);
            return FACTA_ESYNTAX;
        }
        int empty_end = fl[1] == 1 && f[1][0] == '-';
        int empty_nom = fl[3] == 1 && f[3][0] == '-';
        r.ending = fa_strndup(al, f[1], empty_end ? 0 : fl[1]);
        r.nom = fa_strndup(al, f[3], empty_nom ? 0 : fl[3]);
        if (!r.ending || !r.nom) {
            fa_free(al, r.ending);
            fa_free(al, r.nom);
            return FACTA_ENOMEM;
        }
        r.elen = (uint32_t)strlen(r.ending);
        r.nlen = (uint32_t)strlen(r.nom);
        /* an empty ending or an empty nominative: the stem must end in a consonant
         * ("стран" ← страна), or every word would look like a genitive plural */
        r.cons = empty_nom || empty_end;
        r.min_stem = nf >= 5 ? (uint8_t)atoi(f[4]) : 2;
        if (FA_GROW(al, m->rows, m->cap, m->nrows + 1)) {
            fa_free(al, r.ending);
            fa_free(al, r.nom);
            return FACTA_ENOMEM;
        }
        m->rows[m->nrows++] = r;
        if (r.elen > m->max_elen)
            m->max_elen = r.elen;
        i = e + 1;
    }
    return morph_index(m, al);
}

void morph_free(morph_table *m, const struct fa_alloc *al)
{
    for (size_t i = 0; i < m->nrows; i++) {
        fa_free(al, m->rows[i].ending);
        fa_free(al, m->rows[i].nom);
    }
    fa_free(al, m->rows);
    fa_free(al, m->consonants);
    fa_free(al, m->cons_other);
    fa_free(al, m->slots);
    fa_free(al, m->ids);
    fa_free(al, m->groups);
    memset(m, 0, sizeof *m);
}

/* Is the last code point of s[0,n) a consonant of the table's class? */
static int ends_in_consonant(const morph_table *m, const char *s, size_t n)
{
    if (!m->consonants || n == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp;
    if (n >= 2 && u[n - 2] >= 0xC2 && u[n - 2] < 0xE0 && (u[n - 1] & 0xC0) == 0x80) {
        cp = ((u[n - 2] & 0x1Fu) << 6) | (u[n - 1] & 0x3Fu); /* two bytes: Cyrillic, inline */
    } else {
        size_t b = n;
        while (b > 0 && (u[b - 1] & 0xC0) == 0x80)
            b--;
        if (b == 0)
            return 0;
        b--;
        size_t k = b;
        cp = utf8_next(s, n, &k);
        if (k != n)
            return 0; /* not one whole character */
    }
    if (cp >= 0x400 && cp < 0x500)
        return (int)((m->cons_cyr[(cp - 0x400) / 64] >> ((cp - 0x400) % 64)) & 1);
    for (size_t i = 0; i < m->ncons_other; i++)
        if (m->cons_other[i] == cp)
            return 1;
    return 0;
}

/* Does a row with these stem tests (min_stem, cons), whose ending ends the word, accept
 * the stem w[0, stem)? The rows of one ending share the stem, so its character count
 * and consonant test are computed once for them, in *chars and *cons (-1: not yet). */
static inline int stem_fits(const morph_table *m, unsigned min_stem, int need_cons,
                            const char *w, size_t stem, long *chars, int *cons)
{
    if (stem < min_stem)
        return 0;
    /* a character is 1 to 4 bytes: count only when the byte length cannot decide */
    if (stem < 4 * (size_t)min_stem) {
        if (*chars < 0)
            *chars = (long)utf8_count(w, stem);
        if (*chars < (long)min_stem)
            return 0;
    }
    if (need_cons) {
        if (*cons < 0)
            *cons = ends_in_consonant(m, w, stem);
        if (!*cons)
            return 0;
    }
    return 1;
}

/* The index hashes an ending from its last byte backwards, so the hashes of all the
 * endings of a word come from one pass over its tail (FOR_ROWS). FNV-1a with
 * fa_hash's avalanche; never 0 (0 marks an empty slot). */
#define END_HASH_SEED 1469598103934665603ull

static inline uint64_t end_hash_step(uint64_t h, char c)
{
    return (h ^ (unsigned char)c) * 1099511628211ull;
}

static inline uint64_t end_hash_final(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h | 1;
}

static uint64_t end_hash(const char *s, size_t n)
{
    uint64_t h = END_HASH_SEED;
    for (size_t i = n; i-- > 0;)
        h = end_hash_step(h, s[i]);
    return end_hash_final(h);
}

int morph_index(morph_table *m, const struct fa_alloc *al)
{
    fa_free(al, m->slots);
    fa_free(al, m->ids);
    fa_free(al, m->groups);
    m->slots = NULL;
    m->ids = NULL;
    m->groups = NULL;
    m->nslots = 0;
    m->elens = 0;
    if (!m->nrows)
        return 0;
    size_t ns = 16;
    while (ns < m->nrows * 2)
        ns *= 2;
    m->slots = fa_calloc(al, ns, sizeof *m->slots);
    m->ids = fa_calloc(al, m->nrows, sizeof *m->ids);
    m->groups = fa_calloc(al, m->nrows, sizeof *m->groups);
    uint32_t *slot_of = fa_calloc(al, m->nrows, sizeof *slot_of);
    if (!m->slots || !m->ids || !m->groups || !slot_of) {
        fa_free(al, slot_of);
        return FACTA_ENOMEM;
    }
    m->nslots = ns;
    for (size_t i = 0; i < m->nrows; i++) { /* group rows by ending */
        const morph_row *r = &m->rows[i];
        uint64_t h = end_hash(r->ending, r->elen);
        m->elens |= 1ull << (r->elen < 63 ? r->elen : 63);
        size_t k = (size_t)h & (ns - 1);
        for (; m->slots[k].hash; k = (k + 1) & (ns - 1)) {
            const morph_slot *sl = &m->slots[k];
            if (sl->hash == h && sl->elen == r->elen &&
                memcmp(m->rows[sl->first].ending, r->ending, r->elen) == 0)
                break;
        }
        if (!m->slots[k].hash) {
            m->slots[k].hash = h;
            m->slots[k].elen = r->elen;
            m->slots[k].first = (uint32_t)i;
        }
        m->slots[k].n++;
        slot_of[i] = (uint32_t)k;
    }
    uint32_t off = 0;
    for (size_t k = 0; k < ns; k++) {
        m->slots[k].off = off;
        off += m->slots[k].n;
        m->slots[k].n = 0;
    }
    for (size_t i = 0; i < m->nrows; i++) { /* file order within each ending */
        morph_slot *sl = &m->slots[slot_of[i]];
        m->ids[sl->off + sl->n++] = (uint32_t)i;
    }
    fa_free(al, slot_of);
    uint32_t ng = 0;
    for (size_t k = 0; k < ns; k++) { /* merge the rows of each ending by stem tests */
        morph_slot *sl = &m->slots[k];
        sl->goff = ng;
        for (uint32_t j = 0; j < sl->n; j++) {
            const morph_row *r = &m->rows[m->ids[sl->off + j]];
            uint32_t g = sl->goff;
            while (g < ng && !(m->groups[g].min_stem == r->min_stem && m->groups[g].cons == r->cons))
                g++;
            morph_group *gr = &m->groups[g];
            if (g == ng) {
                gr->min_stem = r->min_stem;
                gr->cons = r->cons;
                ng++;
            }
            gr->pos |= r->pos;
            gr->all |= r->mask;
            for (int b = 0; b < 5; b++)
                if (r->pos >> b & 1)
                    gr->mask[b] |= r->mask;
            sl->pos |= r->pos;
        }
        sl->ng = ng - sl->goff;
    }
    return 0;
}

/* Rows whose ending is the last `elen` bytes of w; h is their end_hash. */
static inline const morph_slot *find_slot(const morph_table *m, const char *w, size_t n,
                                          size_t elen, uint64_t h)
{
    for (size_t k = (size_t)h & (m->nslots - 1); m->slots[k].hash; k = (k + 1) & (m->nslots - 1)) {
        const morph_slot *s = &m->slots[k];
        if (s->hash != h || s->elen != elen)
            continue;
        /* endings are a few bytes: compared in place, not through memcmp */
        const char *e = m->rows[s->first].ending, *t = w + n - elen;
        size_t i = 0;
        while (i < elen && e[i] == t[i])
            i++;
        if (i == elen)
            return s;
    }
    return NULL;
}

/* Run body for every ending (slot sl, leaving stem bytes) that ends w and has rows of a
 * POS in `pos`. Shortest endings first: callers do not depend on the order
 * (morph_features ORs, morph_nominative breaks ties by row index). Lengths no ending
 * has are skipped before hashing. */
#define FOR_SLOTS(m, w, n, pos, sl, stem, body)                                                \
    do {                                                                                       \
        if (!(m)->nslots)                                                                      \
            break;                                                                             \
        size_t max_ = (m)->max_elen < (n) ? (m)->max_elen : (n);                               \
        uint64_t h_ = END_HASH_SEED;                                                           \
        for (size_t el_ = 0; el_ <= max_; el_++) {                                             \
            if (el_)                                                                           \
                h_ = end_hash_step(h_, (w)[(n) - el_]);                                        \
            if (!(((m)->elens >> (el_ < 63 ? el_ : 63)) & 1))                                  \
                continue;                                                                      \
            if (el_ < (n) && ((unsigned char)(w)[(n) - el_] & 0xC0) == 0x80)                   \
                continue; /* not a code point boundary */                                      \
            const morph_slot *sl = find_slot((m), (w), (n), el_, end_hash_final(h_));          \
            if (!sl || !(sl->pos & (unsigned)(pos)))                                           \
                continue;                                                                      \
            size_t stem = (n) - el_;                                                           \
            body                                                                               \
        }                                                                                      \
    } while (0)

uint64_t morph_features(const morph_table *m, const char *w, size_t n, int pos)
{
    uint64_t mask = 0;
    FOR_SLOTS(m, w, n, pos, sl, stem, {
        long chars = -1;
        int cons = -1;
        for (uint32_t g = sl->goff; g < sl->goff + sl->ng; g++) {
            const morph_group *gr = &m->groups[g];
            if (!(gr->pos & pos) || !stem_fits(m, gr->min_stem, gr->cons, w, stem, &chars, &cons))
                continue;
            if ((pos & M_ANY) == M_ANY) {
                mask |= gr->all;
                continue;
            }
            for (int b = 0; b < 5; b++)
                if (pos >> b & 1)
                    mask |= gr->mask[b];
        }
    });
    return mask;
}

size_t morph_nominative(const morph_table *m, const char *w, size_t n, int pos, uint64_t want,
                        char *out, size_t cap, int *gender_out)
{
    const morph_row *best = NULL;
    int best_score = -1;
    size_t best_idx = 0;
    FOR_SLOTS(m, w, n, pos, sl, stem, {
        long chars = -1;
        int cons = -1;
        for (uint32_t j = 0; j < sl->n; j++) { /* file order */
            const morph_row *r = &m->rows[m->ids[sl->off + j]];
            if (!(r->pos & pos) || !stem_fits(m, r->min_stem, r->cons, w, stem, &chars, &cons))
                continue;
            int hit = want && (r->mask & want);
            int score = (int)r->elen * 4 + (hit ? 1000 : 0);
            size_t idx = (size_t)(r - m->rows);
            /* ties: the row that comes first in the file */
            if (score > best_score || (score == best_score && idx < best_idx)) {
                best_score = score;
                best = r;
                best_idx = idx;
            }
            if (hit || !want)
                break; /* no later row of this ending scores more */
        }
    });
    if (gender_out)
        *gender_out = -1;
    if (!best || n - best->elen + best->nlen + 1 > cap) {
        if (n + 1 <= cap) {
            memcpy(out, w, n);
            out[n] = 0;
        }
        return 0;
    }
    size_t stem = n - best->elen;
    memcpy(out, w, stem);
    memcpy(out + stem, best->nom, best->nlen);
    out[stem + best->nlen] = 0;
    if (gender_out) {
        uint64_t mk = best->mask & (want ? want : ~0ull);
        if (!mk)
            mk = best->mask;
        int gm = (mk & morph_gender_mask(0)) != 0, gf = (mk & morph_gender_mask(1)) != 0,
            gn = (mk & morph_gender_mask(2)) != 0;
        *gender_out = (gm + gf + gn == 1) ? (gm ? 0 : gf ? 1 : 2) : -1;
    }
    return stem + best->nlen;
}

void morph_generate(const morph_table *m, const char *w, size_t n, int pos,
                    void (*fn)(void *ctx, const char *form, size_t len), void *ctx)
{
    char buf[512];
    for (size_t i = 0; i < m->nrows; i++) {
        const morph_row *r = &m->rows[i];
        if (!(r->pos & pos))
            continue;
        /* reverse the row: the nominative ends in NOM; replace it by ENDING */
        if (r->nlen > n || (r->nlen && memcmp(w + n - r->nlen, r->nom, r->nlen) != 0))
            continue;
        size_t stem = n - r->nlen;
        if (utf8_count(w, stem) < r->min_stem)
            continue;
        if (r->cons && !ends_in_consonant(m, w, stem))
            continue;
        if (stem + r->elen >= sizeof buf)
            continue;
        memcpy(buf, w, stem);
        memcpy(buf + stem, r->ending, r->elen);
        fn(ctx, buf, stem + r->elen);
    }
}
