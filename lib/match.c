/* match.c: lexicon lookup per token and the per-phase Pike VM with conflict resolution.
 *
 * All rules of a phase share one program. The VM runs over token positions once,
 * left to right. Threads that consume k tokens (a lexicon phrase, an earlier record)
 * are parked in the bucket of their next position (a ring of 128 buckets, since no
 * atom is longer than FACTA__MAX_MATCH_TOKENS). At each position every pending
 * thread is followed through its epsilon moves with one visited mark per
 * (instruction, agreement mask), so a position costs at most O(program size) and a
 * document O(tokens x program size), whatever the rules. New threads are seeded only
 * for rules whose first element can match here (word, lexicon, record type), plus
 * rules whose first element is a general test.
 */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>

#define RING 128
#define CL_GC_MIN 4096 /* capture log entries before a full log is compacted, not grown */

/* ---- lexicon hits ---- */

int match_lexicons(facta_extractor *ex)
{
    const facta_rules *r = ex->rules;
    size_t n = ex->ntoks;
    ex->nhits = 0;
    if (FA_GROW(ex->al, ex->hit_off, ex->hit_off_cap, n + 1) ||
        FA_GROW(ex->al, ex->lexstart, ex->lexstart_cap, n + 1) ||
        FA_GROW(ex->al, ex->seedmask, ex->seedmask_cap, n + 1) ||
        FA_GROW(ex->al, ex->wordmask, ex->wordmask_cap, n + 1) ||
        FA_GROW(ex->al, ex->arow, ex->arow_cap, n + 2))
        return FACTA_ENOMEM;
    /* token classes and the phases where a token's class or word may seed (see seed); the
     * phases of the lexicons whose phrases start at it are added by the walks below. The
     * tables are read through locals: the class stores (bytes) could alias anything. */
    {
        ftok *toks = ex->toks;
        struct tok_rows *arow = ex->arow;
        uint64_t *wordmask = ex->wordmask, *seedmask = ex->seedmask;
        const struct seed_word *sw = r->seed_words;
        size_t cap = r->seed_words_cap;
        const uint64_t *cls_phases = r->cls_seed_phases;
        for (size_t i = 0; i < n; i++) {
            ftok *t = &toks[i];
            unsigned c = tok_class(t->pub.kind, t->pub.script, t->pub.shape);
            t->pub.cls = t->pub.kind <= 5 && t->pub.script <= 3 && t->pub.shape <= 5 && c < 128
                             ? (uint8_t)c
                             : FTOK_NO_CLASS;
            arow[i].cls = t->pub.cls < 128 ? t->pub.cls : 128;
            arow[i].hash = (uint8_t)(t->fhash & 63);
            arow[i].byte = t->folded_len ? (unsigned char)t->pub.folded[0] : 256;
            uint64_t wm = 0;
            uint64_t key = t->fhash & ~(3ull << 62);
            for (size_t h = seed_slot_of(key, cap); sw[h].phases; h = (h + 1) & (cap - 1))
                if (sw[h].key == key) {
                    wm = sw[h].phases;
                    break;
                }
            wordmask[i] = wm;
            seedmask[i] = wm | cls_phases[arow[i].cls];
        }
    }
    /* the word ids of the tokens a walk may reach, by position mod FACTA__MAX_PHRASE_WORDS:
     * each token is looked up once, by the first walk that reaches it */
    enum { CW = FACTA__MAX_PHRASE_WORDS };
    uint32_t cw[CW][8], ctag[CW];
    size_t ck[CW];
    for (int c = 0; c < CW; c++)
        ctag[c] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        ex->hit_off[i] = (uint32_t)ex->nhits;
        uint64_t starts = 0, seeds = 0;
        /* depth-first walk from the root at token i: a step records the entries of the
         * children along the words of token pos and stacks those that have children when a
         * phrase may go on to pos + 1. Each step stacks at most 8 and a walk is at most
         * CW - 1 steps deep, so the stack never overflows. */
        struct { uint32_t node; uint32_t pos; } st[CW * 8];
        int sp = 0;
        uint32_t node = 0, pos = (uint32_t)i;
        size_t lim = n - i < CW ? n : i + CW; /* the tokens a phrase from i may reach */
        for (;;) {
            unsigned s = pos % CW;
            if (ctag[s] != pos) {
                const ftok *t = &ex->toks[pos];
                ck[s] = lex_forms_find(r, t->pub.folded, t->folded_len, t->fhash, 1, cw[s],
                                       NULL, 8);
                ctag[s] = pos;
            }
            int more = pos + 1 < lim;
            for (size_t w = 0; w < ck[s]; w++) {
                uint32_t c = lex_next(r, node, cw[s][w]);
                if (!c)
                    continue;
                uint32_t ne;
                const uint32_t *ents = lex_node_entries(r, c, &ne);
                for (uint32_t j = 0; j < ne; j++) {
                    const lex_entry *e = lex_entry_at(r, ents[j]);
                    if (!e)
                        continue;
                    if (FA_GROW(ex->al, ex->hits, ex->hits_cap, ex->nhits + 1))
                        return FACTA_ENOMEM;
                    ex->hits[ex->nhits].entry = ents[j];
                    ex->hits[ex->nhits].end = pos + 1;
                    ex->nhits++;
                    starts |= e->lex < 64 ? 1ull << e->lex : 0;
                    seeds |= e->lex < (uint32_t)r->nlexs ? r->lex_seed_phases[e->lex] : 0;
                }
                if (more && ((r->node_kids[c / 64] >> (c % 64)) & 1)) {
                    st[sp].node = c;
                    st[sp].pos = pos + 1;
                    sp++;
                }
            }
            if (!node)
                ex->toks[i].lexmask = starts; /* the entries that are token i alone */
            if (!sp)
                break;
            sp--;
            node = st[sp].node;
            pos = st[sp].pos;
        }
        ex->lexstart[i] = starts;
        ex->seedmask[i] |= seeds;
    }
    ex->hit_off[n] = (uint32_t)ex->nhits;
    ex->lexstart[n] = 0;
    ex->arow[n].cls = ex->arow[n + 1].cls = 129;
    ex->arow[n].hash = ex->arow[n + 1].hash = 64;
    ex->arow[n].byte = ex->arow[n + 1].byte = 256;
    return 0;
}

/* Has entry e tag id `tag`? Its tag bits first: most entries lack the tag. */
static inline int entry_has_tag_id(const facta_rules *r, const lex_entry *e, int tag)
{
    return (e->tagmask & r->tag_bits[tag]) && lex_entry_has_tag(r, e, r->tags[tag]);
}

/* ---- predicates ---- */

/* Are all characters of s[0, n) in the class of a "[class]+tail" pattern? */
static int re_in_class(const pred *p, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        int k = 0;
        while (k < p->re_ncls && (c < p->re_cls[k][0] || c > p->re_cls[k][1]))
            k++;
        if (k == p->re_ncls)
            return 0;
    }
    return 1;
}

/* What PCRE2 knows every match to have: 0 when s surely does not match, 2 when it surely
 * does (a pattern the tail decides), 1 when PCRE2 must tell. */
static inline int re_screen(const pred *p, const char *s, size_t n)
{
    if (n < p->re_minlen)
        return 0;
    if (p->re_first && n && !((p->re_first[(unsigned char)s[0] >> 3] >> ((unsigned char)s[0] & 7)) & 1))
        return 0;
    if (p->re_need >= 0 && !memchr(s, p->re_need, n))
        return 0;
    if (p->re_tail) { /* it must end with one of the literals its last group lists */
        const re_tails *tl = p->re_tail;
        unsigned char last = n ? (unsigned char)s[n - 1] : 0;
        uint16_t k = n ? tl->first[last] : tl->first[256];
        /* after ".+" or "[class]+", the tail must leave something before it */
        size_t room = p->re_any & 1 ? (n ? n - 1 : 0) : n;
        for (; k < tl->first[last + 1]; k++)
            if (tl->alt[k].len <= room && memcmp(s + n - tl->alt[k].len, tl->alt[k].s, tl->alt[k].len) == 0)
                break;
        if (k >= tl->first[last + 1])
            return 0;
        if (p->re_any == 1 || p->re_any == 2)
            return 2;
    }
    return 1;
}

