"""Build the facta Python package (setuptools only), bundling the C library.

``pip install ./bindings/python`` copies the built ``libfacta.so`` into the
package, from ``$FACTA_LIBRARY`` or else from the repository's
``build/lib/libfacta.so`` (build it first: ``cmake -S . -B build && cmake
--build build``).  Set ``FACTA_BUNDLE=0`` to build a package without the library
(it then uses an installed libfacta found by ``ctypes.util.find_library``).

There is deliberately no pyproject.toml: without one, pip builds with the
setuptools already installed instead of downloading it into an isolated build
environment, so the install works offline.  (With a pip that insists on build
isolation, add ``--no-build-isolation`` offline.)
"""
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = Path(__file__).resolve().parent


def find_library() -> Path:
    env = os.environ.get("FACTA_LIBRARY")
    tried = []
    if env:
        p = Path(env)
        if p.is_file():
            return p
        tried.append("FACTA_LIBRARY=%s (not a file)" % env)
    else:
        tried.append("FACTA_LIBRARY (not set)")
    for base in (HERE.parent.parent, Path.cwd().parent.parent, Path.cwd()):
        p = base / "build" / "lib" / "libfacta.so"
        if p.is_file():
            return p
        tried.append(str(p))
    raise SystemExit(
        "facta: cannot find the built C library to bundle; tried:\n  "
        + "\n  ".join(tried)
        + "\nBuild it (cmake -S . -B build && cmake --build build) or set FACTA_LIBRARY, "
        "or set FACTA_BUNDLE=0 to rely on an installed libfacta."
    )


class BuildPyWithLibrary(build_py):
    """build_py that also copies libfacta.so into the package."""

    def run(self) -> None:
        super().run()
        if os.environ.get("FACTA_BUNDLE", "1") == "0":
            return
        src = find_library()
        dst_dir = Path(self.build_lib) / "facta"
        dst_dir.mkdir(parents=True, exist_ok=True)
        for old in dst_dir.glob("libfacta.so*"):
            old.unlink()
        dst = dst_dir / "libfacta.so"
        shutil.copyfile(src.resolve(), dst)  # the real file, not the symlink
        os.chmod(dst, 0o755)
        self.announce("bundled %s as %s" % (src, dst), level=2)


class BinaryDistribution(Distribution):
    """The wheel holds a native library: tag it for this platform."""

    def has_ext_modules(self) -> bool:
        return os.environ.get("FACTA_BUNDLE", "1") != "0"


setup(
    name="facta",
    version="0.1.0",
    description=(
        "Extract people, roles, dates, places, organizations and figures from Russian "
        "and English text (ctypes binding of libfacta)"
    ),
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    python_requires=">=3.8",
    packages=["facta"],
    package_data={"facta": ["py.typed", "libfacta.so*"]},
    extras_require={"dask": ["dask[bag]", "distributed"], "test": ["pytest"]},
    classifiers=[
        "Programming Language :: Python :: 3",
        "Programming Language :: C",
        "Operating System :: POSIX :: Linux",
        "Natural Language :: Russian",
        "Natural Language :: English",
        "Topic :: Text Processing :: Linguistic",
    ],
    zip_safe=False,
    cmdclass={"build_py": BuildPyWithLibrary},
    distclass=BinaryDistribution,
)
