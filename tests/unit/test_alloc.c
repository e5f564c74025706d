/* test_alloc.c: allocation failure. A counting allocator (facta_compile_options.allocator)
 * fails the Nth allocation, for N = 1, 2, 3, ... until a run needs no failure:
 *   - compiling a rule set with lexicons, morphology, a regex, phases and a reject rule;
 *   - with rules compiled normally by the same allocator: creating an extractor and running
 *     one extraction (records, JSON, tokens; with explain and with invalid bytes replaced).
 * Every failure must return FACTA_ENOMEM, leave the output handles unwritten and leak
 * nothing (the allocator counts live blocks); an extractor that failed must work again as
 * soon as memory is back, with the same results as before.
 * Also: the memory a large document took is given back before the next document. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "facta.h"

/* ---- the counting allocator ---- */

#define MAGIC 0xFAC7A110C8EDull
#define DEAD 0xDEADFAC7Aull

typedef struct counting {
    long calls;      /* allocations so far (malloc and realloc) */
    long fail_at;    /* fail allocation number fail_at; 0: never */
    long live;       /* blocks allocated and not freed */
    long bad_frees;  /* frees or reallocs of pointers this allocator did not hand out */
    long long bytes; /* bytes allocated and not freed */
    int failed;      /* a failure was injected */
} counting;

typedef union header {
    struct {
        unsigned long long magic;
        size_t size;
    } h;
    max_align_t align;
} header;

static int should_fail(counting *c)
{
    c->calls++;
    if (c->fail_at && c->calls == c->fail_at) {
        c->failed = 1;
        return 1;
    }
    return 0;
}

static void *c_malloc(size_t size, void *ctx)
{
    counting *c = ctx;
    if (should_fail(c))
        return NULL;
    header *p = malloc(sizeof(header) + size);
    if (!p)
        return NULL;
    p->h.magic = MAGIC;
    p->h.size = size;
    memset(p + 1, 0xA5, size); /* no reliance on zeroed memory */
    c->live++;
    c->bytes += (long long)size;
    return p + 1;
}

static void *c_realloc(void *ptr, size_t size, void *ctx)
{
    counting *c = ctx;
    if (!ptr)
        return c_malloc(size, ctx);
    header *old = (header *)ptr - 1;
    if (old->h.magic != MAGIC) {
        c->bad_frees++;
        return NULL;
    }
    if (should_fail(c))
        return NULL; /* the old block stays valid and live */
    size_t was = old->h.size;
    header *p = realloc(old, sizeof(header) + size);
    if (!p)
        return NULL;
    p->h.size = size;
    c->bytes += (long long)size - (long long)was;
    return p + 1;
}

static void c_free(void *ptr, void *ctx)
{
    counting *c = ctx;
    if (!ptr)
        return;
    header *p = (header *)ptr - 1;
    if (p->h.magic != MAGIC) {
        c->bad_frees++;
        return;
    }
    p->h.magic = DEAD;
    c->live--;
    c->bytes -= (long long)p->h.size;
    free(p);
}

/* ---- what runs under the allocator ---- */

/* Lexicons (inline, exact and inflecting, canon and tags), morphology, a define, a regex,
 * two phases and a reject rule: most of what the compiler allocates for. */
static const char RULES[] =
    "morphology \"rules/ru/endings.tsv\";\n"
    "lexicon CITY inflect { Астана | city; Алматы => Almaty | city; Нур-Султан => Астана | city }\n"
    "lexicon EN { big apple => New York | city code=US; paris | city; new york | city }\n"
    "lexicon TITLE { president; президент; prime minister }\n"
    "define NUM = [number] (\",\" [number])?;\n"
    "rule city: c:@CITY => PLACE { norm = canon($c), kind = tag($c, \"city\") };\n"
    "rule en: p:@EN => PLACE { norm = canon($p), code = tag($p, \"code\") };\n"
    "rule fig: n:%NUM u:[alpha & lower & !in=TITLE] => FIGURE { norm = join(number($n), lower($u)),"
    " value = number($n) };\n"
    "rule abbr: x:[re=/[A-Z]{2,5}/] => ABBR;\n"
    "rule title: t:@TITLE n:[title]+ => ROLE { norm = lower($t), person = text($n) };\n"
    "reject noabbr (ABBR): \"the\" target:_;\n"
    "phase 2;\n"
    "rule in: (\"в\" | \"in\") p:<PLACE> => LOC { norm = text($p) };\n";