/* PCRE2 itself, once the screen passed. The text was validated (or sanitized) at the
 * boundary. A "[class]+tail" pattern is decided here without it: some ending the token has
 * leaves one character or more, all in the class, before it. */
static int re_pcre(const facta_extractor *ex, const pred *p, const char *s, size_t n)
{
    if (p->re_any == 3) {
        const re_tails *tl = p->re_tail;
        unsigned char last = (unsigned char)s[n - 1]; /* the screen passed: n > 0 */
        for (uint16_t k = tl->first[last]; k < tl->first[last + 1]; k++) {
            size_t al = tl->alt[k].len;
            if (al < n && memcmp(s + n - al, tl->alt[k].s, al) == 0 && re_in_class(p, s, n - al))
                return 1;
        }
        return 0;
    }
    if (p->jit)
        return pcre2_jit_match(p->re, (PCRE2_SPTR)s, n, 0, 0, ex->md, NULL) >= 0;
    return pcre2_match(p->re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, ex->md, NULL) >= 0;
}

static int re_match(const facta_extractor *ex, const pred *p, const char *s, size_t n)
{
    int sc = re_screen(p, s, n);
    return sc == 2 || (sc && re_pcre(ex, p, s, n));
}

/* Grammatical features of a token, computed the first time a rule asks. */
static uint64_t tok_morph(const facta_extractor *ex, const ftok *t)
{
    if (!t->pub.morph_done) {
        ftok *m = &ex->toks[t - ex->toks];
        m->morph = t->pub.script == FACTA_SCRIPT_CYRILLIC
                       ? morph_features(&ex->rules->morph, t->pub.folded, t->folded_len, M_ANY)
                       : 0;
        m->pub.morph_done = 1;
    }
    return t->morph;
}

int pred_eval(const facta_extractor *ex, const pred *p, const ftok *t)
{
    const facta_rules *r = ex->rules;
    switch (p->op) {
    case P_TRUE:
        return 1;
    case P_AND:
        return pred_eval(ex, &r->preds[p->a], t) && pred_eval(ex, &r->preds[p->b], t);
    case P_OR:
        return pred_eval(ex, &r->preds[p->a], t) || pred_eval(ex, &r->preds[p->b], t);
    case P_NOT:
        return !pred_eval(ex, &r->preds[p->a], t);
    case P_WORD:
        return t->fhash == p->hash && t->folded_len == p->len &&
               memcmp(t->pub.folded, p->str, p->len) == 0;
    case P_STEM: {
        if (!t->stem && tok_ensure_stem(ex->tk, &ex->toks[t - ex->toks]))
            return 0; /* out of memory: the test fails */
        ftok_stem st = tok_stem_of(ex->tk, t);
        return st.hash == p->hash && st.len == p->len && memcmp(st.s, p->str, p->len) == 0;
    }
    case P_FORM: {
        size_t n = t->pub.span.byte_end - t->pub.span.byte_start;
        return n == p->len && memcmp(ex->text + t->pub.span.byte_start, p->str, n) == 0;
    }
    case P_RE:
        return re_match(ex, p, ex->text + t->pub.span.byte_start,
                        t->pub.span.byte_end - t->pub.span.byte_start);
    case P_FRE:
        return re_match(ex, p, t->pub.folded, t->folded_len);
    case P_KIND:
        return t->pub.kind == p->a;
    case P_SCRIPT:
        return t->pub.script == p->a;
    case P_SHAPE:
        if (p->a < 0) { /* cap: starts with a capital letter */
            if (t->pub.shape == FACTA_SHAPE_TITLE || t->pub.shape == FACTA_SHAPE_UPPER ||
                t->pub.shape == FACTA_SHAPE_INITIAL)
                return 1;
            if (t->pub.shape != FACTA_SHAPE_MIXED)
                return 0;
            size_t i = 0, j = 0;
            const char *raw = ex->text + t->pub.span.byte_start;
            return utf8_next(raw, t->pub.span.byte_end - t->pub.span.byte_start, &i) !=
                   utf8_next(t->pub.folded, t->folded_len, &j);
        }
        return t->pub.shape == p->a;
    case P_IN: {
        size_t i = (size_t)(t - ex->toks);
        if (p->lex < 64) {
            if (!(t->lexmask & (1ull << p->lex)))
                return 0;
            if (p->tag < 0)
                return 1;
        }
        for (uint32_t h = ex->hit_off[i]; h < ex->hit_off[i + 1]; h++) {
            const lex_entry *e = &r->entries[ex->hits[h].entry];
            if (ex->hits[h].end == i + 1 && (int)e->lex == p->lex &&
                (p->tag < 0 || entry_has_tag_id(r, e, p->tag)))
                return 1;
        }
        return 0;
    }
    case P_MORPH:
        return (tok_morph(ex, t) & p->hash) != 0;
    case P_SENT:
        return (t->pub.flags & FACTA_TOKEN_SENT_START) != 0;
    case P_PARA:
        return (t->pub.flags & FACTA_TOKEN_PARA_START) != 0;
    case P_SPACE:
        return (t->pub.flags & FACTA_TOKEN_SPACE_BEFORE) != 0;
    case P_PREFIX:
        return t->folded_len >= p->len && memcmp(t->pub.folded, p->str, p->len) == 0;
    case P_SUFFIX:
        return t->folded_len >= p->len &&
               memcmp(t->pub.folded + t->folded_len - p->len, p->str, p->len) == 0;
    case P_LEN: {
        size_t n = t->pub.span.cp_end - t->pub.span.cp_start;
        return (int)n >= p->a && (int)n <= p->b;
    }
    }
    return 0;
}

/* Costly results are cached per (predicate, token): many rules share tests and many
 * threads test the same token. */
static int pred_cached(const facta_extractor *ex, int id, const ftok *t)
{
    uint32_t tok = (uint32_t)(t - ex->toks) + 1;
    struct pcache *c = &ex->pcache[id];
    if (c->doc == ex->doc_serial && c->tok == tok)
        return c->val;
    int v = pred_eval(ex, &ex->rules->preds[id], t);
    c->doc = ex->doc_serial;
    c->tok = tok;
    c->val = (uint8_t)v;
    return v;
}

static inline __attribute__((always_inline)) int pred_test(const facta_extractor *ex, int id, const ftok *t);

static inline int word_eq(const pred *p, const ftok *t)
{
    return t->fhash == p->hash && t->folded_len == p->len && memcmp(t->pub.folded, p->str, p->len) == 0;
}

/* A residual test of a flattened one (see pred in rules.h). */
static int res_test(const facta_extractor *ex, int id, const ftok *t)
{
    const pred *p = &ex->rules->preds[id];
    switch (p->op) {
    case P_AND:
        return pred_test(ex, p->a, t) && pred_test(ex, p->b, t);
    case P_OR:
        return pred_test(ex, p->a, t) || pred_test(ex, p->b, t);
    case P_NOT:
        return !pred_test(ex, p->a, t);
    case P_WORD:
        return word_eq(p, t);
    case P_RE:
    case P_FRE: {
        /* the screen first: most tokens fail it, and then neither the cache nor PCRE2 is
         * looked at */
        const char *s = p->op == P_RE ? ex->text + t->pub.span.byte_start : t->pub.folded;
        size_t n = p->op == P_RE ? t->pub.span.byte_end - t->pub.span.byte_start : t->folded_len;
        int sc = re_screen(p, s, n);
        if (sc != 1)
            return sc == 2;
        return p->f_cache ? pred_cached(ex, id, t) : re_pcre(ex, p, s, n);
    }
    default:
        return p->f_cache ? pred_cached(ex, id, t) : pred_eval(ex, p, t);
    }
}

