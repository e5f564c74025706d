/* fuzz_rules.c: arbitrary bytes as a rule file, compiled by facta_rules_compile() with
 * FACTA_COMPILE_NO_JIT and a counting allocator (a 512 MB budget).
 *
 * Checks: the compiler never crashes, hangs or leaks; it returns OK or one of the documented
 * codes, with a diagnostic that carries the same code and a NUL-terminated message, and
 * leaves the output handle unwritten on failure; FACTA_ENOMEM only when an allocation was
 * refused. A rule set that compiles is then used: warnings listed, an extractor runs a
 * fixed bilingual document (explain mode; the JSON is checked against docs/output.md) and
 * the file's own examples run (facta_rules_self_test). For one input in four that compiled,
 * the compile is repeated with the Nth allocation failing: it must give FACTA_ENOMEM and
 * leak nothing.
 *
 * Rule files may name lexicon and morphology files, relative to the current directory (run
 * from the repository root, as the replay tests and scripts/fuzz.sh do, to reach rules/).
 * Inputs that could name a device or a /proc or /sys file are skipped: the library refuses
 * anything but regular files (a lexicon named /dev/zero used to be read for ever), but /proc
 * and /sys hold regular files whose contents change from run to run, and a fuzz target must
 * be deterministic.
 *
 * No static state. */
#include "fuzz_common.h"

static const char TEXT[] =
    "Deputy Prime Minister Tamara Duissenova said on 5 June 2016 that 382 schools will open. "
    "The CEO of Acme Widgets, Mr. John Smith, resigned; UNICEF (UN) spent $5 mn, 6.8 %.\n\n"
    "В Астане 21 и 22 ноября 2016 г. собрались более 1 300 участников «Газпрома». "
    "Уполномоченный по правам ребенка Динара Закиева отметила рост на 2,5 процента. "
    "См. http://example.com/a, a.b@mail.ru; Ростов-на-Дону, 23.11.2016, last year.";

/* Could a file name in this input reach a device, /proc or /sys? Backslashes are dropped
 * first: the rule language reads "\c" as "c". */
static int names_special_file(const uint8_t *d, size_t n)
{
    static const char *const WORDS[] = {"dev", "proc", "sys"};
    char *s = malloc(n + 1);
    FZ_CHECK(s != NULL, "out of memory");
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i] != '\\' && d[i] != 0)
            s[w++] = (char)d[i];
    s[w] = 0;
    int hit = 0;
    for (size_t k = 0; k < sizeof WORDS / sizeof WORDS[0]; k++)
        hit |= strstr(s, WORDS[k]) != NULL;
    free(s);
    return hit;
}

static void check_diag(const facta_diag *d, int rc)
{
    FZ_CHECK(d->code == rc, "diag code %d, call returned %d", d->code, rc);
    FZ_CHECK(memchr(d->message, 0, sizeof d->message) != NULL, "diag message not terminated");
    FZ_CHECK(memchr(d->file, 0, sizeof d->file) != NULL, "diag file not terminated");
    FZ_CHECK(d->message[0] != 0, "empty diag message for code %d", rc);
}

static void use_rules(const facta_rules *r, const fz_counter *c)
{
    size_t nw = facta_rules_warning_count(r);
    for (size_t i = 0; i < nw; i++)
        FZ_CHECK(facta_rules_warning(r, i) != NULL, "warning %zu is NULL", i);
    FZ_CHECK(facta_rules_warning(r, nw) == NULL, "a warning past the count");
    (void)facta_rules_count(r);
    fz_use_rules(r, c, TEXT, sizeof TEXT - 1, "rules", "2016-05-01");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > ((size_t)1 << 20) || names_special_file(data, size))
        return 0;
    const char *src = size ? (const char *)data : NULL;
    uint32_t h = fz_hash(data, size);

    fz_counter c;
    memset(&c, 0, sizeof c);
    c.limit = (size_t)512 << 20;
    facta_allocator al = fz_allocator(&c);
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.flags = FACTA_COMPILE_NO_JIT;
    o.allocator = &al;
    facta_diag d;
    memset(&d, 0, sizeof d);
    facta_rules *r = (facta_rules *)&c; /* must stay untouched on failure */
    int rc = facta_rules_compile(&r, src, size, "fuzz.facta", &o, &d);
    FZ_CHECK(rc == FACTA_OK || rc == FACTA_ESYNTAX || rc == FACTA_EREGEX || rc == FACTA_EIO ||
                 rc == FACTA_ELIMIT || rc == FACTA_ENOMEM,
             "facta_rules_compile returned %d", rc);
    if (rc != FACTA_OK) {
        FZ_CHECK(r == (facta_rules *)&c, "the output handle was written on failure");
        FZ_CHECK(rc != FACTA_ENOMEM || c.failed, "FACTA_ENOMEM without a refused allocation: %s",
                 d.message);
        check_diag(&d, rc);
        FZ_CHECK(c.live == 0, "a failed compile leaked %zu blocks (%s)", c.live, d.message);
        return 0;
    }
    FZ_CHECK(r && r != (facta_rules *)&c, "no rules on success");
    size_t calls = c.calls;
    use_rules(r, &c);
    facta_rules_free(r);
    FZ_CHECK(c.live == 0, "%zu blocks leaked after facta_rules_free", c.live);

    /* allocation failure inside the same compile */
    if ((h & 3) == 0 && calls > 0) {
        memset(&c, 0, sizeof c);
        c.fail_at = 1 + (h >> 2) % calls;
        memset(&d, 0, sizeof d);
        r = (facta_rules *)&c;
        rc = facta_rules_compile(&r, src, size, "fuzz.facta", &o, &d);
        FZ_CHECK(rc == FACTA_ENOMEM, "allocation %zu of %zu failed, compile returned %d (%s)",
                 c.fail_at, calls, rc, d.message);
        FZ_CHECK(r == (facta_rules *)&c, "the output handle was written on failure");
        check_diag(&d, rc);
        FZ_CHECK(c.live == 0, "failing allocation %zu leaked %zu blocks", c.fail_at, c.live);
    }
    return 0;
}
