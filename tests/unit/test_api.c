/* test_api.c: the public API contract: misuse, status codes, version, rule loading from
 * files and directories, result lifetime, the JSON record writer (escaping, lossless
 * numbers, id, lang, explain), determinism across documents and across threads. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, pthreads */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facta.h"
#include "rules.h" /* internal, only to see whether regexes were JIT-compiled */

/* ---- helpers ---- */

static facta_rules *compile_ok(const char *src)
{
    facta_rules *r = NULL;
    facta_diag d;
    memset(&d, 0, sizeof d);
    int rc = facta_rules_compile(&r, src, strlen(src), "t.facta", NULL, &d);
    if (rc != FACTA_OK)
        fail_msg("compile failed (%d): %s", rc, d.message);
    return r;
}

static facta_rules *default_rules(void)
{
    facta_rules *r = NULL;
    facta_diag d;
    memset(&d, 0, sizeof d);
    if (facta_rules_default(&r, &d) != FACTA_OK)
        fail_msg("default rules: %s", d.message);
    return r;
}

static facta_extractor *new_ex(const facta_rules *r)
{
    facta_extractor *ex = NULL;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    assert_non_null(ex);
    return ex;
}

/* The JSON of one document, copied (the extractor's copy lives until its next call). */
static char *json_of(facta_extractor *ex, const char *id, const char *text, size_t len,
                     const facta_extract_options *o)
{
    const char *js = NULL;
    size_t jl = 0;
    int rc = facta_extract_json(&js, &jl, ex, id, text, len, o);
    if (rc != FACTA_OK)
        fail_msg("facta_extract_json = %d: %s", rc, facta_extractor_last_error(ex));
    assert_int_equal(strlen(js), jl);
    char *c = malloc(jl + 1);
    assert_non_null(c);
    memcpy(c, js, jl + 1);
    return c;
}

/* "TYPE:norm|TYPE:norm" of facta_extract() results. */
static void summary(const facta_entity *e, size_t n, char *buf, size_t cap)
{
    size_t w = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && w < cap; i++) {
        int k = snprintf(buf + w, cap - w, "%s%s:%s", i ? "|" : "", e[i].type, e[i].norm);
        if (k < 0)
            break;
        w += (size_t)k;
    }
}

/* ---- a minimal strict JSON checker (RFC 8259 grammar, UTF-8 not re-validated) ---- */

typedef struct jp {
    const char *s;
    size_t n, i;
    int depth;
} jp;

static int j_value(jp *p);

static void j_ws(jp *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
                           p->s[p->i] == '\r'))
        p->i++;
}

static int j_lit(jp *p, const char *w)
{
    size_t l = strlen(w);
    if (p->n - p->i < l || memcmp(p->s + p->i, w, l) != 0)
        return 0;
    p->i += l;
    return 1;
}

static int j_string(jp *p)
{
    if (p->i >= p->n || p->s[p->i] != '"')
        return 0;
    p->i++;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i++];
        if (c == '"')
            return 1;
        if (c < 0x20)
            return 0; /* raw control character */
        if (c == '\\') {
            if (p->i >= p->n)
                return 0;
            char e = p->s[p->i++];
            if (e == 'u') {
                for (int k = 0; k < 4; k++, p->i++)
                    if (p->i >= p->n || !strchr("0123456789abcdefABCDEF", p->s[p->i]) ||
                        !p->s[p->i])
                        return 0;
            } else if (!strchr("\"\\/bfnrt", e) || !e) {
                return 0;
            }
        }
    }
    return 0;
}

static int j_digits(jp *p)
{
    size_t st = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    return p->i > st;
}

static int j_number(jp *p)
{
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (p->i < p->n && p->s[p->i] == '0')
        p->i++;
    else if (!j_digits(p))
        return 0;
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (!j_digits(p))
            return 0;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (!j_digits(p))
            return 0;
    }
    return 1;
}

static int j_value(jp *p)
{
    if (++p->depth > 64)
        return 0;
    j_ws(p);
    if (p->i >= p->n)
        return 0;
    int ok;
    char c = p->s[p->i];
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        p->i++;
        j_ws(p);
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            ok = 1;
        } else {
            for (;;) {
                if (c == '{') {
                    j_ws(p);
                    if (!j_string(p))
                        return 0;
                    j_ws(p);
                    if (p->i >= p->n || p->s[p->i++] != ':')
                        return 0;
                }
                if (!j_value(p))
                    return 0;
                j_ws(p);
                if (p->i >= p->n)
                    return 0;
                if (p->s[p->i] == ',') {
                    p->i++;
                    continue;
                }
                if (p->s[p->i] != close)
                    return 0;
                p->i++;
                break;
            }
            ok = 1;
        }
    } else if (c == '"') {
        ok = j_string(p);
    } else if (c == 't' || c == 'f' || c == 'n') {
        ok = j_lit(p, "true") || j_lit(p, "false") || j_lit(p, "null");
    } else {
        ok = j_number(p);
    }
    p->depth--;
    return ok;
}

/* 1 when s is exactly one JSON object and nothing else. */
static int json_valid(const char *s, size_t n)
{
    jp p = {s, n, 0, 0};
    j_ws(&p);
    if (p.i >= n || s[p.i] != '{' || !j_value(&p))
        return 0;
    j_ws(&p);
    return p.i == n;
}

static void test_json_checker(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int ok;
    } J[] = {
        {"{}", 1},
        {"{\"a\":[1,-2.5e+3,0.25,\"x\\u0001\\n\\\"\",true,null,{}]}", 1},
        {"{\"a\":1,}", 0},
        {"{\"a\":\"\x01\"}", 0},
        {"{\"a\":\"\\x\"}", 0},
        {"{\"a\":01}", 0},
        {"{\"a\":1.}", 0},
        {"{\"a\":\"x}", 0},
        {"{\"a\":1}}", 0},
        {"{\"a\" 1}", 0},
        {"[1]", 0},
    };
    for (size_t i = 0; i < sizeof J / sizeof J[0]; i++)
        if (json_valid(J[i].s, strlen(J[i].s)) != J[i].ok)
            fail_msg("json checker case %zu: \"%s\" should be %s", i, J[i].s,
                     J[i].ok ? "valid" : "invalid");
}

/* ---- misuse ---- */

