/* test_rules.c: the rule language: every example in the default rules, predicates,
 * operators, actions, conflicts, errors with file:line:column, and linear-time matching. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract.h"

/* ---- helpers ---- */

static facta_rules *compile_ok(const char *src)
{
    facta_rules *r = NULL;
    facta_diag d;
    memset(&d, 0, sizeof d);
    int rc = facta_rules_compile(&r, src, strlen(src), "t.facta", NULL, &d);
    if (rc != FACTA_OK)
        fail_msg("compile failed: %s", d.message);
    return r;
}

/* Run rules on text; return "TYPE:norm|TYPE:norm|..." of the records, in order. */
static char *run(const facta_rules *r, const char *text, char *buf, size_t cap)
{
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    const facta_entity *e;
    size_t n;
    int rc = facta_extract(&e, &n, ex, text, strlen(text), NULL);
    if (rc)
        fail_msg("extract failed: %s", facta_extractor_last_error(ex));
    buf[0] = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(buf);
        snprintf(buf + l, cap - l, "%s%s:%s", i ? "|" : "", e[i].type, e[i].norm);
    }
    facta_extractor_free(ex);
    return buf;
}

static const char *attr(const facta_entity *e, const char *key)
{
    for (size_t i = 0; i < e->n_attrs; i++)
        if (strcmp(e->attrs[i].key, key) == 0)
            return e->attrs[i].value;
    return NULL;
}

/* ---- the default rules' own examples ---- */

static void test_default_examples(void **state)
{
    (void)state;
    facta_rules *r;
    facta_diag d;
    assert_int_equal(facta_rules_default(&r, &d), FACTA_OK);
    static char report[65536];
    size_t total = 0;
    size_t failures = facta_rules_self_test(r, report, sizeof report, &total);
    assert_true(total > 40);
    if (failures)
        fprintf(stderr, "%s", report);
    assert_int_equal(failures, 0);
    /* a failing example is reported with its file and line */
    facta_rules *bad = compile_ok("rule a: \"x\" => T;\nexample \"y\" => T;\ncounter \"x\" => T;");
    assert_int_equal(facta_rules_self_test(bad, report, sizeof report, &total), 2);
    assert_int_equal(total, 2);
    assert_non_null(strstr(report, "t.facta:2: example \"y\" => T: got"));
    assert_non_null(strstr(report, "t.facta:3: counter \"x\" => T: got T \"x\""));
    facta_rules_free(bad);
    facta_rules_free(r);
}

/* ---- predicates and operators, both scripts ---- */

