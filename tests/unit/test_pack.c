/* test_pack.c: binary rule packs (facta_rules_save, facta_rules_load of a pack): the same
 * records as the rules they were written from, lexicons served from the pack alone, the
 * content stamp, refusal of truncated, foreign-version and mislabelled packs, and damaged
 * packs that never crash (and fail to load under FACTA_COMPILE_VERIFY_PACK). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facta.h"

static char tmpdir[256];

static const char *const TEXTS[] = {
    "Deputy Prime Minister Tamara Duissenova said on 21 November 2016 that 382 schools in "
    "Kazakhstan will get 6.8 mn textbooks.",
    "В Астане 21 и 22 ноября 2016 г. собрались более 1300 участников из 30 стран; "
    "министр образования Ерлан Сагадиев выступил в Назарбаев Университете.",
    "Сотрудники ООН и UNICEF встретились с президентом Казахстана в Алматы.",
    "", "\xEF\xBB\xBF?",
};

static void path_in(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", tmpdir, name);
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)len + 1);
    assert_non_null(d);
    assert_int_equal(fread(d, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    *n = (size_t)len;
    return d;
}

/* The JSON of every text, concatenated. */
static char *all_json(const facta_rules *r)
{
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.flags = FACTA_EXTRACT_EXPLAIN;
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        const char *js;
        size_t jl;
        assert_int_equal(facta_extract_json(&js, &jl, ex, NULL, TEXTS[i], strlen(TEXTS[i]), &o),
                         FACTA_OK);
        while (len + jl + 2 > cap)
            out = realloc(out, cap *= 2);
        assert_non_null(out);
        memcpy(out + len, js, jl);
        len += jl;
        out[len++] = '\n';
    }
    out[len] = 0;
    facta_extractor_free(ex);
    return out;
}

static facta_rules *load_ok(const char *path, uint32_t flags)
{
    facta_rules *r = NULL;
    facta_diag d;
    memset(&d, 0, sizeof d);
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.flags = flags;
    int rc = facta_rules_load(&r, path, &o, &d);
    if (rc != FACTA_OK)
        fail_msg("load %s: %d %s", path, rc, d.message);
    return r;
}

static int load_err(const char *path, uint32_t flags, char *msg, size_t cap)
{
    facta_rules *r = (facta_rules *)&r; /* must stay untouched on failure */
    facta_rules *const before = r;
    facta_diag d;
    memset(&d, 0, sizeof d);
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    o.flags = flags;
    int rc = facta_rules_load(&r, path, &o, &d);
    if (rc == FACTA_OK) {
        facta_rules_free(r);
        return 0;
    }
    assert_ptr_equal(r, before);
    snprintf(msg, cap, "%s", d.message);
    return rc;
}

static void save_ok(const facta_rules *r, const char *path)
{
    facta_diag d;
    memset(&d, 0, sizeof d);
    int rc = facta_rules_save(r, path, &d);
    if (rc != FACTA_OK)
        fail_msg("save %s: %d %s", path, rc, d.message);
}

/* ---- round trips ---- */

static void test_default_round_trip(void **state)
{
    (void)state;
    facta_rules *r;
    facta_diag d;
    assert_int_equal(facta_rules_default(&r, &d), FACTA_OK);
    char pack[300];
    path_in(pack, sizeof pack, "default.pack");
    save_ok(r, pack);
    facta_rules *p = load_ok(pack, 0);
    assert_int_equal(facta_rules_count(p), facta_rules_count(r));
    assert_string_equal(facta_rules_stamp(p), facta_rules_stamp(r));
    assert_int_equal(strlen(facta_rules_stamp(p)), 16);
    char *a = all_json(r), *b = all_json(p);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "\"PLACE\"")); /* the lexicons really answered */
    size_t total = 0;
    char report[2048];
    assert_int_equal(facta_rules_self_test(p, report, sizeof report, &total), 0);
    assert_true(total > 100);
    /* a pack saves again to an identical file */
    char pack2[300];
    path_in(pack2, sizeof pack2, "default2.pack");
    save_ok(p, pack2);
    size_t n1, n2;
    char *f1 = read_all(pack, &n1), *f2 = read_all(pack2, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(f1, f2, n1);
    /* the checksum holds */
    facta_rules *v = load_ok(pack, FACTA_COMPILE_VERIFY_PACK);
    facta_rules_free(v);
    free(f1), free(f2), free(a), free(b);
    facta_rules_free(p);
    facta_rules_free(r);
    unlink(pack), unlink(pack2);
}

