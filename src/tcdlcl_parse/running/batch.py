"""Check many reports: parallel processes, a per-file time limit, results in input order.

Results stream out one by one (nothing keeps every parsed document in memory). A file that
fails in any way — unreadable, too slow, or crashing its worker process — yields a
:class:`CheckResult` with ``error`` set, and the batch goes on.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..checking.profile import Profile, load_profile, profile_sha256
from ..errors import ReadError
from ..messages import file_error_message, shown
from ..models import CheckResult, FileError
from .options import CheckOptions
from .single import check_file

# At most this many worker processes per core: reading is CPU-bound, more only costs memory
# (and --jobs 100000 must not fork 100,000 processes).
_JOBS_PER_CORE = 4
# A timer shorter than setitimer's resolution would be no timer at all; one longer than this
# overflows it. Seconds.
_SHORTEST_TIMER = 0.001
_LONGEST_TIMER = 10_000_000.0
# With the default memory limit, the workers together may use this share of the machine.
_MEMORY_SHARE = 0.75
_SMALLEST_LIMIT = 2 * 1024**3  # importing the readers alone reserves a few hundred MiB
PR_SET_PDEATHSIG = 1


class _FileTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _FileTimeout


def _timer_seconds(timeout: float | None) -> float | None:
    """The time limit to arm, or None for none (0, None, negative or not a number)."""
    if timeout is None or not timeout > 0:  # `not >`: NaN is no limit too
        return None
    return min(max(timeout, _SHORTEST_TIMER), _LONGEST_TIMER)


def check_one(path: str, profile: Profile, options: CheckOptions) -> CheckResult:
    """Check one file within ``timeout`` seconds.

    The limit uses SIGALRM, which only the main thread of a process can receive; elsewhere (a
    thread, or a platform without it) the file is checked without a limit. The alarm is armed
    and disarmed inside the ``try`` whose handler turns it into a result: an alarm that fires as
    the file finishes, even while it is being disarmed, costs that file, never the batch.
    A file that needs more memory than the process may have (``RLIMIT_AS``) is ``too-large``.
    """
    main_thread = threading.current_thread() is threading.main_thread()
    timer = (
        _timer_seconds(options.timeout) if main_thread and hasattr(signal, "setitimer") else None
    )
    try:
        previous = signal.getsignal(signal.SIGALRM) if timer is not None else None
        try:
            if timer is not None:
                signal.signal(signal.SIGALRM, _on_alarm)
                signal.setitimer(signal.ITIMER_REAL, timer)
            return check_file(path, profile, options)
        finally:
            if timer is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except _FileTimeout:
        return _error_result(path, profile, "timeout", options.lang, seconds=timer)
    except MemoryError:
        error = ReadError.noted("too-large", shown(path), "memory")
        return CheckResult(
            source=shown(path), profile=profile.id, profile_sha256=profile_sha256(profile),
            passed=False,
            error=FileError(code=error.code, message=error.message(options.lang)),
        )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 — a bug must cost one file, not the batch
        traceback.print_exc()
        return _error_result(
            path, profile, "internal-error", options.lang, error=f"{type(exc).__name__}: {exc}"
        )


def machine_memory() -> int | None:
    """Bytes of memory this process may use: the machine's, or its cgroup's limit if lower."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit.isdigit():
            total = min(total, int(limit))
    except OSError:
        pass
    return total