static const struct {
    const char *rules, *text, *expect;
} CASES[] = {
    /* word (case-insensitive), exact form, stem */
    {"rule a: \"london\" => T;", "Москва и London", "T:London"},
    {"rule a: [form=\"london\"] => T;", "Москва и London", ""},
    {"rule a: [form=\"London\"] => T;", "Москва и London", "T:London"},
    {"rule a: [stem=\"школа\"] => T;", "в школах", "T:школах"},
    {"rule a: [stem=\"schools\"] => T;", "one school", "T:school"},
    /* regex over the token, folded regex, shape, kind, script */
    {"rule a: [re=/\\d{3}/] => T;", "12 382 4444", "T:382"},
    {"rule a: [fre=/мос.*/] => T;", "Москва", "T:Москва"},
    {"rule a: [title & cyrillic] => T;", "Москва и London", "T:Москва"},
    {"rule a: [upper] => T;", "the CIS and ЕС", "T:CIS|T:ЕС"},
    /* cap: a capital first letter, also in mixed-case Cyrillic words (bug: compared bytes) */
    {"rule a: [cap & cyrillic] => T;", "в Нью-Йорке и нью-Йорке", "T:Нью-Йорке"},
    {"rule a: [number] => T;", "in 2023, 6.8 mn", "T:2023|T:6.8"},
    {"rule a: [latin & !title] => T;", "Москва и London and", "T:and"},
    {"rule a: [mixed] => T;", "Кaзахстан", "T:Кaзахстан"},
    {"rule a: [len=2..3 & alpha] => T;", "a ab abc abcd", "T:ab|T:abc"},
    {"rule a: [prefix=\"пре\"] => T;", "президент", "T:президент"},
    {"rule a: [suffix=\"ова\"] => T;", "Иванова Петров", "T:Иванова"},
    /* and/or/not with parentheses */
    {"rule a: [(title | upper) & !\"The\"] => T;", "The UN met Putin", "T:UN|T:Putin"},
    /* sequences, groups, alternation, quantifiers */
    {"rule a: \"a\" (\"b\" | \"c\")+ \"d\" => T;", "a b c b d", "T:a b c b d"},
    {"rule a: \"a\" \"b\"? \"d\" => T;", "a d, a b d", "T:a d|T:a b d"},
    {"rule a: \"x\" \"y\"{2,3} => T;", "x y y y y", "T:x y y y"},
    {"rule a: \"x\" \"y\"{2} => T;", "x y", ""},
    {"rule a: \"x\" _* \"z\" => T;", "x q r z", "T:x q r z"},
    /* an alternation of words (a fan: a thread takes the token's word at once),
     * with a word twice, a capture and a test after it */
    {"rule a: (\"in\" | \"on\" | \"at\" | \"on\" \"top\" | [number]) \"cats\" => T;",
     "on top cats, at cats, 5 cats, by cats", "T:on top cats|T:at cats|T:5 cats"},
    {"rule a: (x:\"a\" | \"b\" | x:\"c\" | \"d\") y:\"e\" => T { norm = first($x, $y) };",
     "c e b e", "T:c|T:e"},
    /* a fan (the alternatives taken at once) keeps their order: the first that matches wins */
    {"rule a: (x:\"a\" | [lower] | x:_) y:\"e\" => T { norm = first($x, $y) };",
     "a e, q e, B e", "T:a|T:e|T:B"},
    /* a split whose branches all begin with a word, a test, a lexicon or a record (LOOK_ALT):
     * a thread is parked after "x" only where one of them passes */
    {"lexicon L { big apple }\nrule n: [number] => _N;\nphase 2;\n"
     "rule a: \"x\" (\"a\" | \"b\" | [upper] | @L | <_N>) \"z\" => T;",
     "x b z, x q z, x AB z, x big apple z, x 7 z, x a, x", "T:x b z|T:x AB z|T:x big apple z|T:x 7 z"},
    {"rule a: \"x\" ((\"a\" | \"b\") \"c\"? | [number]+) \"z\" => T;",
     "x a c z, x b z, x 1 2 z, x c z", "T:x a c z|T:x b z|T:x 1 2 z"},
    /* generic rules followed by a lexicon, a record or a split's alternatives (ahead_look),
     * after `ahead` tests or none */
    {"lexicon L { big apple }\nrule n: [number] => _N;\nphase 2;\n"
     "rule a: [upper] @L => A;\nrule b: [upper] [lower] <_N> => B;\n"
     "rule c: [upper] (\"a\" | \"b\" | [number]) => C;",
     "XY big apple, XY big 7, XY b, XY q, XY", "A:XY big apple|B:XY big 7|C:XY b"},
    /* generic rules: a word after the first token, the same first test in two rules */
    {"rule a: [lower] [lower] \"(\" [upper] \")\" => A;\nrule b: [lower] \"x\" => B;",
     "ab cd (EF) q x y", "A:ab cd (EF)|B:q x"},
    /* a key's rule starts only where the next instruction can pass after the key's phrase,
     * record or token: the other phrases, records and keys at the same token still start it */
    {"lexicon L { new; new york }\nrule a: @L \"city\" => A;", "new york city, new city",
     "A:new york city|A:new city"},
    {"rule n: [number] => _N;\nrule m overlap: [number] [number] => _N;\nphase 2;\n"
     "rule f: x:<_N> \"x\" => F { norm = text($x) };",
     "1 2 x", "F:1 2"},
    {"lexicon L { new york; new }\nrule a: [in=L] \"york\" => A;", "new york", "A:new york"},
    /* generic rules tried only where the next token's word, and the first byte of the
     * token's folded text, allow: a regular expression on the text as written folds */
    {"rule a: [re=/[AB]b+/] => T;", "Abb abb ABB Bbb", "T:Abb|T:Bbb"},
    {"rule a: [re=/Ab+/] => T;\nrule b: [re=/(?i)xy+/] => U;\nrule c: [re=/zq+/i] => V;",
     "Abb abb XYY ZQQ", "T:Abb|U:XYY|V:ZQQ"},
    {"rule a: [fre=/(twenty|thirty)-(one|two)/] => T;", "Twenty-One twenty-two thirty",
     "T:Twenty-One|T:twenty-two"},
    {"rule a: [lower] (\"and\" | \"(\") [number] => T;", "cats and 5, dogs ( 6, birds or 7",
     "T:cats and 5|T:dogs ( 6"},
    {"rule a: (\"x\" | [re=/q\\d/]) [number] => T;", "x 1 q2 3 z 4", "T:x 1|T:q2 3"},
    /* captures and actions */
    {"rule a: n:[number] u:[alpha] => F { norm = join(number($n), lower($u)) };", "12 Apples",
     "F:12 apples"},
    {"rule a: x:[alpha] => F { norm = concat(upper($x), \"!\") };", "hi", "F:HI!"},
    {"rule a: x:[alpha] y:[alpha]? => F { norm = first($y, $x) };", "solo", "F:solo"},
    /* captures opened where a rule begins (not logged: rule.start_open), nested, and one
     * opened there or again later */
    {"lexicon L { big apple => New York }\n"
     "rule a: o:(p:@L \"y\"?) => P { norm = concat(canon($p), \"/\", text($o)) };",
     "the big apple y, big apple", "P:New York/big apple y|P:New York/big apple"},
    {"rule a: x:[alpha] (\"+\" x:[alpha])* \"=\" => T { norm = text($x) };", "a + b = , c =",
     "T:b|T:c"},
    /* lexicons: inline, multi-word, canon, tags, Russian inflection */
    {"lexicon L { big apple => New York | city; paris | city }\n"
     "rule a: p:@L => P { norm = canon($p), kind = tag($p, \"city\") };",
     "the Big Apple and Paris", "P:New York|P:paris"},
    {"morphology \"rules/ru/endings.tsv\";\nlexicon C inflect { Астана; Казахстан }\n"
     "rule a: p:@C => P { norm = canon($p) };",
     "в Астане и Казахстане", "P:Астана|P:Казахстан"},
    {"lexicon L { red | color; blue | color shade }\nrule a: @L:shade => C;", "red blue", "C:blue"},
    {"lexicon L { new york }\nrule a: [in=L] => C;", "new york and york", ""},
    /* reusable sub-patterns */
    {"define D = [number] \"-\" [number];\nrule a: %D \"x\" => R;", "1 - 2 x", "R:1 - 2 x"},
    /* phases: a later phase uses an earlier record as one token */
    {"rule n: [number] => _N;\nphase 2;\nrule f: x:<_N> \"cats\" => F { norm = text($x) };",
     "7 cats", "F:7"},
    /* conflicts: longest, then priority, then earliest rule */
    {"rule a: \"x\" => A;\nrule b: \"x\" \"y\" => B;", "x y", "B:x y"},
    {"rule a: \"x\" => A;\nrule b priority 5: \"x\" => B;", "x", "B:x"},
    {"rule a: \"x\" => A;\nrule b: \"x\" => B;", "x", "A:x"},
    {"rule a: \"x\" => A;\nrule b overlap: \"x\" => B;", "x", "A:x|B:x"},
    /* reject rules suppress a reading */
    {"rule a: [number] \"line\" => F;\nreject r (F): \"hot\" target:[number];", "hot 111 line",
     ""},
    {"rule a: [number] \"line\" => F;\nreject r (F): \"hot\" target:[number];", "cold 111 line",
     "F:111 line"},
    /* agreement: an adjective agrees with its noun */
    {"morphology \"rules/ru/endings.tsv\";\n"
     "rule a: [cyrillic & lower]~ [cyrillic & lower]~ => NP;",
     "нового закона", "NP:нового закона"},
    {"morphology \"rules/ru/endings.tsv\";\n"
     "rule a: [case=gen] => G;", "закона", "G:закона"},
};

