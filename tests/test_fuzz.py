"""The readers' fuzz target (fuzz/fuzz_readers.py): its past findings replayed, and a short
seeded run on every test run."""

import shutil
import subprocess
import sys

import pytest

from .conftest import CORPORA, REPO

REGRESSIONS = sorted(p for p in (REPO / "tests" / "fuzz-regressions").iterdir() if p.suffix != ".md")


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_past_fuzz_findings_are_read_or_refused_cleanly(path):
    from tcdlcl_parse import ReadError, read
    from tcdlcl_parse.checking.checker import check
    from tcdlcl_parse.parsing.report import parse

    try:
        document = read(path)
    except ReadError as error:
        assert error.code == "corrupt"
    else:
        assert document.warnings[0].startswith("layout-unavailable:")
        check(parse(document), "cv3078")


SEEDS = [
    CORPORA / "seed" / "bao-cao-ba-to-2025.txt",
    CORPORA / "synthetic" / "son-ha-clean.docx",
    CORPORA / "encodings" / "bao-cao-ba-to-2025.tcvn3.txt",
    REPO / "tests" / "bad" / "pdf-truncated.pdf",
    REPO / "tests" / "bad" / "pdf-encrypted-owner-only.pdf",
]


def test_fuzzing_the_readers_finds_no_crash(tmp_path):
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, corpus)
    run = subprocess.run(
        [sys.executable, str(REPO / "fuzz" / "fuzz_readers.py"), "-runs=1000", "-seed=1", "-timeout=30",
         "-rss_limit_mb=2048", "-max_len=200000", f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    findings = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert run.returncode == 0 and not findings, run.stderr[-3000:]
    assert "Done 1000 runs" in run.stderr
