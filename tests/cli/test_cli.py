"""Tests of the facta-extract command-line program.

Run from the repository root:  /usr/bin/python3 -m pytest tests/cli -q
The program is $FACTA_EXTRACT, by default build/bin/facta-extract.

Most tests use a tiny rule file written here (--rules), so they depend neither on the
built-in rules nor on which records those give.
"""
import html.parser
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXE = os.environ.get("FACTA_EXTRACT", os.path.join(ROOT, "build", "bin", "facta-extract"))
if not os.path.isabs(EXE):
    EXE = os.path.join(ROOT, EXE)

# The rule language of lib/rules_parse.c (docs/rules.md): a DATE, places and an organization.
TINY_RULES = """\
rule date_en: d:[kind=number] m:[word="november"] y:[kind=number] => DATE { day = $d, year = $y };
rule city: [word="moscow"] | [word="london"] | [word="москва"] => PLACE;
rule org: [word="acme"] => ORG { name = "Acme" };
"""

DOC_A = "On 21 November 2016 Acme opened an office in Moscow.\nIt also works in London.\n"
DOC_B = "Столица — Москва; Acme again.\n\nA second paragraph without records"
DOC_C = "Nothing to see here."


@pytest.fixture(scope="session", autouse=True)
def _binary():
    if not os.access(EXE, os.X_OK):
        pytest.fail("facta-extract not found at %s: build it first (or set FACTA_EXTRACT)" % EXE)


@pytest.fixture(scope="session")
def rules(tmp_path_factory):
    p = tmp_path_factory.mktemp("rules") / "tiny.facta"
    p.write_text(TINY_RULES, encoding="utf-8")
    return str(p)


def run(args, input=None, timeout=120, cwd=None):
    if isinstance(input, str):
        input = input.encode("utf-8")
    return subprocess.run([EXE] + [str(a) for a in args], input=input, capture_output=True,
                          timeout=timeout, cwd=cwd)


