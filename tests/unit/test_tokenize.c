/* test_tokenize.c: the tokenizer through the public facta_tokenize(): token boundaries,
 * both offset kinds, kind/script/shape, folding, stems, sentence and paragraph starts,
 * URLs and e-mail addresses, BOM, NUL bytes, invalid UTF-8, and large inputs.
 *
 * Every table row is checked in full and every mismatch is printed before the test
 * fails, so one run shows all the rows that disagree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "facta.h"
#include "wordbreak.h"

#include <unicode/ustring.h>

/* ---- fixture: one extractor over a trivial rule set ---- */

typedef struct fixture {
    facta_rules *rules;
    facta_extractor *ex;
} fixture;

static int setup(void **state)
{
    static fixture f;
    const char *src = "rule a: \"zzzz\" => T;";
    facta_diag d;
    memset(&d, 0, sizeof d);
    if (facta_rules_compile(&f.rules, src, strlen(src), "t.facta", NULL, &d) != FACTA_OK) {
        fprintf(stderr, "compile failed: %s\n", d.message);
        return -1;
    }
    if (facta_extractor_new(&f.ex, f.rules) != FACTA_OK)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    facta_extractor_free(f->ex);
    facta_rules_free(f->rules);
    return 0;
}

/* ---- helpers ---- */

/* Length of a test string: explicit when the row gives one (NUL bytes inside). */
#define LEN(s, n) ((n) ? (size_t)(n) : strlen(s))

static size_t cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Decode one code point (the input is known to be valid UTF-8 here). */
static uint32_t decode(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t c = s[*i];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + k > n)
        k = 1;
    if (k == 1) {
        *i += 1;
        return c;
    }
    c &= 0xFFu >> (k + 1);
    for (size_t j = 1; j < k; j++)
        c = (c << 6) | (s[*i + j] & 0x3F);
    *i += k;
    return c;
}

/* The separators the tokenizer may drop between tokens. */
static int is_sep(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0x85 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

/* Properties every tokenization of valid UTF-8 must have: spans ordered, non-empty and
 * disjoint, code-point offsets equal to the code points before the byte offsets, only
 * whitespace (or a leading BOM) between tokens, and folded/stem valid UTF-8. Returns the
 * number of violations (printed). */
static int check_invariants(const char *text, size_t len, const facta_token *t, size_t n)
{
    int bad = 0;
    size_t prev = 0, cp_at = 0, cp = 0; /* cp code points before byte cp_at */
    for (size_t i = 0; i <= n; i++) {
        size_t b = i < n ? t[i].span.byte_start : len;
        if (b < prev || b > len) {
            fprintf(stderr, "  token %zu starts at byte %zu, before %zu or past %zu\n", i, b, prev,
                    len);
            return bad + 1;
        }
        size_t p = prev;
        while (p < b) {
            uint32_t c = decode(text, b, &p);
            if (!is_sep(c)) {
                fprintf(stderr, "  U+%04X between bytes %zu and %zu is in no token\n", (unsigned)c,
                        prev, b);
                bad++;
                break;
            }
        }
        if (i == n)
            break;
        const facta_span *s = &t[i].span;
        if (s->byte_end <= s->byte_start || s->byte_end > len) {
            fprintf(stderr, "  token %zu has bytes [%zu, %zu)\n", i, s->byte_start, s->byte_end);
            return bad + 1;
        }
        size_t cs = cp + cp_count(text + cp_at, s->byte_start - cp_at);
        size_t ce = cs + cp_count(text + s->byte_start, s->byte_end - s->byte_start);
        cp = ce;
        cp_at = s->byte_end;
        if (s->cp_start != cs || s->cp_end != ce) {
            fprintf(stderr, "  token %zu: code points [%zu, %zu), expected [%zu, %zu)\n", i,
                    s->cp_start, s->cp_end, cs, ce);
            bad++;
        }
        if (!t[i].folded || !t[i].stem ||
            !facta_utf8_valid(t[i].folded, strlen(t[i].folded), NULL) ||
            !facta_utf8_valid(t[i].stem, strlen(t[i].stem), NULL)) {
            fprintf(stderr, "  token %zu: folded or stem missing or not UTF-8\n", i);
            bad++;
        }
        prev = s->byte_end;
    }
    return bad;
}

static const facta_token *tokenize(fixture *f, const char *text, size_t len, uint32_t flags,
                                   size_t *n)
{
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.flags = flags;
    const facta_token *t = NULL;
    int rc = facta_tokenize(&t, n, f->ex, text, len, &o);
    if (rc != FACTA_OK)
        fail_msg("facta_tokenize(\"%.60s\") = %d: %s", text, rc, facta_extractor_last_error(f->ex));
    return t;
}

/* "tok|tok|tok": the input bytes of every token. */
static void join_tokens(const char *text, const facta_token *t, size_t n, char *buf, size_t cap)
{
    size_t w = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && w + 1 < cap; i++) {
        int k = snprintf(buf + w, cap - w, "%s%.*s", i ? "|" : "",
                         (int)(t[i].span.byte_end - t[i].span.byte_start),
                         text + t[i].span.byte_start);
        if (k < 0)
            break;
        w += (size_t)k;
    }
}

/* ---- token boundaries ---- */

