"""Read Vietnamese government reports and check them for compliance.

The public API is imported lazily so that ``tcdlcl --version`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "Citation",
    "ParsedReport",
    "Profile",
    "ReadError",
    "SourceDocument",
    "__version__",
    "check",
    "check_batch",
    "check_file",
    "extract_citations",
    "extract_standards",
    "load_profile",
    "parse",
    "read",
]

_LAZY = {
    "read": ("tcdlcl_parse.readers", "read"),
    "parse": ("tcdlcl_parse.pipeline", "parse"),
    "check": ("tcdlcl_parse.check", "check"),
    "check_file": ("tcdlcl_parse.check", "check_file"),
    "check_batch": ("tcdlcl_parse.batch", "check_batch"),
    "extract_citations": ("tcdlcl_parse.citations", "extract_citations"),
    "extract_standards": ("tcdlcl_parse.citations", "extract_standards"),
    "load_profile": ("tcdlcl_parse.profile", "load_profile"),
    "Profile": ("tcdlcl_parse.profile", "Profile"),
    "ReadError": ("tcdlcl_parse.errors", "ReadError"),
    "SourceDocument": ("tcdlcl_parse.models", "SourceDocument"),
    "ParsedReport": ("tcdlcl_parse.models", "ParsedReport"),
    "CheckResult": ("tcdlcl_parse.models", "CheckResult"),
    "Citation": ("tcdlcl_parse.models", "Citation"),
}

if TYPE_CHECKING:
    from .batch import check_batch
    from .check import check, check_file
    from .citations import extract_citations, extract_standards
    from .errors import ReadError
    from .models import CheckResult, Citation, ParsedReport, SourceDocument
    from .pipeline import parse
    from .profile import Profile, load_profile
    from .readers import read


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tcdlcl_parse' has no attribute {name!r}")