def write(path, text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def corpus(tmp_path):
    """Three good documents: a.txt, b.txt, c.txt."""
    return [write(tmp_path / "a.txt", DOC_A), write(tmp_path / "b.txt", DOC_B),
            write(tmp_path / "c.txt", DOC_C)]


@pytest.fixture
def many(tmp_path):
    """A multi-document directory for the -j comparisons."""
    d = tmp_path / "many"
    (d / "sub").mkdir(parents=True)
    for i in range(40):
        text = [DOC_A, DOC_B, DOC_C][i % 3] * (1 + i % 4) + "Document %d.\n" % i
        write((d / "sub" if i % 2 else d) / ("doc%02d.txt" % i), text)
    return str(d)


def jsonl(out):
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


# ---- options -----------------------------------------------------------------------------

def test_version():
    r = run(["--version"])
    assert r.returncode == 0
    out = r.stdout.decode()
    assert out.startswith("facta-extract ")
    assert len(out.split()) == 2 and out.split()[1][0].isdigit()


def test_help_fits_a_screen():
    r = run(["--help"])
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert 5 < len(lines) <= 40
    assert all(len(line) <= 100 for line in lines)
    for opt in ("--format", "--input", "--types", "--rules", "--jobs", "--tokens", "--utf8"):
        assert opt in r.stdout.decode()


@pytest.mark.parametrize("args", [["--no-such-option"], ["-Z"], ["--format", "xml"], ["-j"],
                                  ["--input", "csv"], ["--utf8", "latin1"], ["--max-bytes", "x"],
                                  ["--tokens", "--format", "html"], ["--date", "yesterday"],
                                  ["--lang", "fr"]])
def test_usage_errors_exit_2(args, corpus):
    r = run(args + [corpus[0]])
    assert r.returncode == 2
    assert r.stdout == b""
    assert r.stderr.startswith(b"facta-extract: ")


def test_rule_error_exit_2(tmp_path, corpus):
    bad = write(tmp_path / "bad.facta",
                'rule ok: [word="x"] => ORG;\nrule broken: [word=] => ORG;\n')
    r = run(["--rules", bad, corpus[0]])
    assert r.returncode == 2
    assert r.stdout == b""
    err = r.stderr.decode()
    assert err.startswith(bad + ":2:"), err  # file:line:column: message
    r = run(["--rules", str(tmp_path / "missing.facta"), corpus[0]])
    assert r.returncode == 2


def test_save_rules_then_use_the_pack(tmp_path, corpus):
    pack = tmp_path / "all.pack"
    r = run(["--save-rules", pack, corpus[0]])  # inputs are not read
    assert r.returncode == 0 and r.stdout == b""
    assert r.stderr.startswith(b"facta-extract: wrote %s: " % str(pack).encode())
    assert b"stamp " in r.stderr
    a = run(corpus)
    b = run(["--rules", pack] + corpus)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and a.stdout.count(b"\n") == 3
    r = run(["--save-rules", tmp_path / "missing" / "x.pack"])
    assert r.returncode == 2 and b"cannot write" in r.stderr
    r = run(["--rules-add", pack, corpus[0]])  # a pack already holds its defaults
    assert r.returncode == 2 and b"rule pack is complete" in r.stderr
    pack.write_bytes(pack.read_bytes()[:100])
    r = run(["--rules", pack, corpus[0]])
    assert r.returncode == 2 and b"rule pack" in r.stderr


def test_exit_0_when_all_good(rules, corpus):
    r = run(["--rules", rules] + corpus)
    assert r.returncode == 0
    assert r.stderr == b""  # stderr is not a terminal: no progress bar, no summary


# ---- formats -----------------------------------------------------------------------------

def test_jsonl(rules, corpus):
    r = run(["--rules", rules] + corpus)
    docs = jsonl(r.stdout)
    assert [d["id"] for d in docs] == corpus
    a = docs[0]
    types = [e["type"] for e in a["entities"]]
    assert types == ["DATE", "ORG", "PLACE", "PLACE"]
    date = a["entities"][0]
    assert date["text"] == "21 November 2016"
    assert (date["start"], date["end"]) == (3, 19)
    assert DOC_A[date["start"]:date["end"]] == date["text"]
    assert docs[2]["entities"] == []
    for d in docs:  # every span's text is what the offsets say
        text = open(d["id"], encoding="utf-8").read()
        raw = text.encode("utf-8")
        for e in d["entities"]:
            assert text[e["start"]:e["end"]] == e["text"]
            assert raw[e["byte_start"]:e["byte_end"]].decode() == e["text"]


def test_tsv(rules, corpus):
    r = run(["--rules", rules, "-f", "tsv"] + corpus)
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert lines[0] == "id\ttype\tstart\tend\ttext\tnorm\tattrs"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 7 for row in rows)
    assert rows[0][:5] == [corpus[0], "DATE", "3", "19", "21 November 2016"]
    assert json.loads(rows[0][6])["day"] in ("21", 21)
    org = [row for row in rows if row[1] == "ORG"][0]
    assert json.loads(org[6]) == {"name": "Acme"}
    assert {row[0] for row in rows} == {corpus[0], corpus[1]}


def test_tsv_explain_adds_rule_column(rules, corpus):
    r = run(["--rules", rules, "-f", "tsv", "--explain", corpus[0]])
    lines = r.stdout.decode().splitlines()
    assert lines[0].endswith("\tattrs\trule")
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 8 for row in rows)
    assert rows[0][7].endswith("date_en")


def test_jsonl_explain(rules, corpus):
    r = run(["--rules", rules, "-e", corpus[0]])
    d = jsonl(r.stdout)[0]
    assert "rejected" in d
    assert all("rule" in e for e in d["entities"])


def test_conll(rules, corpus):
    r = run(["--rules", rules, "-f", "conll"] + corpus)
    assert r.returncode == 0
    out = r.stdout.decode()
    assert out.startswith("-DOCSTART- %s\n\n" % corpus[0])
    assert out.count("-DOCSTART- ") == 3
    lines = out.splitlines()
    pairs = [tuple(line.split("\t")) for line in lines if "\t" in line]
    assert ("21", "B-DATE") in pairs
    assert ("November", "I-DATE") in pairs
    assert ("2016", "I-DATE") in pairs
    assert ("Acme", "B-ORG") in pairs
    assert ("On", "O") in pairs
    assert all(len(p) == 2 for p in pairs)
    # a blank line between the two sentences of a.txt
    i = lines.index("Moscow\tB-PLACE")
    assert lines[i + 1] == ".\tO" and lines[i + 2] == "" and lines[i + 3] == "It\tO"
    # I- never follows O
    prev = "O"
    for line in lines:
        tag = line.split("\t")[1] if "\t" in line else "O"
        assert not (tag.startswith("I-") and prev == "O")
        prev = tag