static void test_cases(void **state)
{
    (void)state;
    char buf[2048];
    char *cwd_rules = NULL;
    (void)cwd_rules;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        facta_rules *r = compile_ok(CASES[i].rules);
        run(r, CASES[i].text, buf, sizeof buf);
        if (strcmp(buf, CASES[i].expect) != 0)
            fail_msg("case %zu: rules [%s] on \"%s\": expected \"%s\", got \"%s\"", i,
                     CASES[i].rules, CASES[i].text, CASES[i].expect, buf);
        facta_rules_free(r);
    }
}

/* ---- errors: file:line:column and what was expected ---- */

static const struct {
    const char *src, *msg;
} ERRORS[] = {
    {"rule a: \"x\" => ;", "t.facta:1:16: expected a record type after '=>'"},
    {"rule a \"x\" => T;", "t.facta:1:8: expected ':'"},
    {"\n\nrule a: [bogus] => T;", "t.facta:3:10: unknown token test 'bogus'"},
    {"rule a: @NOPE => T;", "t.facta:1:10: unknown lexicon 'NOPE'"},
    {"rule a: <NOPE> => T;", "t.facta:1:10: no rule above emits records of type 'NOPE'"},
    {"rule a: %nope => T;", "t.facta:1:10: unknown pattern 'nope'"},
    {"rule a: x:[number] => T { v = $y };", "t.facta:1:32: unknown capture '$y'"},
    {"rule a: x:[number] => T { v = frob($x) };", "t.facta:1:31: unknown function 'frob'"},
    {"rule a: \"x\"? => T;", "the pattern of 'a' can match an empty sequence"},
    {"rule a: [re=/(/] => T;", "t.facta:1:"},
    {"rule a: \"x\" => T", "expected ';'"},
    {"rule a: \"unterminated => T;", "unterminated string"},
    /* bugs fixed: each failed before */
    {"rule a: \"x\" => T;\nexample \"x\";", "t.facta:2:12: expected '=>' and the record type"},
    {"rule a: \"x\" => T;\nrule b: <T> => U;", "t.facta:2:10: records of type 'T' come from phase 1"},
    {"rule a: x unquoted => T;", "t.facta:1:9: unexpected 'x' in a pattern"},
    {"lexicon L {\n  good\n  => bad\n}", "t.facta:3:1: expected a phrase"},
    {"lexicon L \"/nonexistent/file.lex\";", "cannot read '/nonexistent/file.lex'"},
    {"frobnicate;", "t.facta:1:1: unknown statement 'frobnicate'"},
    /* a device is refused, not read forever (fuzzing found the hang) */
    {"lexicon L \"/dev/zero\";", "t.facta:1:11: cannot read '/dev/zero': not a regular file"},
    {"rule a: \"x\"{3,2} => T;", "bad repeat"},
    {"rule a: Привет => T;", "t.facta:1:9: unexpected character (non-ASCII text belongs in quotes)"},
};