/* The rest of a flattened test once its masks passed: length, capital, residual tests. */
static __attribute__((noinline)) int pred_rest(const facta_extractor *ex, const pred *p, const ftok *t)
{
    if (p->f_len) {
        int n = (int)(t->pub.span.cp_end - t->pub.span.cp_start);
        if (n < p->f_len_lo || n > p->f_len_hi)
            return 0;
    }
    if (p->f_cap && t->pub.shape == FACTA_SHAPE_MIXED) {
        size_t i = 0, j = 0;
        const char *raw = ex->text + t->pub.span.byte_start;
        if (utf8_next(raw, t->pub.span.byte_end - t->pub.span.byte_start, &i) ==
            utf8_next(t->pub.folded, t->folded_len, &j))
            return 0;
    }
    for (int k = 0; k < p->f_nres; k++) {
        const pred *q = &ex->rules->preds[p->f_res[k]];
        if (q->op == P_WORD ? !word_eq(q, t) : !res_test(ex, p->f_res[k], t))
            return 0;
    }
    return 1;
}

/* Does the token pass test id? The flattened form: masks first (inline), then the rest. */
static inline __attribute__((always_inline)) int pred_test(const facta_extractor *ex, int id, const ftok *t)
{
    const pred *p = &ex->rules->preds[id];
    if (p->op == P_WORD) /* the most common test: a word, decided by its hash mostly */
        return word_eq(p, t);
    uint32_t c = t->pub.cls;
    if (c >= 128)
        return pred_cached(ex, id, t); /* no class: the tree itself */
    if (!((p->f_cls[c >> 6] >> (c & 63)) & 1))
        return 0;
    uint64_t lm = t->lexmask;
    if ((lm & p->f_lex_all) != p->f_lex_all || (lm & p->f_lex_none) ||
        (p->f_lex_some && !(lm & p->f_lex_some)))
        return 0;
    uint32_t fl = t->pub.flags;
    if ((fl & p->f_flag_all) != p->f_flag_all || (fl & p->f_flag_none))
        return 0;
    return p->f_more ? pred_rest(ex, p, t) : 1;
}

/* ---- VM ---- */

/* Can a thread at an instruction with look lk get past the consuming instruction it meets
 * at token pos? 0 when it surely cannot (a token test that fails, no phrase of the lexicon,
 * no record of the type starting there), which is all a thread's fate depends on there. */
static inline __attribute__((always_inline)) int look_one(const facta_extractor *ex, const struct look *lk, uint32_t pos)
{
    if (lk->kind == LOOK_TOK)
        return pred_test(ex, (int)lk->arg, &ex->toks[pos]);
    if (lk->kind == LOOK_LEX)
        return lk->arg < 64 ? (ex->lexstart[pos] >> lk->arg) & 1
                            : ex->hit_off[pos] < ex->hit_off[pos + 1];
    for (int32_t ri = ex->rec_head[pos]; ri >= 0; ri = ex->recs[ri].next_at_start)
        if (ex->recs[ri].type == (int)lk->arg && !ex->recs[ri].dead)
            return 1;
    return 0;
}

/* Do the summaries of a split's alternatives other than words rule them all out at pos? */
static inline __attribute__((always_inline)) int
look_alt_ruled_out(const facta_extractor *ex, const struct look_alt *a, const ftok *t, uint32_t pos)
{
    unsigned c = t->pub.cls;
    return c < 128 && !((a->cls[c >> 6] >> (c & 63)) & 1) && !(ex->lexstart[pos] & a->lex) &&
           !(a->lex_any && ex->hit_off[pos] < ex->hit_off[pos + 1]) &&
           !(a->rec && ex->rec_head[pos] >= 0);
}

/* A thread at a split: can one of its branches get past the instruction it meets? The
 * summaries rule most tokens out at once. */
static __attribute__((noinline)) int look_alt(const facta_extractor *ex, const phase *ph, uint32_t arg, uint32_t pos)
{
    const struct look_alt *a = &ph->look_alt[arg];
    const struct look *l = &ph->look_leaf[a->off];
    const ftok *t = &ex->toks[pos];
    uint32_t i = 0;
    if ((a->words >> (t->fhash & 63)) & 1) {
        for (; i < a->nwords; i++)
            if (word_eq(&ex->rules->preds[l[i].arg], t))
                return 1;
    }
    if (look_alt_ruled_out(ex, a, t, pos))
        return 0;
    for (i = a->nwords; i < a->n; i++)
        if (look_one(ex, &l[i], pos))
            return 1;
    return 0;
}

static inline __attribute__((always_inline)) int look_ok(const facta_extractor *ex, const phase *ph, const struct look *lk, uint32_t pos)
{
    if (lk->kind == LOOK_NONE)
        return 1;
    if (pos >= ex->ntoks)
        return 0;
    if (lk->kind == LOOK_ALT) {
        /* most tokens: not a word of the split, and ruled out by the summaries, without a call */
        const struct look_alt *a = &ph->look_alt[lk->arg];
        const ftok *t = &ex->toks[pos];
        if (!((a->words >> (t->fhash & 63)) & 1) && look_alt_ruled_out(ex, a, t, pos))
            return 0;
        return look_alt(ex, ph, lk->arg, pos);
    }
    return look_one(ex, lk, pos);
}

static int park(facta_extractor *ex, uint32_t pos, const thread *t)
{
    size_t b = pos % RING;
    if (FA_GROW(ex->al, ex->ring[b], ex->ring_cap[b], ex->ring_n[b] + 1))
        return FACTA_ENOMEM;
    ex->ring[b][ex->ring_n[b]++] = *t;
    return 0;
}

static int push(facta_extractor *ex, size_t *sp, const thread *t)
{
    if (FA_GROW(ex->al, ex->stack, ex->stack_cap, *sp + 1))
        return FACTA_ENOMEM;
    ex->stack[(*sp)++] = *t;
    return 0;
}

static int add_cand(facta_extractor *ex, int ri, const thread *t, uint32_t pos)
{
    int32_t *lc = &ex->last_cand[ri];
    if (*lc >= 0 && ex->cands[*lc].start == t->start && ex->cands[*lc].rule == ri) {
        cand *c = &ex->cands[*lc];
        if (pos > c->end) {
            c->end = pos;
            c->cl = t->cl;
            if ((size_t)*lc < ex->cand_base && !c->dirty) { /* a root cl_compact must see */
                if (FA_GROW(ex->al, ex->cl_dirty, ex->cl_dirty_cap, ex->ncl_dirty + 1))
                    return FACTA_ENOMEM;
                ex->cl_dirty[ex->ncl_dirty++] = (uint32_t)*lc;
                c->dirty = 1;
            }
        }
        return 0;
    }
    if (FA_GROW(ex->al, ex->cands, ex->cands_cap, ex->ncands + 1))
        return FACTA_ENOMEM;
    cand *c = &ex->cands[ex->ncands];
    memset(c, 0, sizeof *c);
    c->rule = ri;
    c->start = t->start;
    c->end = pos;
    c->cl = t->cl;
    *lc = (int32_t)ex->ncands++;
    return 0;
}

/* Drop the capture log entries made since the last compaction (from cl_base on) that no
 * thread and no candidate can reach (most: threads die), and move the rest down, in order,
 * so that entries still come after the ones they point back to. Older entries stay where
 * they are: looking only at the new ones (and at the roots that may point to them: the
 * running thread *t, the stack below sp, the parked threads, the candidates made or
 * extended since) keeps a document's compactions linear in its length. 0 or FACTA_ENOMEM. */
