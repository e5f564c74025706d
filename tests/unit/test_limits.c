/* test_limits.c: every limit of docs/limits.md (and the further ones of docs/rules.md
 * section 16) is hit once, just past its value, and gives the documented error or flagged
 * truncation; the value itself still works. Limits added by the hardening work (nesting of
 * function calls and of '!', the depth of a pattern tree, the size of one token test) are
 * here too. See docs/hardening.md for the list. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, mkstemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facta.h"

/* ---- helpers ---- */

static int compile(const char *src, facta_diag *d, facta_rules **out)
{
    memset(d, 0, sizeof *d);
    facta_rules *r = NULL;
    int rc = facta_rules_compile(&r, src, strlen(src), "t.facta", NULL, d);
    if (out)
        *out = r;
    else
        facta_rules_free(r);
    return rc;
}

static void compiles(const char *src)
{
    facta_diag d;
    int rc = compile(src, &d, NULL);
    if (rc != FACTA_OK)
        fail_msg("expected to compile, got %d: %s", rc, d.message);
}

/* Compiling src fails with `code` and a message containing `what` (and, when line is not 0,
 * at that line and column). */
static void refused(const char *src, int code, const char *what, size_t line, size_t col)
{
    facta_diag d;
    int rc = compile(src, &d, NULL);
    if (rc != code || !strstr(d.message, what))
        fail_msg("expected %d \"%s\", got %d: %s", code, what, rc, d.message);
    assert_int_equal(d.code, code);
    if (line) {
        if (d.line != line || d.column != col)
            fail_msg("expected the error at %zu:%zu, got %zu:%zu (%s)", line, col, d.line,
                     d.column, d.message);
    }
}

static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * n, tail, tl + 1);
    return s;
}

static facta_extractor *extractor(const facta_rules *r)
{
    facta_extractor *ex = NULL;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    return ex;
}

/* ---- longest document: 2^31 - 1 bytes ---- */

static void test_document_size(void **state)
{
    (void)state;
    /* prepare() (lib/api.c) compares the length with the limit before it reads a byte, so a
     * small buffer with a larger length is safe to pass */
    static const char buf[16] = "Astana 2016";
    facta_rules *r;
    facta_diag d;
    assert_int_equal(facta_rules_default(&r, &d), FACTA_OK);
    facta_extractor *ex = extractor(r);
    size_t lens[] = {(size_t)INT32_MAX + 1, (size_t)UINT32_MAX, SIZE_MAX};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        const facta_entity *e = (const facta_entity *)&d; /* must stay unwritten */
        size_t n = 12345;
        assert_int_equal(facta_extract(&e, &n, ex, buf, lens[i], NULL), FACTA_ELIMIT);
        assert_ptr_equal(e, (const facta_entity *)&d);
        assert_int_equal(n, 12345);
        char want[64];
        snprintf(want, sizeof want, "%zu bytes", lens[i]);
        if (!strstr(facta_extractor_last_error(ex), want))
            fail_msg("message \"%s\" does not name the size", facta_extractor_last_error(ex));
        const char *js = NULL;
        assert_int_equal(facta_extract_json(&js, NULL, ex, "id", buf, lens[i], NULL), FACTA_ELIMIT);
        assert_null(js);
        const facta_token *t = NULL;
        assert_int_equal(facta_tokenize(&t, &n, ex, buf, lens[i], NULL), FACTA_ELIMIT);
        assert_null(t);
    }
    /* the extractor still works */
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, buf, strlen(buf), NULL), FACTA_OK);
    assert_int_equal(facta_extractor_last_error(ex)[0], 0);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- longest token: 4096 bytes folded and stemmed, the rest kept in the span ---- */

