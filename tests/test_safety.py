"""Issue 18, second round of hostile inputs: the file system, outputs and run control.

Cases that cannot be committed as files (FIFOs, devices, unreadable files, symlinks, odd file
names, read-only folders) are made here in a temporary folder; commands that could hang run in
a subprocess under a time limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tcdlcl_parse.checking.profile import load_profile
from tcdlcl_parse.cli import main
from tcdlcl_parse.errors import ReadError
from tcdlcl_parse.reading import read
from tcdlcl_parse.running.batch import check_one
from tcdlcl_parse.running.options import CheckOptions

from .conftest import REPO, SEED_TXT


def _cli(*args: str, timeout: float = 60, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`tcdlcl ARGS` in a subprocess: a hang fails the test instead of blocking it."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run(
        [sys.executable, "-m", "tcdlcl_parse", *args],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd or REPO, check=False,
    )  # fmt: skip


# --- 9: FIFOs and devices ----------------------------------------------------------------------


@pytest.mark.parametrize("flags", [["--timeout", "0"], ["--resume", "--timeout", "0"]])
def test_a_fifo_or_a_device_is_unsupported_at_once(tmp_path, flags):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    output = tmp_path / "out.jsonl"
    done = _cli("check", str(fifo), "/dev/zero", "--format", "jsonl", "-o", str(output), *flags,
                timeout=30)  # fmt: skip
    assert done.returncode == 2, done.stderr
    results = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert [r["error"]["code"] for r in results] == ["unsupported", "unsupported"]
    assert "Traceback" not in done.stderr


# --- 10: unreadable files ----------------------------------------------------------------------


@pytest.fixture
def unreadable(tmp_path, monkeypatch) -> Path:
    """A file this process may not open (chmod is no bar to root, so os.open refuses it)."""
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(SEED_TXT.read_bytes())
    path.chmod(0)
    real_open = os.open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    return path


def test_an_unreadable_file_is_a_permission_read_error(unreadable, capsys):
    with pytest.raises(ReadError) as error:
        read(unreadable)
    assert error.value.code == "permission"
    result = check_one(str(unreadable), load_profile("cv3078"), CheckOptions(lang="en"))
    assert result.error is not None and result.error.code == "permission"
    assert result.error.message == f"{unreadable}: permission denied: the file may not be read"
    assert main(["parse", str(unreadable)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "không có quyền đọc tệp" in err


# --- 17: profiles that are not UTF-8 or nest too deeply -------------------------------------------


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'id = "x"\nname = "B\xe1o c\xe1o"\n', "UTF-8"),
        (b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
        (b"a = " + b"{b=" * 3000 + b"1" + b"}" * 3000 + b"\n", "nested too deeply"),
    ],
    ids=["latin-1", "arrays", "tables"],
)
def test_a_broken_profile_is_one_line_and_exit_2(tmp_path, capsys, content, said):
    profile = tmp_path / "profile.toml"
    profile.write_bytes(content)
    assert main(["check", str(SEED_TXT), "--profile", str(profile)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(profile) in err
    assert main(["check", str(SEED_TXT), "--profile", str(profile), "--lang", "en"]) == 2
    assert said in capsys.readouterr().err


# --- 7: links out of a folder ------------------------------------------------------------------


def test_a_folder_walk_does_not_follow_links_that_leave_it(tmp_path, capsys):
    secret = tmp_path / "secret" / "shadow.txt"
    secret.parent.mkdir()
    secret.write_text("root:$6$salt$hash:19000:0:99999:7:::\n")
    (tmp_path / "secret" / "more.txt").write_text("private\n")
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    report = folder / "bao-cao.txt"
    report.write_bytes(SEED_TXT.read_bytes())
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "sub" / "linked-folder").symlink_to(secret.parent, target_is_directory=True)
    (folder / "sub" / "same-report.txt").symlink_to(report)  # stays inside: read

    from tcdlcl_parse.reading.discover import find_reports

    files, skipped, outside = find_reports([folder])
    assert files == [report, folder / "sub" / "same-report.txt"] and skipped == []
    assert outside == [folder / "shadow.txt", folder / "sub" / "linked-folder"]
    # Named explicitly, a link is read as named.
    assert find_reports([folder / "shadow.txt"]).files == [folder / "shadow.txt"]

    assert main(["check", str(folder), "--format", "json", "--jobs", "1", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "root:" not in captured.out and "private" not in captured.out
    assert captured.err.splitlines() == [
        f"tcdlcl: {path}: skipped (a link that leads out of the folder checked)" for path in outside
    ]


# --- 8: file names that are not UTF-8 ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "table", "json", "jsonl", "csv", "html", "xlsx"])
def test_a_file_name_that_is_not_utf8_goes_through_every_format(tmp_path, fmt, capsys):
    folder = tmp_path / "zip-from-windows"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/b\xe1o-c\xe1o.txt")  # "báo-cáo" in cp1252, as unzipped
    Path(odd).write_bytes(SEED_TXT.read_bytes())
    (folder / "plain.txt").write_bytes(SEED_TXT.read_bytes())
    output = tmp_path / f"out.{fmt}"
    assert main(["check", str(folder), "--format", fmt, "-o", str(output), "--jobs", "1"]) == 1
    assert capsys.readouterr().err == ""
    shown = f"{folder}/b\ufffdo-c\ufffdo.txt"
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(output).worksheets[0]
        # One report in two files (the department's desk groups them): both names in its row.
        assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
            f"{shown}\n{folder / 'plain.txt'}"
        ]
    else:
        text = output.read_text("utf-8")
        assert ("\ufffd" if fmt == "table" else "b\ufffdo-c\ufffdo.txt") in text  # tables wrap
    if fmt == "jsonl":  # --resume finds it again under the name it was shown with
        assert main(["check", str(folder), "--format", fmt, "-o", str(output), "--resume"]) == 1


# --- 12: formulas in spreadsheet outputs ------------------------------------------------------------

_FORMULAS = ["=HYPERLINK(\"http://x.invalid\",\"ok\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _hostile_result(source: str):
    from tcdlcl_parse.models import CheckResult, Finding

    finding = Finding(code="C001", severity="error", message="=1+1", section="-I")
    return CheckResult(
        source=source, profile="cv3078", passed=False, issuer="=cmd|' /C calc'!A0",
        symbol="+84/BC", date="@2025", findings=[finding], missing_sections=["-II"],
    )  # fmt: skip


def test_spreadsheet_cells_never_start_a_formula(tmp_path):
    import csv
    import io

    from openpyxl import load_workbook

    from tcdlcl_parse.output.files import write_csv, write_xlsx

    results = [_hostile_result(name) for name in _FORMULAS]
    text = io.StringIO()
    write_csv(results, text, "en")
    rows = list(csv.reader(io.StringIO(text.getvalue().lstrip("\ufeff"))))[1:]
    assert [row[0] for row in rows] == ["'" + name for name in _FORMULAS]
    cells = [cell for row in rows for cell in row]
    stream = io.BytesIO()
    write_xlsx(results, stream, "en", load_profile("cv3078"))
    workbook = load_workbook(io.BytesIO(stream.getvalue()))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            cells += [cell.value for cell in row if cell.data_type != "n"]
            assert all(cell.data_type != "f" for cell in row), sheet.title
    texts = [cell for cell in cells if isinstance(cell, str) and cell]
    assert texts and not [cell for cell in texts if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=cmd|' /C calc'!A0" in texts and "'=1+1" in texts


# --- 11: outputs that cannot be written ---------------------------------------------------------


def _refused(tmp_path, capsys, output: Path, said: str) -> None:
    report = tmp_path / "bao-cao.txt"
    report.write_bytes(SEED_TXT.read_bytes())
    assert main(["check", str(report), "--format", "jsonl", "-o", str(output), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == f"tcdlcl: {output}: cannot write the results{said}\n"
    assert not [p for p in output.parent.iterdir() if p.name.endswith(".tmp")] if output.parent.is_dir() else True


def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path, capsys):
    folder = tmp_path / "results"
    folder.mkdir()
    _refused(tmp_path, capsys, folder, ": this is a folder, give a file name")
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me")
    link = tmp_path / "out.jsonl"
    link.symlink_to(kept)
    _refused(tmp_path, capsys, link, ": this is a symbolic link, give a regular file")
    assert link.is_symlink() and kept.read_text() == "keep me"
    pipe = tmp_path / "pipe.jsonl"
    os.mkfifo(pipe)
    _refused(tmp_path, capsys, pipe, ": not a regular file (a device, a pipe …)")
    assert pipe.is_fifo()
    _refused(tmp_path, capsys, kept / "deeper" / "out.jsonl",
             f": the path goes through a file, not a folder ({kept})")  # fmt: skip


def test_a_device_as_output_is_left_alone(tmp_path, capsys):
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    device = tmp_path / "null"
    os.mknod(device, 0o666 | 0o020000, os.makedev(1, 3))  # a character device, like /dev/null
    _refused(tmp_path, capsys, device, ": not a regular file (a device, a pipe …)")
    assert device.is_char_device()


@pytest.mark.parametrize(
    ("where", "error"),
    [("tempfile.mkstemp", PermissionError(13, "Permission denied")),  # a read-only folder
     ("tcdlcl_parse.output.files.write_jsonl", OSError(28, "No space left on device"))],
    ids=["read-only-folder", "disk-full"],
)  # fmt: skip
def test_a_failed_write_is_one_line_and_keeps_the_old_output(tmp_path, capsys, monkeypatch, where, error):
    output = tmp_path / "out.jsonl"
    output.write_text("old results\n")

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(where.replace("output.files", "cli.run"), fail)
    _refused(tmp_path, capsys, output, f" ({error.strerror})")
    assert output.read_text() == "old results\n"


# --- 14: time limits and process counts ------------------------------------------------------------

from tcdlcl_parse.running import batch as batch_module

REPORTS = sorted(p for p in (REPO / "corpora" / "synthetic").iterdir() if p.suffix == ".txt")


def test_an_alarm_that_fires_while_being_disarmed_costs_the_file_not_the_batch(monkeypatch):
    """The race: the file finishes at its limit and SIGALRM lands in the clean-up."""
    import signal

    real = signal.setitimer

    def late(which, seconds, *rest):
        result = real(which, seconds, *rest)
        if seconds == 0:  # the alarm went off just before it was disarmed
            batch_module._on_alarm(signal.SIGALRM, None)
        return result

    monkeypatch.setattr(signal, "setitimer", late)
    results = list(batch_module.check_batch(REPORTS[:2], "cv3078", CheckOptions(timeout=30), jobs=1))
    assert [r.error.code for r in results if r.error] == ["timeout", "timeout"]


@pytest.mark.parametrize(
    ("timeout", "code"),
    [(1e-9, "timeout"), (-1.0, None), (float("nan"), None), (float("inf"), None), (1e300, None)],
)
def test_any_timeout_value_gives_a_result(timeout, code):
    (result,) = batch_module.check_batch(REPORTS[:1], "cv3078", CheckOptions(timeout=timeout), jobs=1)
    assert (result.error.code if result.error else None) == code


def test_the_number_of_worker_processes_is_bounded(monkeypatch):
    sizes = []
    real = batch_module.ProcessPoolExecutor

    def recording(max_workers, **kwargs):
        sizes.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(batch_module, "ProcessPoolExecutor", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    files = (REPORTS * 3)[:6]
    assert len(list(batch_module.check_batch(files, "cv3078", jobs=100_000))) == len(files)
    assert sizes == [4]  # four per core
    sizes.clear()
    list(batch_module.check_batch(files[:2], "cv3078", jobs=100_000))
    assert sizes == [2]  # one per file


def test_cli_extreme_timeouts(tmp_path):
    report = tmp_path / "bao-cao.txt"
    report.write_bytes(SEED_TXT.read_bytes())
    assert main(["check", str(report), "--timeout", "1e300", "--format", "json"]) == 1
    assert main(["check", str(report), "--timeout", "1e-9", "--format", "json", "--jobs", "1"]) == 2


# --- 16: workers die with their parent ---------------------------------------------------------------

_ORPHAN_SCRIPT = """
import multiprocessing, sys, threading, time
from tcdlcl_parse.running import batch