static const char TEXT[] = "President Tokayev arrived in Astana, в Астане и Алматы собрались "
                           "1,300 участников. The UN and NATO met in the Big Apple; 6.8 schools "
                           "\xEF\xBF\xBD Кaзахстан’s 2023-2024 http://example.com/a?b=1.";

/* The same text with an invalid byte, for FACTA_EXTRACT_REPLACE_INVALID. */
static const char TEXT_BAD[] = "President Tokayev arrived in \xff Astana, в Астане 1,300 участников.";

/* Compile RULES under the counting allocator. On failure, checks the contract and returns
 * NULL with *problem set to a description of what broke it ("" when nothing did). */
static facta_rules *compile_with(counting *c, int *rc_out, char *problem, size_t cap)
{
    facta_allocator al = {c_malloc, c_realloc, c_free, c};
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.allocator = &al; /* read during compile: only the hooks must outlive the rules */
    facta_rules *r = (facta_rules *)(uintptr_t)1;
    facta_diag d;
    memset(&d, 0, sizeof d);
    int rc = facta_rules_compile(&r, RULES, sizeof RULES - 1, "alloc.facta", &o, &d);
    *rc_out = rc;
    problem[0] = 0;
    if (rc == FACTA_OK)
        return r;
    if (r != (facta_rules *)(uintptr_t)1)
        snprintf(problem, cap, "a failed compile (%d) wrote the output handle", rc);
    else if (rc != FACTA_ENOMEM || d.code != FACTA_ENOMEM)
        snprintf(problem, cap, "returned %d (diag %d: \"%s\"), not FACTA_ENOMEM", rc, d.code,
                 d.message);
    else if (!d.message[0])
        snprintf(problem, cap, "no diagnostic");
    return NULL;
}

/* RULES compiled with allocator c, which must succeed. */
static facta_rules *compile_ok_with(counting *c)
{
    int rc;
    char problem[800];
    facta_rules *r = compile_with(c, &rc, problem, sizeof problem);
    assert_int_equal(rc, FACTA_OK);
    return r;
}

/* One operation on a fresh extractor; fills `out` with a summary of its results. */
enum { OP_EXTRACT, OP_JSON, OP_TOKENS, OP_EXPLAIN, OP_REPLACE, OP_COUNT };
static const char *const OP_NAMES[] = {"extract", "json", "tokens", "explain", "replace"};

static int run_op(facta_extractor *ex, int op, char *out, size_t cap)
{
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    const char *text = op == OP_REPLACE ? TEXT_BAD : TEXT;
    size_t len = op == OP_REPLACE ? sizeof TEXT_BAD - 1 : sizeof TEXT - 1;
    if (op == OP_EXPLAIN)
        o.flags = FACTA_EXTRACT_EXPLAIN;
    if (op == OP_REPLACE)
        o.flags = FACTA_EXTRACT_REPLACE_INVALID;
    out[0] = 0;
    int rc;
    size_t w = 0, n = 99999;
    if (op == OP_JSON) {
        const char *js = NULL;
        rc = facta_extract_json(&js, &n, ex, "doc", text, len, &o);
        if (rc == FACTA_OK)
            snprintf(out, cap, "%s", js);
        else if (js)
            fail_msg("failed JSON call wrote its output");
        return rc;
    }
    if (op == OP_TOKENS) {
        const facta_token *t = NULL;
        rc = facta_tokenize(&t, &n, ex, text, len, &o);
        if (rc != FACTA_OK) {
            if (t || n != 99999)
                fail_msg("failed tokenize call wrote its outputs");
            return rc;
        }
        for (size_t i = 0; i < n && w + 64 < cap; i++)
            w += (size_t)snprintf(out + w, cap - w, "%zu:%s/%s ", t[i].span.byte_start, t[i].folded,
                                  t[i].stem);
        return rc;
    }
    const facta_entity *e = NULL;
    rc = facta_extract(&e, &n, ex, text, len, &o);
    if (rc != FACTA_OK) {
        if (e || n != 99999)
            fail_msg("failed extract call wrote its outputs");
        return rc;
    }
    for (size_t i = 0; i < n && w + 128 < cap; i++) {
        w += (size_t)snprintf(out + w, cap - w, "%s:%s@%zu", e[i].type, e[i].norm,
                              e[i].span.byte_start);
        for (size_t k = 0; k < e[i].n_attrs && w + 64 < cap; k++)
            w += (size_t)snprintf(out + w, cap - w, ",%s=%s", e[i].attrs[k].key,
                                  e[i].attrs[k].value);
        w += (size_t)snprintf(out + w, cap - w, "; ");
    }
    if (op == OP_EXPLAIN) {
        const facta_explain *x;
        size_t nx = facta_extractor_explain(&x, ex);
        for (size_t i = 0; i < nx && w + 128 < cap; i++)
            w += (size_t)snprintf(out + w, cap - w, "x %s %s %s; ", x[i].type, x[i].rule,
                                  x[i].reason);
    }
    return rc;
}

