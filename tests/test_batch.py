"""The batch runner survives slow files and crashing workers, and keeps input order."""

import os
import time

from tcdlcl_parse.running import batch as batch_module
from tcdlcl_parse.running.batch import check_batch
from tcdlcl_parse.running.options import CheckOptions

from .conftest import CORPORA

REPORTS = sorted(p for p in (CORPORA / "synthetic").iterdir() if p.suffix == ".txt")


def test_results_come_in_input_order_with_parallel_jobs():
    shuffled = REPORTS[::-1]
    assert [r.source for r in check_batch(shuffled, "cv3078", jobs=2)] == [str(p) for p in shuffled]


def test_a_file_that_takes_too_long_gets_a_timeout_result(monkeypatch):
    original = batch_module.check_file

    def slow(path, *args, **kwargs):
        if str(path).endswith("son-ha-clean.txt"):
            time.sleep(5)
        return original(path, *args, **kwargs)

    original(REPORTS[0])  # warm up: the first check in a process loads tables and compiles patterns
    monkeypatch.setattr(batch_module, "check_file", slow)
    started = time.perf_counter()
    results = list(check_batch(REPORTS[:3] + [CORPORA / "synthetic" / "son-ha-clean.txt"], "cv3078", CheckOptions(timeout=1.5), jobs=1))
    assert time.perf_counter() - started < 4.5
    assert [r.error.code if r.error else None for r in results] == [None, None, None, "timeout"]


def test_a_worker_that_dies_costs_only_its_own_file(monkeypatch):
    original = batch_module.check_file

    def crash(path, *args, **kwargs):
        if str(path).endswith("binh-son-no-header.txt"):
            os._exit(3)  # as a segfault or an out-of-memory kill would
        return original(path, *args, **kwargs)

    monkeypatch.setattr(batch_module, "check_file", crash)  # inherited by forked workers
    results = list(check_batch(REPORTS, "cv3078", jobs=2))
    assert [r.source for r in results] == [str(p) for p in REPORTS]
    crashed = [r for r in results if r.error is not None]
    assert [(r.source.rsplit("/", 1)[-1], r.error.code) for r in crashed] == [("binh-son-no-header.txt", "crashed")]


def test_checking_from_a_thread_works_without_the_time_limit():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        (result,) = pool.submit(lambda: list(check_batch(REPORTS[:1], "cv3078", CheckOptions(timeout=5), jobs=1))).result()
    assert result.error is None


def test_a_bug_on_one_file_costs_only_that_file(monkeypatch, capsys):
    original = batch_module.check_file

    def buggy(path, *args, **kwargs):
        if str(path).endswith("binh-son-no-header.txt"):
            raise IndexError("list index out of range")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(batch_module, "check_file", buggy)
    results = list(check_batch(REPORTS, "cv3078", CheckOptions(lang="en"), jobs=1))
    failed = [(r.source.rsplit("/", 1)[-1], r.error.code, r.error.message) for r in results if r.error]
    assert len(results) == len(REPORTS) and len(failed) == 1
    name, code, message = failed[0]
    assert (name, code) == ("binh-son-no-header.txt", "internal-error")
    assert "IndexError: list index out of range" in message and "please report it" in message
    assert "Traceback" in capsys.readouterr().err