static void test_capture_limit(void **state)
{
    (void)state;
    /* more than 64 captures is an error at load, not an overflow at match (bug) */
    char src[4096] = "rule r: x:(";
    for (int i = 0; i < 70; i++) {
        char c[32];
        snprintf(c, sizeof c, "%sc%d:\"a\"", i ? " | " : "", i);
        strcat(src, c);
    }
    strcat(src, ") \"b\" => T { a = $c69 };");
    facta_rules *r = NULL;
    facta_diag d;
    assert_int_equal(facta_rules_compile(&r, src, strlen(src), "t.facta", NULL, &d), FACTA_ESYNTAX);
    assert_non_null(strstr(d.message, "more than 64 captures"));
}

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ERRORS / sizeof ERRORS[0]; i++) {
        facta_rules *r = NULL;
        facta_diag d;
        memset(&d, 0, sizeof d);
        int rc = facta_rules_compile(&r, ERRORS[i].src, strlen(ERRORS[i].src), "t.facta", NULL, &d);
        assert_int_not_equal(rc, FACTA_OK);
        assert_null(r);
        if (!strstr(d.message, ERRORS[i].msg))
            fail_msg("error %zu: expected \"%s\" in \"%s\"", i, ERRORS[i].msg, d.message);
    }
    /* invalid UTF-8 in a rule file */
    facta_rules *r = NULL;
    facta_diag d;
    const char bad[] = "rule a: \"\xff\" => T;";
    assert_int_equal(facta_rules_compile(&r, bad, sizeof bad - 1, "t.facta", NULL, &d),
                     FACTA_ESYNTAX);
    assert_non_null(strstr(d.message, "t.facta:1:10: invalid UTF-8"));
    /* invalid UTF-8 in an endings table: its endings would reach records (bug: was loaded) */
    char tsv[] = "/tmp/facta-test-endings-XXXXXX";
    int fd = mkstemp(tsv);
    assert_true(fd >= 0);
    static const char rows[] = "noun а gen.sg.m -\nnoun ы\xfe gen.sg.f а\n";
    assert_int_equal(write(fd, rows, sizeof rows - 1), (ssize_t)(sizeof rows - 1));
    close(fd);
    char src[128];
    snprintf(src, sizeof src, "morphology \"%s\";", tsv);
    assert_int_equal(facta_rules_compile(&r, src, strlen(src), "t.facta", NULL, &d), FACTA_ESYNTAX);
    char want[128];
    snprintf(want, sizeof want, "%s:2:7: invalid UTF-8 (byte 0xfe)", tsv);
    if (!strstr(d.message, want))
        fail_msg("expected \"%s\" in \"%s\"", want, d.message);
    unlink(tsv);
}

/* A regex test skips PCRE2 for a token without a byte every match must contain; the scan
 * that finds that byte must never reject a token the regex accepts. Each row: pattern,
 * token, does it match. */
static const struct {
    const char *re, *tok;
    int match;
} RE_NEED[] = {
    {"(twenty|thirty)-(one|two)", "twenty-one", 1}, {"(twenty|thirty)-(one|two)", "twentyone", 0},
    {"ab-?c", "abc", 1},            /* a quantified literal is not needed */
    {"a-*b", "ab", 1},              {"a-{0,2}b", "ab", 1},
    {"x|y-z", "x", 1},              /* top-level alternation: nothing is needed */
    {"[-a]b", "ab", 1},             /* a class is not a literal */
    {"a\\-b", "a-b", 1},          {"a\\.b", "a.b", 1},
    {"a\\x2db", "a-b", 1},        /* \x2d is '-', its digits are not literals */
    {"a\\x{2d}b", "a-b", 1},      {"a\\Q-\\Eb", "a-b", 1},
    {"(?i)a-B", "a-b", 1},          /* inline options: no prefilter */
    {"a(?:-|_)b", "a_b", 1},        {"a(?=.*-).*", "a-b", 1},
    {"\\d+\\.\\d+", "3.14", 1},    {"\\d+\\.\\d+", "314", 0},
    {"[а-я]+ов", "иванов", 1},      {"[а-я]+ов", "иванова", 0},
    {"(ов|ев)а?", "ов", 1},         {"е{2}ж", "еež", 0},
    {"a.b", "a-b", 1},              {"a]?b", "ab", 1},
    /* literal alternatives at the end: the token must end with one of them */
    {"[а-я]+(ов|ова)", "иванова", 1}, {"[а-я]+(ов|ова)", "иванову", 0},
    {"x(a|)", "x", 1},              /* an empty alternative: no requirement */
    {"(?:ab|c)", "c", 1},           {"(a|b)(c|dd)", "add", 1},
    {"a(b|c)|d", "d", 1},           {"(ab|c)+", "abab", 1},
    {"a(b|c)?", "a", 1},            {"(a(b|c))", "ab", 1},
    {"\\d(-|\\.)\\d", "3.1", 1},         {"(twenty|thirty)-(one|two)", "thirty-two", 1},
    /* one literal character at the end: the token must end with it */
    {"[a-z]+[a-rt-z]s", "cats", 1}, {"[a-z]+[a-rt-z]s", "cat", 0},
    {"[а-я]+ь", "день", 1},         {"[а-я]+ь", "дня", 0},
    {"\\d+\\d", "123", 1},          /* an escape (\d) is no literal 'd' */
    {"x|ys", "x", 1},               /* top-level alternation: no requirement */
    {"(?i)ab", "aB", 1},            /* inline options: no requirement */
    {"(a|b)c", "ac", 1},            {"(a|b)c", "ab", 0},
    /* ".+" or ".*" then the tail: the tail decides, PCRE2 is not called */
    {".+(ов|ова)", "иванова", 1},   {".+(ов|ова)", "ова", 0},  {".+(ов|ова)", "ов", 0},
    {".+(ов|ова)", "сова", 1},      {".*(ов|ова)", "ова", 1},  {".*s", "s", 1},
    {".+s", "s", 0},                {".+s", "as", 1},           {".+?(ов)", "иванов", 1},
    {".+(ов)?", "x", 1},            /* a quantified group: no tail */
    /* "[class]+" then the tail: the tail and the class decide, PCRE2 is not called */
    {"[а-я-]+(ов|ова)", "иванова", 1}, {"[а-я-]+(ов|ова)", "ова", 0},
    {"[а-я-]+(ов|ова)", "ivanова", 0}, {"[а-я-]+(ов|ова)", "петров-иванов", 1},
    {"[a-z'-]+(ov|ova)", "o'ova", 1}, {"[a-z'-]+(ov|ova)", "o1ova", 0},
    {"[п]+(а|ова)", "пова", 1},      /* "пов" + "а" fails the class, "п" + "ова" passes */
    {"[п]+(ова|а)", "пова", 1},      {"[б-я]+(а|ова)", "аова", 0},
};