def slow(path, *args, **kwargs):
    time.sleep(120)

batch.check_file = slow  # the workers are forked: they inherit it
def tell():
    time.sleep(2)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
threading.Thread(target=tell, daemon=True).start()
next(batch.check_batch(sys.argv[1:], "cv3078", jobs=2))
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line for line in status)
    except FileNotFoundError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_when_their_parent_is_killed():
    import signal
    import time

    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    parent = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_SCRIPT, *map(str, REPORTS[:2])],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    workers: list[int] = []
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        parent.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


# --- 5: a memory limit per file ------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_needs_too_much_memory_is_too_large_and_the_batch_goes_on(monkeypatch, jobs):
    import resource

    original = batch_module.check_file

    def greedy(path, *args, **kwargs):
        if str(path).endswith(REPORTS[1].name):
            bytearray(8 * 1024**3)  # as a DOCX bomb the readers missed would
        return original(path, *args, **kwargs)

    monkeypatch.setattr(batch_module, "check_file", greedy)
    before = resource.getrlimit(resource.RLIMIT_AS)
    results = list(batch_module.check_batch(REPORTS[:3], "cv3078", CheckOptions(lang="en"), jobs=jobs,
                                            max_memory=1024**3))  # fmt: skip
    assert [r.error.code if r.error else None for r in results] == [None, "too-large", None]
    assert "see --max-memory" in results[1].error.message
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # the caller's limit is given back