static void check_long_token(facta_extractor *ex, const char *unit, size_t units, size_t max_fold)
{
    char *text = repeat("", unit, units, " end");
    size_t len = strlen(text), tok_len = strlen(unit) * units;
    const facta_token *t;
    size_t n;
    assert_int_equal(facta_tokenize(&t, &n, ex, text, len, NULL), FACTA_OK);
    assert_int_equal(n, 2);
    assert_int_equal(t[0].span.byte_start, 0);
    assert_int_equal(t[0].span.byte_end, tok_len); /* the whole token is in the span */
    size_t fl = strlen(t[0].folded);
    if (fl == 0 || fl > max_fold)
        fail_msg("folded form of %zu bytes for a token of %zu", fl, tok_len);
    assert_true(facta_utf8_valid(t[0].folded, fl, NULL)); /* cut at a code point */
    assert_true(strlen(t[0].stem) <= max_fold);
    assert_string_equal(t[1].folded, "end");
    free(text);
}

static void test_token_size(void **state)
{
    (void)state;
    facta_diag d;
    facta_rules *r;
    /* a token of 100 KB works: it is one token, rules match it, JSON holds all of it */
    assert_int_equal(compile("rule w: x:[alpha & re=/x+/ & fre=/x+/] => LONG;\n"
                             "rule e: \"end\" => END;\n", &d, &r), FACTA_OK);
    facta_extractor *ex = extractor(r);
    check_long_token(ex, "x", 100000, 4096);
    check_long_token(ex, "Ж", 50000, 4096);  /* 2-byte letters */
    check_long_token(ex, "ა", 34000, 4096); /* 3-byte letters: 4096 is not a boundary */
    char *text = repeat("", "x", 100000, " end");
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, text, strlen(text), NULL), FACTA_OK);
    assert_int_equal(n, 2);
    assert_string_equal(e[0].type, "LONG");
    assert_int_equal(e[0].span.byte_end, 100000);
    assert_int_equal(strlen(e[0].norm), 100000);
    const char *js;
    size_t jl;
    assert_int_equal(facta_extract_json(&js, &jl, ex, NULL, text, strlen(text), NULL), FACTA_OK);
    assert_true(jl > 200000); /* text and norm, both whole */
    free(text);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- tokens one pattern may cover: 64 ---- */

static void test_match_tokens(void **state)
{
    (void)state;
    facta_diag d;
    facta_rules *r;
    assert_int_equal(compile("rule run: \"a\"+ => RUN;\n"
                             "rule exact: _{64} \"stop\" => NEVER;\n"
                             "rule fits: \"b\"{63} \"stop\" => FITS;\n", &d, &r), FACTA_OK);
    facta_extractor *ex = extractor(r);
    char *text = repeat("", "a ", 100, "");
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, text, strlen(text), NULL), FACTA_OK);
    /* the longest match from the first "a" stops after 64 tokens; the rest is the next one */
    assert_int_equal(n, 2);
    assert_int_equal(e[0].span.byte_start, 0);
    assert_int_equal(e[0].span.byte_end, 64 * 2 - 1);
    assert_int_equal(e[1].span.byte_start, 128);
    assert_int_equal(e[1].span.byte_end, 199);
    free(text);
    /* 64 tokens and one more: never; 63 and one more: found */
    text = repeat("", "b ", 64, "stop");
    assert_int_equal(facta_extract(&e, &n, ex, text, strlen(text), NULL), FACTA_OK);
    int fits = 0;
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(e[i].type, "NEVER");
        fits += !strcmp(e[i].type, "FITS");
    }
    assert_int_equal(fits, 1);
    free(text);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- records per document: 100 000 ---- */

static void test_records_per_document(void **state)
{
    (void)state;
    facta_diag d;
    facta_rules *r;
    assert_int_equal(compile("rule a: \"a\" => A;\n", &d, &r), FACTA_OK);
    facta_extractor *ex = extractor(r);
    size_t extra = 7;
    char *text = repeat("", "a ", 100000 + extra, "");
    size_t len = strlen(text);
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, text, len, NULL), FACTA_OK);
    assert_int_equal(n, 100000);
    assert_int_equal(facta_extractor_dropped(ex), extra);
    const char *js;
    size_t jl;
    assert_int_equal(facta_extract_json(&js, &jl, ex, NULL, text, len, NULL), FACTA_OK);
    assert_non_null(strstr(js + jl - 30, ",\"truncated\":7}"));
    /* exactly at the limit: nothing dropped, no "truncated" */
    assert_int_equal(facta_extract_json(&js, &jl, ex, NULL, text, 100000 * 2, NULL), FACTA_OK);
    assert_int_equal(facta_extractor_dropped(ex), 0);
    assert_null(strstr(js, "truncated"));
    free(text);
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- nesting of ( ) in a pattern or a token test: 64 ---- */