static int cl_compact(facta_extractor *ex, thread *t, size_t sp)
{
    size_t n = ex->ncl, base = ex->cl_base;
    if (FA_GROW(ex->al, ex->cl_fwd, ex->cl_fwd_cap, n - base + 1))
        return FACTA_ENOMEM;
    uint32_t *fwd = ex->cl_fwd; /* entry i at fwd[i - base] */
    caplog *cl = ex->cl;
    memset(fwd, 0, (n - base) * sizeof *fwd);
#define CL_MARK(root)                                                                      \
    for (uint32_t m_ = (root); m_ >= base && !fwd[m_ - base]; m_ = cl[m_].prev)            \
        fwd[m_ - base] = 1;
    CL_MARK(t->cl)
    for (size_t i = 0; i < sp; i++)
        CL_MARK(ex->stack[i].cl)
    for (size_t b = 0; b < RING; b++)
        for (size_t i = 0; i < ex->ring_n[b]; i++)
            CL_MARK(ex->ring[b][i].cl)
    for (size_t i = ex->cand_base; i < ex->ncands; i++)
        CL_MARK(ex->cands[i].cl)
    for (size_t i = 0; i < ex->ncl_dirty; i++)
        CL_MARK(ex->cands[ex->cl_dirty[i]].cl)
#undef CL_MARK
    size_t j = base;
    for (size_t i = base; i < n; i++) {
        if (!fwd[i - base])
            continue;
        fwd[i - base] = (uint32_t)j;
        cl[j] = cl[i];
        if (cl[j].prev >= base) /* prev < i: already moved */
            cl[j].prev = fwd[cl[j].prev - base];
        j++;
    }
#define CL_MOVE(x) ((x) = (x) >= base ? fwd[(x) - base] : (x))
    CL_MOVE(t->cl);
    for (size_t i = 0; i < sp; i++)
        CL_MOVE(ex->stack[i].cl);
    for (size_t b = 0; b < RING; b++)
        for (size_t i = 0; i < ex->ring_n[b]; i++)
            CL_MOVE(ex->ring[b][i].cl);
    for (size_t i = ex->cand_base; i < ex->ncands; i++)
        CL_MOVE(ex->cands[i].cl);
    for (size_t i = 0; i < ex->ncl_dirty; i++) {
        CL_MOVE(ex->cands[ex->cl_dirty[i]].cl);
        ex->cands[ex->cl_dirty[i]].dirty = 0;
    }
#undef CL_MOVE
    ex->ncl = j;
    ex->cl_base = j;
    ex->cand_base = ex->ncands;
    ex->ncl_dirty = 0;
    return 0;
}

/* Room for one more capture log entry: compact the entries made since the last compaction
 * when there are enough of them, and grow the log when that leaves too little room. 0 or
 * FACTA_ENOMEM. */
__attribute__((noinline)) static int cl_room(facta_extractor *ex, thread *t, size_t sp)
{
    if (ex->ncl - ex->cl_base >= CL_GC_MIN) {
        if (cl_compact(ex, t, sp))
            return FACTA_ENOMEM;
        if (ex->cl_cap - ex->ncl >= CL_GC_MIN)
            return 0;
    }
    return FA_GROW(ex->al, ex->cl, ex->cl_cap, ex->ncl + 1);
}

/* Follow threads list[0, count) at position pos, one after the other, through epsilon
 * moves; park consuming moves. The token test of instruction `known` (UINT32_MAX: none) is
 * known to pass at pos: the seeding tested it already. list is read as it goes (cl_compact
 * may rewrite the entries not yet run). */
static int run_thread(facta_extractor *ex, const phase *ph, const thread *list, size_t count,
                      uint32_t pos, uint32_t known)
{
    const facta_rules *r = ex->rules;
    struct visit *const vis = ex->vis;
    const uint32_t gen = ex->gen;
    const inst *const prog = ph->prog;
    const struct look *const look = ph->look;
    uint64_t steps = 0;
    size_t sp = 0, li = 0;
    /* a token test known to pass at pos (-1: none): the one a split or fan just found
     * passing on the way taken, which the thread meets next */
    int32_t kp = known < ph->nprog && prog[known].op == OP_TOK ? prog[known].x : -1;
    thread t = list[0];
    /* A move that continues with one thread goes on with it here instead of pushing and
     * popping it: the order of the walk is that of a stack. */
    for (;;) {
    next:
        steps++;
        const inst *in = &prog[t.pc];
        if (in->join) {
            if (vis[t.pc].gen == gen && vis[t.pc].agr == t.agr)
                goto pop;
            vis[t.pc].gen = gen;
            vis[t.pc].agr = t.agr;
        }
        switch ((enum op)(in->op & 7)) { /* the 8 ops: no range check */
        case OP_JMP:
            t.pc = (uint32_t)in->x;
            goto next;
        case OP_SPLIT: {
            if (in->z >= 0) {
                /* a fan: the alternatives whose look may pass, the first one here, the
                 * others pushed so that they run in order after it */
                const struct chain_ent *c = &ph->chain[in->z];
                uint64_t h = pos < ex->ntoks ? ex->toks[pos].fhash : 0;
                uint32_t go = UINT32_MAX;
                struct look gk = {LOOK_NONE, 0};
                for (uint32_t k = c->n; k-- > 0;) {
                    const struct chain_ent *e = &c[k];
                    if ((e->word && e->hash != h) ||
                        (e->lk.kind != LOOK_ALT && !look_ok(ex, ph, &e->lk, pos)))
                        continue;
                    if (go != UINT32_MAX) {
                        thread u = t;
                        u.pc = go;
                        if (push(ex, &sp, &u))
                            return FACTA_ENOMEM;
                    }
                    go = e->pc;
                    gk = e->lk;
                }
                if (go == UINT32_MAX)
                    break;
                if (gk.kind == LOOK_TOK)
                    kp = (int32_t)gk.arg;
                t.pc = go;
                goto next;
            }
            /* a branch that meets a token test failing here dies there: not taken (a branch
             * to another split is: that split tests its own, and testing them here too costs
             * more than it saves) */
            int xdead = look[in->x].kind != LOOK_ALT && !look_ok(ex, ph, &look[in->x], pos);
            int ydead = look[in->y].kind != LOOK_ALT && !look_ok(ex, ph, &look[in->y], pos);
            if (!ydead) {
                if (xdead) {
                    if (look[in->y].kind == LOOK_TOK)
                        kp = (int32_t)look[in->y].arg;
                    t.pc = (uint32_t)in->y;
                    goto next;
                }
                thread u = t;
                u.pc = (uint32_t)in->y;
                if (push(ex, &sp, &u))
                    return FACTA_ENOMEM;
            } else if (xdead) {
                break;
            }
            if (look[in->x].kind == LOOK_TOK)
                kp = (int32_t)look[in->x].arg;
            t.pc = (uint32_t)in->x; /* x first: preferred */
            goto next;
        }
        case OP_SAVE: {
            if (ex->ncl == ex->cl_cap && cl_room(ex, &t, sp))
                return FACTA_ENOMEM;
            const caplog *cl = ex->cl;
            uint32_t ci = (uint32_t)ex->ncl++;
            caplog *c = &ex->cl[ci];
            c->prev = t.cl;
            c->slot = in->x;
            c->pos = pos;
            c->atom = ATOM_NONE;
            if (in->x & 1) {
                /* close: find the matching open to see if the last atom covers it (none:
                 * opened at the start, if the rule does so) */
                uint32_t o = t.cl;
                while (o && cl[o].slot != in->x - 1)
                    o = cl[o].prev;
                if ((o || in->y) && (uint32_t)t.last_s == (o ? cl[o].pos : t.start) &&
                    (uint32_t)t.last_e == pos)
                    c->atom = t.last_atom;
            }
            t.cl = ci;
            t.pc++;
            goto next;
        }
        case OP_MATCH:
            if (add_cand(ex, in->x, &t, pos))
                return FACTA_ENOMEM;
            break;
        case OP_TOK:
        case OP_ANY: {
            if (pos >= ex->ntoks || pos - t.start >= FACTA__MAX_MATCH_TOKENS)
                break;
            const ftok *tk = &ex->toks[pos];
            if (in->op == OP_TOK && in->x != kp && !pred_test(ex, in->x, tk))
                break;
            if (in->agree && tok_morph(ex, tk)) {
                t.agr &= tk->morph;
                if (!t.agr)
                    break;
            }
            t.pc++;
            if (!look_ok(ex, ph, &look[t.pc], pos + 1))
                break; /* it would die at its next token: not parked */
            t.last_s = (int32_t)pos;
            t.last_e = (int32_t)pos + 1;
            t.last_atom = ATOM_NONE;
            if (park(ex, pos + 1, &t))
                return FACTA_ENOMEM;
            break;
        }
        case OP_LEX: {
            if (pos >= ex->ntoks)
                break;
            for (uint32_t h = ex->hit_off[pos]; h < ex->hit_off[pos + 1]; h++) {
                const lex_entry *e = &r->entries[ex->hits[h].entry];
                if ((int)e->lex != in->x || (in->y >= 0 && !entry_has_tag_id(r, e, in->y)))
                    continue;
                if (in->z >= 0 && !pred_test(ex, in->z, &ex->toks[pos]))
                    continue;
                uint32_t end = ex->hits[h].end;
                if (end - t.start > FACTA__MAX_MATCH_TOKENS)
                    continue;
                if (!look_ok(ex, ph, &look[t.pc + 1], end))
                    continue;
                thread u = t;
                u.pc++;
                u.last_s = (int32_t)pos;
                u.last_e = (int32_t)end;
                u.last_atom = (int32_t)ex->hits[h].entry;
                if (park(ex, end, &u))
                    return FACTA_ENOMEM;
            }
            break;
        }
        case OP_REC: {
            if (pos >= ex->ntoks)
                break;
            for (int32_t ri = ex->rec_head[pos]; ri >= 0; ri = ex->recs[ri].next_at_start) {
                const rec *rc = &ex->recs[ri];
                if (rc->type != in->x || rc->dead || rc->te - t.start > FACTA__MAX_MATCH_TOKENS)
                    continue;
                if (!look_ok(ex, ph, &look[t.pc + 1], rc->te))
                    continue;
                thread u = t;
                u.pc++;
                u.last_s = (int32_t)pos;
                u.last_e = (int32_t)rc->te;
                u.last_atom = ATOM_REC(ri);
                if (park(ex, rc->te, &u))
                    return FACTA_ENOMEM;
            }
            break;
        }
        }
    pop:
        if (!sp) {
            if (++li < count) {
                t = list[li];
                continue;
            }
            ex->steps += steps;
            return 0;
        }
        t = ex->stack[--sp];
    }
}