static void test_misuse(void **state)
{
    (void)state;
    facta_rules *r = NULL;
    facta_diag d;
    facta_extractor *ex = NULL;
    const facta_entity *e = NULL;
    const char *js = NULL;
    size_t n = 0;

    /* frees of NULL do nothing */
    facta_rules_free(NULL);
    facta_extractor_free(NULL);

    /* options */
    facta_compile_options co;
    facta_extract_options eo;
    static const unsigned bad_versions[] = {0, 2, 99, UINT_MAX};
    for (size_t i = 0; i < sizeof bad_versions / sizeof bad_versions[0]; i++) {
        assert_int_equal(facta_compile_options_init(&co, bad_versions[i]), FACTA_EINVAL);
        assert_int_equal(facta_extract_options_init(&eo, bad_versions[i]), FACTA_EINVAL);
    }
    assert_int_equal(facta_compile_options_init(NULL, FACTA_COMPILE_OPTIONS_VERSION), FACTA_EINVAL);
    assert_int_equal(facta_extract_options_init(NULL, FACTA_EXTRACT_OPTIONS_VERSION), FACTA_EINVAL);
    memset(&co, 0x5A, sizeof co);
    memset(&eo, 0x5A, sizeof eo);
    assert_int_equal(facta_compile_options_init(&co, FACTA_COMPILE_OPTIONS_VERSION), FACTA_OK);
    assert_int_equal(facta_extract_options_init(&eo, FACTA_EXTRACT_OPTIONS_VERSION), FACTA_OK);
    facta_compile_options coi = FACTA_COMPILE_OPTIONS_INIT;
    facta_extract_options eoi = FACTA_EXTRACT_OPTIONS_INIT;
    assert_int_equal(co.version, coi.version);
    assert_int_equal(co.flags, 0);
    assert_null(co.allocator);
    assert_int_equal(eo.version, eoi.version);
    assert_null(eo.lang);
    assert_null(eo.doc_date);
    assert_int_equal(eo.flags, 0);

    /* rules */
    assert_int_equal(facta_rules_default(NULL, &d), FACTA_EINVAL);
    assert_int_equal(facta_rules_compile(NULL, "rule a: \"x\" => T;", 18, NULL, NULL, &d),
                     FACTA_EINVAL);
    r = (facta_rules *)(uintptr_t)1;
    assert_int_equal(facta_rules_compile(&r, NULL, 5, NULL, NULL, &d), FACTA_EINVAL);
    assert_int_equal(facta_rules_load(NULL, "rules", NULL, &d), FACTA_EINVAL);
    assert_int_equal(facta_rules_load(&r, NULL, NULL, &d), FACTA_EINVAL);
    assert_true(r == (facta_rules *)(uintptr_t)1); /* not written on failure */
    coi.version = 2;
    memset(&d, 0, sizeof d);
    assert_int_equal(facta_rules_compile(&r, "rule a: \"x\" => T;", 18, NULL, &coi, &d),
                     FACTA_EINVAL);
    assert_int_equal(d.code, FACTA_EINVAL);
    assert_non_null(strstr(d.message, "version"));
    memset(&d, 0, sizeof d);
    assert_int_equal(facta_rules_load(&r, "rules", &coi, &d), FACTA_EINVAL);
    assert_non_null(strstr(d.message, "version"));
    assert_true(r == (facta_rules *)(uintptr_t)1);
    /* diag is optional */
    assert_int_equal(facta_rules_compile(&r, "rule a: => T;", 13, NULL, NULL, NULL), FACTA_ESYNTAX);
    assert_int_equal(facta_rules_load(&r, "/nonexistent/facta/rules", NULL, NULL), FACTA_EIO);
    assert_true(r == (facta_rules *)(uintptr_t)1);
    assert_int_equal(facta_rules_count(NULL), 0);
    assert_int_equal(facta_rules_warning_count(NULL), 0);
    assert_null(facta_rules_warning(NULL, 0));

    /* extractors */
    r = compile_ok("rule a: \"x\" => T;");
    assert_null(facta_rules_warning(r, facta_rules_warning_count(r)));
    assert_int_equal(facta_extractor_new(NULL, r), FACTA_EINVAL);
    ex = (facta_extractor *)(uintptr_t)1;
    assert_int_equal(facta_extractor_new(&ex, NULL), FACTA_EINVAL);
    assert_true(ex == (facta_extractor *)(uintptr_t)1);
    ex = new_ex(r);
    assert_string_equal(facta_extractor_last_error(ex), "");
    assert_non_null(facta_extractor_last_error(NULL));
    const facta_explain *xp = (const facta_explain *)(uintptr_t)1;
    assert_int_equal(facta_extractor_explain(&xp, NULL), 0);
    assert_null(xp);
    assert_int_equal(facta_extractor_explain(NULL, ex), 0);
    assert_int_equal(facta_extractor_dropped(NULL), 0);

    /* extraction */
    assert_int_equal(facta_extract(&e, &n, NULL, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_extract(NULL, &n, ex, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_extract(&e, NULL, ex, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_extract(&e, &n, ex, NULL, 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_extract_json(&js, &n, NULL, NULL, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_extract_json(NULL, &n, ex, NULL, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_extract_json(&js, &n, ex, NULL, NULL, 1, NULL), FACTA_EINVAL);
    /* a bad options version, a bad language, a bad date: EINVAL with a message */
    static const struct {
        unsigned version;
        const char *lang, *date, *msg;
    } BAD[] = {
        {0, NULL, NULL, "version"},
        {2, NULL, NULL, "version"},
        {FACTA_EXTRACT_OPTIONS_VERSION, "fr", NULL, "fr"},
        {FACTA_EXTRACT_OPTIONS_VERSION, NULL, "23.11.2016", "23.11.2016"},
        {FACTA_EXTRACT_OPTIONS_VERSION, NULL, "2016-13-01", "2016-13-01"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
        o.version = BAD[i].version;
        o.lang = BAD[i].lang;
        o.doc_date = BAD[i].date;
        e = (const facta_entity *)(uintptr_t)1;
        n = 777;
        js = NULL;
        assert_int_equal(facta_extract(&e, &n, ex, "x", 1, &o), FACTA_EINVAL);
        assert_true(e == (const facta_entity *)(uintptr_t)1);
        assert_int_equal(n, 777);
        if (!strstr(facta_extractor_last_error(ex), BAD[i].msg))
            fail_msg("bad options %zu: \"%s\" lacks \"%s\"", i, facta_extractor_last_error(ex),
                     BAD[i].msg);
        assert_int_equal(facta_extract_json(&js, &n, ex, NULL, "x", 1, &o), FACTA_EINVAL);
        assert_null(js);
        const facta_token *t;
        assert_int_equal(facta_tokenize(&t, &n, ex, "x", 1, &o), FACTA_EINVAL);
    }
    /* good dates: YYYY-MM-DD, YYYY-MM, YYYY */
    static const char *GOOD_DATES[] = {"2016-11-23", "2016-11", "2016"};
    for (size_t i = 0; i < sizeof GOOD_DATES / sizeof GOOD_DATES[0]; i++) {
        facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
        o.doc_date = GOOD_DATES[i];
        assert_int_equal(facta_extract(&e, &n, ex, "x", 1, &o), FACTA_OK);
        assert_int_equal(n, 1);
    }
    /* NULL options and NULL text with length 0 are fine */
    assert_int_equal(facta_extract(&e, &n, ex, NULL, 0, NULL), FACTA_OK);
    assert_int_equal(n, 0);
    assert_string_equal(facta_extractor_last_error(ex), "");
    /* the JSON id must be UTF-8 */
    js = NULL;
    assert_int_equal(facta_extract_json(&js, &n, ex, "bad\xff", "x", 1, NULL), FACTA_EUTF8);
    assert_null(js);
    /* out_len is optional */
    assert_int_equal(facta_extract_json(&js, NULL, ex, NULL, "x", 1, NULL), FACTA_OK);
    assert_non_null(js);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- status codes and version ---- */

static void test_strerror_version(void **state)
{
    (void)state;
    static const int CODES[] = {FACTA_OK,     FACTA_ERROR,   FACTA_ENOMEM,
                                FACTA_EINVAL, FACTA_EUTF8,   FACTA_ESYNTAX,
                                FACTA_EREGEX, FACTA_EIO,     FACTA_ELIMIT};
    size_t nc = sizeof CODES / sizeof CODES[0];
    const char *unknown = facta_strerror(12345);
    assert_non_null(unknown);
    for (size_t i = 0; i < nc; i++) {
        const char *s = facta_strerror(CODES[i]);
        assert_non_null(s);
        assert_true(strlen(s) > 0);
        if (strcmp(s, unknown) == 0)
            fail_msg("code %d has no message of its own", CODES[i]);
        for (size_t j = 0; j < i; j++)
            if (strcmp(s, facta_strerror(CODES[j])) == 0)
                fail_msg("codes %d and %d share \"%s\"", CODES[i], CODES[j], s);
    }
    static const int ODD[] = {1, -9, -100, INT_MIN, INT_MAX};
    for (size_t i = 0; i < sizeof ODD / sizeof ODD[0]; i++)
        assert_non_null(facta_strerror(ODD[i]));

    assert_non_null(facta_version());
    assert_string_equal(facta_version(), FACTA_VERSION_STRING);
    char v[32];
    snprintf(v, sizeof v, "%d.%d.%d", FACTA_VERSION_MAJOR, FACTA_VERSION_MINOR,
             FACTA_VERSION_PATCH);
    assert_string_equal(facta_version(), v);
    assert_true(facta_version() == facta_version()); /* static */

    assert_int_equal(facta_utf8_valid(NULL, 0, NULL), 1);
    assert_int_equal(facta_utf8_valid(NULL, 3, NULL), 0);
    assert_int_equal(facta_utf8_valid("Москва", strlen("Москва"), NULL), 1);
    /* Cyrillic is checked eight bytes at a time: a bad byte inside or after such a run */
    static const struct {
        const char *s;
        size_t bad;
    } bad[] = {
        {"Правительство\xD0", 26},             /* truncated at the end */
        {"Правительство\xD0x", 26},            /* lead byte, no continuation */
        {"Прави\x80тельство", 10},             /* stray continuation byte */
        {"Правительство\xC0\x80", 26},         /* overlong */
        {"ab Правительство \xD1\xD1\x80\x80", 30},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t off = 0;
        assert_int_equal(facta_utf8_valid(bad[i].s, strlen(bad[i].s), &off), 0);
        assert_int_equal(off, bad[i].bad);
    }
}

/* ---- loading rules from files and directories ---- */

static char g_tmp[256];

static void write_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f)
        fail_msg("cannot write %s", p);
    fputs(text, f);
    fclose(f);
}

static void remove_tree(const char *dir, const char *const *names, size_t n)
{
    char p[512];
    for (size_t i = n; i-- > 0;) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        if (remove(p) != 0)
            fprintf(stderr, "cannot remove %s\n", p);
    }
    rmdir(dir);
}

static void test_rules_load(void **state)
{
    (void)state;
    facta_rules *r = (facta_rules *)(uintptr_t)1;
    facta_diag d;
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;

    /* a missing path: FACTA_EIO naming the path, nothing written */
    static const char *MISSING[] = {"/nonexistent/facta/rules", "no-such-rules.facta",
                                    "/nonexistent/dir/x.facta"};
    for (size_t i = 0; i < sizeof MISSING / sizeof MISSING[0]; i++) {
        memset(&d, 0, sizeof d);
        assert_int_equal(facta_rules_load(&r, MISSING[i], NULL, &d), FACTA_EIO);
        assert_int_equal(d.code, FACTA_EIO);
        assert_true(r == (facta_rules *)(uintptr_t)1);
        if (!strstr(d.message, MISSING[i]))
            fail_msg("\"%s\" not in \"%s\"", MISSING[i], d.message);
    }

    snprintf(g_tmp, sizeof g_tmp, "%s", "/tmp/facta-test-XXXXXX");
    assert_non_null(mkdtemp(g_tmp));
    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", g_tmp);
    assert_int_equal(mkdir(sub, 0700), 0);
    /* written out of name order; b_use needs the type N that a_def defines (a rule "above"),
     * and of the two rules matching "x", the one loaded first wins the tie */
    write_file(g_tmp, "c_tie.facta", "rule late: \"x\" => LATE;\n");
    write_file(g_tmp, "b_use.facta", "phase 2;\nrule use: n:<N> \"cats\" => F { norm = text($n) };\n");
    write_file(g_tmp, "notes.txt", "this is not a rule file ((( \n");
    write_file(g_tmp, ".hidden.facta", "garbage that would not parse\n");
    write_file(sub, "d_sub.facta", "rule deep: \"deep\" => DEEP;\n");
    write_file(g_tmp, "a_def.facta", "rule num: [number] => N;\nrule early: \"x\" => EARLY;\n");
    /* removed last to first: the directory before the file inside it */
    static const char *const FILES[] = {"sub",         "sub/d_sub.facta", "a_def.facta",
                                        "b_use.facta", "c_tie.facta",     "notes.txt",
                                        ".hidden.facta"};

    memset(&d, 0, sizeof d);
    int rc = facta_rules_load(&r, g_tmp, NULL, &d);
    if (rc != FACTA_OK) {
        remove_tree(g_tmp, FILES, sizeof FILES / sizeof FILES[0]);
        fail_msg("loading a directory: %d %s", rc, d.message);
    }
    assert_int_equal(facta_rules_count(r), 5);
    facta_extractor *ex = new_ex(r);
    const facta_entity *e;
    size_t n;
    char buf[512];
    const char *t = "7 cats x deep";
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    summary(e, n, buf, sizeof buf);
    assert_string_equal(buf, "F:7|N:7|EARLY:x|DEEP:deep");
    /* each record names the file and line of its rule */
    assert_non_null(strstr(e[0].rule, "b_use.facta:2 use"));
    assert_non_null(strstr(e[3].rule, "sub/d_sub.facta:1 deep"));
    facta_extractor_free(ex);
    facta_rules_free(r);

    /* one file of the directory, alone: b_use without a_def is an error naming the file */
    char path[512];
    snprintf(path, sizeof path, "%s/b_use.facta", g_tmp);
    memset(&d, 0, sizeof d);
    r = (facta_rules *)(uintptr_t)1;
    assert_int_equal(facta_rules_load(&r, path, NULL, &d), FACTA_ESYNTAX);
    assert_true(r == (facta_rules *)(uintptr_t)1);
    assert_non_null(strstr(d.message, path));
    assert_int_equal(d.line, 2);

    /* a file on its own */
    snprintf(path, sizeof path, "%s/a_def.facta", g_tmp);
    assert_int_equal(facta_rules_load(&r, path, NULL, &d), FACTA_OK);
    assert_int_equal(facta_rules_count(r), 2);
    size_t user_count = facta_rules_count(r);
    facta_rules_free(r);

    /* with the defaults first */
    facta_rules *def = default_rules();
    size_t def_count = facta_rules_count(def);
    assert_true(def_count > 10);
    o.flags = FACTA_COMPILE_WITH_DEFAULTS;
    assert_int_equal(facta_rules_load(&r, path, &o, &d), FACTA_OK);
    assert_int_equal(facta_rules_count(r), def_count + user_count);
    ex = new_ex(r);
    t = "The forum opened on 6-7 December 2016, x";
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    int date = 0, early = 0;
    for (size_t i = 0; i < n; i++) {
        date += strcmp(e[i].type, "DATE") == 0;
        early += strcmp(e[i].type, "EARLY") == 0;
    }
    assert_int_equal(date, 1);
    assert_int_equal(early, 1);
    facta_extractor_free(ex);
    facta_rules_free(r);
    /* and from memory */
    const char *src = "rule early: \"x\" => EARLY;";
    assert_int_equal(facta_rules_compile(&r, src, strlen(src), NULL, &o, &d), FACTA_OK);
    assert_int_equal(facta_rules_count(r), def_count + 1);
    facta_rules_free(r);
    facta_rules_free(def);

    /* a syntax error in one file of a directory fails the whole load and names that file */
    write_file(g_tmp, "e_bad.facta", "rule ok: \"y\" => Y;\n\nrule broken \"z\" => Z;\n");
    memset(&d, 0, sizeof d);
    r = (facta_rules *)(uintptr_t)1;
    assert_int_equal(facta_rules_load(&r, g_tmp, NULL, &d), FACTA_ESYNTAX);
    assert_true(r == (facta_rules *)(uintptr_t)1);
    assert_non_null(strstr(d.file, "e_bad.facta"));
    assert_int_equal(d.line, 3);
    assert_non_null(strstr(d.message, "e_bad.facta:3:"));
    static const char *const FILES2[] = {"sub",             "sub/d_sub.facta", "a_def.facta",
                                         "b_use.facta",     "c_tie.facta", "notes.txt",
                                         ".hidden.facta",   "e_bad.facta"};
    remove_tree(g_tmp, FILES2, sizeof FILES2 / sizeof FILES2[0]);
}

/* ---- FACTA_COMPILE_NO_JIT ---- */

static size_t jit_size(const facta_rules *r)
{
    size_t total = 0;
    for (size_t i = 0; i < r->npreds; i++) {
        size_t js = 0;
        if (r->preds[i].re && pcre2_pattern_info(r->preds[i].re, PCRE2_INFO_JITSIZE, &js) == 0)
            total += js;
    }
    return total;
}

static void test_no_jit(void **state)
{
    (void)state;
    const char *src = "rule a: [re=/ab+c/] x:[fre=/д.+/] => T { norm = text($x) };";
    const char *t = "abbc Дом, abc ДОМА, ab дом";
    uint32_t have_jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &have_jit);
    char want[128] = "";
    for (int jit = 1; jit >= 0; jit--) {
        facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
        o.flags = jit ? 0 : FACTA_COMPILE_NO_JIT;
        facta_rules *r;
        facta_diag d;
        assert_int_equal(facta_rules_compile(&r, src, strlen(src), NULL, &o, &d), FACTA_OK);
        if (jit && have_jit)
            assert_true(jit_size(r) > 0);
        if (!jit && jit_size(r) != 0)
            fail_msg("FACTA_COMPILE_NO_JIT: %zu bytes of JIT code", jit_size(r));
        facta_extractor *ex = new_ex(r);
        const facta_entity *e;
        size_t n;
        char got[128];
        assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
        summary(e, n, got, sizeof got);
        assert_string_equal(got, "T:Дом|T:ДОМА");
        if (want[0])
            assert_string_equal(got, want);
        snprintf(want, sizeof want, "%s", got);
        facta_extractor_free(ex);
        facta_rules_free(r);
    }
    /* facta_rules_load honours it too */
    char dir[] = "/tmp/facta-test-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/re.facta", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(src, f);
    fclose(f);
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.flags = FACTA_COMPILE_NO_JIT;
    facta_rules *r;
    facta_diag d;
    int rc = facta_rules_load(&r, path, &o, &d);
    remove(path);
    rmdir(dir);
    assert_int_equal(rc, FACTA_OK);
    size_t js = jit_size(r);
    facta_rules_free(r);
    assert_int_equal(js, 0);
}

/* ---- results live until the next call ---- */

static void test_result_lifetime(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: n:[number] => N { v = number($n) };\n"
                   "rule b: w:[title] => W { norm = upper($w) };");
    facta_extractor *ex = new_ex(r), *fresh = new_ex(r);
    const facta_entity *e1, *e2, *ef;
    size_t n1, n2, nf;
    char s1[512], s2[512], sf[512];
    const char *a = "Astana 12 and Almaty 7 and Shymkent";
    const char *b = "Paris 5";
    assert_int_equal(facta_extract(&e1, &n1, ex, a, strlen(a), NULL), FACTA_OK);
    summary(e1, n1, s1, sizeof s1);
    assert_string_equal(s1, "W:ASTANA|N:12|W:ALMATY|N:7|W:SHYMKENT");
    /* a second call replaces the results */
    assert_int_equal(facta_extract(&e2, &n2, ex, b, strlen(b), NULL), FACTA_OK);
    summary(e2, n2, s2, sizeof s2);
    assert_string_equal(s2, "W:PARIS|N:5");
    assert_int_equal(n2, 2);
    assert_string_equal(e2[1].attrs[0].key, "v");
    assert_true(e2[1].attrs[0].is_number);
    assert_true(e2[1].attrs[0].number == 5.0);
    /* a failed call does not touch the outputs */
    const facta_entity *keep = e2;
    size_t kn = n2;
    assert_int_equal(facta_extract(&e2, &n2, ex, "\xff", 1, NULL), FACTA_EUTF8);
    assert_true(e2 == keep);
    assert_int_equal(n2, kn);
    /* the same document again gives the same results as a fresh extractor */
    assert_int_equal(facta_extract(&e1, &n1, ex, a, strlen(a), NULL), FACTA_OK);
    summary(e1, n1, s1, sizeof s1);
    assert_int_equal(facta_extract(&ef, &nf, fresh, a, strlen(a), NULL), FACTA_OK);
    summary(ef, nf, sf, sizeof sf);
    assert_string_equal(s1, sf);
    /* JSON and tokens are results too: each call replaces the last */
    const char *j1, *j2;
    size_t l1, l2;
    assert_int_equal(facta_extract_json(&j1, &l1, ex, "a", a, strlen(a), NULL), FACTA_OK);
    char *copy = strdup(j1);
    assert_int_equal(facta_extract_json(&j2, &l2, ex, "b", b, strlen(b), NULL), FACTA_OK);
    assert_non_null(strstr(j2, "\"id\":\"b\""));
    assert_null(strstr(j2, "ASTANA"));
    assert_int_equal(strlen(j2), l2);
    assert_non_null(strstr(copy, "ASTANA"));
    free(copy);
    facta_extractor_free(fresh);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- JSON: escaping ---- */

static void test_json_escaping(void **state)
{
    (void)state;
    /* every punctuation or symbol token becomes a T whose norm is "<tok>" + newline + tab;
     * "a" ... "b" spans a line break in its text */
    facta_rules *r = compile_ok("rule q: x:[punct | symbol] => T { norm = concat(\"<\", text($x), "
                                "\">\\n\\t\") };\n"
                                "rule s: \"a\" \"b\" => S;");
    facta_extractor *ex = new_ex(r);
    static const struct {
        const char *text;
        size_t len; /* 0: strlen */
        const char *id, *expect;
    } J[] = {
        {"\"", 0, NULL,
         "{\"entities\":[{\"type\":\"T\",\"text\":\"\\\"\",\"start\":0,\"end\":1,\"byte_start\":0,"
         "\"byte_end\":1,\"norm\":\"<\\\">\\n\\t\",\"attrs\":{}}]}"},
        {"\\", 0, "d\"1\"\\",
         "{\"id\":\"d\\\"1\\\"\\\\\",\"entities\":[{\"type\":\"T\",\"text\":\"\\\\\",\"start\":0,"
         "\"end\":1,\"byte_start\":0,\"byte_end\":1,\"norm\":\"<\\\\>\\n\\t\",\"attrs\":{}}]}"},
        {"\x01", 0, "\x01\x1f\n\r\t\b\f/",
         "{\"id\":\"\\u0001\\u001f\\n\\r\\t\\b\\f/\",\"entities\":[{\"type\":\"T\",\"text\":"
         "\"\\u0001\",\"start\":0,\"end\":1,\"byte_start\":0,\"byte_end\":1,\"norm\":"
         "\"<\\u0001>\\n\\t\",\"attrs\":{}}]}"},
        {"\x1f", 0, "",
         "{\"id\":\"\",\"entities\":[{\"type\":\"T\",\"text\":\"\\u001f\",\"start\":0,\"end\":1,"
         "\"byte_start\":0,\"byte_end\":1,\"norm\":\"<\\u001f>\\n\\t\",\"attrs\":{}}]}"},
        {"\x08", 0, NULL,
         "{\"entities\":[{\"type\":\"T\",\"text\":\"\\b\",\"start\":0,\"end\":1,\"byte_start\":0,"
         "\"byte_end\":1,\"norm\":\"<\\b>\\n\\t\",\"attrs\":{}}]}"},
        {"\0", 1, NULL,
         "{\"entities\":[{\"type\":\"T\",\"text\":\"\\u0000\",\"start\":0,\"end\":1,\"byte_start\":0,"
         "\"byte_end\":1,\"norm\":\"<\",\"attrs\":{}}]}"},
        {"a\r\nb", 0, "Жанна",
         "{\"id\":\"Жанна\",\"lang\":\"en\",\"entities\":[{\"type\":\"S\",\"text\":\"a\\r\\nb\","
         "\"start\":0,\"end\":4,\"byte_start\":0,\"byte_end\":4,\"norm\":\"a b\",\"attrs\":{}}]}"},
        {"«ё»", 0, NULL,
         "{\"lang\":\"ru\",\"entities\":[{\"type\":\"T\",\"text\":\"«\",\"start\":0,\"end\":1,"
         "\"byte_start\":0,\"byte_end\":2,\"norm\":\"<«>\\n\\t\",\"attrs\":{}},{\"type\":\"T\","
         "\"text\":\"»\",\"start\":2,\"end\":3,\"byte_start\":4,\"byte_end\":6,\"norm\":"
         "\"<»>\\n\\t\",\"attrs\":{}}]}"},
        {"", 0, "\x7f", "{\"id\":\"\x7f\",\"entities\":[]}"},
    };
    int failures = 0;
    for (size_t i = 0; i < sizeof J / sizeof J[0]; i++) {
        size_t len = J[i].len ? J[i].len : strlen(J[i].text);
        char *js = json_of(ex, J[i].id, J[i].text, len, NULL);
        if (!json_valid(js, strlen(js))) {
            fprintf(stderr, "json %zu is not valid JSON: %s\n", i, js);
            failures++;
        }
        if (strcmp(js, J[i].expect) != 0) {
            fprintf(stderr, "json %zu:\n  expected %s\n  got      %s\n", i, J[i].expect, js);
            failures++;
        }
        free(js);
    }
    facta_extractor_free(ex);
    facta_rules_free(r);
    assert_int_equal(failures, 0);
}

/* ---- JSON: numbers without loss ---- */

static void test_json_numbers(void **state)
{
    (void)state;
    facta_rules *r = compile_ok(
        "rule n: x:[number] => N { norm = text($x), v = number($x) };\n"
        "rule l: \"third\" => L { v = number(\"0.333333333333\"), w = number(\"0.1\"),"
        " x = number(\"0.30000000000000004\"), y = number(\"12345678901234567\"),"
        " z = number(\"1e300\"), m = number(\"-2.5\"), t = \"6800000\" };");
    facta_extractor *ex = new_ex(r);
    static const struct {
        const char *text, *field;
        double value;
    } NUMS[] = {
        {"6800000", "\"v\":6800000}", 6800000.0},
        {"1.5", "\"v\":1.5}", 1.5},
        {"2023", "\"v\":2023}", 2023.0},
        {"0", "\"v\":0}", 0.0},
        {"9007199254740991", "\"v\":9007199254740991}", 9007199254740991.0},
        {"third", "\"v\":0.333333333333,", 0.333333333333},
        {"third", "\"w\":0.1,", 0.1},
        {"third", "\"x\":0.30000000000000004,", 0.30000000000000004},
        {"third", "\"m\":-2.5,", -2.5},
        {"third", "\"t\":\"6800000\"}", 0}, /* a string stays a string */
    };
    int failures = 0;
    for (size_t i = 0; i < sizeof NUMS / sizeof NUMS[0]; i++) {
        char *js = json_of(ex, NULL, NUMS[i].text, strlen(NUMS[i].text), NULL);
        if (!json_valid(js, strlen(js)) || !strstr(js, NUMS[i].field)) {
            fprintf(stderr, "number %zu: expected %s in %s\n", i, NUMS[i].field, js);
            failures++;
        }
        free(js);
    }
    /* every number attribute reads back to the same double */
    const char *t = "6800000 1.5 third 0.000001 123456.789";
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    char *js = json_of(ex, NULL, t, strlen(t), NULL);
    assert_true(json_valid(js, strlen(js)));
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    size_t checked = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < e[i].n_attrs; k++) {
            const facta_attr *a = &e[i].attrs[k];
            if (!a->is_number)
                continue;
            char key[16];
            snprintf(key, sizeof key, "\"%s\":", a->key);
            /* find this record's occurrence: records are written in order */
            const char *p = js;
            for (size_t skip = 0; skip <= i; skip++) {
                p = strstr(p, "{\"type\":");
                assert_non_null(p);
                p++;
            }
            p = strstr(p, key);
            assert_non_null(p);
            p += strlen(key);
            char *endp;
            double back = strtod(p, &endp);
            if (endp == p || back != a->number) {
                fprintf(stderr, "attr %s of record %zu: %.17g written as \"%.24s\"\n", a->key, i,
                        a->number, p);
                failures++;
            }
            /* no exponent for integers of up to 15 digits */
            if (a->number < 1e15 && a->number > -1e15 &&
                a->number == (double)(long long)a->number && memchr(p, 'e', (size_t)(endp - p)))
                failures++;
            checked++;
        }
    }
    assert_true(checked >= 9);
    free(js);
    facta_extractor_free(ex);
    facta_rules_free(r);
    assert_int_equal(failures, 0);
}

/* ---- JSON: lang ---- */

static void test_json_lang(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: \"zzzz\" => T;");
    facta_extractor *ex = new_ex(r);
    static const struct {
        const char *text, *hint, *expect; /* expect NULL: no "lang" */
    } L[] = {
        {"Москва и London", NULL, "ru"},
        {"The UN and Москва", NULL, "en"},
        {"Кaзахстан", NULL, NULL},            /* mixed words count for neither */
        {"2023 — 2024", NULL, NULL},          /* no words */
        {"", NULL, NULL},
        {"Москва и London", "en", "en"},      /* the hint wins */
        {"The UN", "ru", "ru"},
    };
    for (size_t i = 0; i < sizeof L / sizeof L[0]; i++) {
        facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
        o.lang = L[i].hint;
        char *js = json_of(ex, "x", L[i].text, strlen(L[i].text), &o);
        char want[64];
        if (L[i].expect)
            snprintf(want, sizeof want, "{\"id\":\"x\",\"lang\":\"%s\",\"entities\":", L[i].expect);
        else
            snprintf(want, sizeof want, "{\"id\":\"x\",\"entities\":");
        if (strncmp(js, want, strlen(want)) != 0)
            fail_msg("lang %zu \"%s\": expected %s..., got %s", i, L[i].text, want, js);
        free(js);
    }
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- explain ---- */

static void test_explain(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: \"x\" => A;\n"
                                "rule b: \"x\" \"y\" => B;\n"
                                "rule c: [number] \"line\" => F;\n"
                                "reject r (F): \"hot\" target:[number];");
    facta_extractor *ex = new_ex(r);
    const char *t = "x y, hot 111 line";
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;

    /* without explain: no "rule", no "rejected", no explain records */
    char *js = json_of(ex, NULL, t, strlen(t), &o);
    assert_true(json_valid(js, strlen(js)));
    assert_null(strstr(js, "\"rule\""));
    assert_null(strstr(js, "\"rejected\""));
    free(js);
    const facta_explain *x;
    assert_int_equal(facta_extractor_explain(&x, ex), 0);

    o.flags = FACTA_EXTRACT_EXPLAIN;
    js = json_of(ex, NULL, t, strlen(t), &o);
    assert_true(json_valid(js, strlen(js)));
    if (!strstr(js, "\"type\":\"B\",\"text\":\"x y\"") ||
        !strstr(js, "\"rule\":\"t.facta:2 b\"}") || !strstr(js, ",\"rejected\":[{") ||
        !strstr(js, "{\"type\":\"A\",\"text\":\"x\",\"start\":0,\"end\":1,\"rule\":\"t.facta:1 a\","
                    "\"reason\":\"") ||
        !strstr(js, "{\"type\":\"F\",\"text\":\"111 line\",\"start\":9,\"end\":17,\"rule\":"
                    "\"t.facta:3 c\",\"reason\":\""))
        fail_msg("explain JSON: %s", js);
    free(js);
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), &o), FACTA_OK);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].type, "B");
    assert_string_equal(e[0].rule, "t.facta:2 b");
    size_t nx = facta_extractor_explain(&x, ex);
    assert_int_equal(nx, 2);
    int seen_a = 0, seen_f = 0;
    for (size_t i = 0; i < nx; i++) {
        assert_non_null(x[i].reason);
        assert_true(strlen(x[i].reason) > 0);
        if (strcmp(x[i].type, "A") == 0) {
            seen_a = 1;
            assert_string_equal(x[i].rule, "t.facta:1 a");
            assert_int_equal(x[i].span.byte_start, 0);
            assert_int_equal(x[i].span.byte_end, 1);
        } else if (strcmp(x[i].type, "F") == 0) {
            seen_f = 1;
            assert_non_null(strstr(x[i].reason, "r"));
            assert_int_equal(x[i].span.cp_start, 9);
        }
    }
    assert_true(seen_a && seen_f);
    /* the next call without explain clears them */
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    assert_int_equal(facta_extractor_explain(&x, ex), 0);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* The reasons facta.h documents: "overlap with <rule>", "rejected by <rule>". */
static void test_explain_reasons(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: \"x\" => A;\n"
                                "rule b: \"x\" \"y\" => B;\n"
                                "rule c: [number] \"line\" => F;\n"
                                "reject r (F): \"hot\" target:[number];");
    facta_extractor *ex = new_ex(r);
    const char *t = "x y, hot 111 line";
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.flags = FACTA_EXTRACT_EXPLAIN;
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), &o), FACTA_OK);
    const facta_explain *x;
    size_t nx = facta_extractor_explain(&x, ex);
    int failures = 0;
    for (size_t i = 0; i < nx; i++) {
        const char *want = strcmp(x[i].type, "A") == 0 ? "overlap with " : "rejected by ";
        const char *who = strcmp(x[i].type, "A") == 0 ? "b" : "r";
        const char *end = x[i].reason + strlen(x[i].reason);
        if (strncmp(x[i].reason, want, strlen(want)) != 0 || end[-1] != who[0]) {
            fprintf(stderr, "%s (%s): reason \"%s\", expected \"%s...%s\"\n", x[i].type,
                    x[i].rule, x[i].reason, want, who);
            failures++;
        }
    }
    assert_int_equal(nx, 2);
    facta_extractor_free(ex);
    facta_rules_free(r);
    assert_int_equal(failures, 0);
}

