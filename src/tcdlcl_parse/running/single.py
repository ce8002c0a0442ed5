"""Read, parse and check one file; an unreadable file gives a result with its error."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..checking.checker import check
from ..checking.profile import Profile, load_profile
from ..errors import ReadError
from ..messages import localize
from ..models import CheckResult, FileError
from ..normalize import text_digest
from ..parsing.report import parse
from .options import CheckOptions


def check_file(
    path: str | Path, profile: Profile | str | Path = "cv3078", options: CheckOptions | None = None
) -> CheckResult:
    """The result of checking the file at ``path``, its messages in ``options.lang``."""
    options = options or CheckOptions()
    profile = load_profile(profile)
    try:
        parsed = parse(path, options=options.read)
    except ReadError as error:
        return CheckResult(
            source=str(path),
            sha256=file_sha256(Path(path)),
            profile=profile.id,
            passed=False,
            error=FileError(code=error.code, message=error.message(options.lang)),
        )
    result = check(parsed, profile, detail=options.detail)
    if result.symbol is None:  # a report with a number is known by it (and costs nothing)
        result.text_sha256 = text_digest(parsed.document.text)
    return localize(result, options.lang)


def file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
