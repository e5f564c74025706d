/* fuzz_extract.c: arbitrary bytes as a document (invalid UTF-8, NUL bytes, BOMs included)
 * through the default rules: facta_extract_json() strict and with
 * FACTA_EXTRACT_REPLACE_INVALID, facta_extract() and facta_tokenize().
 *
 * Checks: strict mode fails with FACTA_EUTF8 exactly when the input is not valid UTF-8 (and
 * names the first bad byte); replace mode always succeeds; the JSON is valid and follows
 * docs/output.md (offsets slice the input, code points agree with bytes, sorted records);
 * tokens are ordered, in bounds and well-formed; the same extractor gives the same JSON
 * twice; everything is freed.
 *
 * Where the fast word breaks (lib/wordbreak.c) take valid input, they must give ICU's
 * boundaries and rule statuses.
 *
 * Static state: only the default rules, compiled once and never changed, and one ICU break
 * iterator. */
#include "fuzz_common.h"
#include "wordbreak.h"

#include <unicode/ustring.h>

/* wb_next() against ICU on valid UTF-8 the fast path takes (all BMP, so one UTF-16 unit per
 * code point). */
static void check_wordbreak(const char *s, size_t n)
{
    static UBreakIterator *bi;
    static UChar u[4096];
    static size_t byte_of[4097];
    if (n == 0 || n >= 4096 || !wb_text_ok(s, n))
        return;
    UErrorCode err = U_ZERO_ERROR;
    if (!bi)
        bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    int32_t un = 0;
    u_strFromUTF8(u, 4096, &un, s, (int32_t)n, &err);
    FZ_CHECK(bi && U_SUCCESS(err), "ICU: %s", u_errorName(err));
    for (size_t i = 0, k = 0; i <= n; k++) {
        byte_of[k] = i;
        if (i == n)
            break;
        size_t len;
        FZ_CHECK(wb_class(s, n, i, &len) != WB_SLOW, "wb_text_ok passed a slow character");
        i += len;
    }
    ubrk_setText(bi, u, un, &err);
    FZ_CHECK(U_SUCCESS(err), "ubrk_setText: %s", u_errorName(err));
    size_t b = 0;
    ubrk_first(bi);
    for (int32_t e; (e = ubrk_next(bi)) != UBRK_DONE;) {
        int32_t st = -1;
        FZ_CHECK(b < n, "wordbreak ended at %zu before ICU", b);
        size_t fe = wb_next(s, n, b, &st);
        FZ_CHECK(fe == byte_of[e] && st == ubrk_getRuleStatus(bi),
                 "wordbreak [%zu, %zu) status %d, ICU ends at byte %zu status %d", b, fe,
                 (int)st, byte_of[e], (int)ubrk_getRuleStatus(bi));
        b = fe;
    }
    FZ_CHECK(b == n, "wordbreak went on after ICU's last boundary");
}