/* ---- the record limit: dropped records are counted ---- */

static void test_truncated(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: \"a\" => A;");
    facta_extractor *ex = new_ex(r);
    size_t words = 100000 + 25, len = words * 2;
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t i = 0; i < words; i++)
        memcpy(text + 2 * i, "a ", 2);
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, text, len, NULL), FACTA_OK);
    assert_int_equal(n, 100000);
    assert_int_equal(facta_extractor_dropped(ex), 25);
    const char *js;
    size_t jl;
    assert_int_equal(facta_extract_json(&js, &jl, ex, NULL, text, len, NULL), FACTA_OK);
    assert_true(jl > 25);
    assert_non_null(strstr(js + jl - 20, ",\"truncated\":25}"));
    assert_true(json_valid(js, jl));
    /* the next document resets the count */
    assert_int_equal(facta_extract(&e, &n, ex, "a", 1, NULL), FACTA_OK);
    assert_int_equal(facta_extractor_dropped(ex), 0);
    free(text);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- determinism: one extractor over many documents, and threads ---- */

static const char *const DOCS[] = {
    "Deputy Prime Minister Tamara Duissenova said on 5 June that 382 schools will open.",
    "В Астане 21 и 22 ноября 2016 г. собрались более 1300 участников.",
    "With nearly 6.8 mn children, the fund spent $5 mn. UNICEF Representative in Kazakhstan "
    "Arthur van Diesen said 1,300 people came.",
    "Президент Казахстана Касым-Жомарт Токаев прибыл в Астану. Уполномоченный по правам ребенка "
    "Динара Закиева отметила рост на 2,5 процента.",
    "The forum opened on 6-7 December and closed last year.",
    "",
    "\xEF\xBB\xBF«Газпром» и “Apple” — 25-летию, 2023-2024; see http://example.com/a, a.b@mail.ru.",
    "Ростов-на-Дону\n\nN. Nazarbayev met Kianian-Firouzgar on Feb. 22, 2019 in Almaty.",
};
#define NDOCS (sizeof DOCS / sizeof DOCS[0])