def check_brat(txt, ann):
    text = open(txt, encoding="utf-8", newline="").read()
    ts = [line.split("\t") for line in open(ann, encoding="utf-8").read().splitlines()]
    spans = [t for t in ts if t[0].startswith("T")]
    for t in spans:
        kind_offsets = t[1].split(" ", 1)
        frags = [tuple(map(int, f.split())) for f in kind_offsets[1].split(";")]
        assert " ".join(text[a:b] for a, b in frags) == t[2]
    notes = [t for t in ts if t[0].startswith("#")]
    assert len(notes) == len(spans)
    assert all(n[1].startswith("AnnotatorNotes T") for n in notes)
    return spans, notes


def test_brat_directory(rules, corpus, tmp_path):
    out = tmp_path / "brat"
    r = run(["--rules", rules, "-f", "brat", "-o", out] + corpus)
    assert r.returncode == 0
    names = sorted(os.listdir(out))
    assert len(names) == 6 and all(n.endswith((".txt", ".ann")) for n in names)
    by_doc = {}
    for path in corpus:
        base = [n for n in names if n.endswith(".ann") and
                n[:-4].endswith(os.path.basename(path)[:-4])][0][:-4]
        assert open(out / (base + ".txt"), encoding="utf-8").read() == \
            open(path, encoding="utf-8").read()
        by_doc[path] = check_brat(out / (base + ".txt"), out / (base + ".ann"))
    spans, notes = by_doc[corpus[0]]
    assert [s[1].split()[0] for s in spans] == ["DATE", "ORG", "PLACE", "PLACE"]
    # code point offsets: the Cyrillic text of b.txt
    spans_b, _ = by_doc[corpus[1]]
    assert "Москва" in [s[2] for s in spans_b]
    assert "norm: Acme" in notes[1][2] and "name: Acme" in notes[1][2]


def test_brat_stdout(rules, corpus):
    r = run(["--rules", rules, "-f", "brat"] + corpus[:2])
    out = r.stdout.decode()
    assert out.count("==> ") == 2
    assert "\tDATE 3 19\t21 November 2016\n" in out


def test_brat_span_across_lines(tmp_path):
    rules = write(tmp_path / "r.facta", 'rule two: [word="new"] [word="york"] => PLACE;\n')
    doc = write(tmp_path / "ny.txt", "Я из New\nYork.")
    out = tmp_path / "brat"
    r = run(["--rules", rules, "-f", "brat", "-o", out, doc])
    assert r.returncode == 0
    spans, _ = check_brat(out / "ny.txt", out / "ny.ann")
    assert spans[0][1] == "PLACE 5 8;9 13" and spans[0][2] == "New York"


class _Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.marks, self.refs, self.stack = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append(a)
        for k in ("src", "href"):
            if k in a:
                self.refs.append(a[k])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


def test_html_is_one_self_contained_page(rules, corpus, tmp_path):
    out = tmp_path / "page.html"
    r = run(["--rules", rules, "-f", "html", "-o", out] + corpus)
    assert r.returncode == 0 and r.stdout == b""
    page = out.read_text(encoding="utf-8")
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    assert "http://" not in page and "https://" not in page and "//cdn" not in page
    assert "<style>" in page and "<script>" in page
    p = _Html()
    p.feed(page)
    p.close()
    assert p.stack == []  # every element closed, properly nested
    assert p.refs == [] and "link" not in p.tags and "img" not in p.tags
    assert len(p.marks) == 6  # a.txt: DATE ORG PLACE PLACE; b.txt: PLACE ORG
    date = [m for m in p.marks if m["data-type"] == "DATE"][0]
    assert "day: 21" in date["title"] and "norm:" in date["title"]
    assert len({m["style"] for m in p.marks}) == 3  # a colour per type
    assert 'class="legend"' in page
    for t in ("DATE", "ORG", "PLACE"):
        assert 'data-type="%s"' % t in page.split('class="legend"')[1]
    # the text is all there, escaped
    assert "On 21 November 2016" not in page  # split by the mark
    assert "Nothing to see here." in page


