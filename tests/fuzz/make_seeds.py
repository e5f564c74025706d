#!/usr/bin/env python3
"""make_seeds.py: (re)write the generated seed files of tests/fuzz/corpus/.

    python3 tests/fuzz/make_seeds.py        # from anywhere; writes gen_* files only

Every file it writes is named gen_*; other corpus files (crash reproducers named
crash_*, slow_* or regress_*, and inputs kept from fuzzing runs) are left alone. The seeds
are small: rule snippets from docs/rules.md and rules/*.facta, news sentences in both
scripts, invalid UTF-8, BOMs, NUL bytes, deep nesting and huge quantifiers.
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, "gen_" + name), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def clean_old():
    for target in os.listdir(CORPUS) if os.path.isdir(CORPUS) else []:
        d = os.path.join(CORPUS, target)
        for n in os.listdir(d):
            if n.startswith("gen_"):
                os.remove(os.path.join(d, n))


# ---- rules ----------------------------------------------------------------------------

def rules_seeds():
    doc = read("docs/rules.md").decode("utf-8")
    for i, b in enumerate(re.findall(r"```facta\n(.*?)```", doc, re.S)):
        write("rules", "docs_%02d.facta" % i, b)
    k = 0
    for b in re.findall(r"```text\n(.*?)```", doc, re.S):
        if re.search(r"\b(rule|lexicon|define|reject)\b", b):
            write("rules", "docs_text_%02d.facta" % k, b)
            k += 1

    # the default rules, with their file names made relative to the repository root (the
    # replay tests and scripts/fuzz.sh run there)
    def fix(t):
        t = re.sub(r'"(lex/[^"]+)"', r'"rules/\1"', t)
        return t.replace('"ru/endings.tsv"', '"rules/ru/endings.tsv"')

    names = ["00_lexicons", "10_numbers", "20_dates", "30_figures", "40_places", "45_orgs",
             "50_persons", "70_roles"]
    src = {n: fix(read("rules/%s.facta" % n).decode("utf-8")) for n in names}
    write("rules", "default_lexicons_numbers.facta", src["00_lexicons"] + src["10_numbers"])
    write("rules", "default_lexicons_dates.facta", src["00_lexicons"] + src["20_dates"])
    write("rules", "default_lexicons_places.facta", src["00_lexicons"] + src["40_places"])
    for n in names[3:]:
        write("rules", "default_%s.facta" % n, src[n])  # alone: unknown names, early errors

    snippets = {
        "minimal.facta": 'rule a: "x" => X;\n',
        "bom.facta": '\ufeffrule a: "x" => X;\nexample "x" => X "x";\n',
        "bom_twice.facta": '\ufeff\ufeffrule a: "x" => X;\n',
        "nul_in_string.facta": b'rule a: "x\x00y" => X;\n',
        "nul_outside.facta": b'rule a:\x00 "x" => X;\n',
        "invalid_utf8_string.facta": b'rule a: "\xc3(" => X;\n',
        "invalid_utf8_comment.facta": b'# \xff\xfe\nrule a: "x" => X;\n',
        "truncated_utf8.facta": b'rule a: "\xe2\x82',
        "non_ascii_outside_quotes.facta": 'rule a: привет => X;\n',
        "empty.facta": "",
        "comment_only.facta": "# nothing\n",
        "crlf.facta": 'rule a: "x"\r\n  => X;\r\nexample "x" => X;\r\n',
        "unterminated_string.facta": 'rule a: "x => X;\n',
        "unterminated_regex.facta": 'rule a: [re=/abc] => X;\n',
        "nesting_64.facta": "rule a: " + "(" * 64 + '"x"' + ")" * 64 + " => X;\n",
        "nesting_65.facta": "rule a: " + "(" * 65 + '"x"' + ")" * 65 + " => X;\n",
        "test_nesting_65.facta": "rule a: [" + "(" * 65 + "any" + ")" * 65 + "] => X;\n",
        "not_chain_65.facta": "rule a: [" + "!" * 65 + "any] => X;\n",
        "not_chain_64.facta": "rule a: [" + "!" * 64 + "any] => X;\n",
        "expr_nesting_64.facta": "rule a: x:_ => X { norm = " + "text(" * 64 + "$x" +
                                 ")" * 64 + " };\n",
        "expr_nesting_65.facta": "rule a: x:_ => X { norm = " + "text(" * 65 + "$x" +
                                 ")" * 65 + " };\n",
        "repeat_64.facta": 'rule a: "x"{64} => X;\n',
        "repeat_65.facta": 'rule a: "x"{65} => X;\n',
        "repeat_0_65.facta": 'rule a: "x" "y"{0,65} => X;\n',
        "repeat_reversed.facta": 'rule a: "x"{3,2} => X;\n',
        "repeat_zero.facta": 'rule a: "y" "x"{0} => X;\n',
        "repeat_huge.facta": 'rule a: "x"{99999999999999999999} => X;\n',
        "repeat_huge_max.facta": 'rule a: "x"{1,4294967296} => X;\n',
        "repeat_stack.facta": 'rule a: "x"{64}{64}{64}{64} => X;\n',
        "repeat_open.facta": 'rule a: "x"{2,} "y"* "z"+ "w"? => X;\n',
        "quantifier_chain.facta": 'rule a: "a" _' + "?" * 300 + " => X;\n",
        "phase_huge.facta": 'phase 99999999999999999999; rule a: "x" => X;\n',
        "phase_many.facta": "".join('phase %d; rule r%d: "w%d" => T%d;\n' % (i, i, i, i)
                                    for i in range(40)),
        "priority_huge.facta": 'rule a priority -99999999999999999999: "x" => X;\n',
        "len_huge.facta": 'rule a: [len=99999999999..99999999999999] => X;\n',
        "len_reversed.facta": 'rule a: [len=5..2] => X;\n',
        "alternatives_256.facta": "rule a: " + " | ".join('"w%d"' % i for i in range(256)) +
                                  " => X;\n",
        "alternatives_257.facta": "rule a: " + " | ".join('"w%d"' % i for i in range(257)) +
                                  " => X;\n",
        "captures_65.facta": "rule a: " + " ".join("c%d:_" % i for i in range(65)) + " => X;\n",
        "records_9.facta": 'rule a: x:_ => ' + " ".join("T%d" % i for i in range(9)) + ";\n",
        "attrs_33.facta": 'rule a: x:_ => T { ' + ", ".join('k%d = "v"' % i for i in range(33)) +
                          " };\n",
        "args_17.facta": 'rule a: x:_ => T { norm = concat(' + ", ".join(["$x"] * 17) + ") };\n",
        "reject_types_17.facta": 'rule a: x:_ => T;\nreject r (' +
                                 ", ".join("T%d" % i for i in range(17)) + '): "x";\n',
        "empty_pattern.facta": "rule a: => X;\n",
        "nullable.facta": 'rule a: "x"? => X;\n',
        "unknown_everything.facta": 'rule a: @NOPE %NOPE <NOPE> [bogus] => X { y = $z, '
                                    'w = bogus(1) };\n',
        "same_phase_record.facta": 'rule a: "x" => X;\nrule b: <X> => Y;\n',
        "later_phase_record.facta": 'rule a: "x" => X;\nphase 2;\nrule b: x:<X> "y" => Y '
                                    '{ n = norm($x) };\nexample "x y" => Y;\n',
        "regex_bad.facta": 'rule a: [re=/(/] => X;\n',
        "regex_catastrophic.facta": 'rule a: [re=/(a+)+b/ | fre=/(x*)*y/i] => X;\n'
                                    'example "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" => X;\n',
        "regex_big_repeat.facta": 'rule a: [re=/a{1,65535}b{1,65535}/] => X;\n',
        "regex_slashes.facta": 'rule a: [re=/a\\/b\\d+\\s?/] => X;\n',
        "inline_lexicon.facta": 'lexicon L { one => 1 | unit; two words => 2 | unit tag=v\n'
                                'три => 3 | unit }\nrule a: x:@L => X { v = number($x), '
                                't = tag($x, "tag"), c = canon($x) };\nexample "two words" => X;\n',
        "inline_lexicon_unterminated.facta": "lexicon L { one; two\nrule a: @L => X;\n",
        "lexicon_phrase_16.facta": "lexicon L { " + " ".join("w%d" % i for i in range(16)) +
                                   " }\nrule a: @L => X;\n",
        "lexicon_phrase_17.facta": "lexicon L { " + " ".join("w%d" % i for i in range(17)) +
                                   " }\nrule a: @L => X;\n",
        "lexicon_twice.facta": "lexicon L { a }\nlexicon L { b }\n",
        "lexicon_missing_file.facta": 'lexicon L "no/such/file.lex";\n',
        "lexicon_directory.facta": 'lexicon L "rules";\n',
        "lexicon_files.facta": 'morphology "rules/ru/endings.tsv";\n'
                               'lexicon M "rules/lex/en/months.lex";\n'
                               'lexicon G "rules/lex/ru/given_names.lex" inflect given;\n'
                               'lexicon P "rules/lex/ru/places.lex" inflect noun exact inflect;\n'
                               'rule a: d:[number] m:@M[cap] => DATE { day = number($d), '
                               'month = number(canon($m)) };\n'
                               'rule g: g:[title & in=G] s:[cyrillic & title] => PERSON '
                               '{ first = name($g), last = surname($s, $g) };\n'
                               'example "on 5 June" => DATE "--06-05";\n',
        "lexicon_icu.facta": "lexicon C icu countries;\nrule c: x:@C[cap] => PLACE "
                             '{ code = tag($x, "code"), norm = canon($x) };\n'
                             'example "в Казахстане" => PLACE "Казахстан";\n',
        "lexicon_icu_bad.facta": "lexicon C icu planets;\n",
        "morphology_missing.facta": 'morphology "nope.tsv";\n',
        "agreement_no_morphology.facta": 'rule a: [cyrillic]~ [cyrillic]~ => NP;\n',
        "define_capture.facta": "define D = x:_;\n",
        "define_twice.facta": "define D = _;\ndefine D = _;\n",
        "define_dag_small.facta": "define A0 = \"a\" | \"b\";\n" + "".join(
            "define A%d = %%A%d %%A%d?;\n" % (i, i - 1, i - 1) for i in range(1, 6)) +
            'rule r: %A5 => X;\nexample "a b a" => X;\n',
        "define_chain_deep.facta": "define A0 = \"x\";\n" + "".join(
            "define A%d = ((((%%A%d))));\n" % (i, i - 1) for i in range(1, 300)) +
            "rule r: %A299 => X;\n",
        "functions.facta": 'rule a: x:[alpha] y:[number]? => T { l = lower($x), u = upper($x), '
                           't = title($x), c = concat($x, "-", $y), j = join($x, $y), '
                           'n = number($y), p = part($y, 2), f = first($y, $x), '
                           'i = if($y, "num", "none"), s = same($x, "ABC", "yes", "no"), '
                           'le = lemma($x), no = nominative($x), na = name($x), '
                           'su = surname($x, $x), pa = patronymic($x, $x), ca = canon($x), '
                           'ta = tag($x, "k"), e = .l, norm = join(.u, .n) };\n'
                           'example "abc 1.2.3" => T;\n',
        "span_capture.facta": 'rule a: "Mr" "."? l:[title] => P { span = $l };\n'
                              'rule b: x:_ y:_? => Q { span = $y };\nexample "Mr. Smith" => P "Smith";\n',
        "reject_target.facta": 'rule a: n:[number] => N;\nreject r (N): "No" "."? target:[number];\n'
                               'counter "No. 5" => N;\n',
        "rule_options.facta": 'rule a priority -3 overlap after [punct] notafter [number]: "x" => X;\n'
                              'reject b after [sent]: "y";\n',
        "example_bad.facta": 'example "x";\ncounter "y" => ;\n',
        "statement_unknown.facta": "frobnicate;\n",
        "keywords_as_names.facta": 'rule rule: "rule" => rule { rule = "rule" };\n',
        "strings_escapes.facta": 'rule a: "\\"" "\\\\" "\\n" "\\t" "\\q" => X { norm = "\\"\\\\" };\n',
        "hyphen_identifiers.facta": 'define org-head = "x";\nrule a-b_c: %org-head => T-1;\n',
        "many_types.facta": "".join('rule r%d: "w%d" => T%d;\n' % (i, i, i) for i in range(200)),
    }
    for name, text in snippets.items():
        write("rules", name, text)


# ---- documents -----------------------------------------------------------------------

NEWS = [
    "Deputy Prime Minister Tamara Duissenova said on 5 June that 382 schools will open.",
    "В Астане 21 и 22 ноября 2016 г. собрались более 1300 участников.",
    "With nearly 6.8 mn children, the fund spent $5 mn. UNICEF Representative in Kazakhstan "
    "Arthur van Diesen said 1,300 people came.",
    "Президент Казахстана Касым-Жомарт Токаев прибыл в Астану. Уполномоченный по правам "
    "ребенка Динара Закиева отметила рост на 2,5 процента.",
    "The forum opened on 6-7 December and closed last year.",
    "«Газпром» и “Apple” — 25-летию, 2023-2024; see http://example.com/a, a.b@mail.ru.",
    "Ростов-на-Дону\n\nN. Nazarbayev met Kianian-Firouzgar on Feb. 22, 2019 in Almaty.",
    "[ASTANA, 17 December 2006] The forum opened on 6 December. Unlike last year, ...",
    "Дата публикации: 23 ноября 2016\nВ прошлом году с 6 по 7 декабря 2006 г. прошло 23.11.2016.",
    "Mr. Smith and Ms. O'Neil-McDonald (UN) met the CEO of Acme Widgets; iPhone, McDonald's.",
    "Барак Обама встретился с Обамой. Владимира Путина и Путину.",
]

INVALID = {
    "lone_continuation": b"abc \x80 def",
    "lone_lead": b"abc \xc3 def",
    "overlong_2": b"\xc0\xaf and \xc1\xbf",
    "overlong_3": b"\xe0\x80\xaf",
    "overlong_4": b"\xf0\x80\x80\xaf",
    "surrogate": b"\xed\xa0\x80\xed\xbf\xbf text",
    "past_10ffff": b"\xf4\x90\x80\x80 \xf5\x80\x80\x80",
    "ff_fe": b"\xff\xfe\x00a\x00b",
    "truncated_end_2": "Москва".encode() + b"\xd0",
    "truncated_end_3": b"euro \xe2\x82",
    "truncated_end_4": b"smile \xf0\x9f\x98",
    "mixed_valid_invalid": "Астана \xff 2016 ".encode("latin-1", "replace") +
                           "ноября".encode() + b"\xfe\xed\xa0\x80",
    "invalid_in_word": b"Nazar\xffbayev Ast\xc3ana",
    "invalid_in_number": b"1\xff300 and 2\x80.5",
    "invalid_before_bom": b"\xff\xef\xbb\xbfBOM",
}


def doc_seeds():
    for target in ("extract", "json", "norm"):
        for i, s in enumerate(NEWS):
            write(target, "news_%02d.txt" % i, s)
        for name, b in INVALID.items():
            write(target, "invalid_%s.txt" % name, b)
        write(target, "empty.txt", b"")
        write(target, "bom_only.txt", b"\xef\xbb\xbf")
        write(target, "bom_text.txt", b"\xef\xbb\xbf" + NEWS[1].encode())
        write(target, "bom_twice.txt", b"\xef\xbb\xbf\xef\xbb\xbfDouble BOM in Astana")
        write(target, "bom_inside.txt", "Astana \ufeff2016\ufeff".encode())
        write(target, "nul_bytes.txt", b"Astana\x00 2016\x00\x00 \x00December\x00")
        write(target, "nul_only.txt", b"\x00" * 64)
        write(target, "control_chars.txt", bytes(range(1, 32)) + b" abc \x7f")
        write(target, "whitespace_only.txt", " \t\r\n\u00a0\u2028\u2029\u3000".encode())
        write(target, "cr_only.txt", b"Line one.\rLine two 5 June.\r\rPara 2016.")
        write(target, "emoji.txt", "Astana 😀 2016 👨‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 é".encode())
        write(target, "combining.txt", "Ас\u0301тана Jose\u0301 2016".encode())
        write(target, "long_word.txt", b"a" * 10000 + b" 2016")
        write(target, "long_number.txt", b"1" * 300 + b" and 9" * 40)
        write(target, "long_url.txt", b"see http://example.com/" + b"x" * 5000 + b". done")
        write(target, "punct_run.txt", b".,;:!?()[]{}\"'-" * 50)
        write(target, "quotes_backslashes.txt", b'He said "\\" and \'\\\\\' \\u0000 \\n')
        write(target, "mixed_script.txt", "Москва-city Kazakhстан ПAPA 2016".encode())

    for n in ("en_forum.txt", "ru_region.txt", "mixed_digest.txt"):
        write("extract", "sample_" + n, read("examples/samples/" + n)[:1500])
    write("extract", "bench_en_01.txt", read("bench/corpus/en_01.txt")[:2000])
    write("extract", "bench_ru_01.txt", read("bench/corpus/ru_01.txt")[:2000])

    json_docs = {
        "numbers_words.txt": "one two twenty hundred dozen million half third one-third "
                             "twenty-two",
        "numbers_inf.txt": " ".join(["dozen"] * 400),
        "numbers_mult.txt": " ".join(["million"] * 60) + " 1" * 20,
        "numbers_digits.txt": "1,300.5 2.134.472,44 1 300 000 0.1 0,5 " + "9" * 127 + " " +
                              "1" * 128,
        "numbers_small.txt": "0.000000000000000000001 1e-300 half third",
        "escapes.txt": 'a"b c\\d e/f \x01\x02\x1f \x7f "" \\\\',
        "unicode.txt": "\u2028\u2029 \ufffd \U0010ffff \U0001f600 \u0301",
    }
    for name, s in json_docs.items():
        write("json", name, s)

    norm_docs = {
        "dmy.txt": "12/11/2016 and 31 12 2016 and 1.2.1999 and 45.13.2016",
        "dotted.txt": "23.11.2016 и 01.01.1000 и 31.12.2200 и 32.01.2016 и 1.1.99999",
        "range_en.txt": "5 - 7 December 2016, 30 to 31 May and 1 - 99 June 2016",
        "range_ru.txt": "с 6 по 7 декабря 2006 г., 21 и 22 ноября 2016 года",
        "span.txt": "1 / 2016 - 3 / 2017 and 13 / 2016 - 1 / 99999",
        "until.txt": "until 31 12 2016 until 0 0 0 until 5 6 -7",
        "rel_text.txt": "year 2147483647 year -2147483648 year 99999999999999 year x год 5 "
                        "year -1 year 0",
        "rel_number.txt": "in 5 years, in 1000000000000000 years, in 2,5 years, in six years",
        "months.txt": "December 99999 June 0 January 5 мая 31 декабря 32",
        "text_fields.txt": "on 12abc 1e1 2016 on 0 0 0 on -5 13 1e15 on 1,5 2.5 2016.7",
        "dateline_bracket.txt": "[ASTANA, 17 December 2006] The forum opened on 6 December. "
                                "Unlike last year, ...",
        "dateline_bad.txt": "[ASTANA, 17 December 99999] last year on 6 December",
        "numbers_en.txt": "more than 1.5 million children, three hundred and twelve projects, "
                          "6.8 mn, 1,300 people, two thirds, a dozen eggs",
        "numbers_ru.txt": "более 1300 участников, двести тысяч, полтора миллиона, 2,5 процента, "
                          "1 300 000,5 тенге",
        "huge_numbers.txt": " ".join(["thousand"] * 200) + " " + "9" * 120,
        "part_digits.txt": "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21 "
                           "123456789012345678901234567890",
        "decades.txt": "the 1990s, in the 2010s, в 1990-х годах, в 2016-2017 годах",
    }
    for name, s in norm_docs.items():
        write("norm", name, s)


if __name__ == "__main__":
    clean_old()
    rules_seeds()
    doc_seeds()
    total = sum(len(os.listdir(os.path.join(CORPUS, t))) for t in os.listdir(CORPUS))
    print("corpus: %d files" % total)