static const facta_extract_options *doc_opts(size_t i)
{
    static facta_extract_options o[3];
    static int init;
    if (!init) {
        for (int k = 0; k < 3; k++) {
            facta_extract_options d = FACTA_EXTRACT_OPTIONS_INIT;
            o[k] = d;
        }
        o[1].doc_date = "2024-03-01";
        o[2].flags = FACTA_EXTRACT_EXPLAIN;
        o[2].lang = "ru";
        init = 1;
    }
    return &o[i % 3];
}

/* Expected JSON of doc i: a fresh extractor for each document. */
static char **reference_json(const facta_rules *r)
{
    char **ref = calloc(NDOCS, sizeof *ref);
    assert_non_null(ref);
    for (size_t i = 0; i < NDOCS; i++) {
        facta_extractor *ex = new_ex(r);
        char id[16];
        snprintf(id, sizeof id, "doc%zu", i);
        ref[i] = json_of(ex, id, DOCS[i], strlen(DOCS[i]), doc_opts(i));
        facta_extractor_free(ex);
    }
    return ref;
}

static void free_ref(char **ref)
{
    for (size_t i = 0; i < NDOCS; i++)
        free(ref[i]);
    free(ref);
}

static void test_many_documents(void **state)
{
    (void)state;
    facta_rules *r = default_rules();
    char **ref = reference_json(r);
    int entities = 0;
    for (size_t i = 0; i < NDOCS; i++) {
        assert_true(json_valid(ref[i], strlen(ref[i])));
        entities += strstr(ref[i], "\"type\"") != NULL;
    }
    assert_true(entities >= 5); /* the corpus does exercise the rules */
    facta_extractor *ex = new_ex(r);
    /* forwards, backwards, and interleaved with tokenize calls and failures */
    for (int round = 0; round < 6; round++) {
        for (size_t k = 0; k < NDOCS; k++) {
            size_t i = round % 2 ? NDOCS - 1 - k : k;
            char id[16];
            snprintf(id, sizeof id, "doc%zu", i);
            char *js = json_of(ex, id, DOCS[i], strlen(DOCS[i]), doc_opts(i));
            if (strcmp(js, ref[i]) != 0)
                fail_msg("round %d doc %zu differs:\n  fresh  %s\n  reused %s", round, i, ref[i],
                         js);
            free(js);
            if (round >= 4) {
                const facta_token *t;
                size_t n;
                assert_int_equal(facta_tokenize(&t, &n, ex, DOCS[k], strlen(DOCS[k]), NULL),
                                 FACTA_OK);
                const facta_entity *e;
                assert_int_equal(facta_extract(&e, &n, ex, "\xC3", 1, NULL), FACTA_EUTF8);
            }
        }
    }
    facta_extractor_free(ex);
    free_ref(ref);
    facta_rules_free(r);
}

