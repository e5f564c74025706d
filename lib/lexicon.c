/* lexicon.c: lexicon compilation (forms hash + phrase trie) and lookup helpers. */
#include "rules.h"
#include "tokenize.h"

#include <stdio.h>
#include <stdlib.h>
#include <unicode/uloc.h>

#define MAX_WARN_COLLISIONS 200

int rules_warn(facta_rules *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *s = arena_strndup(&r->pool, msg, strlen(msg));
    if (!s || FA_GROW(&r->al, r->warnings, r->warnings_cap, r->nwarnings + 1))
        return FACTA_ENOMEM;
    r->warnings[r->nwarnings++] = s;
    return 0;
}

/* Append a NUL-terminated copy of s to the string pool; its offset goes to *off. */
static int lstr_add(facta_rules *r, const char *s, size_t n, uint32_t *off)
{
    if (r->lstr_len + n + 1 > UINT32_MAX)
        return FACTA_ELIMIT;
    if (FA_GROW(&r->al, r->lstr, r->lstr_cap, r->lstr_len + n + 1))
        return FACTA_ENOMEM;
    *off = (uint32_t)r->lstr_len;
    memcpy(r->lstr + r->lstr_len, s, n);
    r->lstr[r->lstr_len + n] = 0;
    r->lstr_len += n + 1;
    return 0;
}

/* The pool offset of a file name: entries of one file share it. */
static int lstr_file(facta_rules *r, const char *file, uint32_t *off)
{
    if (r->lstr_len && r->last_file < r->lstr_len && strcmp(r->lstr + r->last_file, file) == 0) {
        *off = r->last_file;
        return 0;
    }
    int rc = lstr_add(r, file, strlen(file), off);
    if (!rc)
        r->last_file = *off;
    return rc;
}

static int forms_grow(facta_rules *r)
{
    size_t nc = r->forms_cap ? r->forms_cap * 2 : 64;
    form_ent *nt = fa_calloc(&r->al, nc, sizeof *nt);
    if (!nt)
        return FACTA_ENOMEM;
    for (size_t i = 0; i < r->forms_cap; i++) {
        if (!r->forms[i].hash)
            continue;
        size_t h = (size_t)r->forms[i].hash & (nc - 1);
        while (nt[h].hash)
            h = (h + 1) & (nc - 1);
        nt[h] = r->forms[i];
    }
    fa_free(&r->al, r->forms);
    r->forms = nt;
    r->forms_cap = nc;
    return 0;
}

static uint64_t nz(uint64_t h)
{
    return h ? h : 1;
}

size_t lex_form_words(const facta_rules *r, const char *folded, size_t n, uint64_t h,
                      uint32_t *out, size_t max)
{
    return lex_form_words2(r, folded, n, h, out, NULL, max);
}

size_t lex_form_words2(const facta_rules *r, const char *folded, size_t n, uint64_t h,
                       uint32_t *out, uint8_t *generated, size_t max)
{
    return lex_forms_find(r, folded, n, h, 0, out, generated, max);
}

/* Add form → word; returns the word id that already had this form as a base (for
 * collision reports) or UINT32_MAX. */
static int add_form(facta_rules *r, const char *form, size_t n, uint32_t word, int generated,
                    uint32_t *clash)
{
    *clash = UINT32_MAX;
    if ((r->nforms + 1) * 2 > r->forms_cap && forms_grow(r))
        return FACTA_ENOMEM;
    uint64_t h = nz(fa_hash(form, n));
    size_t i = (size_t)h & (r->forms_cap - 1);
    for (; r->forms[i].hash; i = (i + 1) & (r->forms_cap - 1)) {
        form_ent *f = &r->forms[i];
        if (f->hash == h && f->len == n && memcmp(r->lstr + f->form, form, n) == 0) {
            if (f->word == word)
                return 0;
            if (generated != (int)f->generated)
                *clash = f->word;
        }
    }
    uint32_t s;
    int rc = lstr_add(r, form, n, &s);
    if (rc)
        return rc;
    r->forms[i].hash = h;
    r->forms[i].form = s;
    r->forms[i].len = (uint32_t)n;
    r->forms[i].word = word;
    r->forms[i].generated = (uint32_t)generated;
    r->nforms++;
    return 0;
}

