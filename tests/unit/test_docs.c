/* test_docs.c: every rule example in docs/rules.md compiles and passes its own examples.
 *
 * Each ```facta block of the reference is a complete rule file. It is compiled with
 * facta_rules_compile() under the name "docs/rules.md:<line of the opening fence>" (so a
 * diagnostic reads "docs/rules.md:<block line>:<line in block>:<column>: ..."), and its
 * `example` / `counter` statements are run with facta_rules_self_test(). A block must carry
 * at least one example. Lexicon and morphology files named in a block are resolved from the
 * current directory: the test runs from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facta.h"

#define DOC_PATH "docs/rules.md"
#define MIN_BLOCKS 8

typedef struct block {
    size_t line;  /* line of the opening ```facta fence, 1-based */
    char *src;    /* the lines between the fences */
    size_t len;
} block;

typedef struct doc {
    block *blocks;
    size_t n;
    int unclosed;        /* a fence opened and never closed */
    size_t unclosed_line;
} doc;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

/* Is `line` (length n) a fence ("```" and an optional info string)? Sets *tag, *tagn. */
static int is_fence(const char *line, size_t n, const char **tag, size_t *tagn)
{
    if (n < 3 || memcmp(line, "```", 3) != 0)
        return 0;
    const char *t = line + 3;
    size_t tn = n - 3;
    while (tn && (*t == ' ' || *t == '\t'))
        t++, tn--;
    while (tn && (t[tn - 1] == ' ' || t[tn - 1] == '\t' || t[tn - 1] == '\r'))
        tn--;
    *tag = t;
    *tagn = tn;
    return 1;
}

/* Split the document into its ```facta blocks. Fences of other languages are skipped
 * whole, so a ```facta line shown inside a ```text block is not a block. */
static void parse_doc(const char *text, size_t len, doc *d)
{
    memset(d, 0, sizeof *d);
    size_t cap = 0, line = 0, pos = 0;
    int in_fence = 0, is_facta = 0;
    size_t body = 0, open_line = 0;
    while (pos < len) {
        size_t e = pos;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        const char *tag;
        size_t tagn;
        if (is_fence(text + pos, e - pos, &tag, &tagn)) {
            if (!in_fence) {
                in_fence = 1;
                is_facta = tagn == 5 && memcmp(tag, "facta", 5) == 0;
                open_line = line;
                body = e < len ? e + 1 : e;
            } else if (tagn == 0) {
                if (is_facta) {
                    if (d->n == cap) {
                        cap = cap ? cap * 2 : 16;
                        d->blocks = realloc(d->blocks, cap * sizeof *d->blocks);
                        assert_non_null(d->blocks);
                    }
                    block *b = &d->blocks[d->n++];
                    b->line = open_line;
                    b->len = pos - body;
                    b->src = malloc(b->len + 1);
                    assert_non_null(b->src);
                    memcpy(b->src, text + body, b->len);
                    b->src[b->len] = 0;
                }
                in_fence = is_facta = 0;
            }
        }
        pos = e + 1;
    }
    if (in_fence) {
        d->unclosed = 1;
        d->unclosed_line = open_line;
    }
}

static void free_doc(doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->blocks[i].src);
    free(d->blocks);
}

static void test_doc_blocks(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = read_all(DOC_PATH, &len);
    if (!text)
        fail_msg("cannot read %s (run the test from the repository root)", DOC_PATH);
    doc d;
    parse_doc(text, len, &d);
    free(text);
    if (d.unclosed)
        fail_msg("%s:%zu: code fence is never closed", DOC_PATH, d.unclosed_line);

    size_t failed = 0, examples = 0;
    static char report[1 << 16];
    for (size_t i = 0; i < d.n; i++) {
        const block *b = &d.blocks[i];
        char name[64];
        snprintf(name, sizeof name, "%s:%zu", DOC_PATH, b->line);
        facta_rules *r = NULL;
        facta_diag diag;
        memset(&diag, 0, sizeof diag);
        int rc = facta_rules_compile(&r, b->src, b->len, name, NULL, &diag);
        if (rc != FACTA_OK) {
            print_error("%s:%zu: the ```facta block does not compile (%s): %s\n", DOC_PATH,
                        b->line, facta_strerror(rc), diag.message);
            failed++;
            continue;
        }
        size_t total = 0;
        size_t bad = facta_rules_self_test(r, report, sizeof report, &total);
        if (bad == (size_t)-1) {
            print_error("%s:%zu: out of memory running the examples\n", DOC_PATH, b->line);
            failed++;
        } else if (total == 0) {
            print_error("%s:%zu: the ```facta block has no example or counter statement\n",
                        DOC_PATH, b->line);
            failed++;
        } else if (bad) {
            print_error("%s:%zu: %zu of %zu examples fail:\n%s", DOC_PATH, b->line, bad, total,
                        report);
            failed++;
        }
        examples += total;
        facta_rules_free(r);
    }
    size_t nblocks = d.n;
    free_doc(&d);
    if (failed)
        fail_msg("%zu of %zu ```facta blocks in %s fail", failed, nblocks, DOC_PATH);
    if (nblocks < MIN_BLOCKS)
        fail_msg("%s has %zu ```facta blocks, expected at least %d", DOC_PATH, nblocks,
                 MIN_BLOCKS);
    assert_true(examples >= nblocks);
}

/* The block splitter itself: other fences are skipped, lines are counted from 1. */
static void test_block_parser(void **state)
{
    (void)state;
    const char *md = "# t\n"
                     "```text\n"
                     "```facta\n"
                     "```\n"
                     "```facta\n"
                     "rule a: \"x\" => T;\n"
                     "example \"x\" => T;\n"
                     "```\n"
                     "```facta\n"
                     "```\n";
    doc d;
    parse_doc(md, strlen(md), &d);
    assert_int_equal(d.unclosed, 0);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.blocks[0].line, 5);
    assert_string_equal(d.blocks[0].src, "rule a: \"x\" => T;\nexample \"x\" => T;\n");
    assert_int_equal(d.blocks[1].line, 9);
    assert_int_equal(d.blocks[1].len, 0);
    free_doc(&d);

    const char *unclosed_md = "```facta\nrule a: \"x\" => T;\n";
    parse_doc(unclosed_md, strlen(unclosed_md), &d);
    assert_int_equal(d.unclosed, 1);
    assert_int_equal(d.unclosed_line, 1);
    free_doc(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_block_parser),
        cmocka_unit_test(test_doc_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