static void test_nesting(void **state)
{
    (void)state;
    char *s = repeat("rule a: ", "(", 64, "\"x\"");
    char *ok = repeat(s, ")", 64, " => X;");
    compiles(ok);
    free(s);
    free(ok);
    s = repeat("rule a: ", "(", 65, "\"x\"");
    char *bad = repeat(s, ")", 65, " => X;");
    refused(bad, FACTA_ESYNTAX, "nesting deeper than 64", 1, 9 + 64); /* at the 65th '(' */
    free(s);
    free(bad);
    s = repeat("rule a: [", "(", 64, "any");
    ok = repeat(s, ")", 64, "] => X;");
    compiles(ok);
    free(s);
    free(ok);
    s = repeat("rule a: [", "(", 65, "any");
    bad = repeat(s, ")", 65, "] => X;");
    refused(bad, FACTA_ESYNTAX, "nesting deeper than 64", 1, 10 + 64);
    free(s);
    free(bad);
    /* '!' nests too */
    ok = repeat("rule a: [", "!", 64, "any] => X;");
    compiles(ok);
    free(ok);
    bad = repeat("rule a: [", "!", 65, "any] => X;");
    refused(bad, FACTA_ESYNTAX, "nesting deeper than 64", 1, 10 + 64);
    free(bad);
}

/* ---- repeat bound {m,n}: 64 ---- */

static void test_repeat_bound(void **state)
{
    (void)state;
    compiles("rule a: \"x\"{64} => X;");
    compiles("rule a: \"y\" \"x\"{0,64} => X;");
    refused("rule a: \"x\"{65} => X;", FACTA_ESYNTAX, "bad repeat {65,65}", 1, 15); /* at the } */
    refused("rule a: \"x\" \"y\"{0,65} => X;", FACTA_ESYNTAX, "bad repeat {0,65}", 0, 0);
    refused("rule a: \"x\"{3,2} => X;", FACTA_ESYNTAX, "bad repeat {3,2}", 0, 0);
    /* numbers past int are not read modulo 2^32 */
    refused("rule a: \"x\"{99999999999} => X;", FACTA_ESYNTAX, "bad repeat", 0, 0);
    refused("rule a: \"x\"{4294967297} => X;", FACTA_ESYNTAX, "bad repeat", 0, 0);
    refused("rule a: \"x\"{1,99999999999999999999} => X;", FACTA_ESYNTAX, "bad repeat", 0, 0);
}

/* ---- words in one lexicon phrase: 16 ---- */

static void test_phrase_words(void **state)
{
    (void)state;
    compiles("lexicon L { w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 }\n"
             "rule a: @L => X;");
    /* inline: the error names the rule file and the line inside it */
    refused("# a comment\nlexicon L {\none\nw1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 "
            "w16 w17\n}\nrule a: @L => X;",
            FACTA_ELIMIT, "t.facta:4:", 4, 1);
    /* a lexicon file: the error names that file and its line */
    char path[] = "/tmp/facta_limits_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *lex = "# comment\nfine => ok\n\n"
                      "a b c d e f g h i j k l m n o p q => too long | tag\n";
    assert_int_equal(write(fd, lex, strlen(lex)), (ssize_t)strlen(lex));
    close(fd);
    char src[200];
    snprintf(src, sizeof src, "lexicon L \"%s\";\nrule a: @L => X;\n", path);
    facta_diag d;
    assert_int_equal(compile(src, &d, NULL), FACTA_ELIMIT);
    assert_string_equal(d.file, path);
    assert_int_equal(d.line, 4);
    char want[100];
    snprintf(want, sizeof want, "%s:4:", path);
    if (strncmp(d.message, want, strlen(want)) != 0)
        fail_msg("message \"%s\" does not start with %s", d.message, want);
    assert_non_null(strstr(d.message, "16 words"));
    unlink(path);
}

