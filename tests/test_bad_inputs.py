"""The hostile-input corpus (tests/bad/, made by scripts/make_bad_inputs.py), each file checked
in a subprocess under a time limit and an address-space limit, watched for network requests
and for files opened outside the input and the installation.

Each case runs ``python -m tests.bad_probe FILE`` (read + parse + check through
``tcdlcl_parse.running.batch.check_one`` with the ``cv3078`` profile, as ``tcdlcl check`` does). The
children run two at a time; each test waits for its own child.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
BAD = REPO / "tests" / "bad"
SCRIPT = REPO / "scripts" / "make_bad_inputs.py"
# Importing the package and its libraries needs a few hundred MiB of address space; the zip
# bombs must be refused long before 2 GiB.
LIMIT_AS = 2 * 1024**3
MARKER = "BAD-PROBE "
CITED = ("3078/SKHCN-TĐC", "2025-11-25")
CITED_ASCII = ("3078/SKHCN-TDC", None)  # fpdf2's core font has no Đ, and "ngay" is no date


@dataclass(frozen=True)
class Expect:
    outcomes: tuple[str, ...]  # "ok" (read and checked) or FileError codes, any of them right
    cites: tuple[tuple[str, str | None], ...] = ()  # (symbol, date) that must be found when read
    encoding: str | None = None
    timeout: float = 20.0
    max_rss_mb: float | None = None
    absent: tuple[str, ...] = ()  # symbols that must NOT be among the citations (hidden text)
    warns: tuple[str, ...] = ()  # prefixes of warnings the document must carry


EXPECTED: dict[str, Expect] = {
    "empty.txt": Expect(("empty",)),
    "noise.txt": Expect(("encoding",)),
    "pdf-corrupt.pdf": Expect(("corrupt",)),
    "pdf-truncated.pdf": Expect(("corrupt", "ok")),
    "pdf-encrypted-user-password.pdf": Expect(("encrypted",)),
    "pdf-encrypted-owner-only.pdf": Expect(("ok",), cites=(CITED_ASCII,)),
    "pdf-external-link.pdf": Expect(("ok",), cites=(CITED_ASCII,)),
    "pdf-cyclic-page-tree.pdf": Expect(
        ("corrupt", "ok"),
    ),
    "pdf-deep-nesting.pdf": Expect(("corrupt", "ok")),
    # The draft viewers show, not the first revision pdfminer finds.
    "pdf-incremental-update.pdf": Expect(
        ("ok",),
        absent=("3078/SKHCN-TDC",),
        warns=("layout-text-differs-from-viewer-read-pdfium:1",),
    ),
    "png-renamed.pdf": Expect(("unsupported",)),
    "xlsx-renamed.docx": Expect(("unsupported",)),
    "docx-bomb-deflate.docx": Expect(("too-large", "corrupt"), timeout=10, max_rss_mb=300),
    "docx-bomb-bzip2.docx": Expect(("too-large", "corrupt"), timeout=10, max_rss_mb=300),
    "docx-bomb-lying-size.docx": Expect(
        ("corrupt", "too-large"),
        timeout=10,
        max_rss_mb=300,
    ),
    "docx-xxe.docx": Expect(("ok", "corrupt"), cites=(CITED,)),
    "docx-billion-laughs.docx": Expect(("ok", "corrupt"), timeout=10, max_rss_mb=300),
    "docx-external-links.docx": Expect(("ok",), cites=(CITED,)),
    "docx-citations-wrapped.docx": Expect(
        ("ok",), cites=(CITED, ("40/KH-UBND", "2025-09-09"), ("1703/QĐ-TTg", "2024-12-31")), absent=("99/KH-UBND",)
    ),
    "docx-hidden-citation.docx": Expect(("ok",), absent=("3078/SKHCN-TĐC",)),
    "docx-numbering-start-huge.docx": Expect(("ok",), cites=(CITED,), timeout=10, max_rss_mb=300),
    "docx-gridspan-huge.docx": Expect(("ok",), cites=(CITED,), timeout=10, max_rss_mb=300),
    "docx-vmerge-chain.docx": Expect(("ok",), cites=(CITED,), timeout=10, max_rss_mb=300),
    "docm-renamed.docx": Expect(("unsupported",)),
    "html-renamed.pdf": Expect(("unsupported",)),
    "text-deep-numbering.txt": Expect(("ok",), cites=(CITED,)),
    "text-many-numbered-lines.txt": Expect(("ok",), cites=(CITED,)),
    "text-mixed-encodings.txt": Expect(("encoding", "ok"), cites=(CITED,)),
    "text-invisible-marks.txt": Expect(("ok",), cites=(CITED, ("40/KH-UBND", "2025-09-09"))),
    "text-utf8-stray-byte.txt": Expect(
        ("ok",), cites=(CITED,), encoding="utf-8"
    ),
    "text-recipe-en.txt": Expect(("ok",)),
    "text-python-source.txt": Expect(("ok",)),
    "text-utf16-no-bom.txt": Expect(("ok",), cites=(CITED,), encoding="utf-16"),
    "text-cp1258.txt": Expect(("ok",), cites=(CITED,), encoding="cp1258"),
}
LARGE_EXPECTED: dict[str, Expect] = {
    # Refused from the file's size, without reading 200 MB into memory.
    "text-200mb.txt": Expect(("too-large",), timeout=60, max_rss_mb=120),
    # 10.7 s alone today, ~21 s while the other child shares the CPU; 60 s leaves room.
    "text-single-line-10mb.txt": Expect(("ok",), cites=(CITED,), timeout=60, max_rss_mb=1000),
    "pdf-10000-empty-pages.pdf": Expect(("empty",), timeout=30),
    "text-then-noise.txt": Expect(("encoding", "ok"), cites=(CITED,)),
}


def _generator() -> ModuleType:
    name = "make_bad_inputs"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SCRIPT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules[name]


def _hostname() -> str | None:
    try:
        return Path("/etc/hostname").read_text().strip() or None
    except OSError:
        return None


# --- the corpus is what the script makes -----------------------------------------------------


def _made_with(readme: str) -> dict[str, str]:
    line = next(line for line in readme.splitlines() if line.startswith("Generated with:"))
    return dict(item.split("==") for item in line.removeprefix("Generated with:").split())


def test_committed_corpus_is_current(tmp_path):
    generator = _generator()
    generator.write_corpus(tmp_path)
    assert sorted(p.name for p in BAD.iterdir()) == sorted(p.name for p in tmp_path.iterdir())
    assert all(p.stat().st_size < 200 * 1024 for p in BAD.iterdir())
    committed_readme = (BAD / "README.md").read_text(encoding="utf-8")
    made_with, installed = _made_with(committed_readme), generator.toolchain()
    stale, version_bound = [], []
    for case in generator.CASES:
        if (BAD / case.name).read_bytes() == (tmp_path / case.name).read_bytes():
            continue
        changed = [lib for lib in case.uses if made_with.get(lib) != installed[lib]]
        (version_bound if changed else stale).append(
            f"{case.name} ({', '.join(changed)})" if changed else case.name
        )
    without_versions = [
        [line for line in text.splitlines() if not line.startswith("Generated with:")]
        for text in (committed_readme, (tmp_path / "README.md").read_text(encoding="utf-8"))
    ]
    if without_versions[0] != without_versions[1]:
        stale.append("README.md")
    assert not stale, f"tests/bad/ is out of date, run python scripts/make_bad_inputs.py: {stale}"
    if version_bound:
        pytest.skip(
            f"bytes differ only where a library version differs from the one the corpus was made "
            f"with ({made_with} vs installed {installed}): {version_bound}"
        )


def test_expectations_cover_the_corpus_and_agree_with_its_readme():
    generator = _generator()
    assert sorted(EXPECTED) == sorted(case.name for case in generator.CASES)
    assert sorted(LARGE_EXPECTED) == sorted(case.name for case in generator.LARGE_CASES)
    for case in [*generator.CASES, *generator.LARGE_CASES]:
        documented = {"ok" if code == "read" else code for code in case.expected.split("|")}
        table = EXPECTED.get(case.name) or LARGE_EXPECTED[case.name]
        assert documented == set(table.outcomes), case.name


# --- each file in a watched subprocess ---------------------------------------------------------


@dataclass
class Run:
    returncode: int | None  # None: killed at the time limit
    report: dict | None
    stderr: str
    wall: float


def _probe(path: Path, timeout: float, private_tmp: Path) -> Run:
    # A temporary folder of its own: the temporary folder is an allowed root, and the checkout
    # may itself live under /tmp.
    env = dict(
        os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", TMPDIR=str(private_tmp)
    )
    command = [sys.executable, "-m", "tests.bad_probe", str(path), "--limit-as", str(LIMIT_AS)]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as expired:
        stderr = (
            expired.stderr.decode(errors="replace")
            if isinstance(expired.stderr, bytes)
            else expired.stderr
        )
        return Run(None, None, stderr or "", time.perf_counter() - started)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARKER)]
    report = json.loads(lines[-1][len(MARKER) :]) if lines else None
    return Run(done.returncode, report, done.stderr, time.perf_counter() - started)


CASES = [pytest.param(name, expect, id=name) for name, expect in [*EXPECTED.items(), *LARGE_EXPECTED.items()]]


@pytest.fixture(scope="module")
def probes(request, tmp_path_factory) -> Iterator[dict[str, Future[Run]]]:
    """Start every selected case, two children at a time, slowest first."""
    selected = [
        item.callspec.params["name"]
        for item in request.session.items
        if item.path == Path(__file__) and item.originalname == "test_bad_input"
    ]
    large = [name for name in selected if name in LARGE_EXPECTED]
    paths = {name: BAD / name for name in selected if name in EXPECTED}
    if large:
        paths.update(_generator().write_large(tmp_path_factory.mktemp("bad-large"), large))
    order = sorted(selected, key=lambda name: -(EXPECTED.get(name) or LARGE_EXPECTED[name]).timeout)
    pool = ThreadPoolExecutor(max_workers=2)
    futures = {
        name: pool.submit(
            _probe, paths[name], (EXPECTED.get(name) or LARGE_EXPECTED[name]).timeout, tmp_path_factory.mktemp("tmp")
        )
        for name in order
    }
    yield futures
    pool.shutdown(wait=True)


@pytest.mark.parametrize(("name", "expect"), CASES)
def test_bad_input(name: str, expect: Expect, probes: dict[str, Future[Run]], record_property):
    run = probes[name].result()
    record_property("wall_seconds", round(run.wall, 2))
    assert run.returncode is not None, (
        f"{name}: no result within {expect.timeout:g} s\n{run.stderr[-2000:]}"
    )
    report = run.report
    assert report is not None, (
        f"{name}: the probe printed nothing (exit {run.returncode})\n{run.stderr[-3000:]}"
    )
    record_property("outcome", report["outcome"])
    record_property("check_seconds", report.get("seconds"))
    record_property("maxrss_mb", report["maxrss_mb"])
    assert run.returncode == 0 and report["outcome"] != "crash", (
        f"{name}: crashed after {report.get('seconds')} s, peak RSS {report['maxrss_mb']} MB\n"
        f"{report.get('traceback', run.stderr)[-2500:]}"
    )
    assert report["network"] == [], f"{name}: network requests {report['network']}"
    assert report["opens"] == [], (
        f"{name}: opened files outside the input and the installation {report['opens']}"
    )
    assert report["outcome"] in expect.outcomes, (
        f"{name}: {report['outcome']} ({report.get('message')})"
    )
    if expect.max_rss_mb is not None:
        assert report["maxrss_mb"] < expect.max_rss_mb, f"{name}: peak RSS {report['maxrss_mb']} MB"
    if report["outcome"] != "ok":
        return
    found = [tuple(pair) for pair in report["citation_list"]]
    for cited in expect.cites:
        assert cited in found, (
            f"{name}: {cited} not among the citations {found} (encoding {report['encoding']})"
        )
    for symbol in expect.absent:
        assert symbol not in {pair[0] for pair in found}, f"{name}: {symbol} read from hidden text"
    if expect.encoding is not None:
        assert report["encoding"] == expect.encoding
    for prefix in expect.warns:
        warnings = report["warnings"]
        assert any(w.startswith(prefix) for w in warnings), f"{name}: {warnings}"
    hostname = _hostname()
    if name == "docx-xxe.docx" and hostname:
        assert f"XXE-BEGIN-{hostname}" not in report["text_head"], (
            "the external entity was resolved"
        )


def test_the_probe_sees_network_requests_and_stray_opens(tmp_path):
    watched = tmp_path / "input.txt"
    watched.write_text("x")
    code = f"""
import json, socket
from tests.bad_probe import install_watch
seen = install_watch({str(watched)!r})
open({str(watched)!r}).close()
open({str(REPO / "README.md")!r}).close()
socket.getaddrinfo("localhost", 80)
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass
print(json.dumps(seen))
"""
    # The temporary folder is an allowed root; give the child its own, so that a checkout that
    # itself lives under /tmp (as CI's may) still counts as outside.
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=REPO, capture_output=True, text=True, timeout=20,
        env=dict(os.environ, TMPDIR=str(private_tmp)),
    )  # fmt: skip
    seen = json.loads(done.stdout)
    assert seen["opens"] == [str(REPO / "README.md")]
    assert {event for event, _ in seen["network"]} >= {"socket.getaddrinfo", "socket.connect"}