/* Word id for a base folded word, creating it (with its forms) when new. */
typedef struct gen_ctx {
    facta_rules *r;
    uint32_t word;
    int rc;
} gen_ctx;

static int report_clash(facta_rules *r, uint32_t a, uint32_t b, const char *form, size_t n)
{
    r->ncollisions++;
    if (r->ncollisions > MAX_WARN_COLLISIONS)
        return 0;
    const lex_entry *ea = &r->entries[r->word_entry[a]], *eb = &r->entries[r->word_entry[b]];
    return rules_warn(r, "%s:%u: form '%.*s' of '%s' is also the word '%s' (%s:%u)",
                      lex_str(r, ea->file), ea->line, (int)n, form, lex_word(r, a),
                      lex_word(r, b), lex_str(r, eb->file), eb->line);
}

static void gen_cb(void *vctx, const char *form, size_t len)
{
    gen_ctx *g = vctx;
    uint32_t clash;
    if (g->rc)
        return;
    g->rc = add_form(g->r, form, len, g->word, 1, &clash);
    if (!g->rc && clash != UINT32_MAX)
        g->rc = report_clash(g->r, g->word, clash, form, len);
}

static int word_id(facta_rules *r, const char *w, size_t n, int inflect, int script,
                   uint32_t entry, uint32_t *out)
{
    uint32_t ids[16];
    size_t k = lex_form_words(r, w, n, fa_hash(w, n), ids, 16);
    for (size_t i = 0; i < k; i++) {
        const char *base = lex_word(r, ids[i]);
        if (strlen(base) == n && memcmp(base, w, n) == 0) {
            *out = ids[i];
            return 0; /* forms were generated when the word was first seen */
        }
    }
    if (FA_GROW(&r->al, r->words, r->words_cap, r->nwords + 1) ||
        FA_GROW(&r->al, r->word_entry, r->word_entry_cap, r->nwords + 1) ||
        FA_GROW(&r->al, r->word_single, r->word_single_cap, r->nwords + 1))
        return FACTA_ENOMEM;
    uint32_t s;
    int rc = lstr_add(r, w, n, &s);
    if (rc)
        return rc;
    uint32_t id = (uint32_t)r->nwords++;
    r->words[id] = s;
    r->word_entry[id] = entry;
    r->word_single[id] = 0;
    uint32_t clash;
    rc = add_form(r, w, n, id, 0, &clash);
    if (rc)
        return rc;
    if (clash != UINT32_MAX && (rc = report_clash(r, clash, id, w, n)))
        return rc;
    if (inflect && script == FACTA_SCRIPT_CYRILLIC && r->morph.nrows) {
        gen_ctx g = {r, id, 0};
        /* a nominative singular adjective inflects as one, everything else as a noun */
        int pos = inflect;
        if (pos == (M_NOUN | M_ADJ)) {
            uint64_t adj = morph_features(&r->morph, w, n, M_ADJ) &
                           (MORPH_BIT(0, 0, 0) | MORPH_BIT(0, 0, 1) | MORPH_BIT(0, 0, 2));
            pos = adj ? M_ADJ : M_NOUN;
        }
        morph_generate(&r->morph, w, n, pos, gen_cb, &g);
        if (g.rc)
            return g.rc;
    }
    *out = id;
    return 0;
}

/* The slot hash of an edge key: fa_hash of its 8 bytes, unrolled (the same value: packs
 * keep the table with its slots). */