#define MAX_N 20000 /* allocations tried per scenario, at most */

/* ---- compile ---- */

static void test_compile_failures(void **state)
{
    (void)state;
    /* a reference run: how many allocations a compile makes */
    counting ref = {0};
    int rc;
    char problem[800];
    facta_rules *r = compile_with(&ref, &rc, problem, sizeof problem);
    assert_int_equal(rc, FACTA_OK);
    assert_int_equal(facta_rules_count(r), 7);
    long total = ref.calls;
    facta_rules_free(r);
    assert_int_equal(ref.live, 0);
    assert_int_equal(ref.bad_frees, 0);
    fprintf(stderr, "  compile: %ld allocations\n", total);
    assert_true(total > 10 && total < MAX_N);

    long n, bad = 0;
    for (n = 1; n <= MAX_N; n++) {
        counting c = {0};
        c.fail_at = n;
        r = compile_with(&c, &rc, problem, sizeof problem);
        if (rc == FACTA_OK) {
            assert_false(c.failed); /* an injected failure must not be swallowed */
            facta_rules_free(r);
            assert_int_equal(c.live, 0);
            break;
        }
        assert_true(c.failed);
        if (!problem[0] && c.live != 0)
            snprintf(problem, sizeof problem, "%ld blocks leaked", c.live);
        if (!problem[0] && c.bad_frees)
            snprintf(problem, sizeof problem, "%ld frees of foreign pointers", c.bad_frees);
        if (problem[0] && bad++ < 25)
            fprintf(stderr, "  compile, allocation %ld of %ld failed: %s\n", n, total, problem);
    }
    if (bad)
        fail_msg("%ld of %ld allocation failures broke the contract", bad, total);
    assert_int_equal(n, total + 1);
}

/* ---- extractor and extraction ---- */

/* With rules `r` built by `c`'s allocator: for each operation, fail allocation N of a fresh
 * extractor's creation and first call, N = 1, 2, ... until one run needs no failure. */
