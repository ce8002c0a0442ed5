"""Outline accuracy over the form corpus (corpora/forms, every format) and the old corpus.

Prints the figures (files whose missing-section list is exactly right, per format; precision
of "missing") and asserts the issue 15 bar: ≥ 95 % exactly right, precision ≥ 0.99 on the
forms, every scan the same list as its text, no S003 on the lettered and "Phần" forms.
Scans are read by OCR only when Tesseract with Vietnamese is installed; set
``TCDLCL_FORMS_CACHE`` to a folder to keep what OCR read between runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import defaultdict
from functools import cache

import pytest

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.models import CheckResult, ParsedReport
from tcdlcl_parse.parsing.report import parse
from tcdlcl_parse.reading.cache import ReadCache
from tcdlcl_parse.reading.options import ReadOptions

from .conftest import CORPORA
from .golden import corpus_files, expected_path

FORMS = CORPORA / "forms"
NAMES = sorted(p.name.removesuffix(".truth.json") for p in FORMS.glob("*.truth.json"))
FORMATS = ("txt", "docx", "lo.pdf", "scan.pdf")
# Forms whose structure once drew a false S003 (letters at the top, "Phần" parts).
LETTERED_OR_PHAN = ("letter", "phan")


def _has_vietnamese_ocr() -> bool:
    if shutil.which("tesseract") is None:
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout
    return "vie" in langs.split()


OCR = _has_vietnamese_ocr()


def formats() -> tuple[str, ...]:
    return FORMATS if OCR else FORMATS[:-1]


@cache
def parsed(name: str, fmt: str) -> ParsedReport:
    """Each rendering read once per session (a scan's OCR takes seconds): other tests use it."""
    folder = os.environ.get("TCDLCL_FORMS_CACHE")
    options = ReadOptions(cache=ReadCache(folder)) if folder else None
    return parse(FORMS / f"{name}.{fmt}", options=options)


@cache
def result(name: str, fmt: str) -> CheckResult:
    return check(parsed(name, fmt))


def truth(name: str) -> list[str]:
    return sorted(json.loads((FORMS / f"{name}.truth.json").read_text("utf-8"))["missing_sections"])


def test_forms_and_old_corpus_figures() -> None:
    exact: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    true_positive = false_positive = 0
    wrong = []
    for name in NAMES:
        want = truth(name)
        for fmt in formats():
            got = sorted(result(name, fmt).missing_sections)
            exact[fmt][0] += got == want
            exact[fmt][1] += 1
            true_positive += len(set(got) & set(want))
            false_positive += len(set(got) - set(want))
            if got != want:
                wrong.append(f"{name}.{fmt}: {got} (truth {want})")
    for path in corpus_files():  # the old corpus: its golden lists, kept or bettered
        golden = json.loads(expected_path(path).read_text("utf-8"))["check"]["missing_sections"]
        got = check(parse(path)).missing_sections
        exact["old corpus"][0] += got == golden
        exact["old corpus"][1] += 1
        if got != golden:
            wrong.append(f"{path.name}: {got} (golden {golden})")
    right, total = sum(a for a, _ in exact.values()), sum(b for _, b in exact.values())
    precision = true_positive / max(true_positive + false_positive, 1)
    for fmt, (a, b) in exact.items():
        print(f"{fmt:>10}: {a}/{b} missing lists exactly right")
    print(f"{'all':>10}: {right}/{total} = {right / total:.1%}; precision of 'missing' on the forms "
          f"{precision:.3f} ({true_positive} right, {false_positive} present but reported missing)")
    print("\n".join(wrong))
    if not OCR:
        print("scans skipped: Tesseract with 'vie' is not installed")
    assert right / total >= 0.95
    assert precision >= 0.99


@pytest.mark.skipif(not OCR, reason="Tesseract with Vietnamese ('vie') is not installed")
@pytest.mark.parametrize("name", NAMES)
def test_scan_gives_the_text_list(name: str) -> None:
    assert result(name, "scan.pdf").missing_sections == result(name, "txt").missing_sections


@pytest.mark.parametrize("name", [n for n in NAMES if any(k in n for k in LETTERED_OR_PHAN)])
@pytest.mark.parametrize("fmt", ["txt", "docx", "lo.pdf"])
def test_no_false_s003_on_lettered_or_phan_forms(name: str, fmt: str) -> None:
    assert [f for f in result(name, fmt).findings if f.code == "S003"] == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_no_false_error_in_the_header_closing_or_citations(name: str, fmt: str) -> None:
    """Issue 17: no false F001, F006, F007 or C001 on any rendering. What OCR cannot read in
    the closing ("- Như trên;" read as "PP biện,", a seal over the signer's name) is no error;
    an unread name on a scan is the warning F012."""
    if fmt == "scan.pdf" and not OCR:
        pytest.skip("Tesseract with Vietnamese ('vie') is not installed")
    header = json.loads((FORMS / f"{name}.truth.json").read_text("utf-8"))["header"]
    codes = {f.code for f in result(name, fmt).findings}
    assert not codes & {"F006", "C001"}
    assert ("F001" in codes) == (not header["national_title"])
    assert ("F007" in codes) == (header["signer"] is None)
    assert "F012" not in codes or (fmt == "scan.pdf" and header["signer"] is not None)


# The set-aside corpora, each run once as the measure of a session's work (the figures are in
# the README), then kept here so that what they taught is not lost.
SPENT = ("holdout", "holdout2", "holdout3", "holdout4")
# A form not handled yet: ten numbered paragraphs without titles, sections told by content only.
NOT_HANDLED = {("holdout4", "binh-chuong-doan-danh-so")}
SPENT_CASES = [
    (folder, path.name.removesuffix(".truth.json"))
    for folder in SPENT
    for path in sorted((CORPORA / folder / "forms").glob("*.truth.json"))
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("folder", "name"), SPENT_CASES, ids=lambda v: v)
def test_spent_set_aside_reports_stay_right(folder: str, name: str, fmt: str) -> None:
    """Missing list, Q001 and no error the truth does not expect, on every rendering."""
    if fmt == "scan.pdf" and not OCR:
        pytest.skip("Tesseract with Vietnamese ('vie') is not installed")
    forms = CORPORA / folder / "forms"
    truth = json.loads((forms / f"{name}.truth.json").read_text("utf-8"))
    folder_cache = os.environ.get("TCDLCL_FORMS_CACHE")
    options = ReadOptions(cache=ReadCache(folder_cache)) if folder_cache else None
    outcome = check(parse(forms / f"{name}.{fmt}", options=options))
    if (folder, name) in NOT_HANDLED:
        assert outcome.missing_sections != truth["missing_sections"], "handled now: drop it"
        pytest.xfail("numbered paragraphs without titles: sections by content are not read yet")
    assert sorted(outcome.missing_sections) == sorted(truth["missing_sections"])
    assert sorted({f.section for f in outcome.findings if f.code == "Q001"}) == sorted(truth["q001"])
    expected = {"S001"} if truth["missing_sections"] else set()
    expected |= {"C004", "Q002"} if truth["invalid_dates"] else set()
    assert {f.code for f in outcome.findings if f.severity == "error"} <= expected