static inline uint64_t edge_hash(uint64_t key)
{
    unsigned char s[8];
    memcpy(s, &key, 8);
    const uint64_t p = 1099511628211ull;
    uint64_t h = 1469598103934665603ull;
    h = (h ^ s[0]) * p;
    h = (h ^ s[1]) * p;
    h = (h ^ s[2]) * p;
    h = (h ^ s[3]) * p;
    h = (h ^ s[4]) * p;
    h = (h ^ s[5]) * p;
    h = (h ^ s[6]) * p;
    h = (h ^ s[7]) * p;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static int edges_grow(facta_rules *r)
{
    size_t nc = r->edges_cap ? r->edges_cap * 2 : 64;
    edge_ent *nt = fa_calloc(&r->al, nc, sizeof *nt);
    if (!nt)
        return FACTA_ENOMEM;
    for (size_t i = 0; i < r->edges_cap; i++) {
        if (!r->edges[i].key)
            continue;
        size_t h = (size_t)edge_hash(r->edges[i].key) & (nc - 1);
        while (nt[h].key)
            h = (h + 1) & (nc - 1);
        nt[h] = r->edges[i];
    }
    fa_free(&r->al, r->edges);
    r->edges = nt;
    r->edges_cap = nc;
    return 0;
}

uint32_t lex_child(const facta_rules *r, uint32_t node, uint32_t word)
{
    if (!r->edges_cap)
        return 0;
    uint64_t key = (((uint64_t)node << 32) | word) + 1;
    size_t probes = r->edges_cap; /* a damaged pack may have no empty slot */
    for (size_t i = (size_t)edge_hash(key) & (r->edges_cap - 1); r->edges[i].key && probes--;
         i = (i + 1) & (r->edges_cap - 1))
        if (r->edges[i].key == key)
            return r->edges[i].child < r->nnodes ? r->edges[i].child : 0;
    return 0;
}

int lex_derive(facta_rules *r)
{
    r->root_child = arena_alloc(&r->pool, (r->nwords + 1) * sizeof *r->root_child);
    r->node_kids = arena_alloc(&r->pool, (r->nnodes / 64 + 1) * sizeof *r->node_kids);
    if (!r->root_child || !r->node_kids)
        return FACTA_ENOMEM;
    memset(r->root_child, 0, (r->nwords + 1) * sizeof *r->root_child);
    memset(r->node_kids, 0, (r->nnodes / 64 + 1) * sizeof *r->node_kids);
    for (size_t i = 0; i < r->edges_cap; i++) {
        uint64_t key = r->edges[i].key;
        if (!key)
            continue;
        uint32_t node = (uint32_t)((key - 1) >> 32), word = (uint32_t)(key - 1);
        if (node < r->nnodes)
            r->node_kids[node / 64] |= 1ull << (node % 64);
        /* lex_child itself: the same answer as the walk would get, even from a damaged pack */
        if (node == 0 && word < r->nwords && !r->root_child[word])
            r->root_child[word] = lex_child(r, 0, word);
    }
    return 0;
}

static int add_child(facta_rules *r, uint32_t node, uint32_t word, uint32_t *child)
{
    uint32_t c = lex_child(r, node, word);
    if (c) {
        *child = c;
        return 0;
    }
    if ((r->nedges + 1) * 2 > r->edges_cap && edges_grow(r))
        return FACTA_ENOMEM;
    if (FA_GROW(&r->al, r->nodes, r->nodes_cap, r->nnodes + 1))
        return FACTA_ENOMEM;
    c = (uint32_t)r->nnodes++;
    memset(&r->nodes[c], 0, sizeof r->nodes[c]);
    uint64_t key = (((uint64_t)node << 32) | word) + 1;
    size_t i = (size_t)edge_hash(key) & (r->edges_cap - 1);
    while (r->edges[i].key)
        i = (i + 1) & (r->edges_cap - 1);
    r->edges[i].key = key;
    r->edges[i].child = c;
    r->nedges++;
    *child = c;
    return 0;
}

int lex_parse_number(const char *s, double *v)
{
    /* "12", "0.5", or an exact fraction "1/3" */
    char *end;
    if (!*s)
        return 0;
    *v = strtod(s, &end);
    if (*end == '/' && end > s) {
        char *e2;
        double d = strtod(end + 1, &e2);
        if (e2 == end + 1 || *e2 || d == 0)
            return 0;
        *v /= d;
        return 1;
    }
    return *end == 0 && end > s;
}

int lex_add_entry(facta_rules *r, cctx *cc, int lex, const char *phrase, size_t plen,
                  const char *canon, size_t clen, const char *tags, size_t tlen,
                  const char *file, uint32_t line)
{
    if (r->nentries >= FACTA__MAX_LEX_ENTRIES)
        return FACTA_ELIMIT;
    if (!r->nnodes) {
        if (FA_GROW(&r->al, r->nodes, r->nodes_cap, 1))
            return FACTA_ENOMEM;
        memset(&r->nodes[0], 0, sizeof r->nodes[0]);
        r->nnodes = 1; /* the root */
    }
    ftok *toks;
    size_t nt;
    arena_reset(&cc->scratch);
    int rc = tok_run(cc->tk, phrase, plen, 0, &cc->scratch, &toks, &nt);
    if (rc)
        return rc;
    if (nt == 0 || nt > FACTA__MAX_PHRASE_WORDS)
        return nt == 0 ? FACTA_ESYNTAX : FACTA_ELIMIT;
    if (FA_GROW(&r->al, r->entries, r->entries_cap, r->nentries + 1))
        return FACTA_ENOMEM;
    uint32_t eid = (uint32_t)r->nentries;
    lex_entry *e = &r->entries[eid];
    memset(e, 0, sizeof *e);
    e->lex = (uint32_t)lex;
    e->nwords = (uint32_t)nt;
    e->line = line;
    uint32_t co, to, fo;
    if ((rc = lstr_add(r, canon ? canon : phrase, canon ? clen : plen, &co)) ||
        (rc = lstr_add(r, tags ? tags : "", tags ? tlen : 0, &to)) ||
        (rc = lstr_file(r, file, &fo)))
        return rc;
    e = &r->entries[eid];
    e->canon = co, e->tags = to, e->file = fo;
    e->has_num = (uint32_t)lex_parse_number(lex_str(r, co), &e->num);
    for (const char *t = lex_str(r, to); *t;) { /* bits for bare tags and for keys of key=value */
        while (*t == ' ')
            t++;
        const char *b = t;
        while (*t && *t != ' ' && *t != '=')
            t++;
        if (t > b)
            e->tagmask |= tag_bit(b, (size_t)(t - b));
        while (*t && *t != ' ')
            t++;
    }
    r->nentries++;
    uint32_t node = 0;
    for (size_t i = 0; i < nt; i++) {
        uint32_t w;
        /* acronyms (РК, НАО) do not decline: only words not written in capitals inflect */
        rc = word_id(r, toks[i].pub.folded, toks[i].folded_len,
                     toks[i].pub.shape != FACTA_SHAPE_UPPER ? r->lexs[lex].inflect : 0,
                     toks[i].pub.script, eid, &w);
        if (rc)
            return rc;
        rc = add_child(r, node, w, &node);
        if (rc)
            return rc;
        if (nt == 1)
            r->word_single[w] = 1;
    }
    if (FA_GROW(&r->al, r->node_ents, r->node_ents_cap, r->nnode_ents + 1))
        return FACTA_ENOMEM;
    r->node_ents[r->nnode_ents++] = ((uint64_t)node << 32) | eid;
    r->lexs[lex].nentries++;
    return 0;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\r'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

static const char *find2(const char *s, size_t n, const char *pat)
{
    size_t pl = strlen(pat);
    for (size_t i = 0; i + pl <= n; i++)
        if (memcmp(s + i, pat, pl) == 0)
            return s + i;
    return NULL;
}

int lex_add_file(facta_rules *r, cctx *cc, int lex, const char *data, size_t len,
                 const char *file, facta_diag *diag)
{
    size_t i = 0;
    uint32_t line = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        size_t e = i;
        while (e < len && data[e] != '\n')
            e++;
        line++;
        const char *s = data + i;
        size_t n = e - i;
        trim(&s, &n);
        i = e + 1;
        if (!n || *s == '#')
            continue;
        size_t bad;
        if (!facta_utf8_valid(s, n, &bad)) {
            diag_set(diag, FACTA_EUTF8, file, line, 1, (size_t)(s - data) + bad,
                     "invalid UTF-8 in lexicon entry");
            return FACTA_ESYNTAX;
        }
        const char *bar = memchr(s, '|', n);
        const char *arrow = find2(s, bar ? (size_t)(bar - s) : n, "=>");
        const char *ph = s, *cn = NULL, *tg = NULL;
        size_t phl = arrow ? (size_t)(arrow - s) : bar ? (size_t)(bar - s) : n, cnl = 0, tgl = 0;
        if (arrow) {
            cn = arrow + 2;
            cnl = (size_t)((bar ? bar : s + n) - cn);
            trim(&cn, &cnl);
        }
        if (bar) {
            tg = bar + 1;
            tgl = (size_t)(s + n - tg);
            trim(&tg, &tgl);
        }
        trim(&ph, &phl);
        if (!phl || (arrow && !cnl)) {
            diag_set(diag, FACTA_ESYNTAX, file, line, arrow && phl ? (size_t)(arrow - s) + 3 : 1,
                     (size_t)(s - data), arrow && phl ? "expected a canonical form after '=>'"
                                                      : "expected a phrase");
            return FACTA_ESYNTAX;
        }
        int rc = lex_add_entry(r, cc, lex, ph, phl, cn, cnl, tg, tgl, file, line);
        if (rc == FACTA_ELIMIT) {
            diag_set(diag, FACTA_ELIMIT, file, line, 1, (size_t)(s - data),
                     "lexicon limit: at most %d words per phrase and %d entries",
                     FACTA__MAX_PHRASE_WORDS, FACTA__MAX_LEX_ENTRIES);
            return rc;
        }
        if (rc == FACTA_ESYNTAX) {
            diag_set(diag, FACTA_ESYNTAX, file, line, 1, (size_t)(s - data),
                     "phrase has no tokens");
            return rc;
        }
        if (rc) {
            diag_set(diag, rc, file, line, 1, (size_t)(s - data), "%s", facta_strerror(rc));
            return rc;
        }
    }
    return 0;
}

int lex_add_icu_countries(facta_rules *r, cctx *cc, int lex)
{
    const char *const *codes = uloc_getISOCountries();
    static const char *langs[] = {"en", "ru"};
    for (size_t i = 0; codes && codes[i]; i++) {
        char loc[8], tags[32];
        snprintf(loc, sizeof loc, "_%s", codes[i]);
        snprintf(tags, sizeof tags, "country code=%s", codes[i]);
        for (size_t l = 0; l < 2; l++) {
            UChar name[128];
            UErrorCode err = U_ZERO_ERROR;
            int32_t k = uloc_getDisplayCountry(loc, langs[l], name, 128, &err);
            if (U_FAILURE(err) || k <= 0)
                continue;
            char utf8[512];
            size_t o = 0;
            int skip = 0;
            for (int32_t j = 0; j < k && o + 4 < sizeof utf8; j++) {
                uint32_t c = name[j];
                if (c >= 0xD800 && c <= 0xDFFF) {
                    skip = 1;
                    break;
                }
                if (c == '(' || c == ',')
                    break; /* "Congo (DRC)", "Korea, South": keep the head */
                if (c < 0x80)
                    utf8[o++] = (char)c;
                else if (c < 0x800) {
                    utf8[o++] = (char)(0xC0 | (c >> 6));
                    utf8[o++] = (char)(0x80 | (c & 0x3F));
                } else {
                    utf8[o++] = (char)(0xE0 | (c >> 12));
                    utf8[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
                    utf8[o++] = (char)(0x80 | (c & 0x3F));
                }
            }
            while (o && utf8[o - 1] == ' ')
                o--;
            utf8[o] = 0;
            if (skip || !o || strcmp(utf8, codes[i]) == 0)
                continue; /* ICU has no name for it in this language */
            int rc = lex_add_entry(r, cc, lex, utf8, o, utf8, o, tags, strlen(tags), "<icu>", 0);
            if (rc && rc != FACTA_ESYNTAX)
                return rc;
        }
    }
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int lex_finish(facta_rules *r)
{
    if (r->nnode_ents)
        qsort(r->node_ents, r->nnode_ents, sizeof *r->node_ents, cmp_u64);
    fa_free(&r->al, r->tents);
    r->tents = fa_malloc(&r->al, (r->nnode_ents + 1) * sizeof *r->tents);
    if (!r->tents)
        return FACTA_ENOMEM;
    r->ntents = r->nnode_ents;
    for (size_t i = 0; i < r->nnodes; i++)
        r->nodes[i].nents = 0;
    for (size_t i = 0; i < r->nnode_ents; i++) {
        uint32_t node = (uint32_t)(r->node_ents[i] >> 32);
        if (r->nodes[node].nents == 0)
            r->nodes[node].ent_off = (uint32_t)i;
        r->nodes[node].nents++;
        r->tents[i] = (uint32_t)r->node_ents[i];
    }
    if (r->ncollisions > MAX_WARN_COLLISIONS)
        return rules_warn(r, "<lexicons>: %zu form collisions in all (first %d listed)",
                          r->ncollisions, MAX_WARN_COLLISIONS);
    return 0;
}

/* One walk over the tags string s for key (kl bytes): sets *bare when the bare tag is there
 * (and stops there with bare_only); else returns the value of the first key=value tag, copied
 * into buf (cut to cap - 1 bytes), or NULL. */
static inline __attribute__((always_inline)) const char *
tag_walk(const char *s, const char *key, size_t kl, int bare_only, int *bare,
         char *buf, size_t cap)
{
    while (*s) {
        while (*s == ' ')
            s++;
        const char *b = s;
        while (*s && *s != ' ')
            s++;
        size_t tl = (size_t)(s - b);
        if (tl == kl && memcmp(b, key, kl) == 0) {
            *bare = 1;
            if (bare_only)
                return NULL;
        } else if (!bare_only && cap && tl > kl && b[kl] == '=' && memcmp(b, key, kl) == 0) {
            size_t room = cap - 1, vl = tl - kl - 1 < room ? tl - kl - 1 : room;
            memcpy(buf, b + kl + 1, vl);
            buf[vl] = 0;
            return buf;
        }
    }
    return NULL;
}

int lex_entry_has_tag(const facta_rules *r, const lex_entry *e, const char *tag)
{
    size_t tl = strlen(tag);
    int bare = 0;
    if (e->tagmask & tag_bit(tag, tl))
        tag_walk(lex_str(r, e->tags), tag, tl, 1, &bare, NULL, 0);
    return bare;
}

const char *lex_entry_tag_value(const facta_rules *r, const lex_entry *e, const char *key,
                                char *buf, size_t cap)
{
    int bare = 0;
    return tag_walk(lex_text(r, e->tags), key, strlen(key), 0, &bare, buf, cap);
}

const char *lex_entry_tag(const facta_rules *r, const lex_entry *e, const char *key, char *buf,
                          size_t cap)
{
    size_t kl = strlen(key);
    int bare = 0;
    const char *v = tag_walk(lex_text(r, e->tags), key, kl, 0, &bare, buf, cap);
    return v ? v : bare && (e->tagmask & tag_bit(key, kl)) ? key : NULL;
}