static void extract_failure_loop(facta_rules *r, counting *c, const char *label)
{
    int rc;
    const long rules_live = c->live;
    static char want[OP_COUNT][32768], got[32768];

    /* reference results without failures */
    for (int op = 0; op < OP_COUNT; op++) {
        facta_extractor *ex;
        c->fail_at = 0;
        assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
        assert_int_equal(run_op(ex, op, want[op], sizeof want[op]), FACTA_OK);
        facta_extractor_free(ex);
        assert_int_equal(c->live, rules_live);
    }
    /* the text does exercise the rules */
    assert_non_null(strstr(want[OP_EXTRACT], "PLACE:"));
    assert_non_null(strstr(want[OP_EXTRACT], "FIGURE:"));
    assert_non_null(strstr(want[OP_EXPLAIN], "x "));

    for (int op = 0; op < OP_COUNT; op++) {
        long n, failures = 0;
        for (n = 1; n <= MAX_N; n++) {
            c->failed = 0;
            c->fail_at = c->calls + n;
            facta_extractor *ex = (facta_extractor *)(uintptr_t)1;
            rc = facta_extractor_new(&ex, r);
            if (rc != FACTA_OK) {
                if (rc != FACTA_ENOMEM || !c->failed)
                    fail_msg("%s %s: allocation %ld failed: extractor_new returned %d", label,
                             OP_NAMES[op], n, rc);
                if (ex != (facta_extractor *)(uintptr_t)1)
                    fail_msg("extractor_new failed but wrote its output");
                if (c->live != rules_live)
                    fail_msg("%s extractor_new, allocation %ld failed: %ld blocks leaked", label,
                             n, c->live - rules_live);
                failures++;
                continue;
            }
            rc = run_op(ex, op, got, sizeof got);
            if (rc == FACTA_OK) {
                if (c->failed)
                    fail_msg("%s %s: allocation %ld failed but the call succeeded", label,
                             OP_NAMES[op], n);
                if (strcmp(got, want[op]) != 0)
                    fail_msg("%s %s: results differ:\n  want %s\n  got  %s", label, OP_NAMES[op],
                             want[op], got);
                facta_extractor_free(ex);
                assert_int_equal(c->live, rules_live);
                break;
            }
            failures++;
            if (rc != FACTA_ENOMEM || !c->failed)
                fail_msg("%s %s: allocation %ld failed: returned %d (%s), not FACTA_ENOMEM", label,
                         OP_NAMES[op], n, rc, facta_extractor_last_error(ex));
            if (!strstr(facta_extractor_last_error(ex), "memory"))
                fail_msg("%s %s: allocation %ld failed: message \"%s\"", label, OP_NAMES[op], n,
                         facta_extractor_last_error(ex));
            /* memory is back: the same extractor works and gives the same results */
            c->fail_at = 0;
            rc = run_op(ex, op, got, sizeof got);
            if (rc != FACTA_OK || strcmp(got, want[op]) != 0)
                fail_msg("%s %s: after allocation %ld failed, the extractor gives %d:\n  want %s\n"
                         "  got  %s",
                         label, OP_NAMES[op], n, rc, want[op], got);
            facta_extractor_free(ex);
            if (c->live != rules_live)
                fail_msg("%s %s: allocation %ld failed: %ld blocks leaked", label, OP_NAMES[op], n,
                         c->live - rules_live);
        }
        fprintf(stderr, "  %s %s: %ld injected failures\n", label, OP_NAMES[op], failures);
        assert_true(n <= MAX_N);
        assert_true(failures > 3);
    }

    /* a warm extractor: the second document on it, failing each allocation it still makes */
    facta_extractor *ex;
    c->fail_at = 0;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    assert_int_equal(run_op(ex, OP_EXTRACT, got, sizeof got), FACTA_OK);
    for (long n = 1; n <= MAX_N; n++) {
        c->failed = 0;
        c->fail_at = c->calls + n;
        rc = run_op(ex, OP_JSON, got, sizeof got);
        c->fail_at = 0;
        if (rc == FACTA_OK) {
            assert_false(c->failed);
            assert_string_equal(got, want[OP_JSON]);
            break;
        }
        assert_int_equal(rc, FACTA_ENOMEM);
    }
    facta_extractor_free(ex);
    assert_int_equal(c->live, rules_live);
}

static void test_extract_failures(void **state)
{
    (void)state;
    counting c = {0};
    facta_rules *r = compile_ok_with(&c);
    extract_failure_loop(r, &c, "small rules");
    facta_rules_free(r);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.bad_frees, 0);
}

/* ---- the built-in rules ---- */

static facta_rules *compile_defaults(counting *c, int *rc, facta_diag *d)
{
    facta_allocator al = {c_malloc, c_realloc, c_free, c};
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.allocator = &al;
    o.flags = FACTA_COMPILE_WITH_DEFAULTS | FACTA_COMPILE_NO_JIT;
    facta_rules *r = (facta_rules *)(uintptr_t)1;
    memset(d, 0, sizeof *d);
    *rc = facta_rules_compile(&r, "", 0, NULL, &o, d);
    if (*rc != FACTA_OK && r != (facta_rules *)(uintptr_t)1)
        fail_msg("a failed compile wrote its output");
    return *rc == FACTA_OK ? r : NULL;
}

/* The built-in rules' files, loaded from the rules/ directory (tests run from the top of
 * the source tree). */
static facta_rules *load_rules_dir(counting *c, int *rc, facta_diag *d)
{
    facta_allocator al = {c_malloc, c_realloc, c_free, c};
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.allocator = &al;
    o.flags = FACTA_COMPILE_NO_JIT;
    facta_rules *r = (facta_rules *)(uintptr_t)1;
    memset(d, 0, sizeof *d);
    *rc = facta_rules_load(&r, "rules", &o, d);
    if (*rc != FACTA_OK && r != (facta_rules *)(uintptr_t)1)
        fail_msg("a failed load wrote its output");
    return *rc == FACTA_OK ? r : NULL;
}

