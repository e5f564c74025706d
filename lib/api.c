/* api.c: the public API: rule loading, extractors, extraction, tokens and JSON output. */
#include "extract.h"
#include "json.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int finish_phase_records(facta_extractor *ex, size_t from);

/* ---- options ---- */

int facta_compile_options_init(facta_compile_options *opts, unsigned int version)
{
    if (!opts || version != FACTA_COMPILE_OPTIONS_VERSION)
        return FACTA_EINVAL;
    facta_compile_options d = FACTA_COMPILE_OPTIONS_INIT;
    *opts = d;
    return FACTA_OK;
}

int facta_extract_options_init(facta_extract_options *opts, unsigned int version)
{
    if (!opts || version != FACTA_EXTRACT_OPTIONS_VERSION)
        return FACTA_EINVAL;
    facta_extract_options d = FACTA_EXTRACT_OPTIONS_INIT;
    *opts = d;
    return FACTA_OK;
}

/* ---- rules ---- */

int rules_create(facta_rules **out, const facta_allocator *user)
{
    fa_alloc al;
    fa_alloc_init(&al, user);
    facta_rules *r = fa_calloc(&al, 1, sizeof *r);
    if (!r)
        return FACTA_ENOMEM;
    r->al = al;
    arena_init(&r->pool, &r->al);
    *out = r;
    return 0;
}

void facta_rules_free(facta_rules *r)
{
    if (!r)
        return;
    const fa_alloc *al = &r->al;
    rules_free_inputs(r);
    for (size_t i = 0; i < r->npreds; i++)
        if (r->preds[i].re)
            pcre2_code_free(r->preds[i].re);
    for (int i = 0; i < r->nphases; i++) {
        fa_free(al, r->phases[i].prog);
        fa_free(al, r->phases[i].rules);
        fa_free(al, r->phases[i].seeds);
        fa_free(al, r->phases[i].seed_index);
        fa_free(al, r->phases[i].generic);
        fa_free(al, r->phases[i].chain);
    }
    fa_free(al, r->phases);
    fa_free(al, r->types);
    fa_free(al, r->type_phase);
    fa_free(al, r->tags);
    fa_free(al, r->lexs);
    fa_free(al, r->entries);
    fa_free(al, r->words);
    fa_free(al, r->lstr);
    fa_free(al, r->word_entry);
    fa_free(al, r->word_single);
    fa_free(al, r->forms);
    fa_free(al, r->nodes);
    fa_free(al, r->edges);
    fa_free(al, r->node_ents);
    fa_free(al, r->tents);
    fa_free(al, r->preds);
    fa_free(al, r->exprs);
    fa_free(al, r->rules);
    fa_free(al, r->examples);
    fa_free(al, r->warnings);
    morph_free(&r->morph, al);
    arena_free(&r->pool);
    fa_alloc a = *al;
    fa_free(&a, r);
}

size_t facta_rules_count(const facta_rules *r)
{
    return r ? (size_t)r->nrules : 0;
}

size_t facta_rules_warning_count(const facta_rules *r)
{
    return r ? r->nwarnings : 0;
}

const char *facta_rules_warning(const facta_rules *r, size_t i)
{
    return r && i < r->nwarnings ? r->warnings[i] : NULL;
}

static int check_compile_opts(const facta_compile_options *opts, facta_diag *diag)
{
    if (opts && opts->version != FACTA_COMPILE_OPTIONS_VERSION) {
        diag_set(diag, FACTA_EINVAL, "<options>", 0, 0, 0,
                 "unknown facta_compile_options version %u", opts->version);
        return FACTA_EINVAL;
    }
    return 0;
}

static int add_defaults(facta_rules *r, facta_diag *diag)
{
    for (size_t i = 0; i < facta__embedded_rules_count; i++) {
        const embedded_file *f = &facta__embedded_rules[i];
        size_t pl = strlen(f->path);
        if (pl < 6 || strcmp(f->path + pl - 6, ".facta") != 0)
            continue;
        char dir[300], name[300];
        const char *slash = strrchr(f->path, '/');
        if (slash)
            snprintf(dir, sizeof dir, "<default>/%.*s", (int)(slash - f->path), f->path);
        else
            snprintf(dir, sizeof dir, "<default>");
        snprintf(name, sizeof name, "rules/%s", f->path);
        int rc = rules_add_source(r, (const char *)f->data, f->len, name, dir, diag);
        if (rc)
            return rc;
    }
    return 0;
}

