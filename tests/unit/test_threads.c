/* test_threads.c: one facta_rules shared by many threads (facta.h, "Thread safety").
 *
 *   - shared_rules: the default rules, compiled once; 8 threads each create their own
 *     extractor (at the same time) and run every document of the sample corpus
 *     (every .txt file of examples/samples and bench/corpus, read from the repository root)
 *     several times, in a different order per thread, through facta_extract_json() with
 *     three sets of options and through facta_tokenize(); one thread also runs the rules'
 *     self-tests. Every JSON must equal the single-threaded one byte for byte.
 *   - parallel_compile: 4 threads each compile the default rules and a small rule file at
 *     the same time (ICU lexicons, regexes, stemmers) and must get the same JSON as the
 *     main thread.
 *
 * Only the public API and pthreads. Run it under ThreadSanitizer with scripts/tsan.sh. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "facta.h"

enum { NTHREADS = 8, ROUNDS = 3, NOPTS = 3 };

/* ---- the corpus ---- */

typedef struct doc {
    char *name; /* "examples/samples/en_forum.txt" */
    char *text;
    size_t len;
} doc;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 8192, n = 0, k;
    char *b = malloc(cap);
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    fclose(f);
    if (b)
        *len = n;
    return b;
}

/* Every *.txt of the two corpus directories, in name order. */
static doc *load_corpus(size_t *count)
{
    static const char *const DIRS[] = {"examples/samples", "bench/corpus"};
    doc *docs = NULL;
    size_t n = 0;
    for (size_t d = 0; d < sizeof DIRS / sizeof DIRS[0]; d++) {
        DIR *dir = opendir(DIRS[d]);
        if (!dir)
            fail_msg("cannot open %s (run from the repository root)", DIRS[d]);
        char *names[512];
        size_t nn = 0;
        struct dirent *de;
        while ((de = readdir(dir)) != NULL && nn < 512) {
            size_t l = strlen(de->d_name);
            if (de->d_name[0] != '.' && l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
                names[nn++] = strdup(de->d_name);
        }
        closedir(dir);
        qsort(names, nn, sizeof *names, cmp_str);
        docs = realloc(docs, (n + nn) * sizeof *docs);
        assert_non_null(docs);
        for (size_t i = 0; i < nn; i++) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", DIRS[d], names[i]);
            free(names[i]);
            docs[n].name = strdup(path);
            docs[n].text = read_all(path, &docs[n].len);
            if (!docs[n].text)
                fail_msg("cannot read %s", path);
            n++;
        }
    }
    if (n < 10)
        fail_msg("only %zu sample documents found", n);
    *count = n;
    return docs;
}

static void free_corpus(doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(docs[i].name);
        free(docs[i].text);
    }
    free(docs);
}

/* ---- options: plain, with a document date and a language, with explain ---- */

static facta_extract_options options(int k)
{
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    if (k == 1) {
        o.doc_date = "2016-05-01";
        o.lang = "ru";
    } else if (k == 2) {
        o.flags = FACTA_EXTRACT_EXPLAIN | FACTA_EXTRACT_REPLACE_INVALID;
        o.lang = "en";
    }
    return o;
}

static char *copy(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = 0;
    }
    return c;
}

/* The expected outputs: one extractor, one thread. ref[i * NOPTS + k]. */
static char **reference(const facta_rules *r, const doc *docs, size_t n)
{
    char **ref = calloc(n * NOPTS, sizeof *ref);
    assert_non_null(ref);
    facta_extractor *ex = NULL;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < NOPTS; k++) {
            facta_extract_options o = options(k);
            const char *js;
            size_t jl;
            int rc = facta_extract_json(&js, &jl, ex, docs[i].name, docs[i].text, docs[i].len, &o);
            if (rc != FACTA_OK)
                fail_msg("%s: %s", docs[i].name, facta_extractor_last_error(ex));
            ref[i * NOPTS + (size_t)k] = copy(js, jl);
            assert_non_null(ref[i * NOPTS + (size_t)k]);
        }
    facta_extractor_free(ex);
    return ref;
}

static void free_ref(char **ref, size_t n)
{
    for (size_t i = 0; i < n * NOPTS; i++)
        free(ref[i]);
    free(ref);
}

/* ---- shared rules, one extractor per thread ---- */

