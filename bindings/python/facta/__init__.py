"""facta: extract people, roles, dates, places, organizations and figures from
Russian and English text (Python binding of the C library, through ctypes).

>>> import facta
>>> with facta.Extractor() as ex:
...     records = ex.extract("Москва, 5 марта 2024 года.")

See :class:`Extractor`, :class:`Rules` and :class:`Entity`; :mod:`facta.dask`
runs extraction over a corpus with ``dask.bag``.
"""
from ._core import (
    Entity,
    ErrorCode,
    Explanation,
    Extractor,
    FactaError,
    Rejected,
    Rules,
    SelfTest,
    Token,
    library_version,
    utf8_valid,
)
from ._native import library_path

__version__ = "0.1.0"

__all__ = [
    "Entity",
    "ErrorCode",
    "Explanation",
    "Extractor",
    "FactaError",
    "Rejected",
    "Rules",
    "SelfTest",
    "Token",
    "library_path",
    "library_version",
    "utf8_valid",
    "__version__",
]
