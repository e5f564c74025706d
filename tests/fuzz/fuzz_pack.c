/* fuzz_pack.c: arbitrary bytes as a binary rule pack, loaded by facta_rules_load() with
 * FACTA_COMPILE_NO_JIT and a counting allocator (a 512 MB budget).
 *
 * A pack's header carries a checksum of itself, so random bytes would never get past it.
 * The target therefore repairs what a fuzzer should not spend its time on: the magic, the
 * format, byte order and version fields, the file length and the header checksum. The
 * section table, the rule sources and the lexicon tables are left as mutated. The body's
 * checksum is not repaired: loading without FACTA_COMPILE_VERIFY_PACK must survive a body
 * that does not match it.
 *
 * Checks: loading never crashes, hangs or leaks; it returns OK or a documented code with a
 * diagnostic, leaving the output handle unwritten on failure. Rules that load are used: an
 * extractor runs a fixed bilingual document (explain mode; JSON checked against
 * docs/output.md) and the sources' own examples run (facta_rules_self_test).
 *
 * The input goes through a file (packs are loaded from files): $TMPDIR/facta-fuzz-pack-PID.
 * Seeds (tests/fuzz/corpus/pack/) are packs written by facta-extract --save-rules. */
#define _POSIX_C_SOURCE 200809L /* getpid */
#include "fuzz_common.h"

#include <unistd.h>

uint64_t fa_stamp(uint64_t h, const void *p, size_t n); /* lib/pack.c */

/* The header layout of lib/pack.c (struct pack_header). */
#define PACK_HEADER 512
#define OFF_FORMAT 8
#define OFF_VERSION 16
#define OFF_FILE_LEN 56
#define OFF_HEADER_HASH 240

static const char TEXT[] =
    "Deputy Prime Minister Tamara Duissenova said on 5 June 2016 that 382 schools in "
    "Kazakhstan will open. В Астане 21 и 22 ноября 2016 г. собрались более 1 300 участников; "
    "министр Ерлан Сагадиев выступил в Алматы. New York, Paris, UNICEF.";

static void use_rules(const facta_rules *r, const fz_counter *c)
{
    fz_use_rules(r, c, TEXT, sizeof TEXT - 1, "pack", NULL);
    FZ_CHECK(strlen(facta_rules_stamp(r)) == 16, "stamp '%s'", facta_rules_stamp(r));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < PACK_HEADER || size > ((size_t)4 << 20))
        return 0;
    uint8_t *buf = malloc(size);
    FZ_CHECK(buf != NULL, "out of memory");
    memcpy(buf, data, size);
    static const uint32_t fixed[2] = {1, 0x01020304u}; /* format, byte order */
    memcpy(buf, "FACTAPK\x1a", 8);
    memcpy(buf + OFF_FORMAT, fixed, sizeof fixed);
    memset(buf + OFF_VERSION, 0, 16);
    memcpy(buf + OFF_VERSION, FACTA_VERSION_STRING, strlen(FACTA_VERSION_STRING));
    uint64_t len = size;
    memcpy(buf + OFF_FILE_LEN, &len, 8);
    uint64_t hh = fa_stamp(0, buf, OFF_HEADER_HASH);
    memcpy(buf + OFF_HEADER_HASH, &hh, 8);

    char path[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/facta-fuzz-pack-%ld", tmp && *tmp ? tmp : "/tmp",
             (long)getpid());
    FILE *f = fopen(path, "wb");
    FZ_CHECK(f != NULL, "cannot write %s", path);
    FZ_CHECK(fwrite(buf, 1, size, f) == size, "short write to %s", path);
    FZ_CHECK(fclose(f) == 0, "cannot write %s", path);
    free(buf);

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
    int rc = facta_rules_load(&r, path, &o, &d);
    unlink(path);
    FZ_CHECK(rc == FACTA_OK || rc == FACTA_ESYNTAX || rc == FACTA_EREGEX || rc == FACTA_ELIMIT ||
                 rc == FACTA_ENOMEM,
             "facta_rules_load of a pack returned %d (%s)", rc, d.message);
    if (rc != FACTA_OK) {
        FZ_CHECK(r == (facta_rules *)&c, "the output handle was written on failure");
        FZ_CHECK(rc != FACTA_ENOMEM || c.failed, "FACTA_ENOMEM without a refused allocation");
        FZ_CHECK(d.code == rc && d.message[0], "diagnostic %d '%s' for %d", d.code, d.message, rc);
        FZ_CHECK(c.live == 0, "a failed load leaked %zu blocks (%s)", c.live, d.message);
        return 0;
    }
    use_rules(r, &c);
    facta_rules_free(r);
    FZ_CHECK(c.live == 0, "%zu blocks leaked after facta_rules_free", c.live);
    return 0;
}