typedef struct worker {
    int id;
    const facta_rules *rules;
    const doc *docs;
    size_t ndocs;
    char *const *ref;
    size_t self_test_failures; /* thread 0 only */
    size_t expect_self_test;
    pthread_barrier_t *start;
    /* results */
    int errors, mismatches;
    size_t runs;
    char first_bad[200];
} worker;

static void note(worker *w, const char *fmt, const char *name)
{
    if (!w->first_bad[0])
        snprintf(w->first_bad, sizeof w->first_bad, fmt, name);
}

static void *work(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->start); /* create the extractors at the same time */
    facta_extractor *ex = NULL;
    if (facta_extractor_new(&ex, w->rules) != FACTA_OK) {
        w->errors++;
        return NULL;
    }
    if (w->id == 0) {
        size_t total = 0;
        w->self_test_failures = facta_rules_self_test(w->rules, NULL, 0, &total);
        if (w->self_test_failures != w->expect_self_test)
            note(w, "self-test results differ from the single-threaded run%s", "");
    }
    for (int round = 0; round < ROUNDS; round++) {
        for (size_t j = 0; j < w->ndocs; j++) {
            /* each thread, each round: its own order */
            size_t i = (j * 7 + (size_t)w->id * 5 + (size_t)round * 3) % w->ndocs;
            if (w->ndocs % 7 == 0)
                i = (j + (size_t)w->id + (size_t)round) % w->ndocs;
            const doc *d = &w->docs[i];
            for (int k = 0; k < NOPTS; k++) {
                int kk = (k + w->id + round) % NOPTS;
                facta_extract_options o = options(kk);
                const char *js;
                size_t jl;
                if (facta_extract_json(&js, &jl, ex, d->name, d->text, d->len, &o) != FACTA_OK) {
                    w->errors++;
                    note(w, "extraction failed on %s", d->name);
                    continue;
                }
                const char *want = w->ref[i * NOPTS + (size_t)kk];
                if (jl != strlen(want) || memcmp(js, want, jl) != 0) {
                    w->mismatches++;
                    note(w, "JSON of %s differs from the single-threaded one", d->name);
                }
                w->runs++;
            }
            const facta_token *t;
            size_t nt;
            if (facta_tokenize(&t, &nt, ex, d->text, d->len, NULL) != FACTA_OK || nt == 0) {
                w->errors++;
                note(w, "tokenize failed on %s", d->name);
            }
        }
    }
    facta_extractor_free(ex);
    return NULL;
}

/* NTHREADS threads share `r`; every result must equal the one-thread reference made with
 * `ref_rules` (the same rules, or the rules a pack was written from). */