typedef struct worker {
    const facta_rules *rules;
    char **ref;
    int rounds;
    int mismatches, errors;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    facta_extractor *ex = NULL;
    if (facta_extractor_new(&ex, w->rules) != FACTA_OK) {
        w->errors++;
        return NULL;
    }
    for (int round = 0; round < w->rounds; round++) {
        for (size_t k = 0; k < NDOCS; k++) {
            size_t i = (k + (size_t)round) % NDOCS;
            char id[16];
            snprintf(id, sizeof id, "doc%zu", i);
            const char *js;
            size_t jl;
            if (facta_extract_json(&js, &jl, ex, id, DOCS[i], strlen(DOCS[i]), doc_opts(i)) !=
                FACTA_OK)
                w->errors++;
            else if (strcmp(js, w->ref[i]) != 0)
                w->mismatches++;
        }
    }
    facta_extractor_free(ex);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    facta_rules *r = default_rules();
    (void)doc_opts(0); /* initialize the shared options before the threads start */
    char **ref = reference_json(r);
    enum { NT = 4 };
    pthread_t th[NT];
    worker w[NT];
    for (int i = 0; i < NT; i++) {
        w[i].rules = r;
        w[i].ref = ref;
        w[i].rounds = 25;
        w[i].mismatches = w[i].errors = 0;
        assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < NT; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < NT; i++) {
        if (w[i].errors || w[i].mismatches)
            fail_msg("thread %d: %d errors, %d results differ from single-threaded", i,
                     w[i].errors, w[i].mismatches);
    }
    free_ref(ref);
    facta_rules_free(r);
}

