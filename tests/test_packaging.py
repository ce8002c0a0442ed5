"""Packaging metadata: the licence, and what the sdist holds (.ci/run builds it and lists it)."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from tcdlcl_parse.models import Finding

from .conftest import REPO


def test_the_mit_licence_is_shipped_and_declared_in_spdx_form():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    # PEP 639's license string and license-files need setuptools 77.
    (setuptools,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    assert re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools) and int(setuptools.split(">=")[1].split(".")[0]) >= 77
    licence = (REPO / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License\n") and "tcdlcl_parse contributors" in licence


def test_the_sdist_ships_no_partial_test_tree():
    """The tests need the whole repository (corpora, tests/bad, scripts …): none are shipped."""
    rules = [line.split() for line in (REPO / "MANIFEST.in").read_text("utf-8").splitlines()]
    assert ["prune", "tests"] in rules


def test_the_finding_docstring_points_to_rule_text_the_package_ships():
    shipped = re.findall(r"``tcdlcl_parse/([\w/.]+)``", Finding.__doc__ or "")
    assert shipped == ["checking/rules/", "data/messages.toml"]
    package = resources.files("tcdlcl_parse")
    assert package.joinpath("checking", "rules").is_dir() and package.joinpath("data", "messages.toml").is_file()
