"""What the README shows works as shown: the Quick start commands (.ci/run runs them) and the
Dask sample as a script."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tcdlcl_parse

from .conftest import CORPORA, REPO


def _readme_block(name: str) -> str:
    spec = importlib.util.spec_from_file_location("readme_block", REPO / "scripts" / "readme_block.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.readme_block(name)


@pytest.mark.parametrize(
    "name, ends_with",
    [
        ("ci:quick-start-check", " && .venv/bin/tcdlcl check corpora/seed corpora/synthetic"),
        ("ci:quick-start-tests", " && .venv/bin/python -m pytest"),
    ],
)
def test_quick_start_commands_work_with_a_system_python(name, ends_with):
    """Debian's and Ubuntu's Python refuse `pip install` outside a virtual environment:
    each command makes (or reuses) one and runs everything from it."""
    (command,) = _readme_block(name).splitlines()
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -e ")
    assert command.endswith(ends_with)


def _run_as_script(name: str, tmp_path: Path) -> str:
    """Run the README block ``name`` as a script from the clone; its standard output."""
    script = tmp_path / "sample.py"
    script.write_text(_readme_block(name), "utf-8")
    # The package under test, whichever way it is installed (or not: PYTHONPATH=src).
    package_parent = str(Path(tcdlcl_parse.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_parent, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_library_sample_runs_as_shown(tmp_path):
    lines = _run_as_script("test:library-sample", tmp_path).splitlines()
    assert lines[0] == "241/BC-UBND 2025-12-14" and lines[1] == "['3078/SKHCN-TĐC', '40/KH-UBND']"
    assert lines[-1].startswith("scanned ") and "OCR" in lines[-1]


def test_the_dask_sample_runs_as_a_script(tmp_path):
    pytest.importorskip("dask", reason="the [dask] extra is not installed")
    output = _run_as_script("test:dask-sample", tmp_path)
    reports = len(list((CORPORA / "synthetic").glob("*.txt")))
    assert output.endswith(f" of {reports} reports passed\n"), output