static void test_regex_needed_byte(void **state)
{
    (void)state;
    char buf[512];
    for (size_t i = 0; i < sizeof RE_NEED / sizeof RE_NEED[0]; i++) {
        char src[256];
        snprintf(src, sizeof src, "rule r: x:[fre=/%s/] => T;", RE_NEED[i].re);
        facta_rules *r = compile_ok(src);
        run(r, RE_NEED[i].tok, buf, sizeof buf);
        int got = buf[0] != 0;
        if (got != RE_NEED[i].match)
            fail_msg("/%s/ on \"%s\": expected %s, got \"%s\"", RE_NEED[i].re, RE_NEED[i].tok,
                     RE_NEED[i].match ? "a match" : "none", buf);
        facta_rules_free(r);
    }
}

/* Rule labels go into records: a file name that is not UTF-8, or long enough to be cut,
 * still gives a valid UTF-8 label (bug: the bytes were copied, and cut at byte 300). */
static void test_rule_label_utf8(void **state)
{
    (void)state;
    char longname[700] = "";
    for (int i = 0; i < 150; i++)
        strcat(longname, "я"); /* 300 bytes, then the tail */
    strcat(longname, "ж.facta");
    const char *names[] = {"bad\xff\xfe.facta", longname + 1 /* starts mid-character */};
    for (size_t k = 0; k < 2; k++) {
        facta_rules *r = NULL;
        facta_diag d;
        static const char src[] = "rule city: \"Paris\" => PLACE;";
        assert_int_equal(facta_rules_compile(&r, src, sizeof src - 1, names[k], NULL, &d), FACTA_OK);
        facta_extractor *ex;
        assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
        facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
        o.flags = FACTA_EXTRACT_EXPLAIN;
        const char *js;
        size_t jl;
        assert_int_equal(facta_extract_json(&js, &jl, ex, NULL, "Paris", 5, &o), FACTA_OK);
        if (!facta_utf8_valid(js, jl, NULL))
            fail_msg("name %zu: JSON is not UTF-8: %s", k, js);
        const char *want = k ? "\"rule\":\"\xef\xbf\xbd\xd1\x8f" : "bad\xef\xbf\xbd\xef\xbf\xbd.facta:1 city";
        if (!strstr(js, want))
            fail_msg("name %zu: no '%s' in %s", k, want, js);
        if (k)
            assert_non_null(strstr(js, "\xd1\x8f:1 city\"")); /* cut at a character boundary */
        facta_extractor_free(ex);
        facta_rules_free(r);
    }
}

/* The looks of splits (phase_look): the alternatives a thread after "x" meets first, words
 * first, or none when a match or too many alternatives are reachable. */
static void test_split_looks(void **state)
{
    (void)state;
    static const struct {
        const char *rules;
        int n, nwords; /* of the LOOK_ALT expected, or n = 0 for none */
    } LOOKS[] = {
        {"rule a: \"x\" (\"a\" | [number] | \"b\") \"z\" => T;", 3, 2},
        {"rule a: \"x\" \"a\"? \"b\"? \"z\" => T;", 3, 3},  /* "a", "b" or "z" */
        {"rule a: \"x\" (\"a\" | \"b\")? => T;", 0, 0},      /* or the match */
        {"rule a: \"x\" (\"a\" | \"b\" | \"c\" | \"d\" | \"e\" | \"f\" | \"g\" | \"h\" | \"i\" | "
         "\"j\" | \"k\" | \"l\" | \"m\" | \"n\" | \"o\" | \"p\" | \"q\") \"z\" => T;", 0, 0},
    };
    for (size_t i = 0; i < sizeof LOOKS / sizeof LOOKS[0]; i++) {
        facta_rules *r = compile_ok(LOOKS[i].rules);
        const phase *ph = &r->phases[0];
        size_t pc = 0; /* after the test of "x" */
        while (pc < ph->nprog && !(ph->prog[pc].op == OP_TOK && r->preds[ph->prog[pc].x].op == P_WORD &&
                                   r->preds[ph->prog[pc].x].len == 1 && r->preds[ph->prog[pc].x].str[0] == 'x'))
            pc++;
        assert_true(pc < ph->nprog);
        const struct look *lk = &ph->look[pc + 1];
        if ((lk->kind == LOOK_ALT) != (LOOKS[i].n > 0))
            fail_msg("%s: %s", LOOKS[i].rules, LOOKS[i].n ? "no LOOK_ALT" : "a LOOK_ALT");
        if (lk->kind != LOOK_ALT) {
            facta_rules_free(r);
            continue;
        }
        if (LOOKS[i].n == 3) /* the rule's first token test is "x" alone: the split is ahead */
            assert_int_equal(r->rules[0].ahead_look.kind, LOOK_ALT);
        const struct look_alt *a = &ph->look_alt[lk->arg];
        assert_int_equal(a->n, LOOKS[i].n);
        assert_int_equal(a->nwords, LOOKS[i].nwords);
        for (uint32_t k = 0; k < a->n; k++) {
            const struct look *l = &ph->look_leaf[a->off + k];
            int word = l->kind == LOOK_TOK && r->preds[l->arg].op == P_WORD;
            assert_int_equal(word, k < a->nwords);
            if (word)
                assert_true((a->words >> (r->preds[l->arg].hash & 63)) & 1);
        }
        facta_rules_free(r);
    }
}

