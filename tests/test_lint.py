"""The code passes ruff's checks and the package passes mypy --strict (both as configured in
pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         "src", "tests", "benchmarks", "scripts", "fuzz"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_type_checks_strictly():
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "src/tcdlcl_parse"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_profile_path_is_accepted_where_the_readme_passes_one(tmp_path):
    """``check(parsed, Path("x.toml"))`` works and type-checks (the README shows it)."""
    from tcdlcl_parse import check, parse

    profile = tmp_path / "x.toml"
    profile.write_text((ROOT / "src/tcdlcl_parse/profiles/cv3078.toml").read_text("utf-8"), "utf-8")
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from pathlib import Path\n\nimport tcdlcl_parse\n\n"
        "parsed = tcdlcl_parse.parse(b'x')\n"
        "result = tcdlcl_parse.check(parsed, Path('x.toml'))\n",
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(sample)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert check(parse(ROOT / "corpora/seed/bao-cao-ba-to-2025.txt"), profile).profile == "cv3078"