# --- 15: --resume after kill -9, and after the profile was edited ----------------------------------

_KILLED_RUN = """
import sys, time
from tcdlcl_parse.cli import main
from tcdlcl_parse.running import batch

original = batch.check_file
def stuck_on_last(path, *args, **kwargs):
    if path == sys.argv[-1]:
        time.sleep(120)
    return original(path, *args, **kwargs)
batch.check_file = stuck_on_last
main(["check", *sys.argv[2:], "--format", "jsonl", "-o", sys.argv[1], "--jobs", "1"])
"""


def test_resume_keeps_what_a_killed_run_finished_and_rechecks_after_a_profile_edit(tmp_path, monkeypatch):
    import time

    files = [str(path) for path in REPORTS[:3]]
    output = tmp_path / "r.jsonl"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    run = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(output), *files], env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            temporary = list(tmp_path.glob(".r.jsonl.*.tmp"))
            if temporary and temporary[0].read_text("utf-8").count("\n") == 2:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the run did not write its first two results")
    finally:
        run.kill()
        run.wait()
    assert not output.exists()

    checked: list[str] = []
    original = batch_module.check_file

    def counting(path, *args, **kwargs):
        checked.append(path)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(batch_module, "check_file", counting)
    resume = ["check", *files, "--format", "jsonl", "-o", str(output), "--resume", "--jobs", "1"]
    main(resume)
    assert checked == files[2:]  # the two finished before the kill are kept
    assert [json.loads(line)["source"] for line in output.read_text("utf-8").splitlines()] == files
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))

    edited = tmp_path / "cv3078.toml"  # the same id, one word changed
    bundled = (REPO / "src" / "tcdlcl_parse" / "profiles" / "cv3078.toml").read_text("utf-8")
    edited.write_text(bundled.replace('name = "', 'name = "(sửa) ', 1), "utf-8")
    checked.clear()
    main([*resume, "--profile", str(edited)])
    assert checked == files