/* An alternation of three or more compiles to a fan at its first split: the alternatives in
 * order, words marked with their hash. */
static void test_split_fans(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("lexicon L { big apple }\nrule n: [number] => _N;\nphase 2;\n"
                                "rule a: \"x\" (\"a\" | [number] | \"b\" | <_N> | @L) \"z\" => T;");
    const phase *ph = &r->phases[1];
    size_t pc = 0;
    while (pc < ph->nprog && ph->prog[pc].op != OP_SPLIT)
        pc++;
    assert_true(pc < ph->nprog);
    assert_true(ph->prog[pc].z >= 0);
    const struct chain_ent *c = &ph->chain[ph->prog[pc].z];
    assert_int_equal(c->n, 5);
    static const uint32_t KIND[] = {LOOK_TOK, LOOK_TOK, LOOK_TOK, LOOK_REC, LOOK_LEX};
    for (uint32_t k = 0; k < 5; k++) {
        assert_int_equal(c[k].n, 5 - k);
        assert_int_equal(c[k].lk.kind, KIND[k]);
        assert_int_equal(c[k].word, k == 0 || k == 2);
        if (c[k].word)
            assert_true(c[k].hash == r->preds[c[k].lk.arg].hash);
        assert_true(c[k].pc > pc && c[k].pc < ph->nprog);
        if (k)
            assert_true(c[k].pc > c[k - 1].pc);
    }
    /* the later splits head nothing: threads never reach them */
    for (size_t q = pc + 1; q < ph->nprog; q++)
        if (ph->prog[q].op == OP_SPLIT)
            assert_int_equal(ph->prog[q].z, -1);
    facta_rules_free(r);
}

/* A rule beginning with capture opens starts its threads past them (rule.start); the
 * closes of those captures are marked. */
static void test_rule_start(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: o:(p:\"a\" \"b\") \"c\" => T;\nrule b: \"x\" q:\"y\" => T;");
    const phase *ph = &r->phases[0];
    const rule *a = &r->rules[0], *b = &r->rules[1];
    assert_int_equal(a->start, a->root + 2);
    assert_true(a->start_open == 3);
    assert_int_equal(ph->prog[a->start].op, OP_TOK);
    assert_true(ph->prog[a->start].join);
    int closes = 0;
    for (uint32_t pc = a->root; pc < b->root; pc++)
        if (ph->prog[pc].op == OP_SAVE && (ph->prog[pc].x & 1)) {
            assert_int_equal(ph->prog[pc].y, 1);
            closes++;
        }
    assert_int_equal(closes, 2);
    assert_int_equal(b->start, b->root);
    assert_true(b->start_open == 0);
    for (uint32_t pc = b->root; pc < ph->nprog; pc++)
        if (ph->prog[pc].op == OP_SAVE)
            assert_int_equal(ph->prog[pc].y, 0);
    facta_rules_free(r);
}

/* More generic rules than one 64-bit word of the phase's bitsets holds: rule gK starts at a
 * lower-case word followed by "wK" (the last ones live in the second word). */
static void test_many_generic(void **state)
{
    (void)state;
    char src[8192] = "", buf[256];
    for (int k = 0; k < 70; k++) {
        size_t l = strlen(src);
        snprintf(src + l, sizeof src - l, "rule g%d: [lower] \"w%d\" => T%d;\n", k, k, k);
    }
    facta_rules *r = compile_ok(src);
    assert_int_equal(r->phases[0].ngeneric, 70);
    run(r, "a w69 b w3 C w5 c w64 d w70", buf, sizeof buf);
    assert_string_equal(buf, "T69:a w69|T3:b w3|T64:c w64");
    facta_rules_free(r);
}

/* A rule every match of which meets a lexicon's phrase a few tokens in is tried only where
 * one starts (rule_must): the window of offsets, and the rules that get none. */
static void test_must_lexicon(void **state)
{
    (void)state;
    static const struct {
        const char *rules, *text, *expect;
        int must, lo, hi; /* of the last rule */
    } MUST[] = {
        {"lexicon S { said; told }\nrule a: [title] [title] \",\"? @S => P;",
         "John Smith said, Mary Jones, told; Bob Ray asked, Ann Lee said",
         "P:John Smith said|P:Mary Jones, told|P:Ann Lee said", 1, 2, 3},
        /* a phrase of two words; the lexicon met through a token test */
        {"lexicon S { said so; told }\nrule a: [title] (@S | [in=S & upper]) => P;",
         "Bob said so, Al TOLD, Ed told", "P:Bob said so|P:Al TOLD|P:Ed told", 1, 1, 1},
        /* a record or a branch without the lexicon first: none */
        {"lexicon S { said }\nrule n: [number] => _N;\nphase 2;\nrule a: <_N> @S => P;",
         "7 said", "P:7 said", 0, 0, 0},
        {"lexicon S { said }\nrule a: [title] (@S | \"x\") => P;", "Bob x, Al said",
         "P:Bob x|P:Al said", 0, 0, 0},
        /* too far in: none */
        {"lexicon S { said }\nrule a: [title]{9} @S => P;", "Aa Bb Cc Dd Ee Ff Gg Hh Ii said",
         "P:Aa Bb Cc Dd Ee Ff Gg Hh Ii said", 0, 0, 0},
    };
    char buf[512];
    for (size_t i = 0; i < sizeof MUST / sizeof MUST[0]; i++) {
        facta_rules *r = compile_ok(MUST[i].rules);
        const rule *ru = &r->rules[r->nrules - 1];
        if ((ru->must_lex != 0) != MUST[i].must ||
            (MUST[i].must && (ru->must_lo != MUST[i].lo || ru->must_hi != MUST[i].hi)))
            fail_msg("%s: must %llx [%d, %d]", MUST[i].rules, (unsigned long long)ru->must_lex,
                     ru->must_lo, ru->must_hi);
        run(r, MUST[i].text, buf, sizeof buf);
        if (strcmp(buf, MUST[i].expect) != 0)
            fail_msg("%s on \"%s\": expected \"%s\", got \"%s\"", MUST[i].rules, MUST[i].text,
                     MUST[i].expect, buf);
        facta_rules_free(r);
    }
}