/* Fail allocation N of a compile for N = 1..20, then every total/40th, then the last 20. */
static void sampled_compile_failures(facta_rules *(*compile)(counting *, int *, facta_diag *),
                                     const char *label)
{
    counting ref = {0};
    int rc;
    facta_diag d;
    facta_rules *r = compile(&ref, &rc, &d);
    if (rc != FACTA_OK)
        fail_msg("%s: %s", label, d.message);
    long total = ref.calls;
    facta_rules_free(r);
    assert_int_equal(ref.live, 0);
    fprintf(stderr, "  %s: %ld allocations\n", label, total);
    long step = total / 40 > 1 ? total / 40 : 1, bad = 0, tried = 0;
    for (long n = 1; n <= total; n = n < 20 || n > total - 20 ? n + 1 : n + step) {
        counting c = {0};
        c.fail_at = n;
        facta_rules *x = compile(&c, &rc, &d);
        tried++;
        if (rc == FACTA_OK) {
            fprintf(stderr, "  %s: allocation %ld failed but the compile succeeded\n", label, n);
            facta_rules_free(x);
            bad++;
            continue;
        }
        if (rc != FACTA_ENOMEM || d.code != FACTA_ENOMEM || c.live != 0 || c.bad_frees) {
            if (bad++ < 25)
                fprintf(stderr, "  %s: allocation %ld of %ld failed: rc %d, diag %d \"%s\", %ld "
                        "blocks leaked\n", label, n, total, rc, d.code, d.message, c.live);
        }
    }
    if (bad)
        fail_msg("%s: %ld of %ld allocation failures broke the contract", label, bad, tried);
}

/* The built-in rules (lexicon files, ICU country names, the endings table): compiles fail
 * at ~60 allocations spread over all of it; extraction fails at every allocation. */
static void test_default_rules_failures(void **state)
{
    (void)state;
    sampled_compile_failures(compile_defaults, "default rules");
    sampled_compile_failures(load_rules_dir, "rules/ directory");
    counting c = {0};
    int rc;
    facta_diag d;
    facta_rules *r = compile_defaults(&c, &rc, &d);
    assert_int_equal(rc, FACTA_OK);
    extract_failure_loop(r, &c, "default rules");
    facta_rules_free(r);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.bad_frees, 0);
}

/* Loading a rule pack (facta_rules_save of RULES): every failure is FACTA_ENOMEM with a
 * message and no leak; the rules that finally load extract like the originals. */
static void test_pack_load_failures(void **state)
{
    (void)state;
    facta_rules *orig;
    facta_diag d;
    assert_int_equal(facta_rules_compile(&orig, RULES, sizeof RULES - 1, "alloc.facta", NULL, &d),
                     FACTA_OK);
    char path[256];
    const char *t = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/facta-alloc-%ld.pack", t && *t ? t : "/tmp", (long)getpid());
    assert_int_equal(facta_rules_save(orig, path, &d), FACTA_OK);
    long n, bad = 0;
    for (n = 1; n <= MAX_N; n++) {
        counting c = {0};
        c.fail_at = n;
        facta_allocator al = {c_malloc, c_realloc, c_free, &c};
        facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
        o.allocator = &al;
        facta_rules *r = (facta_rules *)(uintptr_t)1;
        memset(&d, 0, sizeof d);
        int rc = facta_rules_load(&r, path, &o, &d);
        if (rc == FACTA_OK) {
            assert_false(c.failed);
            c.fail_at = 0;
            facta_extractor *e1, *e2;
            const char *j1, *j2;
            size_t l1, l2;
            assert_int_equal(facta_extractor_new(&e1, orig), FACTA_OK);
            assert_int_equal(facta_extractor_new(&e2, r), FACTA_OK);
            assert_int_equal(facta_extract_json(&j1, &l1, e1, NULL, TEXT, sizeof TEXT - 1, NULL), 0);
            assert_int_equal(facta_extract_json(&j2, &l2, e2, NULL, TEXT, sizeof TEXT - 1, NULL), 0);
            assert_int_equal(l1, l2);
            assert_memory_equal(j1, j2, l1);
            facta_extractor_free(e1);
            facta_extractor_free(e2);
            facta_rules_free(r);
            assert_int_equal(c.live, 0);
            break;
        }
        assert_true(c.failed);
        if (rc != FACTA_ENOMEM || r != (facta_rules *)(uintptr_t)1 || !d.message[0] || c.live ||
            c.bad_frees) {
            if (bad++ < 25)
                fprintf(stderr, "  pack load, allocation %ld: rc %d, %ld leaked, \"%s\"\n", n, rc,
                        c.live, d.message);
        }
    }
    fprintf(stderr, "  pack load: %ld allocations\n", n - 1);
    assert_int_equal(bad, 0);
    assert_true(n <= MAX_N);
    unlink(path);
    facta_rules_free(orig);
}