# --- 19: no garbage collection while a report is laid out, parsed and checked -----------------------


def test_the_collector_does_not_run_while_a_large_text_is_parsed(tmp_path, monkeypatch):
    import gc

    from tcdlcl_parse.running import single

    big = tmp_path / "big.txt"
    big.write_bytes(SEED_TXT.read_bytes() * 60)  # ~1 MB: tens of thousands of models
    collections: list[int] = []
    watching = []

    def count(phase, info):
        if phase == "start" and watching:
            collections.append(info["generation"])

    original_parse = single.parse

    def watched_parse(*args, **kwargs):
        watching.append(True)
        try:
            return original_parse(*args, **kwargs)
        finally:
            watching.clear()

    monkeypatch.setattr(single, "parse", watched_parse)
    gc.callbacks.append(count)
    try:
        result = single.check_file(big, "cv3078")
    finally:
        gc.callbacks.remove(count)
    assert result.error is None and collections == [] and gc.isenabled()
    gc.disable()  # a caller that turned the collector off keeps it off
    try:
        single.check_file(SEED_TXT, "cv3078")
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- 6: memory grows linearly with a text file's size -----------------------------------------------

_MEASURE = """
import sys
from tcdlcl_parse.checking.profile import load_profile
from tcdlcl_parse.running.batch import check_one
from tcdlcl_parse.running.options import CheckOptions

def rss(key):
    with open("/proc/self/status") as status:
        return int(next(l for l in status if l.startswith(key)).split()[1]) * 1024

profile = load_profile("cv3078")
check_one(sys.argv[2], profile, CheckOptions(timeout=0))  # warm: tables, patterns
base = rss("VmRSS:")
result = check_one(sys.argv[1], profile, CheckOptions(timeout=0))
assert result.error is None, result.error
print(rss("VmHWM:") - base)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_memory_per_input_byte_of_a_text_file_stays_flat_as_it_grows(tmp_path):
    """The 95 MB text that peaked at 3.3 GB: peak memory must be linear in the size, with a
    constant that keeps the 100 MB limit on text files under ~4 GB."""
    seed = SEED_TXT.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    per_byte = {}
    for megabytes in (1, 4):
        path = tmp_path / f"{megabytes}mb.txt"
        path.write_bytes((seed * (megabytes * 2**20 // len(seed) + 1))[: megabytes * 2**20])
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(path), str(SEED_TXT)],
            capture_output=True, text=True, timeout=120, env=env, check=True,
        )  # fmt: skip
        per_byte[megabytes] = int(done.stdout) / path.stat().st_size
    assert per_byte[4] < per_byte[1] * 1.25, per_byte  # linear, not worse
    assert per_byte[4] < 40, per_byte