/* Can the rule begin a match at pos? One look at each instruction it can begin with, so a
 * rule that cannot start here costs no thread. *known gets the token test found to pass
 * (UINT32_MAX: none), which the thread then need not test again. */
static int can_start(const facta_extractor *ex, const phase *ph, const rule *ru, uint32_t pos,
                     uint32_t *known)
{
    *known = UINT32_MAX;
    const facta_rules *r = ex->rules;
    if (ru->after_pred >= 0 && (pos == 0 || !pred_test(ex, ru->after_pred, &ex->toks[pos - 1])))
        return 0;
    if (ru->notafter_pred >= 0 && pos > 0 && pred_test(ex, ru->notafter_pred, &ex->toks[pos - 1]))
        return 0;
    for (int i = 0; i < ru->nfirst; i++) {
        const inst *in = &ph->prog[ru->first_pcs[i]];
        switch (in->op) {
        case OP_ANY:
            return 1;
        case OP_TOK:
            if (pred_test(ex, in->x, &ex->toks[pos])) {
                *known = ru->first_pcs[i];
                return 1;
            }
            break;
        case OP_LEX:
            if (in->x < 64 && !((ex->lexstart[pos] >> in->x) & 1))
                break; /* no phrase of the lexicon starts here */
            for (uint32_t h = ex->hit_off[pos]; h < ex->hit_off[pos + 1]; h++) {
                const lex_entry *e = &r->entries[ex->hits[h].entry];
                if ((int)e->lex == in->x && (in->y < 0 || entry_has_tag_id(r, e, in->y)) &&
                    (in->z < 0 || pred_test(ex, in->z, &ex->toks[pos])))
                    return 1;
            }
            break;
        case OP_REC:
            for (int32_t ri = ex->rec_head[pos]; ri >= 0; ri = ex->recs[ri].next_at_start)
                if (ex->recs[ri].type == in->x && !ex->recs[ri].dead)
                    return 1;
            break;
        default:
            return 1;
        }
    }
    return 0;
}

/* Can what comes after the rule's `ahead` tests pass at its token? */
static inline __attribute__((always_inline)) int ahead_look_ok(const facta_extractor *ex, const phase *ph, const rule *ru, uint32_t pos)
{
    return look_ok(ex, ph, &ru->ahead_look, pos + 1 + (uint32_t)ru->nahead);
}

/* Do the tokens after pos pass the rule's `ahead` tests (and, with look, its ahead_look)? A
 * thread that would die on them is not started. */
static inline int ahead_ok(const facta_extractor *ex, const phase *ph, const rule *ru, uint32_t pos,
                           int look)
{
    for (int k = 0; k < ru->nahead; k++)
        if (pos + 1 + k >= ex->ntoks || !pred_test(ex, ru->ahead[k], &ex->toks[pos + 1 + k]))
            return 0;
    return !look || ahead_look_ok(ex, ph, ru, pos);
}

/* Does a phrase of one of the lexicons every match of ru meets start where it must? */
static inline int must_ok(const facta_extractor *ex, const rule *ru, uint32_t pos)
{
    for (uint32_t k = pos + ru->must_lo; k <= pos + ru->must_hi && k < ex->ntoks; k++)
        if (ex->lexstart[k] & ru->must_lex)
            return 1;
    return 0;
}

/* Start the rules seeded by one key found at pos. live: a <TYPE> key is that of a live
 * record; end: where the key's phrase or record ends. */
static __attribute__((noinline)) int seed_slot(facta_extractor *ex, const phase *ph,
                                               const struct seed_slot *sl, uint32_t pos, int live,
                                               uint32_t end)
{
    for (uint32_t i = 0; i < sl->n; i++) {
        const struct seed_ent *f = &ph->seeds[sl->off + i];
        if (f->rule < 0) { /* a generic rule's key: it may start here (see seed) */
            uint32_t gi = (uint32_t)(-1 - f->rule);
            ex->gen_mark[gi / 64] |= 1ull << (gi % 64);
            continue;
        }
        if (ex->seed_stamp[f->rule] == pos + 1)
            continue;
        /* a thread through the key's instruction would die at the token after it (as
         * run_thread would find); another key may still start the rule here. A token test
         * consumes one token, whatever phrase of a lexicon gave its key. */
        if (f->from >= 0 &&
            !look_ok(ex, ph, &ph->look[f->from + 1], ph->prog[f->from].op == OP_TOK ? pos + 1 : end))
            continue;
        const rule *ru = &ex->rules->rules[f->rule];
        if (ru->must_lex && !must_ok(ex, ru, pos))
            continue;
        ex->seed_stamp[f->rule] = pos + 1;
        uint32_t known = UINT32_MAX;
        int sure = 0; /* the instruction the key came from passes: can_start would */
        if (f->pc >= 0) {
            const inst *in = &ph->prog[f->pc];
            if (in->op == OP_TOK)
                sure = pred_test(ex, in->x, &ex->toks[pos]) ? (known = (uint32_t)f->pc, 1) : 0;
            else
                sure = in->op == OP_LEX || live;
        }
        if (!sure && !can_start(ex, ph, ru, pos, &known))
            continue;
        if (!ahead_ok(ex, ph, ru, pos, 1))
            continue;
        thread t = {ex->rules->rules[f->rule].start, pos, ~0ull, 0, -1, -1, ATOM_NONE};
        int rc = run_thread(ex, ph, &t, 1, pos, known);
        if (rc)
            return rc;
    }
    return 0;
}

