"""Read, parse and check one file; an unreadable file gives a result with its error."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..checking.checker import check
from ..checking.profile import Profile, load_profile, profile_sha256
from ..errors import ReadError
from ..messages import localize, shown
from ..models import CheckResult, FileError
from ..normalize import text_digest
from ..parsing.report import parse
from ..reading import open_regular_file, read
from ..reading.base import gc_paused
from .options import CheckOptions


def check_file(
    path: str | Path, profile: Profile | str | Path = "cv3078", options: CheckOptions | None = None
) -> CheckResult:
    """The result of checking the file at ``path``, its messages in ``options.lang``."""
    options = options or CheckOptions()
    profile = load_profile(profile)
    digest = profile_sha256(profile)
    try:
        document = read(path, options=options.read)
    except ReadError as error:
        return CheckResult(
            source=shown(path),
            sha256=file_sha256(Path(path)),
            profile=profile.id,
            profile_sha256=digest,
            passed=False,
            error=FileError(code=error.code, message=error.message(options.lang)),
        )
    with gc_paused():  # not while reading: the PDF libraries make cyclic garbage
        result = check(parse(document), profile, detail=options.detail)
        if result.symbol is None:  # a report with a number is known by it (and costs nothing)
            result.text_sha256 = text_digest(document.text)
    result.profile_sha256 = digest
    return localize(result, options.lang)


def file_sha256(path: Path) -> str | None:
    """The digest of a regular file's bytes; None for anything else (a FIFO would block)."""
    try:
        descriptor = open_regular_file(path, str(path))
    except ReadError:
        return None
    try:
        digest = hashlib.sha256()
        with os.fdopen(descriptor, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