/* ---- lexicon entries over all lexicons: 10 000 000 ---- */

static void test_lexicon_entries(void **state)
{
    (void)state;
    /* Not exercised: hitting it takes ten million entries (gigabytes, minutes). The check is
     * the first statement of lex_add_entry() (lib/lexicon.c), and lex_add_file() turns its
     * FACTA_ELIMIT into the same "lexicon limit" diagnostic test_phrase_words checks. */
    skip();
}

/* ---- VM instructions per phase: 1 000 000 ---- */

static void test_program_size(void **state)
{
    (void)state;
    compiles("rule a: \"x\"{64}{64}{64} => X;"); /* 262 144 instructions */
    refused("rule a: \"x\"{64}{64}{64}{64} => X;", FACTA_ESYNTAX,
            "rule program too large (limit 1000000 instructions per phase)", 0, 0);
    /* the limit is per phase: the same rule in two phases, each within it */
    compiles("rule a: \"x\"{64}{64}{60} => X;\nphase 2;\nrule b: \"y\"{64}{64}{60} => Y;");
    /* a define used twice counts twice */
    refused("define D = \"x\"{64}{64}{64};\nrule a: %D %D %D %D => X;", FACTA_ESYNTAX,
            "rule program too large", 0, 0);
}

/* ---- phases: the per-token seeding masks have a bit for the first 64; later phases
 * seed without them ---- */

static void test_many_phases(void **state)
{
    (void)state;
    char src[8192];
    size_t o = 0;
    for (int k = 1; k <= 70; k++)
        o += (size_t)snprintf(src + o, sizeof src - o, "phase %d;\nrule p%d: \"w%d\" => W%d;\n", k, k, k, k);
    snprintf(src + o, sizeof src - o, "rule g: [number] => N;\n");
    facta_diag d;
    facta_rules *r;
    assert_int_equal(compile(src, &d, &r), FACTA_OK);
    facta_extractor *ex = extractor(r);
    const char *text = "w1 w64 w65 w70 5";
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, text, strlen(text), NULL), FACTA_OK);
    assert_int_equal(n, 5);
    assert_string_equal(e[0].type, "W1");
    assert_string_equal(e[1].type, "W64");
    assert_string_equal(e[2].type, "W65");
    assert_string_equal(e[3].type, "W70");
    assert_string_equal(e[4].type, "N");
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- records per rule 8, attributes per record 32 ---- */

static void test_action_size(void **state)
{
    (void)state;
    compiles("rule a: x:_ => A B C D E F G H;");
    refused("rule a: x:_ => A B C D E F G H I;", FACTA_ESYNTAX, "at most 8 records per rule", 1,
            32);
    char *ok = repeat("rule a: x:_ => A { k0 = $x", ", k = $x", 31, " };");
    compiles(ok);
    free(ok);
    char *bad = repeat("rule a: x:_ => A { k0 = $x", ", k = $x", 32, " };");
    refused(bad, FACTA_ESYNTAX, "at most 32 attributes per record", 0, 0);
    free(bad);
}

/* ---- the further limits of docs/rules.md section 16 ---- */