int rules_complete(facta_rules *r, int rc, facta_rules **out, facta_diag *diag)
{
    if (!rc)
        rc = rules_finish(r, diag);
    if (rc) {
        facta_rules_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int facta_rules_default(facta_rules **out, facta_diag *diag)
{
    if (!out)
        return FACTA_EINVAL;
    facta_rules *r;
    int rc = rules_create(&r, NULL);
    if (rc) {
        diag_set(diag, rc, "<default>", 0, 0, 0, "out of memory");
        return rc;
    }
    return rules_complete(r, add_defaults(r, diag), out, diag);
}

int facta_rules_compile(facta_rules **out, const char *src, size_t len, const char *name,
                        const facta_compile_options *opts, facta_diag *diag)
{
    if (!out || (!src && len)) {
        diag_set(diag, FACTA_EINVAL, name, 0, 0, 0, "invalid argument");
        return FACTA_EINVAL;
    }
    int rc = check_compile_opts(opts, diag);
    if (rc)
        return rc;
    facta_rules *r;
    if ((rc = rules_create(&r, opts ? opts->allocator : NULL))) {
        diag_set(diag, rc, name, 0, 0, 0, "out of memory");
        return rc;
    }
    r->no_jit = opts && (opts->flags & FACTA_COMPILE_NO_JIT);
    if (!(opts && (opts->flags & FACTA_COMPILE_WITH_DEFAULTS) && (rc = add_defaults(r, diag))))
        rc = rules_add_source(r, src ? src : "", len, name ? name : "<string>", NULL, diag);
    return rules_complete(r, rc, out, diag);
}

static int load_one(facta_rules *r, const char *path, facta_diag *diag)
{
    char *data;
    size_t len;
    char why[128];
    int rc = fa_read_file(&r->al, path, &data, &len, why, sizeof why);
    if (rc) {
        diag_set(diag, rc, path, 0, 0, 0, "cannot read: %s", why);
        return rc;
    }
    char dir[1024];
    const char *slash = strrchr(path, '/');
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    else
        snprintf(dir, sizeof dir, ".");
    rc = rules_add_source(r, data, len, path, dir, diag);
    fa_free(&r->al, data);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_dir(facta_rules *r, const char *path, facta_diag *diag, int depth)
{
    if (depth > 16) {
        diag_set(diag, FACTA_ELIMIT, path, 0, 0, 0, "directories nested deeper than 16");
        return FACTA_ELIMIT;
    }
    DIR *d = opendir(path);
    if (!d) {
        diag_set(diag, FACTA_EIO, path, 0, 0, 0, "cannot open directory: %s", strerror(errno));
        return FACTA_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (FA_GROW(&r->al, names, cap, n + 1) ||
            !(names[n] = fa_strndup(&r->al, de->d_name, strlen(de->d_name)))) {
            rc = FACTA_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (!rc && n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && !rc; i++) {
        char full[2048];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        size_t nl = strlen(names[i]);
        if (S_ISDIR(st.st_mode))
            rc = load_dir(r, full, diag, depth + 1);
        else if (nl > 6 && strcmp(names[i] + nl - 6, ".facta") == 0)
            rc = load_one(r, full, diag);
    }
    for (size_t i = 0; i < n; i++)
        fa_free(&r->al, names[i]);
    fa_free(&r->al, names);
    if (rc == FACTA_ENOMEM && diag && !diag->message[0])
        diag_set(diag, rc, path, 0, 0, 0, "out of memory");
    return rc;
}

int facta_rules_load(facta_rules **out, const char *path, const facta_compile_options *opts,
                     facta_diag *diag)
{
    if (!out || !path) {
        diag_set(diag, FACTA_EINVAL, path, 0, 0, 0, "invalid argument");
        return FACTA_EINVAL;
    }
    int rc = check_compile_opts(opts, diag);
    if (rc)
        return rc;
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_set(diag, FACTA_EIO, path, 0, 0, 0, "%s", strerror(errno));
        return FACTA_EIO;
    }
    if (S_ISREG(st.st_mode) && pack_is_pack(path))
        return pack_load(out, path, opts, diag);
    facta_rules *r;
    if ((rc = rules_create(&r, opts ? opts->allocator : NULL))) {
        diag_set(diag, rc, path, 0, 0, 0, "out of memory");
        return rc;
    }
    r->no_jit = opts && (opts->flags & FACTA_COMPILE_NO_JIT);
    if (opts && (opts->flags & FACTA_COMPILE_WITH_DEFAULTS))
        rc = add_defaults(r, diag);
    if (!rc)
        rc = S_ISDIR(st.st_mode) ? load_dir(r, path, diag, 0) : load_one(r, path, diag);
    return rules_complete(r, rc, out, diag);
}

/* ---- extractors ---- */

int facta_extractor_new(facta_extractor **out, const facta_rules *rules)
{
    if (!out || !rules)
        return FACTA_EINVAL;
    const fa_alloc *al = &rules->al;
    facta_extractor *ex = fa_calloc(al, 1, sizeof *ex);
    if (!ex)
        return FACTA_ENOMEM;
    ex->rules = rules;
    ex->al = al;
    arena_init(&ex->arena, al);
    arena_init(&ex->phase_arena, al);
    fbuf_init(&ex->json, al);
    fbuf_init(&ex->tmp, al);
    int rc = tok_new(&ex->tk, al);
    if (!rc) {
        ex->md = pcre2_match_data_create(1, NULL);
        ex->pcache = fa_calloc(al, rules->npreds + 1, sizeof *ex->pcache);
        if (!ex->md || !ex->pcache)
            rc = FACTA_ENOMEM;
    }
    if (rc) {
        facta_extractor_free(ex);
        return rc;
    }
    *out = ex;
    return 0;
}

void facta_extractor_free(facta_extractor *ex)
{
    if (!ex)
        return;
    const fa_alloc *al = ex->al;
    tok_free(ex->tk);
    if (ex->md)
        pcre2_match_data_free(ex->md);
    arena_free(&ex->arena);
    arena_free(&ex->phase_arena);
    fa_free(al, ex->hit_off);
    fa_free(al, ex->lexstart);
    fa_free(al, ex->seedmask);
    fa_free(al, ex->wordmask);
    fa_free(al, ex->arow);
    fa_free(al, ex->hits);
    fa_free(al, ex->recs);
    fa_free(al, ex->rec_head);
    fa_free(al, ex->vis);
    fa_free(al, ex->pcache);
    for (size_t i = 0; i < 128; i++)
        fa_free(al, ex->ring[i]);
    fa_free(al, ex->stack);
    fa_free(al, ex->cands);
    fa_free(al, ex->cl);
    fa_free(al, ex->cl_fwd);
    fa_free(al, ex->cl_dirty);
    fa_free(al, ex->last_cand);
    fa_free(al, ex->occ);
    fa_free(al, ex->rmask);
    fa_free(al, ex->rwho);
    fa_free(al, ex->seed_stamp);
    fa_free(al, ex->gen_mark);
    fa_free(al, ex->ents);
    fa_free(al, ex->expl);
    fbuf_free(&ex->json);
    fbuf_free(&ex->tmp);
    fa_free(al, ex);
}

const char *facta_extractor_last_error(const facta_extractor *ex)
{
    return ex ? ex->err : "";
}

size_t facta_extractor_explain(const facta_explain **out, const facta_extractor *ex)
{
    if (!ex) {
        if (out)
            *out = NULL;
        return 0;
    }
    if (out)
        *out = ex->expl;
    return ex->nexpl;
}

size_t facta_extractor_dropped(const facta_extractor *ex)
{
    return ex ? ex->dropped : 0;
}

/* ---- extraction ---- */

static int parse_date(const char *s, int *y, int *m, int *d)
{
    int a, b, c;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
        *y = a, *m = b, *d = c;
        return 1;
    }
    if (sscanf(s, "%4d-%2d%c", &a, &b, &tail) == 2 && b >= 1 && b <= 12) {
        *y = a, *m = b, *d = 0;
        return 1;
    }
    if (sscanf(s, "%4d%c", &a, &tail) == 1 && a > 0) {
        *y = a, *m = *d = 0;
        return 1;
    }
    return 0;
}

/* Free what a large document left: every array sized by tokens, hits, candidates or
 * records, both arenas and the JSON buffer (they grow as needed again). What is sized by the
 * rules stays. */
static void release_scratch(facta_extractor *ex)
{
    const fa_alloc *al = ex->al;
#define DROP(p, cap) (fa_free(al, (p)), (p) = NULL, (cap) = 0)
    tok_trim(ex->tk);
    ex->toks = NULL;
    ex->ntoks = 0;
    arena_free(&ex->arena);
    arena_free(&ex->phase_arena);
    DROP(ex->hit_off, ex->hit_off_cap);
    DROP(ex->lexstart, ex->lexstart_cap);
    DROP(ex->seedmask, ex->seedmask_cap);
    DROP(ex->wordmask, ex->wordmask_cap);
    DROP(ex->arow, ex->arow_cap);
    DROP(ex->hits, ex->hits_cap);
    DROP(ex->recs, ex->recs_cap);
    DROP(ex->rec_head, ex->rec_head_cap);
    DROP(ex->cands, ex->cands_cap);
    DROP(ex->occ, ex->occ_cap);
    ex->occ_zero = 0;
    DROP(ex->rmask, ex->rmask_cap);
    ex->rmask_zero = 0;
    DROP(ex->rwho, ex->rwho_cap);
    DROP(ex->cl, ex->cl_cap);
    DROP(ex->cl_fwd, ex->cl_fwd_cap);
    DROP(ex->cl_dirty, ex->cl_dirty_cap);
    DROP(ex->ents, ex->ents_cap);
    DROP(ex->expl, ex->expl_cap);
#undef DROP
    ex->nhits = ex->nrecs = ex->ncands = ex->ncl = ex->nents = ex->nexpl = 0;
    fbuf_free(&ex->json);
    fbuf_free(&ex->tmp);
}

/* Validate, sanitize and tokenize; shared by facta_tokenize and facta_extract. */
static int prepare(facta_extractor *ex, const char *text, size_t len,
                   const facta_extract_options *opts, int stems)
{
    if (ex->trim) /* the last document's results are no longer needed */
        release_scratch(ex);
    ex->trim = len > FACTA__KEEP_DOC_BYTES;
    ex->err[0] = 0;
    ex->nents = 0;
    ex->nexpl = 0;
    ex->nrecs = 0;
    ex->dropped = 0;
    ex->steps = 0;
    ex->map = NULL;
    ex->ntoks = 0;
    ex->json.len = 0;
    if (++ex->doc_serial == 0) { /* wrapped: forget every cached predicate result */
        memset(ex->pcache, 0, (ex->rules->npreds + 1) * sizeof *ex->pcache);
        ex->doc_serial = 1;
    }
    arena_reset(&ex->arena);
    if (!text && len)
        return set_error(ex, FACTA_EINVAL, "text is NULL");
    if (opts && opts->version != FACTA_EXTRACT_OPTIONS_VERSION)
        return set_error(ex, FACTA_EINVAL, "unknown facta_extract_options version %u", opts->version);
    if (len > FACTA__MAX_DOC_BYTES)
        return set_error(ex, FACTA_ELIMIT, "document of %zu bytes is over the limit of %zu bytes",
                         len, (size_t)FACTA__MAX_DOC_BYTES);
    ex->explain = opts && (opts->flags & FACTA_EXTRACT_EXPLAIN);
    ex->doc_year = ex->doc_month = ex->doc_day = 0;
    if (opts && opts->doc_date && !parse_date(opts->doc_date, &ex->doc_year, &ex->doc_month, &ex->doc_day))
        return set_error(ex, FACTA_EINVAL, "document date '%.40s' is not YYYY-MM-DD", opts->doc_date);
    ex->lang = 0;
    if (opts && opts->lang) {
        if (strcmp(opts->lang, "en") == 0)
            ex->lang = 1;
        else if (strcmp(opts->lang, "ru") == 0)
            ex->lang = 2;
        else
            return set_error(ex, FACTA_EINVAL, "unknown language '%.20s' (en, ru)", opts->lang);
    }
    text = text ? text : "";
    ex->orig = text;
    ex->text = text;
    ex->len = len;
    size_t bad;
    if (!facta_utf8_valid(text, len, &bad)) {
        if (!(opts && (opts->flags & FACTA_EXTRACT_REPLACE_INVALID)))
            return set_error(ex, FACTA_EUTF8, "invalid UTF-8 at byte %zu (0x%02x)", bad,
                             (unsigned char)text[bad]);
        /* copy with U+FFFD per invalid byte, and a map back to the original offsets */
        fbuf s;
        fbuf_init(&s, ex->al);
        size_t *map = arena_alloc(&ex->arena, (len * 3 + 1) * sizeof *map);
        if (!map)
            return set_error(ex, FACTA_ENOMEM, "out of memory");
        size_t i = 0;
        while (i < len) {
            size_t k = utf8_seq_len((const unsigned char *)text, len, i);
            if (k == 0) {
                for (int j = 0; j < 3; j++)
                    map[s.len + (size_t)j] = i;
                fbuf_put(&s, "\xEF\xBF\xBD", 3);
                i++;
            } else {
                for (size_t j = 0; j < k; j++)
                    map[s.len + j] = i + j;
                fbuf_put(&s, text + i, k);
                i += k;
            }
        }
        map[s.len] = len;
        char *copy = s.oom ? NULL : arena_strndup(&ex->arena, fbuf_cstr(&s), s.len);
        size_t sl = s.len;
        fbuf_free(&s);
        if (!copy)
            return set_error(ex, FACTA_ENOMEM, "out of memory");
        ex->text = copy;
        ex->len = sl;
        ex->map = map;
    }
    size_t skip = (ex->len >= 3 && memcmp(ex->text, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    ftok *toks;
    size_t n;
    int rc = tok_run(ex->tk, ex->text + skip, ex->len - skip, stems, &ex->arena, &toks, &n);
    if (rc)
        return set_error(ex, rc, rc == FACTA_ENOMEM ? "out of memory" : "tokenizer failed (ICU)");
    for (size_t i = 0; i < n && skip; i++) {
        toks[i].pub.span.byte_start += skip;
        toks[i].pub.span.byte_end += skip;
        toks[i].pub.span.cp_start += 1;
        toks[i].pub.span.cp_end += 1;
    }
    ex->toks = toks;
    ex->ntoks = n;
    return 0;
}

static facta_span map_span(const facta_extractor *ex, facta_span s)
{
    if (ex->map) {
        s.byte_start = ex->map[s.byte_start];
        s.byte_end = ex->map[s.byte_end];
    }
    return s;
}

int facta_tokenize(const facta_token **out, size_t *out_count, facta_extractor *ex,
                   const char *text, size_t len, const facta_extract_options *opts)
{
    if (!ex)
        return FACTA_EINVAL;
    if (!out || !out_count)
        return set_error(ex, FACTA_EINVAL, "out and out_count must not be NULL");
    int rc = prepare(ex, text, len, opts, 1);
    if (rc)
        return rc;
    /* the public tokens are made from the compact internal ones, in the arena */
    facta_token *pub = arena_alloc(&ex->arena, (ex->ntoks + 1) * sizeof *pub);
    if (!pub)
        return set_error(ex, FACTA_ENOMEM, "out of memory");
    for (size_t i = 0; i < ex->ntoks; i++) {
        const ftok *k = &ex->toks[i];
        facta_token *d = &pub[i];
        d->span = map_span(ex, tok_range_span(ex, (uint32_t)i, (uint32_t)i + 1));
        d->kind = k->pub.kind;
        d->script = k->pub.script;
        d->shape = k->pub.shape;
        d->flags = k->pub.flags;
        d->folded = k->pub.folded;
        d->stem = tok_stem_of(ex->tk, k).s; /* prepare made every stem */
    }
    *out = pub;
    *out_count = ex->ntoks;
    return 0;
}

static int cmp_ent(const void *a, const void *b)
{
    const facta_entity *x = a, *y = b;
    if (x->span.byte_start != y->span.byte_start)
        return x->span.byte_start < y->span.byte_start ? -1 : 1;
    if (x->span.byte_end != y->span.byte_end)
        return x->span.byte_end > y->span.byte_end ? -1 : 1;
    return strcmp(x->type, y->type);
}

static int run(facta_extractor *ex, const char *text, size_t len, const facta_extract_options *opts)
{
    int rc = prepare(ex, text, len, opts, 0); /* stems are made when a rule asks */
    if (rc)
        return rc;
    const facta_rules *r = ex->rules;
    size_t n = ex->ntoks;
    if ((rc = match_lexicons(ex)))
        return set_error(ex, rc, "out of memory");
    if (FA_GROW(ex->al, ex->rec_head, ex->rec_head_cap, n + 1))
        return set_error(ex, FACTA_ENOMEM, "out of memory");
    for (size_t i = 0; i <= n; i++)
        ex->rec_head[i] = -1;
    for (int p = 0; p < r->nphases; p++) {
        size_t from = ex->nrecs;
        if ((rc = match_phase(ex, &r->phases[p])))
            return set_error(ex, rc, "out of memory");
        if ((rc = finish_phase_records(ex, from)))
            return set_error(ex, rc, "out of memory");
    }
    if ((rc = finish_records(ex)))
        return set_error(ex, rc, "out of memory");
    if (FA_GROW(ex->al, ex->ents, ex->ents_cap, ex->nrecs + 1))
        return set_error(ex, FACTA_ENOMEM, "out of memory");
    /* the entities in cmp_ent order, ties in record order (as a stable sort of the records
     * leaves them): the records starting at each token, in the order they were added, are
     * the start lists (rec_head); a later start token is a later byte_start, so only the
     * records of one token need sorting (a qsort of them all was n log n) */
    size_t k = 0;
    for (size_t t = 0; t < n; t++) {
        size_t first = k;
        for (int32_t i = ex->rec_head[t]; i >= 0; i = ex->recs[i].next_at_start) {
            const rec *rc_ = &ex->recs[i];
            if (rc_->dead || r->types[rc_->type][0] == '_')
                continue; /* types starting with '_' are internal to the rules */
            facta_entity en;
            en.span = map_span(ex, tok_range_span(ex, rc_->ts, rc_->te));
            en.type = r->types[rc_->type];
            en.norm = rc_->norm;
            /* attributes named _x are the rules' own bookkeeping: not output */
            facta_attr *pub = rc_->attrs;
            size_t na = 0;
            for (size_t j = 0; j < rc_->nattrs; j++)
                if (rc_->attrs[j].key[0] != '_')
                    pub[na++] = rc_->attrs[j];
            en.attrs = pub;
            en.n_attrs = na;
            en.rule = r->rules[rc_->rule].label;
            size_t at = k++;
            for (; at > first && cmp_ent(&ex->ents[at - 1], &en) > 0; at--)
                ex->ents[at] = ex->ents[at - 1];
            ex->ents[at] = en;
        }
    }
    ex->nents = k;
    for (size_t i = 0; i < ex->nexpl; i++)
        ex->expl[i].span = map_span(ex, ex->expl[i].span);
    return 0;
}

int facta_extract(const facta_entity **out, size_t *out_count, facta_extractor *ex,
                  const char *text, size_t len, const facta_extract_options *opts)
{
    if (!ex)
        return FACTA_EINVAL;
    if (!out || !out_count)
        return set_error(ex, FACTA_EINVAL, "out and out_count must not be NULL");
    int rc = run(ex, text, len, opts);
    if (rc)
        return rc;
    *out = ex->ents;
    *out_count = ex->nents;
    return 0;
}

/* JPUT: append a string literal */
#define JPUT(b, lit) fbuf_put(b, lit, sizeof lit - 1)

static void json_span_text(fbuf *b, const facta_extractor *ex, facta_span s)
{
    /* the original bytes, unless invalid bytes were replaced: then the cleaned text */
    if (ex->map) {
        size_t a = 0, z = ex->len;
        while (a < ex->len && ex->map[a] < s.byte_start)
            a++;
        z = a;
        while (z < ex->len && ex->map[z] < s.byte_end)
            z++;
        json_string(b, ex->text + a, z - a);
    } else {
        json_string(b, ex->orig + s.byte_start, s.byte_end - s.byte_start);
    }
}

/* Append the key (with its punctuation) and v in decimal, as printf's "%zu" would. */
static void json_key_uint(fbuf *b, const char *key, size_t kn, size_t v)
{
    char buf[24];
    fbuf_put(b, key, kn);
    fbuf_put(b, buf, fa_put_u64(buf, v));
}

#define JSON_KEY_UINT(b, key, v) json_key_uint(b, key, sizeof key - 1, v)

/* {"type":..,"text":..,"start":..,"end":.. — the head of a record and of a rejected one */
static void json_record_head(fbuf *b, const facta_extractor *ex, const char *type, facta_span sp)
{
    JPUT(b, "{\"type\":");
    json_string(b, type, strlen(type));
    JPUT(b, ",\"text\":");
    json_span_text(b, ex, sp);
    JSON_KEY_UINT(b, ",\"start\":", sp.cp_start);
    JSON_KEY_UINT(b, ",\"end\":", sp.cp_end);
}

int facta_extract_json(const char **out_json, size_t *out_len, facta_extractor *ex,
                       const char *id, const char *text, size_t len,
                       const facta_extract_options *opts)
{
    if (!ex)
        return FACTA_EINVAL;
    if (!out_json)
        return set_error(ex, FACTA_EINVAL, "out_json must not be NULL");
    if (id && !facta_utf8_valid(id, strlen(id), NULL))
        return set_error(ex, FACTA_EUTF8, "document id is not valid UTF-8");
    int rc = run(ex, text, len, opts);
    if (rc)
        return rc;
    fbuf *b = &ex->json;
    fbuf_reset(b);
    JPUT(b, "{");
    if (id) {
        JPUT(b, "\"id\":");
        json_string(b, id, strlen(id));
        JPUT(b, ",");
    }
    const char *lang = ex->lang == 1 ? "en" : ex->lang == 2 ? "ru" : NULL;
    if (!lang) {
        size_t cyr = 0, lat = 0;
        for (size_t i = 0; i < ex->ntoks; i++) {
            cyr += ex->toks[i].pub.script == FACTA_SCRIPT_CYRILLIC;
            lat += ex->toks[i].pub.script == FACTA_SCRIPT_LATIN;
        }
        lang = cyr > lat ? "ru" : lat ? "en" : NULL;
    }
    if (lang) {
        JPUT(b, "\"lang\":\"");
        fbuf_put(b, lang, strlen(lang));
        JPUT(b, "\",");
    }
    JPUT(b, "\"entities\":[");
    for (size_t i = 0; i < ex->nents; i++) {
        const facta_entity *e = &ex->ents[i];
        if (i)
            JPUT(b, ",");
        json_record_head(b, ex, e->type, e->span);
        JSON_KEY_UINT(b, ",\"byte_start\":", e->span.byte_start);
        JSON_KEY_UINT(b, ",\"byte_end\":", e->span.byte_end);
        JPUT(b, ",\"norm\":");
        json_string(b, e->norm, strlen(e->norm));
        JPUT(b, ",\"attrs\":{");
        for (size_t j = 0; j < e->n_attrs; j++) {
            const facta_attr *a = &e->attrs[j];
            if (j)
                JPUT(b, ",");
            json_string(b, a->key, strlen(a->key));
            JPUT(b, ":");
            if (a->is_number)
                json_number(b, a->number);
            else
                json_string(b, a->value, strlen(a->value));
        }
        JPUT(b, "}");
        if (ex->explain) {
            JPUT(b, ",\"rule\":");
            json_string(b, e->rule, strlen(e->rule));
        }
        JPUT(b, "}");
    }
    JPUT(b, "]");
    if (ex->explain) {
        JPUT(b, ",\"rejected\":[");
        for (size_t i = 0; i < ex->nexpl; i++) {
            const facta_explain *e = &ex->expl[i];
            if (i)
                JPUT(b, ",");
            json_record_head(b, ex, e->type, e->span);
            JPUT(b, ",\"rule\":");
            json_string(b, e->rule, strlen(e->rule));
            JPUT(b, ",\"reason\":");
            json_string(b, e->reason, strlen(e->reason));
            JPUT(b, "}");
        }
        JPUT(b, "]");
    }
    if (ex->dropped)
        JSON_KEY_UINT(b, ",\"truncated\":", ex->dropped);
    JPUT(b, "}");
    if (b->oom)
        return set_error(ex, FACTA_ENOMEM, "out of memory");
    *out_json = b->data;
    if (out_len)
        *out_len = b->len;
    return 0;
}

/* ---- names ---- */

const char *facta_token_kind_name(int kind)
{
    static const char *n[] = {"word", "number", "punct", "symbol", "url", "space"};
    return kind >= 0 && kind < 6 ? n[kind] : "unknown";
}

const char *facta_script_name(int script)
{
    static const char *n[] = {"other", "latin", "cyrillic", "mixed"};
    return script >= 0 && script < 4 ? n[script] : "unknown";
}

const char *facta_shape_name(int shape)
{
    static const char *n[] = {"none", "xxx", "XXX", "Xxx", "xXx", "X"};
    return shape >= 0 && shape < 6 ? n[shape] : "unknown";
}

/* ---- rule self-tests ---- */

size_t facta_rules_self_test(const facta_rules *r, char *report, size_t cap, size_t *total)
{
    if (report && cap)
        report[0] = 0;
    if (total)
        *total = r ? r->nexamples : 0;
    if (!r || !r->nexamples)
        return 0;
    facta_extractor *ex;
    if (facta_extractor_new(&ex, r))
        return (size_t)-1;
    size_t failures = 0, used = 0;
    for (size_t i = 0; i < r->nexamples; i++) {
        const example *x = &r->examples[i];
        const facta_entity *e;
        size_t n;
        int rc = facta_extract(&e, &n, ex, x->text, strlen(x->text), NULL);
        if (rc == FACTA_ENOMEM) {
            facta_extractor_free(ex);
            return (size_t)-1;
        }
        int found = 0;
        for (size_t k = 0; rc == 0 && k < n; k++)
            if (x->type && strcmp(e[k].type, x->type) == 0 &&
                (!x->norm || strcmp(e[k].norm, x->norm) == 0))
                found = 1;
        if (rc == 0 && (x->counter ? !found : found))
            continue;
        failures++;
        if (!report || used + 1 >= cap)
            continue;
        int w = snprintf(report + used, cap - used, "%s:%u: %s \"%s\" => %s%s%s%s: got", x->file,
                         x->line, x->counter ? "counter" : "example", x->text,
                         x->type ? x->type : "", x->norm ? " \"" : "", x->norm ? x->norm : "",
                         x->norm ? "\"" : "");
        if (w > 0)
            used += (size_t)w < cap - used ? (size_t)w : cap - used - 1;
        for (size_t k = 0; rc == 0 && k < n && used + 1 < cap; k++) {
            w = snprintf(report + used, cap - used, " %s \"%s\"", e[k].type, e[k].norm);
            if (w > 0)
                used += (size_t)w < cap - used ? (size_t)w : cap - used - 1;
        }
        if (used + 1 < cap) {
            report[used++] = '\n';
            report[used] = 0;
        }
    }
    facta_extractor_free(ex);
    return failures;
}