/* User rules in a directory: an inflecting lexicon file, an inline lexicon, ICU country
 * names, the endings table and a regex. The pack must not need the lexicon file. */
static void test_user_rules_without_their_files(void **state)
{
    (void)state;
    char dir[300], rules[400], lex[400], pack[300], cwd[1024];
    path_in(dir, sizeof dir, "user");
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(rules, sizeof rules, "%s/user.facta", dir);
    snprintf(lex, sizeof lex, "%s/cities.lex", dir);
    path_in(pack, sizeof pack, "user.pack");
    assert_non_null(getcwd(cwd, sizeof cwd));
    char src[2048];
    snprintf(src, sizeof src,
             "morphology \"%s/rules/ru/endings.tsv\";\n"
             "lexicon CITY \"cities.lex\" inflect;\n"
             "lexicon JOB { министр => minister | title; mayor | title }\n"
             "lexicon COUNTRY icu countries;\n"
             "rule city: c:@CITY => PLACE { norm = canon($c), code = tag($c, \"code\") };\n"
             "rule country: c:@COUNTRY => PLACE { norm = canon($c), code = tag($c, \"code\") };\n"
             "rule job: j:@JOB n:[title]+ => ROLE { norm = canon($j), person = text($n) };\n"
             "rule year: y:[re=/(19|20)[0-9]{2}/] => YEAR { norm = text($y) };\n"
             "example \"в Астане\" => PLACE \"Астана\";\n",
             cwd);
    write_file(rules, src, strlen(src));
    static const char L[] = "Астана => Астана | code=KZ\nАлматы | code=KZ\nНур-Султан => Астана\n";
    write_file(lex, L, sizeof L - 1);
    facta_rules *r = load_ok(dir, 0);
    save_ok(r, pack);
    unlink(lex); /* the pack holds the lexicon */
    facta_rules *p = load_ok(pack, 0);
    char *a = all_json(r), *b = all_json(p);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "\"Астана\""));
    assert_non_null(strstr(a, "\"code\":\"KZ\""));
    assert_string_equal(facta_rules_stamp(p), facta_rules_stamp(r));
    assert_int_equal(facta_rules_self_test(p, NULL, 0, NULL), 0);
    /* the stamp follows the inputs: another lexicon, another stamp */
    write_file(lex, L, 20);
    facta_rules *r2 = load_ok(dir, 0);
    assert_string_not_equal(facta_rules_stamp(r2), facta_rules_stamp(r));
    facta_rules_free(r2);
    free(a), free(b);
    facta_rules_free(p);
    facta_rules_free(r);
    unlink(lex), unlink(rules), unlink(pack), rmdir(dir);
}

/* ---- refusals ---- */

static void test_refusals(void **state)
{
    (void)state;
    facta_rules *r;
    facta_diag d;
    char msg[512], pack[300], bad[300];
    assert_int_equal(facta_rules_default(&r, &d), FACTA_OK);
    path_in(pack, sizeof pack, "ref.pack");
    path_in(bad, sizeof bad, "bad.pack");
    save_ok(r, pack);
    size_t n;
    char *data = read_all(pack, &n);

    /* with the defaults added: the pack already says what it holds */
    assert_int_equal(load_err(pack, FACTA_COMPILE_WITH_DEFAULTS, msg, sizeof msg), FACTA_EINVAL);
    assert_non_null(strstr(msg, "rule pack is complete"));
    /* truncated */
    write_file(bad, data, n / 2);
    assert_int_equal(load_err(bad, 0, msg, sizeof msg), FACTA_ESYNTAX);
    assert_non_null(strstr(msg, "truncated"));
    assert_non_null(strstr(msg, bad));
    /* only the magic */
    write_file(bad, data, 8);
    assert_int_equal(load_err(bad, 0, msg, sizeof msg), FACTA_ESYNTAX);
    assert_non_null(strstr(msg, "not a facta rule pack"));
    /* written by another version: the version field follows magic, format and byte order */
    char *v = malloc(n);
    assert_non_null(v);
    memcpy(v, data, n);
    assert_memory_equal(v + 16, FACTA_VERSION_STRING, strlen(FACTA_VERSION_STRING));
    v[16] = '9';
    write_file(bad, v, n);
    assert_int_equal(load_err(bad, 0, msg, sizeof msg), FACTA_ESYNTAX);
    assert_non_null(strstr(msg, "damaged")); /* the header checksum sees it first */
    free(v);
    /* saving where it cannot write */
    memset(&d, 0, sizeof d);
    assert_int_equal(facta_rules_save(r, "/nonexistent-dir/x.pack", &d), FACTA_EIO);
    assert_non_null(strstr(d.message, "cannot write"));
    assert_int_equal(facta_rules_save(NULL, pack, &d), FACTA_EINVAL);
    assert_int_equal(facta_rules_save(r, NULL, &d), FACTA_EINVAL);
    assert_string_equal(facta_rules_stamp(NULL), "");
    free(data);
    facta_rules_free(r);
    unlink(pack), unlink(bad);
}