def test_html_escapes_text(rules, tmp_path):
    doc = write(tmp_path / "x.txt", 'Acme <script>alert("x")</script> & Moscow')
    r = run(["--rules", rules, "-f", "html", doc])
    page = r.stdout.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; " in page


def test_html_screenshot_with_chromium(rules, corpus, tmp_path):
    chromium = "/usr/bin/chromium"
    if not os.path.exists(chromium):
        pytest.skip("no /usr/bin/chromium")
    page = tmp_path / "page.html"
    png = tmp_path / "page.png"
    assert run(["--rules", rules, "-f", "html", "-o", page] + corpus).returncode == 0
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--user-data-dir=%s" % (tmp_path / "profile"), "--screenshot=%s" % png,
                    "--window-size=1200,900", "file://%s" % page],
                   capture_output=True, timeout=120)
    assert png.exists() and png.stat().st_size > 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---- parallel --------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "conll", "brat", "html"])
def test_j1_and_j2_byte_identical(rules, many, fmt):
    outs = []
    for j in ("1", "2", "3"):
        r = run(["--rules", rules, "-f", fmt, "-j", j, many])
        assert r.returncode == 0
        outs.append(r.stdout)
    assert outs[0] == outs[1] == outs[2]
    assert len(outs[0]) > 1000


def test_j1_and_j2_identical_default_rules(many):
    a = run(["-j", "1", many])
    b = run(["-j", "2", many])
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and len(jsonl(a.stdout)) == 40


def test_directory_sorted_by_path_with_glob(rules, many, tmp_path):
    write(tmp_path / "many" / "notes.md", "Acme")
    r = run(["--rules", rules, many])
    ids = [d["id"] for d in jsonl(r.stdout)]
    assert len(ids) == 40 and ids == sorted(ids)
    assert ids[0] == os.path.join(many, "doc00.txt")
    r = run(["--rules", rules, "--glob", "*.md", many])
    assert [d["id"] for d in jsonl(r.stdout)] == [os.path.join(many, "notes.md")]


# ---- bad input ----------------------------------------------------------------------------

def test_bad_inputs_in_the_middle_of_a_batch(rules, tmp_path):
    good1 = write(tmp_path / "1.txt", "Acme in London.")
    binary = write(tmp_path / "2.txt", b"Acme\x00\x01\x02binary\xff")
    latin1 = write(tmp_path / "3.txt", "Acme à Moscow".encode("latin-1"))
    missing = str(tmp_path / "4-missing.txt")
    good2 = write(tmp_path / "5.txt", "Moscow and Acme.")
    paths = [good1, binary, latin1, missing, good2]
    unreadable = None
    if os.geteuid() != 0:
        unreadable = write(tmp_path / "6.txt", "Acme")
        os.chmod(unreadable, 0)
        paths.append(unreadable)
    paths.append(write(tmp_path / "7.txt", "London"))
    r = run(["--rules", rules] + paths)
    assert r.returncode == 1
    docs = jsonl(r.stdout)
    assert [d["id"] for d in docs] == [good1, good2, paths[-1]]
    assert [e["text"] for e in docs[0]["entities"]] == ["Acme", "London"]
    err = r.stderr.decode().splitlines()
    assert err[0].startswith("facta-extract: %s: binary file" % binary)
    assert err[1].startswith("facta-extract: %s: invalid UTF-8 at byte 5" % latin1)
    assert err[2] == "facta-extract: %s: No such file or directory" % missing
    if unreadable:
        assert err[3] == "facta-extract: %s: Permission denied" % unreadable
    nfail = 4 if unreadable else 3
    assert err[nfail].startswith("%d documents, 5 records, %d failed, " % (len(paths), nfail))
    assert len(err) == nfail + 1


def test_utf8_replace(rules, tmp_path):
    latin1 = write(tmp_path / "l.txt", "Acme \xe0 Moscow".encode("latin-1"))
    r = run(["--rules", rules, "--utf8=replace", latin1])
    assert r.returncode == 0
    d = jsonl(r.stdout)[0]
    moscow = d["entities"][1]
    assert moscow["text"] == "Moscow"
    assert (moscow["start"], moscow["end"]) == (7, 13)  # U+FFFD counts one code point
    assert (moscow["byte_start"], moscow["byte_end"]) == (7, 13)  # bytes of the input
    r = run(["--rules", rules, "--utf8", "replace", "-f", "html", latin1])
    assert "\ufffd" in r.stdout.decode("utf-8")