/* 24 tokens from the word breaks, 12 after hyphen joins and possessive splits */
#define REP4 "k's-x q-r's k's-x q-r's k's-x q-r's k's-x q-r's "
#define EXP4 "k's-x|q-r|'s|k's-x|q-r|'s|k's-x|q-r|'s|k's-x|q-r|'s|"
static const struct {
    const char *text, *expect;
} SPLITS[] = {
    {"Москва и London", "Москва|и|London"},
    /* hyphenated words are one token, number-number ranges are three */
    {"Kianian-Firouzgar said", "Kianian-Firouzgar|said"},
    {"мульти-индикаторного кластерного", "мульти-индикаторного|кластерного"},
    {"к 25-летию", "к|25-летию"},
    {"Ростов-на-Дону", "Ростов-на-Дону"},
    {"COVID-19 and Ту-154", "COVID-19|and|Ту-154"},
    {"2023-2024", "2023|-|2024"},
    {"6-7 December", "6|-|7|December"},
    {"a - b", "a|-|b"},  /* a spaced hyphen joins nothing */
    {"кошки- мышки", "кошки|-|мышки"},
    /* decimals and digit groups */
    {"6.8 mn", "6.8|mn"},
    {"1,5 млн", "1,5|млн"},
    {"1,300 people", "1,300|people"},
    {"1 300", "1|300"},
    {"1\xC2\xA0" "300", "1|300"},        /* no-break space */
    {"1\xE2\x80\xAF" "300", "1|300"},    /* narrow no-break space, which ICU keeps inside */
    {"5\xE2\x80\xAF" "000\xE2\x80\xAF" "000 руб", "5|000|000|руб"},
    {"a\xE2\x80\xAF" "b", "a|b"},
    /* abbreviations and initials keep their dot apart */
    {"Feb. 22", "Feb|.|22"},
    {"N. Nazarbayev", "N|.|Nazarbayev"},
    {"в г. Астана", "в|г|.|Астана"},
    /* quotes and dashes are tokens of their own */
    {"«Газпром»", "«|Газпром|»"},
    {"“Apple” „Дом“", "“|Apple|”|„|Дом|“"},
    {"Москва — столица", "Москва|—|столица"},
    {"5–7 лет", "5|–|7|лет"},
    {"2023–2024", "2023|–|2024"},
    /* possessive 's, typographic and ASCII */
    {"Children’s Fund", "Children|’s|Fund"},
    {"Kazakhstan's", "Kazakhstan|'s"},
    /* ... split once, after hyphen joins, also past the first batch of finished tokens */
    {"John's-based x's's " REP4 REP4 REP4 "end",
     "John's-based|x's|'s|" EXP4 EXP4 EXP4 "end"},
    /* URLs and e-mail addresses: one token, trailing punctuation left out */
    {"see http://example.com/a?b=1, ok", "see|http://example.com/a?b=1|,|ok"},
    {"https://x.org/p.", "https://x.org/p|."},
    {"at www.example.com/path?q=1.", "at|www.example.com/path?q=1|."},
    {"www.kz.gov.kz;", "www.kz.gov.kz|;"},
    {"mail a.b@mail.ru.", "mail|a.b@mail.ru|."},
    {"https://ru.wikipedia.org/wiki/Москва!", "https://ru.wikipedia.org/wiki/Москва|!"},
    {"http://example.com/\"x\"", "http://example.com/\"x|\""},
    {"a\nhttp://x.ru", "a|http://x.ru"},
    /* ... and end at any white space, before closing punctuation of any script */
    {"сайт www.gov.kz\xC2\xA0— портал", "сайт|www.gov.kz|—|портал"},
    {"http://x.ru/a\xE2\x80\xAF" "b", "http://x.ru/a|b"},
    {"http://a.b/c\xE2\x80\xAF" "http://d.e/f x", "http://a.b/c|http://d.e/f|x"},
    {"http://x.ru/a… b", "http://x.ru/a|…|b"},
    {"см. www.x.kz».", "см|.|www.x.kz|»|."},
    /* ... may start after an opening bracket or quote */
    {"(http://x.com) and «www.x.kz»", "(|http://x.com|)|and|«|www.x.kz|»"},
    {"“https://x.org/p”, [info@facta.org]", "“|https://x.org/p|”|,|[|info@facta.org|]"},
    /* ... and may be written in capitals */
    {"HTTP://X.RU and WWW.AKORDA.KZ.", "HTTP://X.RU|and|WWW.AKORDA.KZ|."},
    /* not URLs: a bare scheme, an address without a dot after '@', non-ASCII addresses */
    {"a http:// b", "a|http|:|/|/|b"},
    /* sentence punctuation */
    {"Hello! World? Yes… No", "Hello|!|World|?|Yes|…|No"},
    {"100% 5 € № 7", "100|%|5|€|№|7"},
};

static void test_splits(void **state)
{
    fixture *f = *state;
    char buf[1024];
    int failures = 0;
    for (size_t i = 0; i < sizeof SPLITS / sizeof SPLITS[0]; i++) {
        size_t n, len = strlen(SPLITS[i].text);
        const facta_token *t = tokenize(f, SPLITS[i].text, len, 0, &n);
        join_tokens(SPLITS[i].text, t, n, buf, sizeof buf);
        if (strcmp(buf, SPLITS[i].expect) != 0) {
            fprintf(stderr, "split %zu \"%s\": expected \"%s\", got \"%s\"\n", i, SPLITS[i].text,
                    SPLITS[i].expect, buf);
            failures++;
        }
        failures += check_invariants(SPLITS[i].text, len, t, n);
    }
    assert_int_equal(failures, 0);
}

/* ---- offsets: bytes and code points ---- */

