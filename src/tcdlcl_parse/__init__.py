"""Read Vietnamese government reports and check them for compliance.

The public API is imported lazily so that ``tcdlcl --version`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["ReadError", "SourceDocument", "__version__", "read"]

_LAZY = {
    "read": ("tcdlcl_parse.readers", "read"),
    "ReadError": ("tcdlcl_parse.errors", "ReadError"),
    "SourceDocument": ("tcdlcl_parse.models", "SourceDocument"),
}

if TYPE_CHECKING:
    from .errors import ReadError
    from .models import SourceDocument
    from .readers import read


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tcdlcl_parse' has no attribute {name!r}")
