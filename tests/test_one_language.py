"""Each output speaks one language: severity words, plurals, and what pydantic finds wrong in a
profile, in Vietnamese or in English."""

from __future__ import annotations

import pytest

from tcdlcl_parse.checking.profile import ProfileError, load_profile
from tcdlcl_parse.cli import main

from .conftest import SEED_TXT
from .test_cli_errors import ENGLISH, VIETNAMESE_RE
from .test_profile import MINIMAL

SEED = str(SEED_TXT)


@pytest.mark.parametrize(
    "lang, words", [("vi", {"lỗi", "cảnh báo", "ghi chú"}), ("en", {"error", "warning", "info"})]
)
def test_the_findings_sheet_says_severity_in_its_language(tmp_path, lang, words):
    from openpyxl import load_workbook

    output = tmp_path / "r.xlsx"
    main(["check", SEED, "--format", "xlsx", "-o", str(output), "--jobs", "1", "--lang", lang])
    sheet = load_workbook(output).worksheets[1]
    severities = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert severities and severities <= words
    assert ("lỗi" in severities) == (lang == "vi")


@pytest.mark.parametrize(
    "files, total",
    [(1, "Total: 1 report — 0 passed, 1 with errors, 0 unreadable"),
     (2, "Total: 2 reports — 0 passed, 2 with errors, 0 unreadable")],
)  # fmt: skip
def test_english_counts_say_report_or_reports(tmp_path, capsys, files, total):
    paths = []
    for index in range(files):
        paths.append(tmp_path / f"bao-cao-{index}.txt")
        paths[-1].write_text(SEED_TXT.read_text("utf-8"), "utf-8")
    main(["check", *map(str, paths), "--jobs", "1", "--lang", "en"])
    assert capsys.readouterr().out.splitlines()[-1] == total


def test_the_html_page_counts_in_english(tmp_path):
    output = tmp_path / "r.html"
    main(["check", SEED, "--format", "html", "-o", str(output), "--jobs", "1", "--lang", "en"])
    assert "<p>1 file — 1 distinct report, 0 passed, 0 files unreadable</p>" in output.read_text("utf-8")


# Every kind of problem a profile file can have, at once.
BROKEN = MINIMAL.replace('name = "Mini"', 'name = 5\ncolour = "red"\nmatch_threshold = 120') + (
    '[[sections]]\nid = "II.1"\ntitle = "x"\n'
    '[[sections]]\nid = "I"\ntitle = "again"\n'
    "[sections.evidence]\nstatus = ['finished']\nmin_claims = 0\n"
)


def test_pydantic_s_findings_on_a_profile_are_said_in_each_language(tmp_path):
    path = tmp_path / "hong.toml"
    path.write_text(BROKEN, "utf-8")
    with pytest.raises(ProfileError) as error:
        load_profile(path)
    vi, en = error.value.message("vi"), error.value.message("en")
    assert vi.startswith(f"{path}: ") and en.startswith(f"{path}: ")
    assert "name: phải là chuỗi" in vi and "name: must be a string" in en
    assert "colour: trường không được phép" in vi
    assert "match_threshold: phải ≤ 100" in vi and "match_threshold: must be ≤ 100" in en
    assert "sections.2.evidence.min_claims: phải ≥ 1" in vi
    assert "sections.2.evidence.status.0: phải là một trong 'done'," in vi
    words = {word for word in vi.replace(str(path), "").split()}
    assert not words & ENGLISH and VIETNAMESE_RE.search(vi), vi
    assert not VIETNAMESE_RE.search(en), en


def test_the_profile_s_own_checks_are_said_in_each_language(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(MINIMAL + '[[sections]]\nid = "II.1"\ntitle = "x"\n', "utf-8")
    with pytest.raises(ProfileError) as error:
        load_profile(path)
    assert error.value.message("vi") == f"{path}: mục 'II.1': chưa khai báo mục cha 'II'"
    assert error.value.message("en") == f"{path}: section 'II.1': parent 'II' not defined"
    assert str(error.value) == error.value.message("en")


def test_the_reader_s_notes_are_said_in_each_language():
    from tcdlcl_parse.output.text import render_parsed_text
    from tcdlcl_parse.parsing.report import parse

    lines = [line for line in SEED_TXT.read_text("utf-8").splitlines() if line.strip()]
    spaced = "\n\n".join(lines[:40])  # a blank line after each line
    report = parse(spaced.encode("utf-8"))
    assert report.document.warnings == ["blank-separator-lines-collapsed"]
    assert "Lưu ý: đã gộp các dòng trống xen giữa các dòng\n" in render_parsed_text(report, "vi")
    assert "Notes: blank lines between every line collapsed\n" in render_parsed_text(report, "en")