/* Start the rules seeded by key at pos, if any (most tokens have none: looked up inline). */
static inline int seed_key(facta_extractor *ex, const phase *ph, uint64_t key, uint32_t pos, int live,
                           uint32_t end)
{
    if (!ph->seed_index_cap)
        return 0;
    for (size_t h = seed_slot_of(key, ph->seed_index_cap); ph->seed_index[h].n;
         h = (h + 1) & (ph->seed_index_cap - 1))
        if (ph->seed_index[h].key == key)
            return seed_slot(ex, ph, &ph->seed_index[h], pos, live, end);
    return 0;
}

/* Start generic rule ri at pos when its first element and the tokens after it allow.
 * marked: one of its keys is at pos. 1 when the one test that decides its first element
 * failed (the generic rules that begin with that test cannot start here either). */
static int start_generic(facta_extractor *ex, const phase *ph, int ri, uint32_t pos, int marked)
{
    const rule *ru = &ex->rules->rules[ri];
    /* first what comes after the `ahead` tests: mostly a lexicon or words, cheaper than a
     * generic first test */
    if (!ahead_look_ok(ex, ph, ru, pos))
        return 0;
    const ftok *t = &ex->toks[pos];
    uint32_t known = ru->nfirst ? ru->first_pcs[0] : UINT32_MAX;
    if (ru->first_pred >= 0) {
        if (!pred_test(ex, ru->first_pred, t))
            return 1;
    } else if (ru->free_pred >= 0 && !marked) {
        /* none of its keys is here: only its one unkeyed first test may pass */
        known = ru->free_pc;
        if (!pred_test(ex, ru->free_pred, t))
            return 1;
    } else if (!can_start(ex, ph, ru, pos, &known)) {
        return 0;
    }
    if (!ahead_ok(ex, ph, ru, pos, 0))
        return 0;
    thread th = {ru->start, pos, ~0ull, 0, -1, -1, ATOM_NONE};
    return run_thread(ex, ph, &th, 1, pos, known);
}

/* Start the generic rules of word k of the phase's bitsets that m holds, in order, at pos
 * (mk: those a key marked there). 0 or an error. */
static __attribute__((noinline)) int start_generics(facta_extractor *ex, const phase *ph, uint32_t pos,
                                                    size_t k, uint64_t m, uint64_t mk)
{
    const facta_rules *r = ex->rules;
    size_t w = ph->gen_words;
    while (m) {
        unsigned b = (unsigned)__builtin_ctzll(m);
        m &= m - 1;
        int ri = ph->generic[k * 64 + b];
        const rule *ru = &r->rules[ri];
        if (ru->anchor && (pos + ru->anchor >= ex->ntoks ||
                           ex->toks[pos + ru->anchor].fhash != ru->anchor_hash))
            continue; /* a word it needs after the first token is not there */
        if (ru->must_lex && !must_ok(ex, ru, pos))
            continue; /* nor a lexicon's phrase it needs */
        int rc = start_generic(ex, ph, ri, pos, (mk >> b) & 1);
        if (rc == 1) /* nor do those that begin with the same test */
            m &= ~ph->gen_same[(k * 64 + b) * w + k];
        else if (rc)
            return rc;
    }
    return 0;
}

/* phbit: the phase's bit in seedmask and wordmask (0: none, look everything up). */
static int seed(facta_extractor *ex, const phase *ph, uint32_t pos, uint64_t phbit)
{
    const facta_rules *r = ex->rules;
    const ftok *t = &ex->toks[pos];
    int rc = phbit && !(ex->wordmask[pos] & phbit) ? 0 : seed_key(ex, ph, t->fhash & ~(3ull << 62), pos, 0, pos + 1);
    for (uint32_t h = ex->hit_off[pos]; !rc && h < ex->hit_off[pos + 1]; h++) {
        uint32_t lex = r->entries[ex->hits[h].entry].lex;
        if (phbit && lex < (uint32_t)r->nlexs && !(r->lex_seed_phases[lex] & phbit))
            continue; /* no rule of the phase is keyed by the lexicon */
        rc = seed_key(ex, ph, (1ull << 62) | lex, pos, 1, ex->hits[h].end);
    }
    for (int32_t ri = ex->rec_head[pos]; !rc && ri >= 0; ri = ex->recs[ri].next_at_start)
        rc = seed_key(ex, ph, (1ull << 63) | (uint64_t)ex->recs[ri].type, pos, !ex->recs[ri].dead,
                      ex->recs[ri].te);
    if (!ph->ngeneric || rc)
        return rc;
    if (t->pub.cls < 128) {
        /* the generic rules whose first test may accept this class of token, and whose first
         * two `ahead` tests the classes of the next two tokens, in generic order */
        size_t w = ph->gen_words;
        const struct tok_rows *ar = &ex->arow[pos];
        size_t rc0 = ar[0].cls, ra0 = ar[1].cls, ra1 = ar[2].cls;
        size_t rn0 = ar[1].hash, rn1 = ar[2].hash, rb = ar[0].byte;
        if (w == 1) { /* up to 64 generic rules (the usual case): one word each */
            uint64_t mk = ex->gen_mark[0];
            uint64_t m = ((ph->gen_any[rc0] & ph->gen_byte[rb]) | (ph->gen_key[rc0] & mk)) &
                         ph->gen_ahead[0][ra0] & ph->gen_ahead[1][ra1] & ph->gen_next[0][rn0] &
                         ph->gen_next[1][rn1];
            ex->gen_mark[0] = 0;
            return m ? start_generics(ex, ph, pos, 0, m, mk) : 0;
        }
        for (size_t k = 0; k < w; k++) {
            uint64_t mk = ex->gen_mark[k];
            uint64_t m = ((ph->gen_any[rc0 * w + k] & ph->gen_byte[rb * w + k]) |
                          (ph->gen_key[rc0 * w + k] & mk)) &
                         ph->gen_ahead[0][ra0 * w + k] & ph->gen_ahead[1][ra1 * w + k] &
                         ph->gen_next[0][rn0 * w + k] & ph->gen_next[1][rn1 * w + k];
            ex->gen_mark[k] = 0;
            if (m && (rc = start_generics(ex, ph, pos, k, m, mk)))
                return rc;
        }
        return 0;
    }
    unsigned cls = tok_class(t->pub.kind, t->pub.script, t->pub.shape);
    for (int i = 0; !rc && i < ph->ngeneric; i++) {
        const rule *ru = &r->rules[ph->generic[i]];
        int marked = (ex->gen_mark[i / 64] >> (i % 64)) & 1;
        if (cls < 128 && !(ru->first_class[cls / 64] & (1ull << (cls % 64))))
            continue; /* its first token test cannot accept this kind of token */
        if (ru->must_lex && !must_ok(ex, ru, pos))
            continue;
        rc = start_generic(ex, ph, ph->generic[i], pos, marked);
        rc = rc == 1 ? 0 : rc;
    }
    for (size_t k = 0; k < ph->gen_words; k++)
        ex->gen_mark[k] = 0;
    return rc;
}

/* Rebuild captures of a candidate from its log. */
static void get_caps(const facta_extractor *ex, const cand *c, capture *caps, int ncaps)
{
    for (int i = 0; i < ncaps; i++) {
        caps[i].s = caps[i].e = -1;
        caps[i].atom = ATOM_NONE;
    }
    uint64_t seen_close = 0, seen_open = 0; /* bit per capture */
    const caplog *cl = ex->cl;
    for (uint32_t i = c->cl; i; i = cl[i].prev) {
        const caplog *l = &cl[i];
        int slot = l->slot / 2;
        if (slot >= ncaps || slot >= 64)
            continue;
        uint64_t bit = 1ull << slot;
        if (l->slot & 1) {
            if (!(seen_close & bit)) { /* the latest close wins */
                seen_close |= bit;
                caps[slot].e = (int32_t)l->pos;
                caps[slot].atom = l->atom;
            }
        } else if (!(seen_open & bit) && (seen_close & bit)) {
            seen_open |= bit;
            caps[slot].s = (int32_t)l->pos;
        }
    }
    /* closed, not opened in the log: opened at the start (rule.start_open) */
    uint64_t at_start = seen_close & ~seen_open & ex->rules->rules[c->rule].start_open;
    for (int i = 0; i < ncaps && i < 64; i++)
        if ((at_start >> i) & 1)
            caps[i].s = (int32_t)c->start;
    for (int i = 0; i < ncaps; i++)
        if (caps[i].s < 0 || caps[i].e < caps[i].s)
            caps[i].s = caps[i].e = -1;
}