/* A long document: the capture log is compacted many times while candidates made before a
 * compaction are still extended (each group's match grows word by word); every record must
 * still read its own captures. */
static void test_capture_log_compaction(void **state)
{
    (void)state;
    static const char *const W[] = {"aa", "bb", "cc", "dd", "ee"};
    facta_rules *r = compile_ok("rule a: n:[number] (m:[alpha])+ => T { norm = join(text($n), text($m)) };");
    size_t groups = 30000, cap = groups * 24, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (size_t k = 1; k <= groups; k++) {
        len += (size_t)snprintf(text + len, cap - len, "%zu", k);
        for (size_t j = 0; j <= k % 5; j++)
            len += (size_t)snprintf(text + len, cap - len, " %s", W[j]);
        text[len++] = '\n';
    }
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    const facta_entity *e;
    size_t n;
    assert_int_equal(facta_extract(&e, &n, ex, text, len, NULL), FACTA_OK);
    assert_int_equal(n, groups);
    for (size_t k = 1; k <= groups; k++) {
        char want[32];
        snprintf(want, sizeof want, "%zu %s", k, W[k % 5]);
        if (strcmp(e[k - 1].norm, want) != 0)
            fail_msg("record %zu: \"%s\", expected \"%s\"", k, e[k - 1].norm, want);
    }
    facta_extractor_free(ex);
    facta_rules_free(r);
    free(text);
}

/* ---- linear time: nested quantifiers over a long input ---- */

static void test_linear_time(void **state)
{
    (void)state;
    facta_rules *r = compile_ok("rule a: ((_+ _*)+ _?)* \"zzz\" => T;\n"
                                "rule b: ([alpha]* [alpha]+)+ \"zzz\" => T;");
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    size_t prog = r->phases[0].nprog;
    uint64_t prev_ratio = 0;
    for (size_t words = 1000; words <= 64000; words *= 4) {
        size_t len = words * 5;
        char *text = malloc(len + 1);
        for (size_t i = 0; i < words; i++)
            memcpy(text + i * 5, "abcd ", 5);
        text[len] = 0;
        const facta_entity *e;
        size_t n;
        assert_int_equal(facta_extract(&e, &n, ex, text, len, NULL), FACTA_OK);
        assert_int_equal(n, 0);
        /* steps are bounded by tokens x program size x the longest match window */
        uint64_t bound = (uint64_t)words * prog * 4;
        if (ex->steps > bound)
            fail_msg("%zu tokens: %llu steps > bound %llu", words, (unsigned long long)ex->steps,
                     (unsigned long long)bound);
        uint64_t ratio = ex->steps / words;
        if (prev_ratio)
            assert_true(ratio <= prev_ratio * 2); /* per-token cost does not grow */
        prev_ratio = ratio;
        free(text);
    }
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* ---- attributes: numbers, dates, names ---- */

static void test_attrs(void **state)
{
    (void)state;
    facta_rules *r;
    facta_diag d;
    assert_int_equal(facta_rules_default(&r, &d), FACTA_OK);
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, r), FACTA_OK);
    const facta_entity *e;
    size_t n;
    const char *t = "With nearly 6.8 mn children, the fund spent $5 mn.";
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(e[i].type, "FIGURE") != 0)
            continue;
        const char *v = attr(&e[i], "value");
        assert_non_null(v);
        if (strcmp(v, "6800000") == 0) {
            assert_string_equal(attr(&e[i], "unit"), "child");
            assert_string_equal(attr(&e[i], "qualifier"), "about");
            seen++;
        } else if (strcmp(v, "5000000") == 0) {
            assert_string_equal(attr(&e[i], "unit"), "USD");
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    /* a date without a year takes the document's year, marked inferred */
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.doc_date = "2024-03-01";
    t = "The forum opened on 6-7 December and closed last year.";
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), &o), FACTA_OK);
    assert_int_equal(n, 2);
    assert_string_equal(attr(&e[0], "iso"), "2024-12-06/2024-12-07");
    assert_string_equal(attr(&e[0], "inferred"), "year");
    assert_string_equal(attr(&e[1], "year"), "2023");
    /* without a document date, relative dates stay unresolved */
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    assert_null(attr(&e[1], "year"));
    assert_string_equal(attr(&e[1], "relative"), "-1");
    facta_extractor_free(ex);
    facta_rules_free(r);
}