/* Every byte of a pack flipped in turn (a stride over the file): loading either fails with
 * a message or gives rules that extract without crashing; with VERIFY_PACK a flipped byte
 * either fails the load or changes nothing (it lay in the padding between sections). */
static void test_damage(void **state)
{
    (void)state;
    static const char SRC[] =
        "morphology \"rules/ru/endings.tsv\";\n"
        "lexicon CITY inflect { Астана | code=KZ; Алматы; New York => New York City }\n"
        "lexicon JOB { министр; minister; prime minister }\n"
        "rule city: c:@CITY => PLACE { norm = canon($c), code = tag($c, \"code\") };\n"
        "rule job: j:@JOB n:[title]+ => ROLE { norm = canon($j), person = text($n) };\n";
    facta_rules *r;
    facta_diag d;
    assert_int_equal(facta_rules_compile(&r, SRC, sizeof SRC - 1, "d.facta", NULL, &d), FACTA_OK);
    char pack[300], bad[300];
    path_in(pack, sizeof pack, "dmg.pack");
    path_in(bad, sizeof bad, "dmg-bad.pack");
    save_ok(r, pack);
    char *ref = all_json(r);
    size_t n;
    char *data = read_all(pack, &n);
    size_t loaded = 0, refused = 0, verified_same = 0;
    for (size_t i = 0; i < n; i += 1 + i / 64) {
        data[i] ^= 0x5a;
        write_file(bad, data, n);
        data[i] ^= 0x5a;
        char msg[512];
        facta_rules *p = NULL;
        facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
        if (facta_rules_load(&p, bad, &o, &d) == FACTA_OK) {
            loaded++;
            char *js = all_json(p); /* must not crash; any records */
            free(js);
            facta_rules_free(p);
        } else {
            refused++;
            assert_true(d.message[0] != 0);
        }
        int rc = load_err(bad, FACTA_COMPILE_VERIFY_PACK, msg, sizeof msg);
        if (rc == 0) {
            p = load_ok(bad, FACTA_COMPILE_VERIFY_PACK);
            char *js = all_json(p);
            assert_string_equal(js, ref);
            verified_same++;
            free(js);
            facta_rules_free(p);
        }
    }
    fprintf(stderr, "  %zu damaged packs: %zu loaded, %zu refused, %zu passed the checksum\n",
            loaded + refused, loaded, refused, verified_same);
    assert_true(loaded > 0 && refused > 0);

    /* hash tables with no empty slot left: lookups must still end. The section table
     * follows magic, format, byte order, version, sizes, stamp, length, checksum, counts
     * (80 bytes); forms are section 6 (24-byte slots), trie edges section 8 (16-byte). */
    const struct { int sect; size_t size; } full[] = {{6, 24}, {8, 16}};
    for (size_t k = 0; k < 2; k++) {
        uint64_t off, count;
        memcpy(&off, data + 80 + 16 * full[k].sect, 8);
        memcpy(&count, data + 80 + 16 * full[k].sect + 8, 8);
        assert_true(count > 0 && off + count * full[k].size <= n);
        for (uint64_t i = 0; i < count; i++)
            memset(data + off + i * full[k].size, 0x11, 8); /* a nonzero hash or key */
    }
    write_file(bad, data, n);
    facta_rules *p = load_ok(bad, 0);
    char *js = all_json(p);
    free(js);
    facta_rules_free(p);
    free(data);
    free(ref);
    facta_rules_free(r);
    unlink(pack), unlink(bad);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/facta-pack-XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_round_trip),
        cmocka_unit_test(test_user_rules_without_their_files),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_damage),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