def test_malformed_json_lines(rules, tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Acme in London"}),
        '{"id": "b", "text": "unterminated}',
        "not json at all",
        json.dumps({"id": "c", "nothing": 1}),
        "",
        json.dumps({"id": 42, "text": "Moscow", "date": "2016-11-21", "extra": [1, {"x": None}]}),
        '{"id": "d", "text": "x"} trailing',
        json.dumps({"text": "no id: Acme"}),
    ]
    f = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    r = run(["--rules", rules, "--input", "jsonl", f])
    assert r.returncode == 1
    docs = jsonl(r.stdout)
    assert [d["id"] for d in docs] == ["a", "42", f + ":8"]
    err = r.stderr.decode().splitlines()
    assert err[0].startswith("facta-extract: %s:2: malformed JSON" % f)
    assert err[1].startswith("facta-extract: %s:3: malformed JSON" % f)
    assert err[2].startswith("facta-extract: %s:4: " % f) and "text" in err[2]
    assert err[3].startswith("facta-extract: %s:7: malformed JSON" % f)
    assert err[4].startswith("7 documents, 4 records, 4 failed")


def test_json_escapes_and_surrogate_pairs(rules, tmp_path):
    # \ud83d\ude00 is one code point of 4 bytes: London starts at code point 2, byte 5
    line = ('{"id": "e\\u0301", "text": "\\ud83d\\ude00 London '
            '\\u043c\\u043e\\u0441\\u043a\\u0432\\u0430\\n\\"q\\" \\/ \\t"}')
    f = write(tmp_path / "e.jsonl", line + "\n")
    r = run(["--rules", rules, "--input", "jsonl", f])
    assert r.returncode == 0
    d = jsonl(r.stdout)[0]
    assert d["id"] == "e\u0301"
    london, moskva = d["entities"]
    assert (london["start"], london["byte_start"]) == (2, 5)
    assert moskva["text"] == "москва" and moskva["byte_end"] - moskva["byte_start"] == 12
    r = run(["--rules", rules, "--input", "jsonl", "--tokens", "-f", "tsv", f])
    rows = [line.split("\t") for line in r.stdout.decode().splitlines()[1:]]
    assert rows[-1][9] == "/"


def test_lone_surrogate(rules, tmp_path):
    f = write(tmp_path / "s.jsonl", '{"id": "s", "text": "\\udc00 London"}\n')
    r = run(["--rules", rules, "--input", "jsonl", f])
    assert r.returncode == 1 and b"surrogate" in r.stderr
    r = run(["--rules", rules, "--input", "jsonl", "--utf8=replace", f])
    assert r.returncode == 0
    assert jsonl(r.stdout)[0]["entities"][0]["start"] == 2


def test_max_bytes(rules, tmp_path):
    small = write(tmp_path / "s.txt", "Acme")
    big = write(tmp_path / "b.txt", "Acme " * 300)
    r = run(["--rules", rules, "--max-bytes", "1K", small, big])
    assert r.returncode == 1
    assert [d["id"] for d in jsonl(r.stdout)] == [small]
    assert b"--max-bytes" in r.stderr
    lines = json.dumps({"id": "x", "text": "Acme " * 300}) + "\n" + \
        json.dumps({"id": "y", "text": "Acme"}) + "\n"
    r = run(["--rules", rules, "--max-bytes", "1000", "--input", "jsonl", "-"], input=lines)
    assert r.returncode == 1
    assert [d["id"] for d in jsonl(r.stdout)] == ["y"]


# ---- volume ---------------------------------------------------------------------------------

def test_jsonl_100000_documents(rules, tmp_path):
    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        for i in range(100000):
            text = ("Acme opened in Moscow on 21 November 2016, report %d." % i if i % 10 == 0
                    else "Документ %d без записей." % i)
            out.write(json.dumps({"id": "d%d" % i, "text": text}, ensure_ascii=i % 2 == 0))
            out.write("\n")
    t = time.time()
    r = run(["--rules", rules, "--input", "jsonl", "-j", "2", str(f)], timeout=300)
    assert r.returncode == 0, r.stderr[-500:]
    lines = r.stdout.split(b"\n")
    assert lines[-1] == b"" and len(lines) - 1 == 100000
    assert json.loads(lines[99990])["id"] == "d99990"
    assert len(json.loads(lines[99990])["entities"]) == 3
    assert time.time() - t < 300