def default_max_memory(jobs: int) -> int | None:
    """The memory each worker may use for a file: together they stay under 3/4 of the
    machine."""
    total = machine_memory()
    if total is None:
        return None
    return max(_SMALLEST_LIMIT, int(total * _MEMORY_SHARE) // max(jobs, 1))


def _address_space() -> int:
    """This process's current address space in bytes (0 where /proc does not say)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _limit_memory(max_memory: int | None) -> int | None:
    """Let this process map at most ``max_memory`` bytes more than it has now (RLIMIT_AS, soft
    limit; a worker forked from a big parent starts as big); returns the old limit (None:
    unchanged, or no such limit on this platform)."""
    if not max_memory:
        return None
    try:
        import resource

        wanted = _address_space() + max_memory
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            return None
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (target, hard))
        return int(soft)
    except (ImportError, ValueError, OSError):
        return None


def _restore_memory(previous: int | None) -> None:
    if previous is None:
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (previous, resource.getrlimit(resource.RLIMIT_AS)[1]))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when its parent dies (kill -9 included)."""
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _init_worker(parent: int, max_memory: int | None) -> None:
    _die_with_parent(parent)
    _limit_memory(max_memory)
    gc.freeze()  # what the fork inherited (modules, tables) is never walked by the collector


def _error_result(
    path: str, profile: Profile, code: str, lang: str, **params: object
) -> CheckResult:
    reason = file_error_message(code, lang, **params)
    return CheckResult(
        source=shown(path),
        profile=profile.id,
        profile_sha256=profile_sha256(profile),
        passed=False,
        error=FileError(code=code, message=f"{shown(path)}: {reason}"),
    )


def check_batch(
    paths: Iterable[str | Path],
    profile: Profile | str | Path = "cv3078",
    options: CheckOptions | None = None,
    *,
    jobs: int | None = None,
    max_memory: int | None = None,
) -> Iterator[CheckResult]:
    """Check files in parallel and yield their results in the order of ``paths``.

    ``jobs`` defaults to the number of cores, and is at most 4 per core and one per file;
    ``jobs=1`` checks in this process. Workers share the read cache of ``options``, die with
    this process, and may each use ``max_memory`` bytes of address space (default: together
    3/4 of the machine; 0: no limit): a file that needs more is ``too-large``.
    """
    options = options or CheckOptions()
    profile = load_profile(profile)
    files = [str(p) for p in paths]
    cores = os.cpu_count() or 1
    jobs = max(1, min(jobs or cores, cores * _JOBS_PER_CORE, len(files)))
    if max_memory is None:
        max_memory = default_max_memory(jobs)
    if jobs == 1:
        previous = _limit_memory(max_memory)
        try:
            for path in files:
                yield check_one(path, profile, options)
        finally:
            _restore_memory(previous)
        return
    yield from _parallel(files, profile, jobs, options, max_memory)


def _parallel(
    files: list[str], profile: Profile, jobs: int, options: CheckOptions, max_memory: int | None
) -> Iterator[CheckResult]:
    # A bounded window of submitted files keeps memory flat however long the batch is.
    window = jobs * 4
    next_index = 0
    pending: dict[int, Future[CheckResult]] = {}
    executor = _pool(jobs, max_memory)
    try:
        for index in range(len(files)):
            while next_index < len(files) and len(pending) < window:
                pending[next_index] = executor.submit(
                    check_one, files[next_index], profile, options
                )
                next_index += 1
            future = pending.pop(index)
            try:
                yield future.result()
            except BrokenProcessPool:
                # Some file killed a worker and the whole pool is unusable. Retry this file
                # alone to learn whether it was the culprit, then resubmit the rest.
                executor.shutdown(cancel_futures=True)
                yield _isolated(files[index], profile, options, max_memory)
                executor = _pool(jobs, max_memory)
                pending = {
                    i: executor.submit(check_one, files[i], profile, options)
                    for i in sorted(pending)
                }
    finally:
        executor.shutdown(cancel_futures=True)


def _pool(jobs: int, max_memory: int | None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(os.getpid(), max_memory)
    )


def _isolated(
    path: str, profile: Profile, options: CheckOptions, max_memory: int | None
) -> CheckResult:
    with _pool(1, max_memory) as solo:
        try:
            return solo.submit(check_one, path, profile, options).result()
        except BrokenProcessPool:
            return _error_result(path, profile, "crashed", options.lang)