static int cmp_cand(const void *a, const void *b, void *ctx)
{
    const facta_rules *r = ctx;
    const cand *x = a, *y = b;
    uint32_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    int px = r->rules[x->rule].priority, py = r->rules[y->rule].priority;
    if (px != py)
        return px > py ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Portable qsort with context: a simple merge sort on an index array. */
static void sort_cands(cand *c, size_t n, cand *tmp, const facta_rules *r)
{
    if (n < 2)
        return;
    if (n <= 16) { /* short runs: a stable insertion sort (the same order as merging) */
        for (size_t i = 1; i < n; i++) {
            cand x = c[i];
            size_t j = i;
            while (j > 0 && cmp_cand(&x, &c[j - 1], (void *)r) < 0) {
                c[j] = c[j - 1];
                j--;
            }
            c[j] = x;
        }
        return;
    }
    size_t m = n / 2;
    sort_cands(c, m, tmp, r);
    sort_cands(c + m, n - m, tmp, r);
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n)
        tmp[k++] = cmp_cand(&c[j], &c[i], (void *)r) < 0 ? c[j++] : c[i++];
    while (i < m)
        tmp[k++] = c[i++];
    while (j < n)
        tmp[k++] = c[j++];
    memcpy(c, tmp, n * sizeof *c);
}

/* The conflict order as one 64-bit key: longer first, then the rule's rank (higher
 * priority, then earlier rule), then earlier start. */
typedef struct ckey {
    uint64_t k;
    uint32_t i; /* the candidate */
} ckey;

