"""Read Vietnamese government reports and check them for compliance.

The public API is imported lazily so that ``tcdlcl --version`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CheckOptions",
    "CheckResult",
    "Citation",
    "ParsedReport",
    "Profile",
    "ReadError",
    "ReadOptions",
    "SourceDocument",
    "__version__",
    "check",
    "check_batch",
    "check_file",
    "extract_citations",
    "extract_standards",
    "load_profile",
    "localize",
    "parse",
    "profile_from_outline",
    "read",
]

_LAZY = {
    "read": ("tcdlcl_parse.reading", "read"),
    "parse": ("tcdlcl_parse.parsing.report", "parse"),
    "check": ("tcdlcl_parse.checking.checker", "check"),
    "check_file": ("tcdlcl_parse.running.single", "check_file"),
    "CheckOptions": ("tcdlcl_parse.running.options", "CheckOptions"),
    "ReadOptions": ("tcdlcl_parse.reading.options", "ReadOptions"),
    "localize": ("tcdlcl_parse.messages", "localize"),
    "check_batch": ("tcdlcl_parse.running.batch", "check_batch"),
    "extract_citations": ("tcdlcl_parse.parsing.citations", "extract_citations"),
    "extract_standards": ("tcdlcl_parse.parsing.citations", "extract_standards"),
    "load_profile": ("tcdlcl_parse.checking.profile", "load_profile"),
    "Profile": ("tcdlcl_parse.checking.profile", "Profile"),
    "profile_from_outline": ("tcdlcl_parse.checking.profile_builder", "profile_from_outline"),
    "ReadError": ("tcdlcl_parse.errors", "ReadError"),
    "SourceDocument": ("tcdlcl_parse.models", "SourceDocument"),
    "ParsedReport": ("tcdlcl_parse.models", "ParsedReport"),
    "CheckResult": ("tcdlcl_parse.models", "CheckResult"),
    "Citation": ("tcdlcl_parse.models", "Citation"),
}

if TYPE_CHECKING:
    from .checking.checker import check
    from .checking.profile import Profile, load_profile
    from .checking.profile_builder import profile_from_outline
    from .errors import ReadError
    from .messages import localize
    from .models import CheckResult, Citation, ParsedReport, SourceDocument
    from .parsing.citations import extract_citations, extract_standards
    from .parsing.report import parse
    from .reading import read
    from .reading.options import ReadOptions
    from .running.batch import check_batch
    from .running.options import CheckOptions
    from .running.single import check_file


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tcdlcl_parse' has no attribute {name!r}")