static void test_rule_limits(void **state)
{
    (void)state;
    /* captures per rule: 64 */
    char buf[2000];
    size_t w = (size_t)snprintf(buf, sizeof buf, "rule a:");
    for (int i = 0; i < 64; i++)
        w += (size_t)snprintf(buf + w, sizeof buf - w, " c%d:_", i);
    snprintf(buf + w, sizeof buf - w, " => X;");
    compiles(buf);
    snprintf(buf + w, sizeof buf - w, " c64:_ => X;");
    refused(buf, FACTA_ESYNTAX, "more than 64 captures in one rule", 0, 0);
    /* function arguments: 16 */
    char *ok = repeat("rule a: x:_ => X { norm = concat($x", ", $x", 15, ") };");
    compiles(ok);
    free(ok);
    char *bad = repeat("rule a: x:_ => X { norm = concat($x", ", $x", 16, ") };");
    refused(bad, FACTA_ESYNTAX, "too many arguments", 0, 0);
    free(bad);
    /* alternatives in one group: 256 */
    ok = repeat("rule a: \"w\"", " | \"w\"", 255, " => X;");
    compiles(ok);
    free(ok);
    bad = repeat("rule a: \"w\"", " | \"w\"", 256, " => X;");
    refused(bad, FACTA_ESYNTAX, "more than 256 alternatives", 0, 0);
    free(bad);
    /* types in a reject list: 16 */
    ok = repeat("rule a: \"x\" => T;\nreject r (T", ", T", 15, "): \"x\";");
    compiles(ok);
    free(ok);
    bad = repeat("rule a: \"x\" => T;\nreject r (T", ", T", 16, "): \"x\";");
    refused(bad, FACTA_ESYNTAX, "too many types", 0, 0);
    free(bad);
}

/* ---- limits that keep the compiler's recursion bounded (docs/hardening.md) ---- */

static void test_hardening_limits(void **state)
{
    (void)state;
    /* function calls nested 64 deep */
    char *s = repeat("rule a: x:_ => X { norm = ", "text(", 64, "$x");
    char *ok = repeat(s, ")", 64, " };");
    compiles(ok);
    free(s);
    free(ok);
    s = repeat("rule a: x:_ => X { norm = ", "text(", 65, "$x");
    char *bad = repeat(s, ")", 65, " };");
    refused(bad, FACTA_ESYNTAX, "function calls nested deeper than 64", 0, 0);
    free(s);
    free(bad);
    /* a pattern tree 256 deep: stacked quantifiers, and defines of defines */
    bad = repeat("rule a: \"a\" _", "?", 300, " => X;");
    refused(bad, FACTA_ESYNTAX, "pattern nested deeper than 256", 0, 0);
    free(bad);
    char buf[40000];
    size_t w = (size_t)snprintf(buf, sizeof buf, "define A0 = \"x\";\n");
    for (int i = 1; i < 100; i++)
        w += (size_t)snprintf(buf + w, sizeof buf - w, "define A%d = (%%A%d)?;\n", i, i - 1);
    snprintf(buf + w, sizeof buf - w, "rule a: \"y\" %%A99 => X;\n");
    compiles(buf);
    w = (size_t)snprintf(buf, sizeof buf, "define A0 = \"x\";\n");
    for (int i = 1; i < 300; i++)
        w += (size_t)snprintf(buf + w, sizeof buf - w, "define A%d = (%%A%d)?;\n", i, i - 1);
    snprintf(buf + w, sizeof buf - w, "rule a: \"y\" %%A299 => X;\n");
    refused(buf, FACTA_ESYNTAX, "pattern nested deeper than 256", 0, 0);
    /* one token test: 4096 tests and operators */
    ok = repeat("rule a: [any", " & any", 2000, "] => X;");
    compiles(ok);
    free(ok);
    bad = repeat("rule a: [any", " & any", 2048, "] => X;");
    refused(bad, FACTA_ESYNTAX, "token test too large", 0, 0);
    free(bad);
    /* defines of defines that are exponentially large as a tree compile in linear time */
    w = (size_t)snprintf(buf, sizeof buf, "define A0 = _?;\n");
    for (int i = 1; i <= 40; i++)
        w += (size_t)snprintf(buf + w, sizeof buf - w, "define A%d = %%A%d %%A%d;\n", i, i - 1,
                              i - 1);
    snprintf(buf + w, sizeof buf - w, "rule r: %%A40 \"x\" => X;\n");
    refused(buf, FACTA_ESYNTAX, "rule program too large", 0, 0);
}