static void sort_ckeys(ckey *a, size_t n, ckey *tmp)
{
    if (n <= 16) { /* stable insertion sort */
        for (size_t i = 1; i < n; i++) {
            ckey x = a[i];
            size_t j = i;
            while (j > 0 && x.k < a[j - 1].k) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
        return;
    }
    size_t m = n / 2;
    sort_ckeys(a, m, tmp);
    sort_ckeys(a + m, n - m, tmp);
    if (a[m - 1].k <= a[m].k)
        return; /* already in order */
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n)
        tmp[k++] = a[j].k < a[i].k ? a[j++] : a[i++];
    while (i < m)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

/* Sort the candidates into conflict order (stable: equal ones keep their order). Keys when
 * every length and rank fits in 16 bits (always, in practice), else comparisons. */
static int order_cands(facta_extractor *ex, const facta_rules *r)
{
    size_t n = ex->ncands;
    if (n < 2)
        return 0; /* in order (and ex->cands may be NULL) */
    cand *tmp = arena_alloc(&ex->phase_arena, (n + 1) * sizeof *tmp);
    ckey *keys = arena_alloc(&ex->phase_arena, (2 * n + 1) * sizeof *keys);
    if (!tmp || !keys)
        return FACTA_ENOMEM;
    int fits = r->nrules <= 0x10000;
    for (size_t i = 0; fits && i < n; i++) {
        const cand *c = &ex->cands[i];
        uint32_t len = c->end - c->start;
        fits = len <= 0xFFFF;
        keys[i].k = ((uint64_t)(0xFFFF - len) << 48) | ((uint64_t)r->rules[c->rule].rank << 32) |
                    c->start;
        keys[i].i = (uint32_t)i;
    }
    if (!fits) {
        sort_cands(ex->cands, n, tmp, r);
        return 0;
    }
    sort_ckeys(keys, n, keys + n);
    for (size_t i = 0; i < n; i++)
        tmp[i] = ex->cands[keys[i].i];
    memcpy(ex->cands, tmp, n * sizeof *tmp);
    return 0;
}

/* "overlap with FILE:LINE NAME" / "rejected by FILE:LINE NAME" */
static int add_explain(facta_extractor *ex, const cand *c, const char *why, int other)
{
    if (!ex->explain)
        return 0;
    char rb[400];
    snprintf(rb, sizeof rb, "%s %s", why, ex->rules->rules[other].label);
    const char *reason = arena_strndup(&ex->arena, rb, strlen(rb));
    if (!reason)
        return FACTA_ENOMEM;
    if (FA_GROW(ex->al, ex->expl, ex->expl_cap, ex->nexpl + 1))
        return FACTA_ENOMEM;
    const rule *ru = &ex->rules->rules[c->rule];
    facta_explain *e = &ex->expl[ex->nexpl++];
    memset(e, 0, sizeof *e);
    uint32_t s = c->rs, en = c->re > c->rs ? c->re : c->rs + 1;
    if (en > ex->ntoks)
        en = (uint32_t)ex->ntoks;
    if (s < en) {
        e->span.byte_start = ex->toks[s].pub.span.byte_start;
        e->span.cp_start = ex->toks[s].pub.span.cp_start;
        e->span.byte_end = ex->toks[en - 1].pub.span.byte_end;
        e->span.cp_end = ex->toks[en - 1].pub.span.cp_end;
    }
    e->type = ru->nemits ? ex->rules->types[ru->emits[0].type] : "REJECT";
    e->rule = ru->label;
    e->reason = reason;
    return 0;
}

int rec_add(facta_extractor *ex, const rec *rc)
{
    if (ex->nrecs >= FACTA__MAX_RECORDS) {
        ex->dropped++;
        return 0;
    }
    if (FA_GROW(ex->al, ex->recs, ex->recs_cap, ex->nrecs + 1))
        return FACTA_ENOMEM;
    rec *d = &ex->recs[ex->nrecs];
    *d = *rc;
    d->next_at_start = -1;
    /* append at the end of the start list so earlier records come first */
    int32_t *p = &ex->rec_head[rc->ts];
    while (*p >= 0)
        p = &ex->recs[*p].next_at_start;
    *p = (int32_t)ex->nrecs;
    ex->nrecs++;
    return 0;
}

/* Array a (elements of `size` bytes) is zero up to `zero`: make it zero up to n, and return
 * how far it is zero. */
static size_t zero_tail(void *a, size_t size, size_t zero, size_t n)
{
    if (zero >= n)
        return zero;
    memset((char *)a + zero * size, 0, (n - zero) * size);
    return n;
}

int match_phase(facta_extractor *ex, const phase *ph)
{
    const facta_rules *r = ex->rules;
    int rc = 0;
    uint32_t n = (uint32_t)ex->ntoks;
    ex->ncands = 0;
    arena_reset(&ex->phase_arena); /* capture logs and scratch live for one phase */
    if (FA_GROW(ex->al, ex->cl, ex->cl_cap, 1))
        return FACTA_ENOMEM;
    ex->ncl = 1; /* entry 0 stands for "none" */
    ex->cl_base = 1;
    ex->cand_base = 0;
    ex->ncl_dirty = 0;
    if (FA_GROW(ex->al, ex->vis, ex->vis_cap, ph->nprog + 1))
        return FACTA_ENOMEM;
    if (FA_GROW(ex->al, ex->last_cand, ex->last_cand_cap, (size_t)r->nrules + 1) ||
        FA_GROW(ex->al, ex->seed_stamp, ex->seed_stamp_cap, (size_t)r->nrules + 1))
        return FACTA_ENOMEM;
    for (int i = 0; i < r->nrules; i++) {
        ex->last_cand[i] = -1;
        ex->seed_stamp[i] = 0;
    }
    if (FA_GROW(ex->al, ex->gen_mark, ex->gen_mark_cap, ph->gen_words + 1))
        return FACTA_ENOMEM;
    memset(ex->gen_mark, 0, (ph->gen_words + 1) * sizeof *ex->gen_mark);
    /* generations go on across phases and documents: only marks never written, and all of
     * them when the counter would wrap, are cleared */
    if (ex->gen > UINT32_MAX - (uint32_t)n - 2) {
        ex->gen = 0;
        ex->vis_clean = 0;
    }
    if (ex->vis_clean < ph->nprog + 1) {
        memset(ex->vis + ex->vis_clean, 0, (ph->nprog + 1 - ex->vis_clean) * sizeof *ex->vis);
        ex->vis_clean = ph->nprog + 1;
    }
    for (size_t b = 0; b < RING; b++)
        ex->ring_n[b] = 0;
    size_t phi = (size_t)(ph - r->phases);
    uint64_t phbit = phi < 64 && phi < (size_t)r->nphases ? 1ull << phi : 0;
    /* in locals: neither array changes while the VM runs (records are added after it) */
    const uint64_t *seedmask = ex->seedmask;
    const int32_t *rec_head = ex->rec_head;
    for (uint32_t pos = 0; pos <= n; pos++) {
        size_t b = pos % RING, nb = ex->ring_n[b];
        ex->gen++;
        if (nb) {
            thread *tl = ex->ring[b];
            /* by start, stable: an insertion sort (lists are short) */
            for (size_t i = 1; i < nb; i++) {
                thread x = tl[i];
                size_t j = i;
                while (j > 0 && tl[j - 1].start > x.start) {
                    tl[j] = tl[j - 1];
                    j--;
                }
                tl[j] = x;
            }
            /* run_thread may park into other buckets, never into this one */
            if ((rc = run_thread(ex, ph, tl, nb, pos, UINT32_MAX)))
                return rc;
            ex->ring_n[b] = 0;
        }
        /* nothing to seed here: no key of the phase, no generic rule for the token's
         * class, no record */
        if (pos == n || (phbit && !(seedmask[pos] & phbit) && rec_head[pos] < 0))
            continue;
        if ((rc = seed(ex, ph, pos, phbit)))
            return rc;
    }

    /* record spans of candidates; captures */
    capture caps[64];
    for (size_t i = 0; i < ex->ncands; i++) {
        cand *c = &ex->cands[i];
        const rule *ru = &r->rules[c->rule];
        c->rs = c->start;
        c->re = c->end;
        /* the captures only when the record span is one of them (most rules: the match) */
        int need = ru->is_reject && ru->target_cap >= 0;
        for (int k = 0; k < ru->nemits && !need && !ru->is_reject; k++)
            need = ru->emits[k].span_cap >= 0;
        if (need)
            get_caps(ex, c, caps, ru->ncaps < 64 ? ru->ncaps : 64);
        if (ru->is_reject) {
            if (ru->target_cap >= 0 && caps[ru->target_cap].s >= 0) {
                c->rs = (uint32_t)caps[ru->target_cap].s;
                c->re = (uint32_t)caps[ru->target_cap].e;
            }
            continue;
        }
        uint32_t s = UINT32_MAX, e = 0;
        for (int k = 0; k < ru->nemits; k++) {
            int sc = ru->emits[k].span_cap;
            uint32_t a = c->start, z = c->end;
            if (sc >= 0 && caps[sc].s >= 0) {
                a = (uint32_t)caps[sc].s;
                z = (uint32_t)caps[sc].e;
            }
            if (a < s)
                s = a;
            if (z > e)
                e = z;
        }
        if (s < e) {
            c->rs = s;
            c->re = e;
        }
    }
    /* rejects: mark the tokens each reject covers with the types it suppresses, then drop
     * the candidates whose record span touches a mark of one of their types */
    int any_reject = 0;
    for (size_t i = 0; i < ex->ncands && !any_reject; i++)
        any_reject = r->rules[ex->cands[i].rule].is_reject;
    if (any_reject) {
        if (FA_GROW(ex->al, ex->rmask, ex->rmask_cap, (size_t)n + 1) ||
            FA_GROW(ex->al, ex->rwho, ex->rwho_cap, (size_t)n + 1))
            return FACTA_ENOMEM;
        /* what the rejects mark is cleared after use: the rest of rmask stays zero, and is
         * not cleared again for every phase */
        size_t zero = zero_tail(ex->rmask, sizeof *ex->rmask, ex->rmask_zero, (size_t)n + 1);
        ex->rmask_zero = 0; /* until the marks are cleared (an error return leaves them) */
        for (size_t i = 0; i < ex->ncands; i++) {
            const cand *rj = &ex->cands[i];
            const rule *rr = &r->rules[rj->rule];
            if (!rr->is_reject)
                continue;
            uint64_t m = 0;
            for (int k = 0; k < rr->nreject_types; k++)
                m |= 1ull << (rr->reject_types[k] & 63);
            if (!rr->nreject_types)
                m = ~0ull;
            for (uint32_t k = rj->rs; k < rj->re && k < n; k++) {
                ex->rmask[k] |= m;
                ex->rwho[k] = rj->rule;
            }
        }
        for (size_t j = 0; j < ex->ncands; j++) {
            cand *c = &ex->cands[j];
            const rule *ru = &r->rules[c->rule];
            if (ru->is_reject || c->dead)
                continue;
            uint64_t m = 0;
            for (int k = 0; k < ru->nemits; k++)
                m |= 1ull << (ru->emits[k].type & 63);
            for (uint32_t k = c->rs; k < c->re && k < n; k++) {
                if (ex->rmask[k] & m) {
                    c->dead = 1;
                    if (add_explain(ex, c, "rejected by", ex->rwho[k]))
                        return FACTA_ENOMEM;
                    break;
                }
            }
        }
        for (size_t i = 0; i < ex->ncands; i++) {
            const cand *rj = &ex->cands[i];
            if (r->rules[rj->rule].is_reject)
                for (uint32_t k = rj->rs; k < rj->re && k < n; k++)
                    ex->rmask[k] = 0;
        }
        ex->rmask_zero = zero;
    }
    /* conflicts: longest, then priority, then earliest rule */
    if (order_cands(ex, r))
        return FACTA_ENOMEM;
    if (FA_GROW(ex->al, ex->occ, ex->occ_cap, n + 1))
        return FACTA_ENOMEM;
    /* as rmask: what the records hold is cleared after use */
    size_t zero = zero_tail(ex->occ, sizeof *ex->occ, ex->occ_zero, (size_t)n + 1);
    ex->occ_zero = 0;
    for (size_t i = 0; i < ex->ncands; i++) {
        cand *c = &ex->cands[i];
        const rule *ru = &r->rules[c->rule];
        if (ru->is_reject || c->dead)
            continue;
        int32_t clash = 0;
        if (!ru->overlap)
            for (uint32_t k = c->rs; k < c->re && !clash; k++)
                clash = ex->occ[k];
        if (clash) {
            c->dead = 1;
            if (add_explain(ex, c, "overlap with", clash - 1))
                return FACTA_ENOMEM;
            continue;
        }
        get_caps(ex, c, caps, ru->ncaps < 64 ? ru->ncaps : 64);
        int made = 0;
        for (int k = 0; k < ru->nemits; k++) {
            rec out;
            rc = eval_emit(ex, ru, &ru->emits[k], caps, c, &out);
            if (rc < 0)
                return rc;
            if (rc == 1)
                continue; /* the action declined (an empty norm) */
            if ((rc = rec_add(ex, &out)))
                return rc;
            made++;
        }
        if (made && !ru->overlap)
            for (uint32_t k = c->rs; k < c->re; k++)
                ex->occ[k] = c->rule + 1;
    }
    for (size_t i = 0; i < ex->ncands; i++) { /* all that may have taken tokens */
        const cand *c = &ex->cands[i];
        if (!c->dead && !r->rules[c->rule].is_reject && !r->rules[c->rule].overlap)
            for (uint32_t k = c->rs; k < c->re; k++)
                ex->occ[k] = 0;
    }
    ex->occ_zero = zero;
    return 0;
}
