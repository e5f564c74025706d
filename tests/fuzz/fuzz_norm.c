/* fuzz_norm.c: the number and date normalizers. The default rules plus a phase of rules
 * that feed arbitrary tokens to number(), part() and DATE records (day, month, year, their
 * end_ forms, rel_year from text and from numbers, datelines), over arbitrary text with
 * several document dates.
 *
 * Checks: no crash; every DATE that survives finishing is well-formed: its `iso` is ISO 8601
 * as docs/rules.md section 10 lists it (YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD, and A/B
 * ranges) with year 1000-2200, month 1-12, day 1-31, it is also the norm, each date field
 * it shows equals the record's attribute, numeric date attributes are in range, `relative`
 * is a signed integer, `rel_year`/`dateline` are gone; number attributes read back to their
 * value; part() gives whole numbers below 10^20; the JSON is valid.
 *
 * Static state: only the compiled rule set, built once and never changed. */
#include "fuzz_common.h"

#include <ctype.h>

static const char RULES[] =
    "# fuzz_norm: number(), part() and DATE finishing on arbitrary tokens\n"
    "phase 9;\n"
    "define MONTH = @MONTH_EN | @MONTH_RU;\n"
    "rule fz_num overlap: n:(<_NUM> | [number] | @NUM_EN | @NUM_RU)+\n"
    "    => FZNUM { value = number($n), p1 = part($n, 1), p2 = part($n, 2), p3 = part($n, 3),\n"
    "               p20 = part($n, 20), t = number(text($n)), c = number(canon($n)) };\n"
    "rule fz_dmy overlap: a:[number] _ b:[number] _ c:[number]\n"
    "    => DATE { day = number($a), month = number($b), year = number($c) };\n"
    "rule fz_parts overlap: d:[number]\n"
    "    => DATE { day = part($d, 1), month = part($d, 2), year = part($d, 3) };\n"
    "rule fz_range overlap: a:_ (\"-\" | \"по\" | \"to\") b:_ m:%MONTH y:_?\n"
    "    => DATE { day = number($a), end_day = number($b), month = number(canon($m)),\n"
    "              year = number($y) };\n"
    "rule fz_span overlap: a:_ \"/\" b:_ \"-\" c:_ \"/\" d:_\n"
    "    => DATE { month = number($a), year = number($b), end_month = number($c),\n"
    "              end_year = number($d) };\n"
    "rule fz_ends overlap: \"until\" a:_ b:_ c:_\n"
    "    => DATE { end_day = number($a), end_month = number($b), end_year = number($c) };\n"
    "rule fz_rel overlap: (\"year\" | \"год\") x:_ => DATE { rel_year = text($x) };\n"
    "rule fz_relnum overlap: \"in\" x:_ \"years\" => DATE { rel_year = number($x), month = \"6\" };\n"
    "rule fz_mon overlap: m:%MONTH x:_?\n"
    "    => DATE { month = number(canon($m)), day = number($x), dateline = \"1\" };\n"
    "rule fz_text overlap: \"on\" a:_ b:_ c:_ => DATE { day = text($a), month = text($b),\n"
    "    year = text($c) };\n";

static const facta_rules *norm_rules(void)
{
    static facta_rules *rules;
    if (!rules) {
        facta_diag d;
        memset(&d, 0, sizeof d);
        facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
        o.flags = FACTA_COMPILE_WITH_DEFAULTS;
        int rc = facta_rules_compile(&rules, RULES, sizeof RULES - 1, "fuzz_norm.facta", &o, &d);
        FZ_CHECK(rc == FACTA_OK, "fuzz_norm rules: %s", d.message);
    }
    return rules;
}

static const facta_attr *attr(const facta_entity *e, const char *key)
{
    for (size_t i = 0; i < e->n_attrs; i++)
        if (!strcmp(e->attrs[i].key, key))
            return &e->attrs[i];
    return NULL;
}

/* n digits at s, as a number; -1 if they are not all digits */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* One ISO date of docs/rules.md section 10: YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD.
 * Fills ymd (0 for a part not shown); returns the length read, 0 if malformed. */
static size_t iso_part(const char *s, size_t n, int ymd[3])
{
    ymd[0] = ymd[1] = ymd[2] = 0;
    size_t i = 0;
    if (n >= 2 && s[0] == '-' && s[1] == '-') {
        i = 2;
    } else {
        if (n < 4 || (ymd[0] = digits(s, 4)) < 1000 || ymd[0] > 2200)
            return 0;
        i = 4;
        if (i == n || s[i] == '/')
            return i;
        if (s[i++] != '-')
            return 0;
    }
    if (n - i < 2 || (ymd[1] = digits(s + i, 2)) < 1 || ymd[1] > 12)
        return 0;
    i += 2;
    if (i == n || s[i] == '/')
        return i;
    if (s[i++] != '-' || n - i < 2 || (ymd[2] = digits(s + i, 2)) < 1 || ymd[2] > 31)
        return 0;
    return i + 2;
}

static const char *const FIELD[2][3] = {{"year", "month", "day"},
                                        {"end_year", "end_month", "end_day"}};
static const int LO[3] = {1000, 1, 1}, HI[3] = {2200, 12, 31};

/* The value finishing reads from a date attribute (docs/rules.md section 10): a number's
 * value, or the integer a text starts with; 0 when the text does not start with one. */