# ---- filters, tokens, stdin ---------------------------------------------------------------

def test_types_filter(rules, corpus):
    r = run(["--rules", rules, "--types", "PLACE,date"] + corpus)
    docs = jsonl(r.stdout)
    types = [e["type"] for d in docs for e in d["entities"]]
    assert set(types) == {"PLACE", "DATE"} and "ORG" not in types
    full = jsonl(run(["--rules", rules] + corpus).stdout)
    # filtering drops records, and keeps everything else as the library wrote it
    for d, f in zip(docs, full):
        assert d["entities"] == [e for e in f["entities"] if e["type"] in ("PLACE", "DATE")]
        assert {k: v for k, v in d.items() if k != "entities"} == \
            {k: v for k, v in f.items() if k != "entities"}
    for fmt in ("tsv", "conll", "brat", "html"):
        out = run(["--rules", rules, "-f", fmt, "-t", "ORG"] + corpus).stdout.decode()
        assert "ORG" in out and "PLACE" not in out and "DATE" not in out, fmt


def test_tokens_offsets():
    r = run(["--tokens", "-f", "tsv", "-"], input="Москва и London")
    assert r.returncode == 0
    lines = r.stdout.decode("utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "byte_start", "byte_end", "cp_start", "cp_end", "kind",
                                    "script", "shape", "flags", "text", "folded", "stem"]
    rows = {row[9]: row for row in (line.split("\t") for line in lines[1:])}
    assert rows["London"][1:5] == ["16", "22", "9", "15"]
    assert rows["Москва"][1:5] == ["0", "12", "0", "6"]
    assert rows["Москва"][6] == "cyrillic" and rows["London"][6] == "latin"
    assert rows["Москва"][10] == "москва"
    r = run(["--tokens", "-"], input="Москва и London")
    d = jsonl(r.stdout)[0]
    london = [t for t in d["tokens"] if t["text"] == "London"][0]
    assert (london["byte_start"], london["byte_end"], london["start"], london["end"]) == \
        (16, 22, 9, 15)


def test_stdin(rules):
    r = run(["--rules", rules], input=DOC_A)
    d = jsonl(r.stdout)
    assert len(d) == 1 and d[0]["id"] == "-" and len(d[0]["entities"]) == 4
    r = run(["--rules", rules, "-f", "tsv", "-"], input=DOC_A)
    assert r.stdout.decode().splitlines()[1].startswith("-\tDATE\t3\t19\t")
    lines = "".join(json.dumps({"id": i, "text": "Acme %d" % i}) + "\n" for i in range(5))
    r = run(["--rules", rules, "--input", "jsonl"], input=lines)
    assert [d["id"] for d in jsonl(r.stdout)] == ["0", "1", "2", "3", "4"]


def test_date_and_lang_hints(rules, corpus):
    r = run(["--rules", rules, "--lang", "ru", "--date", "2016-11-21", corpus[2]])
    assert r.returncode == 0
    assert jsonl(r.stdout)[0]["lang"] == "ru"


def test_output_file(rules, corpus, tmp_path):
    out = tmp_path / "out.tsv"
    r = run(["--rules", rules, "-f", "tsv", "-o", out] + corpus)
    assert r.returncode == 0 and r.stdout == b""
    assert out.read_text().startswith("id\ttype\t")
    r = run(["--rules", rules, "-o", tmp_path / "no" / "such" / "dir.jsonl", corpus[0]])
    assert r.returncode == 2


# ---- signals -------------------------------------------------------------------------------

def test_sigpipe_is_quiet(rules, many):
    cmd = "'%s' --rules '%s' -j 2 '%s' '%s' '%s' | head -1" % (EXE, rules, many, many, many)
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    assert len(r.stdout.splitlines()) == 1
    json.loads(r.stdout)


def test_sigint_finishes_the_line_and_exits_130(rules):
    p = subprocess.Popen([EXE, "--rules", rules, "--input", "jsonl", "-j", "2"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for i in range(3):
        p.stdin.write((json.dumps({"id": i, "text": "Acme in Moscow"}) + "\n").encode())
    p.stdin.flush()
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 130
    assert out.endswith(b"\n") and [d["id"] for d in jsonl(out)] == ["0", "1", "2"]