/* ---- the hooks are used, and only whole sets of them ---- */

static void test_hooks_used(void **state)
{
    (void)state;
    counting c = {0};
    facta_rules *r = compile_ok_with(&c);
    long after_compile = c.calls;
    assert_true(after_compile > 0);
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    assert_true(c.calls > after_compile);
    facta_extractor_free(ex);
    facta_rules_free(r);
    assert_int_equal(c.live, 0);

    /* an allocator missing a hook means the C library's */
    facta_allocator partial = {c_malloc, NULL, c_free, &c};
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.allocator = &partial;
    c.calls = 0;
    assert_int_equal(facta_rules_compile(&r, RULES, sizeof RULES - 1, NULL, &o, NULL), FACTA_OK);
    assert_int_equal(c.calls, 0);
    facta_rules_free(r);
}

/* A document over FACTA__KEEP_DOC_BYTES (512 KiB) grows the extractor's scratch by
 * megabytes; the next call frees it first, so a small document afterwards holds what it
 * held before the large one (it used to keep the large one's token array, arenas, per-token
 * arrays and JSON buffer for good). */
static void test_memory_after_large_document(void **state)
{
    (void)state;
    counting c = {0};
    facta_rules *r = compile_ok_with(&c);
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    const char *json;
    size_t jl;
    assert_int_equal(facta_extract_json(&json, &jl, ex, "a", TEXT, sizeof TEXT - 1, NULL), FACTA_OK);
    char *first = malloc(jl + 1);
    assert_non_null(first);
    memcpy(first, json, jl + 1);
    long long small = c.bytes;

    size_t cap = 700 * 1024, n = 0;
    char *big = malloc(cap + sizeof TEXT + 2);
    assert_non_null(big);
    while (n < cap) {
        memcpy(big + n, TEXT, sizeof TEXT - 1);
        n += sizeof TEXT - 1;
        big[n++] = '\n';
        big[n++] = '\n';
    }
    assert_int_equal(facta_extract_json(&json, &jl, ex, "b", big, n, NULL), FACTA_OK);
    long long large = c.bytes;
    assert_true(large > small + 4 * 1024 * 1024);

    assert_int_equal(facta_extract_json(&json, &jl, ex, "a", TEXT, sizeof TEXT - 1, NULL), FACTA_OK);
    assert_string_equal(json, first);
    long long after = c.bytes;
    if (after > small + 64 * 1024)
        fail_msg("after a %zu-byte document the extractor holds %lld bytes (%lld before it, "
                 "%lld with it)", n, after, small, large);

    /* a large document after that is extracted as the first time */
    assert_int_equal(facta_extract_json(&json, &jl, ex, "b", big, n, NULL), FACTA_OK);
    assert_true(c.bytes <= large + 64 * 1024);
    free(big);
    free(first);
    facta_extractor_free(ex);
    facta_rules_free(r);
    assert_int_equal(c.live, 0);
    assert_int_equal(c.bytes, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hooks_used),
        cmocka_unit_test(test_compile_failures),
        cmocka_unit_test(test_extract_failures),
        cmocka_unit_test(test_default_rules_failures),
        cmocka_unit_test(test_pack_load_failures),
        cmocka_unit_test(test_memory_after_large_document),
    };
    /* FACTA_TEST_FILTER / FACTA_TEST_SKIP: cmocka name patterns, e.g. "test_large*" */
    const char *only = getenv("FACTA_TEST_FILTER"), *skip = getenv("FACTA_TEST_SKIP");
    if (only && *only)
        cmocka_set_test_filter(only);
    if (skip && *skip)
        cmocka_set_skip_filter(skip);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
