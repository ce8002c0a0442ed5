"""Check many reports: parallel processes, a per-file time limit, results in input order.

Results stream out one by one (nothing keeps every parsed document in memory). A file that
fails in any way — unreadable, too slow, or crashing its worker process — yields a
:class:`CheckResult` with ``error`` set, and the batch goes on.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .cache import ReadCache
from .models import CheckResult, FileError
from .profile import Profile, load_profile

DEFAULT_TIMEOUT = 120.0

_TIMEOUT_MESSAGE = {
    "vi": "quá thời gian xử lý ({seconds:g} giây)",
    "en": "took longer than {seconds:g} s",
}
_BUG_MESSAGE = {
    "vi": "lỗi của chương trình khi xử lý tệp này ({error}); xin báo lỗi kèm tệp",
    "en": "a bug in tcdlcl_parse stopped on this file ({error}); please report it with the file",
}
_CRASH_MESSAGE = {
    "vi": "tiến trình xử lý tệp bị dừng đột ngột",
    "en": "the worker process checking this file died",
}


class _FileTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _FileTimeout


def check_one(
    path: str,
    profile: Profile,
    lang: str = "vi",
    layout: bool = True,
    timeout: float | None = None,
    detail: bool = False,
    ocr: bool = True,
    cache: ReadCache | None = None,
) -> CheckResult:
    """Check one file within ``timeout`` seconds.

    The limit uses SIGALRM, which only the main thread of a process can receive; elsewhere (a
    thread, or a platform without it) the file is checked without a limit.
    """
    from .check import check_file

    use_alarm = (
        bool(timeout) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return check_file(path, profile, lang=lang, layout=layout, ocr=ocr, detail=detail, cache=cache)
    except _FileTimeout:
        return _error_result(path, profile, "timeout", _TIMEOUT_MESSAGE, lang, seconds=timeout)
    except Exception as exc:  # noqa: BLE001 — a bug must cost one file, not the batch
        traceback.print_exc()
        return _error_result(path, profile, "internal-error", _BUG_MESSAGE, lang, error=f"{type(exc).__name__}: {exc}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _error_result(
    path: str, profile: Profile, code: str, messages: dict[str, str], lang: str, **params: object
) -> CheckResult:
    reason = messages["en" if lang == "en" else "vi"].format(**params)
    return CheckResult(
        source=path,
        profile=profile.id,
        passed=False,
        error=FileError(code=code, message=f"{path}: {reason}"),
    )


def check_batch(
    paths: Iterable[str | Path],
    profile: Profile | str = "cv3078",
    *,
    jobs: int | None = None,
    lang: str = "vi",
    layout: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    detail: bool = False,
    ocr: bool = True,
    cache: ReadCache | None = None,
) -> Iterator[CheckResult]:
    """Check files in parallel and yield their results in the order of ``paths``.

    ``jobs`` defaults to the number of cores; ``jobs=1`` checks in this process. ``detail``
    adds text and highlights to each result (for the HTML report). Workers share ``cache``.
    """
    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    files = [str(p) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(files) <= 1:
        for path in files:
            yield check_one(path, profile, lang, layout, timeout, detail, ocr, cache)
        return
    yield from _parallel(files, profile, jobs, (lang, layout, timeout, detail, ocr, cache))


# check_one's arguments after the path and profile: lang, layout, timeout, detail, ocr, cache.
_Options = tuple[str, bool, float | None, bool, bool, ReadCache | None]


def _parallel(files: list[str], profile: Profile, jobs: int, options: _Options) -> Iterator[CheckResult]:
    # A bounded window of submitted files keeps memory flat however long the batch is.
    window = jobs * 4
    next_index = 0
    pending: dict[int, Future[CheckResult]] = {}
    executor = ProcessPoolExecutor(max_workers=jobs)
    try:
        for index in range(len(files)):
            while next_index < len(files) and len(pending) < window:
                pending[next_index] = executor.submit(check_one, files[next_index], profile, *options)
                next_index += 1
            future = pending.pop(index)
            try:
                yield future.result()
            except BrokenProcessPool:
                # Some file killed a worker and the whole pool is unusable. Retry this file
                # alone to learn whether it was the culprit, then resubmit the rest.
                executor.shutdown(cancel_futures=True)
                yield _isolated(files[index], profile, options)
                executor = ProcessPoolExecutor(max_workers=jobs)
                pending = {i: executor.submit(check_one, files[i], profile, *options) for i in sorted(pending)}
    finally:
        executor.shutdown(cancel_futures=True)


def _isolated(path: str, profile: Profile, options: _Options) -> CheckResult:
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(check_one, path, profile, *options).result()
        except BrokenProcessPool:
            return _error_result(path, profile, "crashed", _CRASH_MESSAGE, options[0])