/* The norm of the PERSON record whose text starts at byte b of text, or NULL. */
static const char *person_norm_at(const facta_entity *e, size_t n, size_t b)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(e[i].type, "PERSON") == 0 && e[i].span.byte_start == b)
            return e[i].norm;
    return NULL;
}

/* A surname alone takes the first full name before it with that surname; initials take the
 * first one whose first name they agree with. Bug: the lookup went by the records' order of
 * creation, not the text's ("M. Petrova", made first, found no full name; a bare surname
 * could take a later-introduced namesake), and scanned every earlier record (quadratic). */
static void test_surname_mentions(void **state)
{
    (void)state;
    facta_rules *r = default_rules();
    facta_extractor *ex = new_ex(r);
    static const char text[] = "Maria Petrova opened the forum. Olga Petrova spoke next. "
                               "Petrova said the plan works. M. Petrova added that. "
                               "O. Petrova agreed.";
    const facta_entity *e = NULL;
    size_t n = 0;
    assert_int_equal(facta_extract(&e, &n, ex, text, sizeof text - 1, NULL), FACTA_OK);
    const char *want[][2] = {{"Petrova said", "Maria Petrova"}, {"M. Petrova", "Maria Petrova"},
                             {"O. Petrova", "Olga Petrova"}};
    for (size_t k = 0; k < 3; k++) {
        size_t b = (size_t)(strstr(text, want[k][0]) - text);
        const char *norm = person_norm_at(e, n, b);
        if (!norm || strcmp(norm, want[k][1]) != 0)
            fail_msg("\"%s\": expected %s, got %s", want[k][0], want[k][1], norm ? norm : "none");
    }

    /* a long document: every mention still finds its full name */
    static const char para[] = "Dinara Zakiyeva arrived. Zakiyeva said it. ";
    size_t reps = 3000, pl = sizeof para - 1;
    char *big = malloc(reps * pl + 1);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * pl, para, pl);
    assert_int_equal(facta_extract(&e, &n, ex, big, reps * pl, NULL), FACTA_OK);
    size_t mentions = 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(e[i].type, "PERSON") == 0 && strcmp(e[i].norm, "Dinara Zakiyeva") == 0)
            mentions++;
    assert_int_equal(mentions, 2 * reps);
    free(big);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_checker),    cmocka_unit_test(test_misuse),
        cmocka_unit_test(test_strerror_version), cmocka_unit_test(test_rules_load),
        cmocka_unit_test(test_no_jit),
        cmocka_unit_test(test_result_lifetime), cmocka_unit_test(test_json_escaping),
        cmocka_unit_test(test_json_numbers),    cmocka_unit_test(test_json_lang),
        cmocka_unit_test(test_explain),         cmocka_unit_test(test_explain_reasons),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_many_documents),  cmocka_unit_test(test_threads),
        cmocka_unit_test(test_surname_mentions),
    };
    /* FACTA_TEST_FILTER / FACTA_TEST_SKIP: cmocka name patterns, e.g. "test_large*" */
    const char *only = getenv("FACTA_TEST_FILTER"), *skip = getenv("FACTA_TEST_SKIP");
    if (only && *only)
        cmocka_set_test_filter(only);
    if (skip && *skip)
        cmocka_set_skip_filter(skip);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
