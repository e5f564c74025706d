"""The ctypes layer: every prototype of facta.h declared, layouts equal to C,
and how the library is found."""
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import PKG_ROOT, REPO

from facta import _native as N

HEADER = REPO / "include" / "facta.h"
STRUCTS = {
    "facta_span": ["byte_start", "byte_end", "cp_start", "cp_end"],
    "facta_attr": ["key", "value", "is_number", "number"],
    "facta_entity": ["span", "type", "norm", "attrs", "n_attrs", "rule"],
    "facta_explain": ["span", "type", "rule", "reason"],
    "facta_token": ["span", "kind", "script", "shape", "flags", "folded", "stem"],
    "facta_diag": ["code", "file", "line", "column", "byte_offset", "message"],
    "facta_allocator": ["malloc_fn", "realloc_fn", "free_fn", "ctx"],
    "facta_compile_options": ["version", "flags", "allocator"],
    "facta_extract_options": ["version", "lang", "doc_date", "flags"],
}


def header_functions():
    src = HEADER.read_text()
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    return re.findall(r"FACTA_EXTERN[^;(]*?\b(facta_\w+)\s*\(", src)


def test_every_prototype_declared():
    if not HEADER.exists():
        pytest.skip("include/facta.h not found")
    names = [n for n, _, _ in N.PROTOTYPES]
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(header_functions())
    for name, argtypes, restype in N.PROTOTYPES:
        fn = getattr(N.lib, name)
        assert fn.argtypes == argtypes and fn.restype == restype


def test_struct_fields_match_header():
    for s, fields in STRUCTS.items():
        assert [f[0] for f in getattr(N, s)._fields_] == fields


def test_layout_matches_c(tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    if not cc or not HEADER.exists():
        pytest.skip("no C compiler")
    lines = []
    for s, fields in STRUCTS.items():
        lines.append('printf("%s %%zu\\n", sizeof(%s));' % (s, s))
        for f in fields:
            lines.append('printf("%s.%s %%zu\\n", offsetof(%s, %s));' % (s, f, s, f))
    prog = tmp_path / "layout.c"
    prog.write_text(
        "#include <stdio.h>\n#include <stddef.h>\n#include \"facta.h\"\nint main(void){\n%s\nreturn 0;}\n"
        % "\n".join(lines)
    )
    exe = tmp_path / "layout"
    subprocess.run([cc, "-I", str(HEADER.parent), str(prog), "-o", str(exe)], check=True)
    out = dict(l.split() for l in subprocess.run([str(exe)], capture_output=True, text=True).stdout.splitlines())
    import ctypes

    for s, fields in STRUCTS.items():
        T = getattr(N, s)
        assert int(out[s]) == ctypes.sizeof(T), s
        for f in fields:
            assert int(out["%s.%s" % (s, f)]) == getattr(T, f).offset, (s, f)


def test_options_init():
    o = N.new_extract_options(b"ru", b"2024-01-02", N.FACTA_EXTRACT_EXPLAIN)
    assert (o.version, o.lang, o.doc_date, o.flags) == (1, b"ru", b"2024-01-02", 2)
    c = N.new_compile_options(N.FACTA_COMPILE_WITH_DEFAULTS)
    assert (c.version, c.flags, bool(c.allocator)) == (1, 1, False)
    assert N.lib.facta_compile_options_init(None, 1) == N.FACTA_EINVAL
    assert N.lib.facta_strerror(N.FACTA_EUTF8)


def copy_package(dst):
    shutil.copytree(PKG_ROOT / "facta", dst / "facta", ignore=shutil.ignore_patterns("__pycache__", "libfacta.so*"))


def run_py(code, cwd, env_extra, drop=("FACTA_LIBRARY",)):
    env = {k: v for k, v in os.environ.items() if k not in drop and k != "PYTHONPATH"}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_loader_order(tmp_path):
    copy_package(tmp_path)
    lib = tmp_path / "elsewhere" / "libfacta.so"
    lib.parent.mkdir()
    shutil.copyfile(os.path.realpath(N.library_path), lib)
    # 1. FACTA_LIBRARY
    r = run_py("import facta; print(facta.library_path)", tmp_path, {"FACTA_LIBRARY": str(lib)})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(lib)
    # 2. shipped next to the package
    shutil.copyfile(lib, tmp_path / "facta" / "libfacta.so")
    r = run_py("import facta; print(facta.library_path)", tmp_path, {})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(tmp_path / "facta" / "libfacta.so")
    # a bad FACTA_LIBRARY warns and falls back
    r = run_py("import facta; print(facta.library_path)", tmp_path, {"FACTA_LIBRARY": str(tmp_path / "nope.so")})
    assert r.returncode == 0 and "FACTA_LIBRARY" in r.stderr
    assert r.stdout.strip() == str(tmp_path / "facta" / "libfacta.so")


def test_loader_error_names_everything(tmp_path):
    copy_package(tmp_path)
    probe = run_py("import ctypes.util; print(ctypes.util.find_library('facta'))", tmp_path, {})
    if probe.stdout.strip() != "None":
        pytest.skip("a libfacta is installed on this system")
    r = run_py("import facta", tmp_path, {"FACTA_LIBRARY": str(tmp_path / "missing.so")})
    assert r.returncode != 0
    assert "ImportError" in r.stderr
    for what in ("FACTA_LIBRARY", "missing.so", "shipped with the package", "find_library", "repository build"):
        assert what in r.stderr, what


def test_calls_release_the_gil():
    import ctypes

    assert not isinstance(N.lib, ctypes.PyDLL)
    assert not N.lib._func_flags_ & ctypes._FUNCFLAG_PYTHONAPI


def test_setup_bundles_the_library(tmp_path):
    """setup.py copies the library into the built package, which then loads it."""
    pytest.importorskip("setuptools")
    env = dict(os.environ, FACTA_LIBRARY=os.path.realpath(N.library_path))
    r = subprocess.run(
        [sys.executable, "setup.py", "-q", "build", "--build-base", str(tmp_path / "b")],
        cwd=PKG_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr
    lib = list((tmp_path / "b").glob("lib*/facta/libfacta.so"))
    assert len(lib) == 1
    r = run_py(
        "import facta; print(facta.library_path); print(facta.Extractor(facta.Rules.compile("
        "'rule c: \"Paris\" => PLACE;')).extract('Paris')[0].type)",
        tmp_path,
        {"PYTHONPATH": str(lib[0].parent.parent)},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(lib[0]), "PLACE"]