/* ---- rule, lexicon and endings files: regular files of at most 1 GiB ---- */

static void test_file_size(void **state)
{
    (void)state;
    /* devices, directories and pipes are refused before a byte is read (/dev/zero used to
     * be read for ever) */
    static const struct {
        const char *src, *what;
    } NOT_REGULAR[] = {
        {"lexicon L \"/dev/zero\";\nrule a: @L => X;", "cannot read '/dev/zero': not a regular file"},
        {"morphology \"/dev/null\";", "cannot read '/dev/null': not a regular file"},
        {"lexicon L \"/tmp\";", "cannot read '/tmp': not a regular file"},
    };
    for (size_t i = 0; i < sizeof NOT_REGULAR / sizeof NOT_REGULAR[0]; i++)
        refused(NOT_REGULAR[i].src, FACTA_EIO, NOT_REGULAR[i].what, 1, 11 + (i == 1));
    facta_rules *r = NULL;
    facta_diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(facta_rules_load(&r, "/dev/zero", NULL, &d), FACTA_EIO);
    assert_null(r);
    assert_non_null(strstr(d.message, "/dev/zero"));

    /* a sparse file one byte over 1 GiB: refused by its size, naming it */
    char dir[] = "/tmp/facta_big_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char lex[300], rules[300];
    snprintf(lex, sizeof lex, "%s/big.lex", dir);
    snprintf(rules, sizeof rules, "%s/big.facta", dir);
    for (int k = 0; k < 2; k++) {
        int fd = open(k ? rules : lex, O_CREAT | O_WRONLY | O_TRUNC, 0600);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, ((off_t)1 << 30) + 1), 0);
        close(fd);
    }
    char src[400];
    snprintf(src, sizeof src, "lexicon L \"%s\";\nrule a: @L => X;", lex);
    char want[400];
    snprintf(want, sizeof want, "cannot read '%s': larger than 1073741824 bytes", lex);
    refused(src, FACTA_ELIMIT, want, 1, 11);
    memset(&d, 0, sizeof d);
    assert_int_equal(facta_rules_load(&r, rules, NULL, &d), FACTA_ELIMIT);
    assert_null(r);
    assert_string_equal(d.file, rules);
    assert_non_null(strstr(d.message, "larger than"));
    unlink(lex);
    unlink(rules);
    rmdir(dir);
}

/* ---- rule directories nested deeper than 16 ---- */

static void test_directory_depth(void **state)
{
    (void)state;
    char root[] = "/tmp/facta_dirs_XXXXXX";
    assert_non_null(mkdtemp(root));
    char path[4096];
    snprintf(path, sizeof path, "%s", root);
    for (int i = 0; i < 18; i++) {
        strcat(path, "/d");
        assert_int_equal(mkdir(path, 0700), 0);
    }
    facta_rules *r = NULL;
    facta_diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(facta_rules_load(&r, root, NULL, &d), FACTA_ELIMIT);
    assert_null(r);
    assert_non_null(strstr(d.message, "deeper than 16"));
    for (int i = 18; i > 0; i--) {
        rmdir(path);
        path[strlen(path) - 2] = 0;
    }
    rmdir(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_size),   cmocka_unit_test(test_token_size),
        cmocka_unit_test(test_match_tokens),    cmocka_unit_test(test_records_per_document),
        cmocka_unit_test(test_nesting),         cmocka_unit_test(test_repeat_bound),
        cmocka_unit_test(test_phrase_words),    cmocka_unit_test(test_lexicon_entries),
        cmocka_unit_test(test_program_size),    cmocka_unit_test(test_action_size),
        cmocka_unit_test(test_rule_limits),     cmocka_unit_test(test_hardening_limits),
        cmocka_unit_test(test_directory_depth), cmocka_unit_test(test_file_size),
        cmocka_unit_test(test_many_phases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