static int field_value(const facta_attr *a, double *v)
{
    if (a->is_number) {
        *v = a->number;
        return 1;
    }
    char *end;
    double d = (double)strtol(a->value, &end, 10);
    if (end == a->value)
        return 0;
    *v = d;
    return 1;
}

static void check_date(const facta_entity *e, size_t idx)
{
    FZ_CHECK(!attr(e, "rel_year") && !attr(e, "dateline"),
             "DATE %zu keeps rel_year or dateline", idx);
    /* date fields are in range: records with a field outside are dropped */
    for (int p = 0; p < 2; p++)
        for (int f = 0; f < 3; f++) {
            const facta_attr *a = attr(e, FIELD[p][f]);
            double v;
            if (!a || !field_value(a, &v))
                continue;
            FZ_CHECK(isfinite(v) && trunc(v) >= LO[f] && trunc(v) <= HI[f],
                     "DATE %zu (\"%s\"): %s = \"%s\" is out of range but the record was kept",
                     idx, e->norm, FIELD[p][f], a->value);
        }
    const facta_attr *rel = attr(e, "relative");
    if (rel) {
        const char *s = rel->value;
        FZ_CHECK((s[0] == '+' || s[0] == '-') && s[1], "DATE %zu: relative \"%s\"", idx, s);
        for (s++; *s; s++)
            FZ_CHECK(isdigit((unsigned char)*s), "DATE %zu: relative \"%s\"", idx, rel->value);
    }
    const facta_attr *iso = attr(e, "iso");
    if (!iso)
        return;
    const char *s = iso->value;
    size_t n = strlen(s);
    int ymd[2][3];
    size_t k = iso_part(s, n, ymd[0]);
    FZ_CHECK(k > 0, "DATE %zu: malformed iso \"%s\"", idx, s);
    int parts = 1;
    if (k < n) {
        FZ_CHECK(s[k] == '/', "DATE %zu: malformed iso \"%s\"", idx, s);
        size_t k2 = iso_part(s + k + 1, n - k - 1, ymd[1]);
        FZ_CHECK(k2 > 0 && k + 1 + k2 == n, "DATE %zu: malformed iso range \"%s\"", idx, s);
        parts = 2;
    }
    FZ_CHECK(!strcmp(e->norm, s), "DATE %zu: norm \"%s\" is not its iso \"%s\"", idx, e->norm,
             s);
    /* every field the iso shows is the record's attribute */
    for (int p = 0; p < parts; p++)
        for (int f = 0; f < 3; f++) {
            if (!ymd[p][f])
                continue;
            const char *key = FIELD[p][f];
            const facta_attr *a = attr(e, key);
            if (!a && p == 1) /* the end takes the start's year or month */
                a = attr(e, FIELD[0][f]);
            FZ_CHECK(a, "DATE %zu: iso \"%s\" shows a %s the record does not have", idx, s, key);
            double v = 0;
            FZ_CHECK(field_value(a, &v) && trunc(v) == ymd[p][f],
                     "DATE %zu: iso \"%s\" shows %s %d but the attribute is \"%s\"", idx, s,
                     key, ymd[p][f], a->value);
        }
}

static void check_numbers(const facta_entity *e, size_t idx)
{
    for (size_t i = 0; i < e->n_attrs; i++) {
        const facta_attr *a = &e->attrs[i];
        if (!a->is_number)
            continue;
        FZ_CHECK(a->value[0], "record %zu: empty text for number %s", idx, a->key);
        if (isfinite(a->number)) {
            char *end;
            double back = strtod(a->value, &end);
            FZ_CHECK(*end == 0 && fabs(back - a->number) <= 1e-13 * fabs(a->number),
                     "record %zu: number %s = %.17g has the text \"%s\"", idx, a->key, a->number,
                     a->value);
        }
        if (a->key[0] == 'p' && isdigit((unsigned char)a->key[1]))
            FZ_CHECK(a->number >= 0 && a->number == floor(a->number) && a->number <= 1e20,
                     "record %zu: part() gave %s = %.17g", idx, a->key, a->number);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > ((size_t)1 << 20))
        return 0;
    static const char *const DATES[] = {NULL, "2016-05-01", "1000-01-01", "2200-12", "9999",
                                        "0001-01-01"};
    const facta_rules *rules = norm_rules();
    const char *text = size ? (const char *)data : NULL;
    uint32_t h = fz_hash(data, size);

    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.flags = FACTA_EXTRACT_REPLACE_INVALID;
    o.doc_date = DATES[h % 6];
    o.lang = (h >> 8) & 1 ? "ru" : NULL;

    facta_extractor *ex = NULL;
    FZ_CHECK(facta_extractor_new(&ex, rules) == FACTA_OK, "facta_extractor_new");
    const facta_entity *e = NULL;
    size_t n = 0;
    int rc = facta_extract(&e, &n, ex, text, size, &o);
    FZ_CHECK(rc == FACTA_OK, "facta_extract: %d %s", rc, facta_extractor_last_error(ex));
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(e[i].type, "DATE"))
            check_date(&e[i], i);
        check_numbers(&e[i], i);
    }
    const char *js;
    size_t jl;
    rc = facta_extract_json(&js, &jl, ex, NULL, text, size, &o);
    FZ_CHECK(rc == FACTA_OK, "facta_extract_json: %d", rc);
    fz_check_doc_json(js, jl, text, size, !fz_utf8_valid(text, size, NULL), NULL, 0);
    facta_extractor_free(ex);
    return 0;
}