/* Each case failed before its fix. */
static void test_fixed_bugs(void **state)
{
    (void)state;
    char buf[2048];
    const char *t;
    facta_rules *r = compile_ok("morphology \"rules/ru/endings.tsv\";\n"
                                "rule a: [case=gen] => G;\n"
                                "rule b: x:[alpha] => N { norm = first(number(\"abc\"), \"empty\") };");
    /* an empty ending does not make every word a genitive plural */
    run(r, "новый", buf, sizeof buf);
    assert_string_equal(buf, "N:empty"); /* and number("abc") is empty, not 0 */
    facta_rules_free(r);

    facta_rules *dr;
    facta_diag d;
    assert_int_equal(facta_rules_default(&dr, &d), FACTA_OK);
    facta_extractor *ex;
    assert_int_equal(facta_extractor_new(&ex, dr), FACTA_OK);
    const facta_entity *e;
    size_t n;
    static const struct { const char *text, *type, *norm, *key, *value; } C[] = {
        /* spelling variants share one key */
        {"Dinara Zakiyeva spoke.", "PERSON", "Dinara Zakiyeva", "key", "dinara zakieva"},
        {"Dinara Zakieva spoke.", "PERSON", "Dinara Zakieva", "key", "dinara zakieva"},
        {"Динара Закиева сказала.", "PERSON", "Динара Закиева", "key", "dinara zakieva"},
        {"Nursultan Nazarbayev said", "PERSON", "Nursultan Nazarbayev", "key", "nursultan nazarbaev"},
        {"Нурсултан Назарбаев сказал", "PERSON", "Нурсултан Назарбаев", "key", "nursultan nazarbaev"},
        /* a genitive given name before a surname in -ева is put in the nominative */
        {"по словам Ерика Сатпаева", "PERSON", "Ерик Сатпаев", "first", "Ерик"},
        /* the head noun's gender comes from its singular */
        {"сотрудники Национальной службы охраны", "ORG", "Национальная служба охраны", NULL, NULL},
        {"сотрудники Национального агентства", "ORG", "Национальное агентство", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof C / sizeof C[0]; i++) {
        assert_int_equal(facta_extract(&e, &n, ex, C[i].text, strlen(C[i].text), NULL), FACTA_OK);
        int ok = 0;
        for (size_t k = 0; k < n; k++)
            if (strcmp(e[k].type, C[i].type) == 0 && strcmp(e[k].norm, C[i].norm) == 0 &&
                (!C[i].key || (attr(&e[k], C[i].key) && strcmp(attr(&e[k], C[i].key), C[i].value) == 0)))
                ok = 1;
        if (!ok)
            fail_msg("\"%s\": no %s \"%s\" %s=%s", C[i].text, C[i].type, C[i].norm,
                     C[i].key ? C[i].key : "", C[i].value ? C[i].value : "");
    }
    /* initials take the full name only when the first letter agrees */
    t = "Айгуль Жумабаева открыла форум. Б. Жумабаева отметила.";
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    for (size_t k = 0; k < n; k++)
        if (strcmp(e[k].type, "PERSON") == 0 && e[k].span.byte_start > 40)
            assert_null(attr(&e[k], "match"));
    /* a surname alone does not take a full name that comes later in the text */
    t = "Zakiyeva said that. Later Dinara Zakiyeva spoke.";
    assert_int_equal(facta_extract(&e, &n, ex, t, strlen(t), NULL), FACTA_OK);
    for (size_t k = 0; k < n; k++)
        if (e[k].span.byte_start == 0)
            assert_null(attr(&e[k], "match"));
    facta_extractor_free(ex);
    facta_rules_free(dr);
}

/* ---- the phrase walk's shortcuts (lex_derive) agree with the trie's edges ---- */

static void test_lex_derive(void **state)
{
    (void)state;
    facta_rules *r = compile_ok(
        "lexicon L { big apple; big apple pie; apple; new york city; york }\nrule a: @L => T;");
    assert_non_null(r->root_child);
    assert_non_null(r->node_kids);
    for (uint32_t w = 0; w < r->nwords; w++)
        assert_int_equal(r->root_child[w], lex_child(r, 0, w));
    for (uint32_t node = 0; node < r->nnodes; node++) {
        int kids = 0;
        for (uint32_t w = 0; w < r->nwords && !kids; w++)
            kids = lex_child(r, node, w) != 0;
        assert_int_equal((r->node_kids[node / 64] >> (node % 64)) & 1, kids);
    }
    char buf[512];
    assert_string_equal(run(r, "a big apple pie, an apple and new york city, york", buf, 512),
                        "T:big apple pie|T:apple|T:new york city|T:york");
    facta_rules_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_examples), cmocka_unit_test(test_cases),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_rule_label_utf8),
        cmocka_unit_test(test_regex_needed_byte),           cmocka_unit_test(test_linear_time),
        cmocka_unit_test(test_capture_limit),    cmocka_unit_test(test_fixed_bugs),
        cmocka_unit_test(test_attrs),            cmocka_unit_test(test_split_looks),
        cmocka_unit_test(test_split_fans),       cmocka_unit_test(test_rule_start),
        cmocka_unit_test(test_lex_derive),       cmocka_unit_test(test_many_generic),
        cmocka_unit_test(test_must_lexicon),     cmocka_unit_test(test_capture_log_compaction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