static const struct {
    const char *text;
    size_t len; /* 0: strlen */
    size_t idx, bs, be, cs, ce;
} OFFSETS[] = {
    {"Москва и London", 0, 0, 0, 12, 0, 6},
    {"Москва и London", 0, 1, 13, 15, 7, 8},
    {"Москва и London", 0, 2, 16, 22, 9, 15},
    {"Кaзахстан", 0, 0, 0, 17, 0, 9},
    {"Children’s", 0, 0, 0, 8, 0, 8},
    {"Children’s", 0, 1, 8, 12, 8, 10},
    {"1\xC2\xA0" "300", 0, 1, 3, 6, 2, 5},
    {"1\xE2\x80\xAF" "300", 0, 1, 4, 7, 2, 5},
    {"\xF0\x9F\x98\x80 x", 0, 0, 0, 4, 0, 1}, /* one code point, four bytes */
    {"\xF0\x9F\x98\x80 x", 0, 1, 5, 6, 2, 3},
    /* a BOM is skipped but counted: 3 bytes, 1 code point */
    {"\xEF\xBB\xBFМир ok", 0, 0, 3, 9, 1, 4},
    {"\xEF\xBB\xBFМир ok", 0, 1, 10, 12, 5, 7},
    {"\xEF\xBB\xBF\xEF\xBB\xBF x", 0, 0, 7, 8, 3, 4}, /* a second BOM is whitespace */
    /* NUL bytes are ordinary characters */
    {"ab\0cd ef", 8, 2, 3, 5, 3, 5},
    {"ab\0cd ef", 8, 3, 6, 8, 6, 8},
    {"\0\0Я", 4, 2, 2, 4, 2, 3},
    /* ICU breaks UTF-16: positions after characters outside the BMP (two UTF-16 units,
     * four bytes) and after a URL that ends inside an ICU token map back exactly */
    {"a\xF0\x9F\x98\x80" "b http://x.y/\xF0\x9F\x98\x80z \xF0\x9D\x92\xB3y Мир", 0, 2, 5, 6, 2, 3},
    {"a\xF0\x9F\x98\x80" "b http://x.y/\xF0\x9F\x98\x80z \xF0\x9D\x92\xB3y Мир", 0, 3, 7, 23, 4, 17},
    {"a\xF0\x9F\x98\x80" "b http://x.y/\xF0\x9F\x98\x80z \xF0\x9D\x92\xB3y Мир", 0, 4, 24, 29, 18, 20},
    {"a\xF0\x9F\x98\x80" "b http://x.y/\xF0\x9F\x98\x80z \xF0\x9D\x92\xB3y Мир", 0, 5, 30, 36, 21, 24},
    {"see http://a.b/c,d \xF0\x9D\x92\xB3", 0, 1, 4, 18, 4, 18},
    {"see http://a.b/c,d \xF0\x9D\x92\xB3", 0, 2, 19, 23, 19, 20},
    {"\xF0\x9D\x92\xB3 (http://a.b/c) \xF0\x9D\x92\xB3", 0, 2, 6, 18, 3, 15},
    {"\xF0\x9D\x92\xB3 (http://a.b/c) \xF0\x9D\x92\xB3", 0, 4, 20, 24, 17, 18},
};

