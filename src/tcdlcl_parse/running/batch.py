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

from ..checking.profile import Profile, load_profile
from ..messages import file_error_message, shown
from ..models import CheckResult, FileError
from .options import CheckOptions
from .single import check_file


class _FileTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _FileTimeout


def check_one(path: str, profile: Profile, options: CheckOptions) -> CheckResult:
    """Check one file within ``timeout`` seconds.

    The limit uses SIGALRM, which only the main thread of a process can receive; elsewhere (a
    thread, or a platform without it) the file is checked without a limit.
    """
    timeout = options.timeout
    use_alarm = (
        bool(timeout) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return check_file(path, profile, options)
    except _FileTimeout:
        return _error_result(path, profile, "timeout", options.lang, seconds=timeout)
    except Exception as exc:  # noqa: BLE001 — a bug must cost one file, not the batch
        traceback.print_exc()
        return _error_result(path, profile, "internal-error", options.lang, error=f"{type(exc).__name__}: {exc}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _error_result(path: str, profile: Profile, code: str, lang: str, **params: object) -> CheckResult:
    reason = file_error_message(code, lang, **params)
    return CheckResult(
        source=shown(path),
        profile=profile.id,
        passed=False,
        error=FileError(code=code, message=f"{shown(path)}: {reason}"),
    )


def check_batch(
    paths: Iterable[str | Path],
    profile: Profile | str | Path = "cv3078",
    options: CheckOptions | None = None,
    *,
    jobs: int | None = None,
) -> Iterator[CheckResult]:
    """Check files in parallel and yield their results in the order of ``paths``.

    ``jobs`` defaults to the number of cores; ``jobs=1`` checks in this process. Workers share
    the read cache of ``options``.
    """
    options = options or CheckOptions()
    profile = load_profile(profile)
    files = [str(p) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(files) <= 1:
        for path in files:
            yield check_one(path, profile, options)
        return
    yield from _parallel(files, profile, jobs, options)


def _parallel(files: list[str], profile: Profile, jobs: int, options: CheckOptions) -> Iterator[CheckResult]:
    # A bounded window of submitted files keeps memory flat however long the batch is.
    window = jobs * 4
    next_index = 0
    pending: dict[int, Future[CheckResult]] = {}
    executor = ProcessPoolExecutor(max_workers=jobs)
    try:
        for index in range(len(files)):
            while next_index < len(files) and len(pending) < window:
                pending[next_index] = executor.submit(check_one, files[next_index], profile, options)
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
                pending = {i: executor.submit(check_one, files[i], profile, options) for i in sorted(pending)}
    finally:
        executor.shutdown(cancel_futures=True)


def _isolated(path: str, profile: Profile, options: CheckOptions) -> CheckResult:
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(check_one, path, profile, options).result()
        except BrokenProcessPool:
            return _error_result(path, profile, "crashed", options.lang)