static void run_shared(facta_rules *r, facta_rules *ref_rules)
{
    size_t n;
    doc *docs = load_corpus(&n);
    char **ref = reference(ref_rules, docs, n);
    size_t total = 0;
    size_t self_fail = facta_rules_self_test(r, NULL, 0, &total);
    assert_true(total > 0);
    int with_entities = 0;
    for (size_t i = 0; i < n; i++)
        with_entities += strstr(ref[i * NOPTS], "\"type\":") != NULL;
    assert_true(with_entities >= (int)n / 2); /* the corpus does exercise the rules */

    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, NTHREADS), 0);
    pthread_t th[NTHREADS];
    worker w[NTHREADS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        w[i].rules = r;
        w[i].docs = docs;
        w[i].ndocs = n;
        w[i].ref = ref;
        w[i].expect_self_test = self_fail;
        w[i].start = &start;
        assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    pthread_barrier_destroy(&start);
    int bad = 0;
    for (int i = 0; i < NTHREADS; i++) {
        if (w[i].errors || w[i].mismatches || w[i].first_bad[0]) {
            fprintf(stderr, "thread %d: %d errors, %d mismatches; first: %s\n", i, w[i].errors,
                    w[i].mismatches, w[i].first_bad);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(w[i].runs, (size_t)ROUNDS * n * NOPTS);
    free_ref(ref, n);
    free_corpus(docs, n);
}

static void test_shared_rules(void **state)
{
    (void)state;
    facta_rules *r = NULL;
    facta_diag dg;
    assert_int_equal(facta_rules_default(&r, &dg), FACTA_OK);
    run_shared(r, r);
    facta_rules_free(r);
}

/* The same with the rules loaded from a rule pack: its lexicons are one read-only mapping
 * that every thread reads. */
static void test_shared_pack(void **state)
{
    (void)state;
    facta_rules *r = NULL, *p = NULL;
    facta_diag dg;
    assert_int_equal(facta_rules_default(&r, &dg), FACTA_OK);
    char path[256];
    const char *t = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/facta-threads-%ld.pack", t && *t ? t : "/tmp", (long)getpid());
    assert_int_equal(facta_rules_save(r, path, &dg), FACTA_OK);
    assert_int_equal(facta_rules_load(&p, path, NULL, &dg), FACTA_OK);
    unlink(path); /* the mapping stays valid */
    run_shared(p, r);
    facta_rules_free(p);
    facta_rules_free(r);
}

/* ---- compiling in parallel ---- */

static const char SMALL_RULES[] =
    "lexicon C icu countries;\n"
    "lexicon M { January => 1 | month; декабря => 12 | month }\n"
    "rule country: c:@C[cap] => PLACE { norm = canon($c), code = tag($c, \"code\") };\n"
    "rule date: d:[number & re=/\\d\\d?/] m:@M y:[number & fre=/(19|20)\\d\\d/]? => DATE\n"
    "    { day = number($d), month = number(canon($m)), year = number($y) };\n"
    "rule said: p:[title]{1,3} [stem=\"said\"] => PERSON { norm = upper($p) };\n";

static const char SMALL_DOC[] =
    "Erlan Idrissov said on 7 декабря 2016 that Kazakhstan and Казахстан, like Germany, "
    "signed on 1 January.";

typedef struct compiler {
    pthread_barrier_t *start;
    char *json[2];
    int errors;
} compiler;

static char *json_with(const facta_rules *r)
{
    facta_extractor *ex = NULL;
    if (facta_extractor_new(&ex, r) != FACTA_OK)
        return NULL;
    const char *js;
    size_t jl;
    char *out = NULL;
    if (facta_extract_json(&js, &jl, ex, NULL, SMALL_DOC, sizeof SMALL_DOC - 1, NULL) == FACTA_OK)
        out = copy(js, jl);
    facta_extractor_free(ex);
    return out;
}

static void *compile_work(void *arg)
{
    compiler *c = arg;
    pthread_barrier_wait(c->start);
    facta_rules *r = NULL;
    facta_diag d;
    if (facta_rules_default(&r, &d) != FACTA_OK) {
        c->errors++;
    } else {
        c->json[0] = json_with(r);
        facta_rules_free(r);
    }
    if (facta_rules_compile(&r, SMALL_RULES, sizeof SMALL_RULES - 1, "small.facta", NULL, &d) !=
        FACTA_OK) {
        c->errors++;
    } else {
        c->json[1] = json_with(r);
        facta_rules_free(r);
    }
    return NULL;
}

static void test_parallel_compile(void **state)
{
    (void)state;
    enum { NC = 4 };
    char *want[2];
    facta_rules *r = NULL;
    facta_diag d;
    assert_int_equal(facta_rules_default(&r, &d), FACTA_OK);
    want[0] = json_with(r);
    facta_rules_free(r);
    if (facta_rules_compile(&r, SMALL_RULES, sizeof SMALL_RULES - 1, "small.facta", NULL, &d))
        fail_msg("%s", d.message);
    want[1] = json_with(r);
    facta_rules_free(r);
    assert_non_null(want[0]);
    assert_non_null(want[1]);
    assert_non_null(strstr(want[1], "\"DATE\""));

    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, NC), 0);
    pthread_t th[NC];
    compiler c[NC];
    memset(c, 0, sizeof c);
    for (int i = 0; i < NC; i++) {
        c[i].start = &start;
        assert_int_equal(pthread_create(&th[i], NULL, compile_work, &c[i]), 0);
    }
    for (int i = 0; i < NC; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    pthread_barrier_destroy(&start);
    for (int i = 0; i < NC; i++) {
        assert_int_equal(c[i].errors, 0);
        for (int k = 0; k < 2; k++) {
            assert_non_null(c[i].json[k]);
            assert_string_equal(c[i].json[k], want[k]);
            free(c[i].json[k]);
        }
    }
    free(want[0]);
    free(want[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_rules),
        cmocka_unit_test(test_shared_pack),
        cmocka_unit_test(test_parallel_compile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