static void test_offsets(void **state)
{
    fixture *f = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof OFFSETS / sizeof OFFSETS[0]; i++) {
        size_t n, len = LEN(OFFSETS[i].text, OFFSETS[i].len);
        const facta_token *t = tokenize(f, OFFSETS[i].text, len, 0, &n);
        failures += check_invariants(OFFSETS[i].text, len, t, n);
        if (OFFSETS[i].idx >= n) {
            fprintf(stderr, "offset %zu: only %zu tokens\n", i, n);
            failures++;
            continue;
        }
        const facta_span *s = &t[OFFSETS[i].idx].span;
        if (s->byte_start != OFFSETS[i].bs || s->byte_end != OFFSETS[i].be ||
            s->cp_start != OFFSETS[i].cs || s->cp_end != OFFSETS[i].ce) {
            fprintf(stderr,
                    "offset %zu token %zu: expected bytes [%zu,%zu) cps [%zu,%zu), got [%zu,%zu) "
                    "[%zu,%zu)\n",
                    i, OFFSETS[i].idx, OFFSETS[i].bs, OFFSETS[i].be, OFFSETS[i].cs, OFFSETS[i].ce,
                    s->byte_start, s->byte_end, s->cp_start, s->cp_end);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* ---- kind, script, shape ---- */

#define W FACTA_TOK_WORD
#define NUM FACTA_TOK_NUMBER
#define PUN FACTA_TOK_PUNCT
#define SYM FACTA_TOK_SYMBOL
#define URL FACTA_TOK_URL
#define LAT FACTA_SCRIPT_LATIN
#define CYR FACTA_SCRIPT_CYRILLIC
#define MIX FACTA_SCRIPT_MIXED
#define OTH FACTA_SCRIPT_OTHER

static const struct {
    const char *text;
    size_t idx;
    int kind, script, shape;
} KINDS[] = {
    {"Москва и London", 0, W, CYR, FACTA_SHAPE_TITLE},
    {"Москва и London", 1, W, CYR, FACTA_SHAPE_LOWER},
    {"Москва и London", 2, W, LAT, FACTA_SHAPE_TITLE},
    {"Кaзахстан", 0, W, MIX, FACTA_SHAPE_TITLE}, /* Latin 'a' inside: flagged, kept */
    {"NATO ООН", 0, W, LAT, FACTA_SHAPE_UPPER},
    {"NATO ООН", 1, W, CYR, FACTA_SHAPE_UPPER},
    {"McDonald iPhone", 0, W, LAT, FACTA_SHAPE_MIXED},
    {"McDonald iPhone", 1, W, LAT, FACTA_SHAPE_MIXED},
    {"N. Nazarbayev", 0, W, LAT, FACTA_SHAPE_INITIAL},
    {"Д. Медведев", 0, W, CYR, FACTA_SHAPE_INITIAL},
    {"a x", 0, W, LAT, FACTA_SHAPE_LOWER},
    {"Σίσυφος", 0, W, OTH, FACTA_SHAPE_TITLE},
    {"Straße", 0, W, LAT, FACTA_SHAPE_TITLE},
    {"25-летию", 0, W, CYR, FACTA_SHAPE_LOWER},
    {"2023", 0, NUM, OTH, FACTA_SHAPE_NONE},
    {"6.8", 0, NUM, OTH, FACTA_SHAPE_NONE},
    {"1,300", 0, NUM, OTH, FACTA_SHAPE_NONE},
    {"COVID19 a1 1st", 0, W, LAT, FACTA_SHAPE_UPPER}, /* letters and digits: a word */
    {"COVID19 a1 1st", 1, W, LAT, FACTA_SHAPE_LOWER},
    {"COVID19 a1 1st", 2, W, LAT, FACTA_SHAPE_LOWER},
    {"a, b", 1, PUN, OTH, FACTA_SHAPE_NONE},
    {"«x»", 0, PUN, OTH, FACTA_SHAPE_NONE},
    {"«x»", 2, PUN, OTH, FACTA_SHAPE_NONE},
    {"„x“", 0, PUN, OTH, FACTA_SHAPE_NONE},
    {"a — b", 1, PUN, OTH, FACTA_SHAPE_NONE},
    {"5–7", 1, PUN, OTH, FACTA_SHAPE_NONE},
    {"100%", 1, SYM, OTH, FACTA_SHAPE_NONE},
    {"5 €", 1, SYM, OTH, FACTA_SHAPE_NONE},
    {"\xF0\x9F\x98\x80", 0, SYM, OTH, FACTA_SHAPE_NONE},
    {"Children’s", 1, W, LAT, FACTA_SHAPE_LOWER},
    {"http://example.com", 0, URL, LAT, FACTA_SHAPE_LOWER},
    {"see https://x.org/p.", 1, URL, LAT, FACTA_SHAPE_LOWER},
    {"www.example.com/path", 0, URL, LAT, FACTA_SHAPE_LOWER},
    {"www.kz.gov.kz", 0, URL, LAT, FACTA_SHAPE_LOWER},
    {"write to info@facta.org", 2, URL, LAT, FACTA_SHAPE_LOWER},
    {"a.b@mail.ru.", 0, URL, LAT, FACTA_SHAPE_LOWER},
    {"(http://x.com)", 1, URL, LAT, FACTA_SHAPE_LOWER},
    {"«www.x.kz»", 1, URL, LAT, FACTA_SHAPE_LOWER},
    {"WWW.AKORDA.KZ", 0, URL, LAT, FACTA_SHAPE_UPPER},
    {"https://ru.wikipedia.org/wiki/Москва", 0, URL, MIX, FACTA_SHAPE_MIXED},
    {"x@y", 0, W, LAT, FACTA_SHAPE_LOWER},
};

static void test_kinds(void **state)
{
    fixture *f = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        size_t n;
        const facta_token *t = tokenize(f, KINDS[i].text, strlen(KINDS[i].text), 0, &n);
        if (KINDS[i].idx >= n) {
            fprintf(stderr, "kind %zu \"%s\": only %zu tokens\n", i, KINDS[i].text, n);
            failures++;
            continue;
        }
        const facta_token *k = &t[KINDS[i].idx];
        if (k->kind != KINDS[i].kind || k->script != KINDS[i].script ||
            k->shape != KINDS[i].shape) {
            fprintf(stderr, "kind %zu \"%s\" token %zu \"%.*s\": expected %s/%s/%s, got %s/%s/%s\n",
                    i, KINDS[i].text, KINDS[i].idx,
                    (int)(k->span.byte_end - k->span.byte_start), KINDS[i].text + k->span.byte_start,
                    facta_token_kind_name(KINDS[i].kind), facta_script_name(KINDS[i].script),
                    facta_shape_name(KINDS[i].shape), facta_token_kind_name(k->kind),
                    facta_script_name(k->script), facta_shape_name(k->shape));
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* ---- folded forms and stems ---- */

static const struct {
    const char *text;
    size_t idx;
    const char *folded;
    const char *stem; /* NULL: not checked */
} FOLDS[] = {
    /* case folding, ASCII and Cyrillic */
    {"London", 0, "london", "london"},
    {"МОСКВА", 0, "москва", "москв"},
    {"Ѓорѓе", 0, "ѓорѓе", NULL},
    /* ё → е, upper and lower */
    {"ЁЛКА", 0, "елка", "елк"},
    {"Ёж ёж", 1, "еж", "еж"},
    {"Пётр", 0, "петр", NULL},
    /* ICU case folding beyond the fast path */
    {"Straße", 0, "strasse", NULL},
    {"STRASSE", 0, "strasse", NULL},
    {"\xE1\xBA\x9E", 0, "ss", NULL}, /* ẞ, capital sharp s */
    {"ΣΊΣΥΦΟΣ", 0, "σίσυφοσ", "σίσυφοσ"},
    {"Ǆemal", 0, "ǆemal", NULL},
    {"İstanbul", 0, "i\xCC\x87stanbul", NULL},
    {"ÀÉÎ", 0, "àéî", NULL},
    /* apostrophes → ', quotes → ", dashes → - */
    {"Children’s", 1, "'s", NULL},
    {"o’Neil", 0, "o'neil", NULL},
    {"‘x’", 0, "'", "'"},
    {"‘x’", 2, "'", "'"},
    {"«x»", 0, "\"", "\""},
    {"«x»", 2, "\"", "\""},
    {"“x”", 0, "\"", NULL},
    {"“x”", 2, "\"", NULL},
    {"„x“", 0, "\"", NULL},
    {"a — b", 1, "-", "-"},
    {"a – b", 1, "-", "-"},
    /* stems: Snowball russian for Cyrillic, english for Latin, none otherwise */
    {"running", 0, "running", "run"},
    {"connection", 0, "connection", "connect"},
    {"generously", 0, "generously", "generous"},
    {"Apples", 0, "apples", "appl"},
    {"в школах", 1, "школах", "школ"},
    {"столица", 0, "столица", "столиц"},
    {"Астана", 0, "астана", "аста"},
    {"Кaзахстан", 0, "кaзахстан", "кaзахстан"}, /* mixed: no stemmer */
    {"мульти-индикаторного", 0, "мульти-индикаторного", "мульти-индикаторн"},
    /* numbers, punctuation and URLs: the stem is the folded form */
    {"6.8", 0, "6.8", "6.8"},
    {"https://RU.Wikipedia.org/wiki/Москва", 0, "https://ru.wikipedia.org/wiki/москва",
     "https://ru.wikipedia.org/wiki/москва"},
};

static void test_folds(void **state)
{
    fixture *f = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof FOLDS / sizeof FOLDS[0]; i++) {
        size_t n;
        const facta_token *t = tokenize(f, FOLDS[i].text, strlen(FOLDS[i].text), 0, &n);
        if (FOLDS[i].idx >= n) {
            fprintf(stderr, "fold %zu \"%s\": only %zu tokens\n", i, FOLDS[i].text, n);
            failures++;
            continue;
        }
        const facta_token *k = &t[FOLDS[i].idx];
        if (strcmp(k->folded, FOLDS[i].folded) != 0 ||
            (FOLDS[i].stem && strcmp(k->stem, FOLDS[i].stem) != 0)) {
            fprintf(stderr, "fold %zu \"%s\" token %zu: expected \"%s\"/\"%s\", got \"%s\"/\"%s\"\n",
                    i, FOLDS[i].text, FOLDS[i].idx, FOLDS[i].folded,
                    FOLDS[i].stem ? FOLDS[i].stem : "*", k->folded, k->stem);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* ---- sentence and paragraph starts ---- */

/* One character per token: 'P' paragraph start (and sentence start), 'S' sentence start
 * only, '.' neither. */
static const struct {
    const char *text, *flags;
} STARTS[] = {
    {"Feb. 22 was cold.", "P....."},
    {"On Feb. 22 we met", "P....."},
    {"N. Nazarbayev said. Then he left", "P....S.."},
    {"A. B. Smith came", "P....."},
    {"Он прибыл в г. Астана. Вчера", "P......S"},
    {"U.S. office. Он", "P...S"},
    {"Hello! World? Yes… No", "P.S.S.S"},
    {"Go! Then we left", "P.S.."},   /* only a dot can end an abbreviation */
    {"Mr. Smith came", "P..."},
    {"Nobody saw it. Police came", "P...S."}, /* short words end sentences too */
    {"They met us. Mr. Smith left", "P...S..."},
    {"в ул. Абая и им. Абая", "P......."}, /* Russian lower-case abbreviations */
    {"He said: \"Stop.\" Then we left", "P......S.."}, /* the dot inside the quotes */
    {"Он сказал: «Стоп». Затем", "P......S"},
    {"Он сказал: „Стоп.“ Затем", "P......S"}, /* “ closes „ */
    {"It rose. and fell", "P...."}, /* lower case after a dot: no new sentence */
    {"One.\n\nTwo. three", "P.P.."},
    {"One.\r\n\r\nTwo", "P.P"},
    {"One.\n \t\nTwo", "P.P"},  /* a blank line may hold spaces */
    {"line one\nline two", "P.S."}, /* a single line break starts a sentence */
    {"\n\n\nfirst", "P"},
};

static void test_starts(void **state)
{
    fixture *f = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof STARTS / sizeof STARTS[0]; i++) {
        size_t n;
        const facta_token *t = tokenize(f, STARTS[i].text, strlen(STARTS[i].text), 0, &n);
        char got[64] = {0};
        for (size_t k = 0; k < n && k < sizeof got - 1; k++) {
            unsigned fl = t[k].flags;
            if ((fl & FACTA_TOKEN_PARA_START) && !(fl & FACTA_TOKEN_SENT_START))
                got[k] = '!'; /* a paragraph start is always a sentence start */
            else
                got[k] = (fl & FACTA_TOKEN_PARA_START)   ? 'P'
                         : (fl & FACTA_TOKEN_SENT_START) ? 'S'
                                                         : '.';
        }
        if (strcmp(got, STARTS[i].flags) != 0) {
            fprintf(stderr, "starts %zu \"%s\": expected %s, got %s\n", i, STARTS[i].text,
                    STARTS[i].flags, got);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

static void test_space_before(void **state)
{
    fixture *f = *state;
    size_t n;
    const char *s = "a,b  c\n«d»";
    const facta_token *t = tokenize(f, s, strlen(s), 0, &n);
    assert_int_equal(n, 7);
    static const int sp[] = {0, 0, 0, 1, 1, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (!!(t[i].flags & FACTA_TOKEN_SPACE_BEFORE) != sp[i])
            fail_msg("token %zu: space_before %d", i, !sp[i]);
}

/* ---- empty input, BOM, NUL ---- */

static void test_empty_and_bom(void **state)
{
    fixture *f = *state;
    const facta_token *t;
    size_t n = 99;
    assert_int_equal(facta_tokenize(&t, &n, f->ex, "", 0, NULL), FACTA_OK);
    assert_int_equal(n, 0);
    n = 99;
    assert_int_equal(facta_tokenize(&t, &n, f->ex, NULL, 0, NULL), FACTA_OK);
    assert_int_equal(n, 0);
    static const char *blank[] = {" ", "\n\n", "\t \r\n", "\xC2\xA0", "\xEF\xBB\xBF",
                                  "\xEF\xBB\xBF \n"};
    for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
        for (uint32_t fl = 0; fl <= FACTA_EXTRACT_REPLACE_INVALID; fl++) {
            n = 99;
            t = tokenize(f, blank[i], strlen(blank[i]), fl, &n);
            if (n != 0)
                fail_msg("blank %zu (flags %u): %zu tokens", i, (unsigned)fl, n);
        }
    }
    /* a BOM before text: skipped, but counted in both offsets */
    const char *s = "\xEF\xBB\xBF" "Astana";
    t = tokenize(f, s, strlen(s), 0, &n);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].span.byte_start, 3);
    assert_int_equal(t[0].span.cp_start, 1);
    assert_int_equal(t[0].span.cp_end, 7);
    assert_true(t[0].flags & FACTA_TOKEN_PARA_START);
}

static void test_nul_bytes(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        size_t len;
        const char *expect; /* NUL shown as '0' */
    } NULS[] = {
        {"ab\0cd ef", 8, "ab|0|cd|ef"},
        {"\0", 1, "0"},
        {"x \0 y", 5, "x|0|y"},
        {"Мир\0\0", 8, "Мир|0|0"},
    };
    for (size_t i = 0; i < sizeof NULS / sizeof NULS[0]; i++) {
        size_t n;
        const facta_token *t = tokenize(f, NULS[i].text, NULS[i].len, 0, &n);
        assert_int_equal(check_invariants(NULS[i].text, NULS[i].len, t, n), 0);
        char buf[128]; /* the tokens' bytes, NULs made visible (join_tokens stops at one) */
        size_t w = 0;
        for (size_t k = 0; k < n; k++) {
            if (k)
                buf[w++] = '|';
            for (size_t b = t[k].span.byte_start; b < t[k].span.byte_end; b++)
                buf[w++] = NULS[i].text[b] ? NULS[i].text[b] : '0';
        }
        buf[w] = 0;
        if (strcmp(buf, NULS[i].expect) != 0)
            fail_msg("nul %zu: expected \"%s\", got \"%s\"", i, NULS[i].expect, buf);
        for (size_t k = 0; k < n; k++)
            if (NULS[i].text[t[k].span.byte_start] == 0)
                assert_int_equal(t[k].kind, FACTA_TOK_SYMBOL);
    }
}

/* ---- invalid UTF-8 ---- */

static const struct {
    const char *text;
    size_t len, bad;
} INVALID[] = {
    {"ab \xff cd", 0, 3},
    {"Мир \xC3\x28 ok", 0, 7},          /* a lead byte without its continuation */
    {"\xC0\xAF", 0, 0},                 /* overlong '/' */
    {"\xE0\x80\xAF", 0, 0},             /* overlong, three bytes */
    {"x\xED\xA0\x80y", 0, 1},           /* UTF-16 surrogate */
    {"\xF4\x90\x80\x80", 0, 0},         /* past U+10FFFF */
    {"abc\xE2\x82", 0, 3},              /* truncated at the end */
    {"\x80", 0, 0},                     /* lone continuation byte */
    {"\xEF\xBB\xBF\xFE", 0, 3},         /* after a BOM: the offset still counts it */
    {"12345678\xF8", 0, 8},             /* after the 8-byte ASCII fast path */
    {"a\0\xff", 3, 2},                  /* after a NUL */
};

static void test_invalid_utf8(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof INVALID / sizeof INVALID[0]; i++) {
        size_t len = LEN(INVALID[i].text, INVALID[i].len);
        const facta_token *t = (const facta_token *)(uintptr_t)1;
        size_t n = 12345, bad = 999;
        assert_int_equal(facta_utf8_valid(INVALID[i].text, len, &bad), 0);
        assert_int_equal(bad, INVALID[i].bad);
        int rc = facta_tokenize(&t, &n, f->ex, INVALID[i].text, len, NULL);
        if (rc != FACTA_EUTF8)
            fail_msg("invalid %zu: rc %d", i, rc);
        /* outputs are written only on success */
        assert_int_equal(n, 12345);
        assert_true(t == (const facta_token *)(uintptr_t)1);
        char want[64];
        snprintf(want, sizeof want, "byte %zu", INVALID[i].bad);
        const char *msg = facta_extractor_last_error(f->ex);
        if (!strstr(msg, want))
            fail_msg("invalid %zu: expected \"%s\" in \"%s\"", i, want, msg);
        /* the next good call clears the message */
        tokenize(f, "ok", 2, 0, &n);
        assert_string_equal(facta_extractor_last_error(f->ex), "");
    }
}

/* With FACTA_EXTRACT_REPLACE_INVALID each invalid byte reads as U+FFFD and every token's
 * byte offsets point into the caller's original bytes. */
static const struct {
    const char *text;
    const char *expect; /* the original bytes of each token, invalid bytes shown as '?' */
} REPLACED[] = {
    {"ab \xff cd", "ab|?|cd"},
    {"Мир \xE2\x82 ok \xff\xfeЯ", "Мир|?|?|ok|?|?|Я"},
    {"Мо\xffсква", "Мо|?|сква"},
    {"\xEF\xBB\xBF\xff ok", "?|ok"},
    {"Kianian-\xff Firouzgar", "Kianian|-|?|Firouzgar"},
    {"\xC0\xAF" "a", "?|?|a"},
    {"x\xED\xA0\x80y", "x|?|?|?|y"},
};

static void test_replace_invalid(void **state)
{
    fixture *f = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof REPLACED / sizeof REPLACED[0]; i++) {
        const char *s = REPLACED[i].text;
        size_t n, len = strlen(s);
        const facta_token *t = tokenize(f, s, len, FACTA_EXTRACT_REPLACE_INVALID, &n);
        char buf[256];
        size_t w = 0;
        for (size_t k = 0; k < n && w < sizeof buf - 40; k++) {
            const facta_span *sp = &t[k].span;
            if (sp->byte_end <= sp->byte_start || sp->byte_end > len ||
                (k && sp->byte_start < t[k - 1].span.byte_end)) {
                fprintf(stderr, "replaced %zu token %zu: bytes [%zu, %zu) out of order\n", i, k,
                        sp->byte_start, sp->byte_end);
                failures++;
                break;
            }
            if (k)
                buf[w++] = '|';
            size_t bad;
            if (!facta_utf8_valid(s + sp->byte_start, sp->byte_end - sp->byte_start, &bad)) {
                buf[w++] = '?';
                if (strcmp(t[k].folded, "\xEF\xBF\xBD") != 0) {
                    fprintf(stderr, "replaced %zu token %zu: folded \"%s\", not U+FFFD\n", i, k,
                            t[k].folded);
                    failures++;
                }
            } else {
                memcpy(buf + w, s + sp->byte_start, sp->byte_end - sp->byte_start);
                w += sp->byte_end - sp->byte_start;
            }
        }
        buf[w] = 0;
        if (strcmp(buf, REPLACED[i].expect) != 0) {
            fprintf(stderr, "replaced %zu: expected \"%s\", got \"%s\"\n", i, REPLACED[i].expect,
                    buf);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

/* ---- sizes ---- */

static double now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A 100 MB document of long words, and a 20 MB one of ordinary mixed news text. */
static void test_large_documents(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *unit;
        size_t mb;
    } DOCS[] = {
        /* 200 letters and a space: few tokens, many bytes */
        {NULL, 100},
        {"Президент Казахстана заявил 6.8 млн. The UN’s fund, 1,300 people. ", 20},
    };
    for (size_t d = 0; d < sizeof DOCS / sizeof DOCS[0]; d++) {
        char unit[256];
        if (DOCS[d].unit) {
            snprintf(unit, sizeof unit, "%s", DOCS[d].unit);
        } else {
            memset(unit, 'x', 200);
            unit[200] = ' ';
            unit[201] = 0;
        }
        size_t ul = strlen(unit), units = DOCS[d].mb * 1000 * 1000 / ul, per_unit;
        tokenize(f, unit, ul, 0, &per_unit);
        size_t len = ul * units;
        char *text = malloc(len);
        assert_non_null(text);
        for (size_t i = 0; i < units; i++)
            memcpy(text + i * ul, unit, ul);
        size_t n;
        double t0 = now();
        const facta_token *t = tokenize(f, text, len, 0, &n);
        double dt = now() - t0;
        fprintf(stderr, "  %zu MB, %zu tokens: %.2f s\n", DOCS[d].mb, n, dt);
        assert_int_equal(n, units * per_unit);
        /* the last token ends where the last unit's last token ends */
        size_t ucp = cp_count(unit, ul);
        const facta_span *last = &t[n - 1].span;
        assert_int_equal(last->byte_end, len - 1);
        assert_int_equal(last->cp_end, ucp * units - 1);
        /* tokens in the middle: same offsets as in the first unit, shifted */
        size_t k = (units / 2) * per_unit;
        assert_int_equal(t[k].span.byte_start, (units / 2) * ul);
        assert_int_equal(t[k].span.cp_start, (units / 2) * ucp);
        assert_string_equal(t[k].folded, t[0].folded);
        free(text);
    }
    /* the extractor still works on a small document afterwards */
    size_t n;
    tokenize(f, "ok", 2, 0, &n);
    assert_int_equal(n, 1);
}

/* 100 KB of letters in one word: no crash, one token over all of it, and its folded form
 * (cut to the first FACTA__MAX_TOKEN_BYTES bytes) still folded and valid UTF-8. */
static void test_long_token(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *prefix, *letter;
        int one_word;
    } LONG[] = {
        {"", "A", 1},    /* ASCII */
        {"", "Я", 1},    /* two-byte letters */
        {"a", "Я", 1},   /* two-byte letters at odd offsets: the cut falls inside one */
        {"Ab", "ς", 1},  /* letters the ICU fold path handles */
        {"", "中", 0},   /* three-byte letters (ICU may break ideographs) */
    };
    int failures = 0;
    for (size_t c = 0; c < sizeof LONG / sizeof LONG[0]; c++) {
        size_t pl = strlen(LONG[c].prefix), ll = strlen(LONG[c].letter);
        size_t count = 100 * 1024 / ll;
        size_t len = 2 + pl + count * ll + 2;
        char *text = malloc(len + 1);
        assert_non_null(text);
        memcpy(text, "x ", 2);
        memcpy(text + 2, LONG[c].prefix, pl);
        for (size_t i = 0; i < count; i++)
            memcpy(text + 2 + pl + i * ll, LONG[c].letter, ll);
        memcpy(text + len - 2, " y", 2);
        text[len] = 0;
        size_t n;
        const facta_token *t = tokenize(f, text, len, 0, &n);
        int bad = check_invariants(text, len, t, n);
        /* the words around it survive */
        if (n < 3 || strcmp(t[0].folded, "x") != 0 || strcmp(t[n - 1].folded, "y") != 0 ||
            t[n - 1].span.byte_start != len - 1 || t[n - 1].span.cp_start != cp_count(text, len - 1))
            bad++;
        if (LONG[c].one_word && n == 3) {
            if (t[1].span.byte_start != 2 || t[1].span.byte_end != len - 2)
                bad++;
            size_t fl = strlen(t[1].folded);
            if (fl == 0 || fl > 3 * 4096)
                bad++;
            for (const char *p = t[1].folded; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    bad++;
            if (strstr(t[1].folded, "Я"))
                bad++;
        } else if (LONG[c].one_word) {
            bad++;
        }
        if (bad) {
            fprintf(stderr, "long token %zu (\"%s\" + %zu x \"%s\"): %zu tokens, %d problems, folded "
                    "starts \"%.12s\"\n", c, LONG[c].prefix, count, LONG[c].letter, n, bad,
                    n > 1 ? t[1].folded : "");
            failures++;
        }
        free(text);
    }
    assert_int_equal(failures, 0);
}

/* ---- misuse ---- */

static void test_misuse(void **state)
{
    fixture *f = *state;
    const facta_token *t;
    size_t n;
    assert_int_equal(facta_tokenize(&t, &n, NULL, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_tokenize(NULL, &n, f->ex, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_tokenize(&t, NULL, f->ex, "x", 1, NULL), FACTA_EINVAL);
    assert_int_equal(facta_tokenize(&t, &n, f->ex, NULL, 1, NULL), FACTA_EINVAL);
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(facta_tokenize(&t, &n, f->ex, "x", 1, &o), FACTA_EINVAL);
    assert_non_null(strstr(facta_extractor_last_error(f->ex), "version"));
    /* names for every enum value, and something for values out of range */
    for (int i = -1; i < 8; i++) {
        assert_non_null(facta_token_kind_name(i));
        assert_non_null(facta_script_name(i));
        assert_non_null(facta_shape_name(i));
    }
    assert_string_equal(facta_token_kind_name(FACTA_TOK_URL), "url");
    assert_string_equal(facta_script_name(FACTA_SCRIPT_MIXED), "mixed");
    assert_string_equal(facta_shape_name(FACTA_SHAPE_TITLE), "Xxx");
}

/* ---- the fast word breaks (wordbreak.c) against ICU ---- */

static size_t put_utf8(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/* Do wb_next() (its quick path or the rules) and wb_next_rules() alone give ICU's boundaries
 * and statuses for UTF-8 s (BMP only)? */
static int wb_same_as_icu(UBreakIterator *bi, const char *s, size_t n)
{
    UChar u[512];
    size_t byte_of[513]; /* byte offset of each UTF-16 index */
    int32_t un = 0;
    UErrorCode err = U_ZERO_ERROR;
    assert_true(n < 512);
    u_strFromUTF8(u, 512, &un, s, (int32_t)n, &err);
    assert_false(U_FAILURE(err));
    for (size_t i = 0, k = 0; i <= n; k++) {
        byte_of[k] = i;
        if (i == n)
            break;
        size_t len;
        (void)wb_class(s, n, i, &len);
        i += len;
    }
    ubrk_setText(bi, u, un, &err);
    assert_false(U_FAILURE(err));
    size_t b = 0;
    int ok = 1;
    ubrk_first(bi);
    for (int32_t e; ok && (e = ubrk_next(bi)) != UBRK_DONE;) {
        int32_t st, rst;
        size_t fe = b < n ? wb_next(s, n, b, &st) : n + 1;
        size_t re = b < n ? wb_next_rules(s, n, b, &rst) : n + 1;
        ok = fe == byte_of[e] && st == ubrk_getRuleStatus(bi) && re == fe && rst == st;
        b = fe;
    }
    ok = ok && b == n;
    if (!ok) {
        fprintf(stderr, "wordbreak differs from ICU on \"");
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, (unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F ? "\\x%02X" : "%c",
                    (unsigned char)s[i]);
        fprintf(stderr, "\"\n");
    }
    return ok;
}

static uint64_t xorshift(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static void test_wordbreak_matches_icu(void **state)
{
    (void)state;
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    assert_false(U_FAILURE(err));
    assert_int_equal(wb_agrees_with_icu(bi), 1);

    /* the alphabet: every BMP code point below U+3000 the fast path knows */
    static uint32_t alpha[0x3000];
    size_t na = 0, slow = 0;
    for (uint32_t c = 0; c < 0x3000; c++) {
        char o[4];
        size_t len, n = put_utf8(o, c);
        if (wb_class(o, n, 0, &len) != WB_SLOW) {
            assert_int_equal(len, n);
            assert_int_equal(wb_text_ok(o, n), 1);
            alpha[na++] = c;
        } else {
            assert_int_equal(wb_text_ok(o, n), 0);
            slow++;
        }
    }
    assert_true(na > 900 && slow > 1000);

    /* every character alone, doubled and between letters, digits, quotes, '_' and spaces */
    static const char *const ctx[][2] = {
        {"", ""}, {"a", "b"}, {"1", "2"}, {"_", "_"}, {" ", " "}, {"a'", ""}, {"", ".a"},
        {"", ".1"}, {"1,", ""}, {"\xD1\x8F", "\xD0\x96"}, {"\r", "\n"}, {"a", "1"}, {"1", "a"}};
    int failures = 0;
    char buf[64];
    for (size_t i = 0; i < na; i++) {
        for (size_t c = 0; c < sizeof ctx / sizeof ctx[0]; c++) {
            size_t n = 0;
            memcpy(buf, ctx[c][0], strlen(ctx[c][0]));
            n += strlen(ctx[c][0]);
            n += put_utf8(buf + n, alpha[i]);
            if (c == 0)
                n += put_utf8(buf + n, alpha[i]);
            memcpy(buf + n, ctx[c][1], strlen(ctx[c][1]));
            n += strlen(ctx[c][1]);
            failures += !wb_same_as_icu(bi, buf, n);
        }
    }

    /* random strings, half of their characters from the classes the rules are about */
    static const uint32_t pick[] = {'a', 'Z', 0x44F, 0xE9, '1', '9', '.', ',', ';', ':', '\'',
                                    0x2019, 0x2018, 0x2024, 0xB7, 0x2027, '_', 0x202F, ' ',
                                    '\r', '\n', '\v', '@', '"', '-', 0x20AC, 0xA0, '\t'};
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int r = 0; r < 200000 && failures < 20; r++) {
        size_t len = 1 + xorshift(&x) % 12, n = 0;
        for (size_t k = 0; k < len; k++) {
            uint64_t v = xorshift(&x);
            uint32_t c = (v & 1) ? pick[(v >> 1) % (sizeof pick / sizeof pick[0])]
                                 : alpha[(v >> 1) % na];
            n += put_utf8(buf + n, c);
        }
        assert_int_equal(wb_text_ok(buf, n), 1);
        failures += !wb_same_as_icu(bi, buf, n);
    }
    ubrk_close(bi);
    assert_int_equal(failures, 0);
}

/* A document with one character the fast path does not know goes to ICU: the tokens of the
 * rest must not change. */
static void test_fast_and_icu_paths_agree(void **state)
{
    fixture *f = *state;
    static const char *const docs[] = {
        "Mr. O'Neil's e-mail: j.smith@un.org (see https://www.un.org/en/about.html).",
        "\xC2\xAB\xD0\x9C\xD0\xB8\xD1\x80\xC2\xBB \xE2\x80\x94 1\xE2\x80\xAF" "300 \xD1\x87\xD0\xB5\xD0\xBB., "
        "3,5%, 12.05.2024, \xE2\x84\x96" "5, snake_case, U.S., 25-\xD0\xBB\xD0\xB5\xD1\x82\xD0\xB8\xD0\xB5",
        "a.b a:b 1,5 1;5 a;b a'b 1'2 x_y _1 1_ __ _ a1_ 1a_ \r\n\n\v\f  \t,,. a. .a 1. a.1 1.a",
    };
    static const char tail[] = " \xF0\x9F\x98\x80"; /* an emoji: not on the fast path */
    char fast[512], slow[512];
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        size_t n = strlen(docs[d]);
        assert_true(n + sizeof tail < sizeof slow);
        memcpy(slow, docs[d], n);
        memcpy(slow + n, tail, sizeof tail);
        assert_int_equal(wb_text_ok(docs[d], n), 1);
        assert_int_equal(wb_text_ok(slow, strlen(slow)), 0);
        size_t nf, ns;
        const facta_token *t = tokenize(f, docs[d], n, 0, &nf);
        join_tokens(docs[d], t, nf, fast, sizeof fast);
        t = tokenize(f, slow, strlen(slow), 0, &ns);
        assert_int_equal(ns, nf + 1);
        join_tokens(slow, t, nf, slow + 256, 256);
        assert_string_equal(fast, slow + 256);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_splits),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_folds),
        cmocka_unit_test(test_starts),
        cmocka_unit_test(test_space_before),
        cmocka_unit_test(test_empty_and_bom),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_replace_invalid),
        cmocka_unit_test(test_large_documents),
        cmocka_unit_test(test_long_token),
        cmocka_unit_test(test_misuse),
        cmocka_unit_test(test_wordbreak_matches_icu),
        cmocka_unit_test(test_fast_and_icu_paths_agree),
    };
    /* FACTA_TEST_FILTER / FACTA_TEST_SKIP: cmocka name patterns, e.g. "test_large*" */
    const char *only = getenv("FACTA_TEST_FILTER"), *skip = getenv("FACTA_TEST_SKIP");
    if (only && *only)
        cmocka_set_test_filter(only);
    if (skip && *skip)
        cmocka_set_skip_filter(skip);
    return cmocka_run_group_tests(tests, setup, teardown);
}