static const facta_rules *default_rules(void)
{
    static facta_rules *rules;
    if (!rules) {
        facta_diag d;
        memset(&d, 0, sizeof d);
        int rc = facta_rules_default(&rules, &d);
        FZ_CHECK(rc == FACTA_OK, "facta_rules_default: %s", d.message);
    }
    return rules;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > ((size_t)1 << 20))
        return 0; /* keep single runs short; limits are tested in test_limits */
    const facta_rules *rules = default_rules();
    const char *text = size ? (const char *)data : NULL;
    uint32_t h = fz_hash(data, size);

    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.lang = (h & 3) == 1 ? "en" : (h & 3) == 2 ? "ru" : NULL;
    o.doc_date = (h >> 2) & 1 ? "2016-05-01" : NULL;
    int explain = (h >> 3) & 1;
    if (explain)
        o.flags |= FACTA_EXTRACT_EXPLAIN;
    const char *id = (h >> 4) & 1 ? "fuzz \"doc\"\n\x01" : NULL;

    size_t bad = 0, fbad = 0;
    int valid = facta_utf8_valid(text, size, &bad);
    FZ_CHECK(valid == fz_utf8_valid(text, size, &fbad),
             "facta_utf8_valid says %d, the reference decoder disagrees", valid);
    FZ_CHECK(valid || bad == fbad, "first bad byte %zu, expected %zu", bad, fbad);

    if (valid)
        check_wordbreak(text, size);

    facta_extractor *ex = NULL;
    FZ_CHECK(facta_extractor_new(&ex, rules) == FACTA_OK && ex, "facta_extractor_new failed");

    /* strict */
    const char *js = NULL;
    size_t jl = 0;
    int rc = facta_extract_json(&js, &jl, ex, id, text, size, &o);
    if (valid) {
        FZ_CHECK(rc == FACTA_OK, "strict extraction of valid UTF-8 failed: %d %s", rc,
                 facta_extractor_last_error(ex));
        fz_check_doc_json(js, jl, text, size, 0, id, explain);
    } else {
        FZ_CHECK(rc == FACTA_EUTF8, "invalid UTF-8 (byte %zu) gave %d, not FACTA_EUTF8", bad, rc);
        char want[64];
        snprintf(want, sizeof want, "byte %zu", bad);
        FZ_CHECK(strstr(facta_extractor_last_error(ex), want) != NULL,
                 "error message \"%s\" does not name %s", facta_extractor_last_error(ex), want);
    }

    /* invalid bytes replaced: always succeeds */
    o.flags |= FACTA_EXTRACT_REPLACE_INVALID;
    rc = facta_extract_json(&js, &jl, ex, id, text, size, &o);
    FZ_CHECK(rc == FACTA_OK, "extraction with REPLACE_INVALID failed: %d %s", rc,
             facta_extractor_last_error(ex));
    size_t nents = fz_check_doc_json(js, jl, text, size, !valid, id, explain);
    char *first = malloc(jl + 1);
    FZ_CHECK(first != NULL, "out of memory");
    memcpy(first, js, jl + 1);

    /* the same extractor again: the same bytes */
    rc = facta_extract_json(&js, &jl, ex, id, text, size, &o);
    FZ_CHECK(rc == FACTA_OK && strcmp(js, first) == 0, "a second run of the same document "
             "gave different JSON");
    free(first);

    /* records: the same ones the JSON held, in bounds */
    const facta_entity *ents = NULL;
    size_t n = 0;
    rc = facta_extract(&ents, &n, ex, text, size, &o);
    FZ_CHECK(rc == FACTA_OK && n == nents, "facta_extract: %d, %zu records (JSON had %zu)", rc, n,
             nents);
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(ents[i].type && ents[i].norm && ents[i].rule && (ents[i].attrs || !ents[i].n_attrs),
                 "record %zu has NULL fields", i);
        for (size_t k = 0; k < ents[i].n_attrs; k++)
            FZ_CHECK(ents[i].attrs[k].key && ents[i].attrs[k].value, "record %zu: NULL attribute",
                     i);
    }
    const facta_explain *lost = NULL;
    size_t nlost = facta_extractor_explain(&lost, ex);
    FZ_CHECK(explain || nlost == 0, "explanations without FACTA_EXTRACT_EXPLAIN");
    for (size_t i = 0; i < nlost; i++) {
        FZ_CHECK(lost[i].type && lost[i].rule && lost[i].reason, "explanation %zu has NULLs", i);
        FZ_CHECK(lost[i].span.byte_start <= lost[i].span.byte_end && lost[i].span.byte_end <= size,
                 "explanation %zu: span out of bounds", i);
    }

    /* tokens, strict and replaced */
    const facta_token *toks = NULL;
    size_t nt = 0;
    facta_extract_options to = FACTA_EXTRACT_OPTIONS_INIT;
    rc = facta_tokenize(&toks, &nt, ex, text, size, &to);
    if (valid) {
        FZ_CHECK(rc == FACTA_OK, "facta_tokenize failed on valid UTF-8: %d", rc);
        fz_check_tokens(toks, nt, text, size, 0);
    } else {
        FZ_CHECK(rc == FACTA_EUTF8, "facta_tokenize on invalid UTF-8 gave %d", rc);
    }
    to.flags = FACTA_EXTRACT_REPLACE_INVALID;
    rc = facta_tokenize(&toks, &nt, ex, text, size, &to);
    FZ_CHECK(rc == FACTA_OK, "facta_tokenize with REPLACE_INVALID failed: %d", rc);
    fz_check_tokens(toks, nt, text, size, !valid);

    facta_extractor_free(ex);
    return 0;
}
