"""The department's desk (issue 20): a report sent as several files counts once, the roster
(who has not reported, who is not on it), the summary JSON, the workbook's sheets, deadlines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdlcl_parse.cli import main
from tcdlcl_parse.normalize import text_digest
from tcdlcl_parse.output.desk import Summary, summary_json_schema
from tcdlcl_parse.output.roster import Roster, load_roster, unit_key
from tcdlcl_parse.parsing.report import parse

from .conftest import CORPORA, REPO, SEED_TXT

SEED = CORPORA / "seed"
SYNTHETIC = CORPORA / "synthetic"
SON_HA = SYNTHETIC / "son-ha-clean.txt"
NGHIA_HANH = SYNTHETIC / "nghia-hanh-missing-inspection.txt"


def summarize(tmp_path: Path, files: list[Path], *options: str) -> dict:
    output = tmp_path / "summary.json"
    main(["check", *map(str, files), "--summary", str(output), "--jobs", "1", *options])
    return json.loads(output.read_text("utf-8"))


def test_seed_in_three_formats_gives_the_figures_of_the_text_alone(tmp_path):
    texts = [SEED_TXT, SON_HA]
    every = [SEED_TXT, SEED / "bao-cao-ba-to-2025.docx", SEED / "bao-cao-ba-to-2025.lo.pdf",
             SON_HA, SYNTHETIC / "son-ha-clean.docx"]  # fmt: skip
    alone, all_formats = summarize(tmp_path, texts), summarize(tmp_path, every)
    assert alone["figures"] and all_formats["figures"] == alone["figures"]
    assert all_formats["coverage"] == alone["coverage"]
    assert all_formats["reports"] == alone["reports"] == 2 and all_formats["files"] == 5
    groups = {tuple(sorted(d["sources"])) for d in all_formats["duplicates"]}
    assert groups == {tuple(sorted(map(str, every[:3]))), tuple(sorted(map(str, every[3:])))}
    by_symbol = {d["key"]["symbol"]: d for d in all_formats["duplicates"]}
    assert by_symbol[None]["key"]["text_sha256"]  # the seed has a blank number: its text decides
    assert by_symbol["241/BC-UBND"]["key"]["date"] == "2025-12-14"
    assert not any(d["findings_differ"] for d in all_formats["duplicates"])
    assert alone["duplicates"] == [] and alone["several_reports"] == []


def test_text_digest_ignores_layout_but_not_a_changed_figure():
    texts = [parse(SEED / name).document.text for name in
             ("bao-cao-ba-to-2025.txt", "bao-cao-ba-to-2025.docx", "bao-cao-ba-to-2025.lo.pdf",
              "bao-cao-ba-to-2025.fpdf.pdf")]  # fmt: skip
    assert len({text_digest(text) for text in texts}) == 1
    assert "01 công chức" in texts[0]
    assert text_digest(texts[0].replace("01 công chức", "10 công chức", 1)) != text_digest(texts[0])


def _roster_file(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_roster_of_five_with_three_reported_lists_the_other_two(tmp_path):
    roster = _roster_file(tmp_path, "stt,commune\n1,xã Ba Tô\n2,Sơn Hà\n3,UBND xã Nghĩa Hành\n"
                                    "4,phường Đức Phổ\n5,Xã Ba Tơ\n")  # fmt: skip
    other = SYNTHETIC / "son-tinh-recipients.txt"  # from xã Sơn Tịnh, not on this roster
    summary = summarize(tmp_path, [SEED_TXT, SON_HA, NGHIA_HANH, other], "--roster", str(roster))
    assert summary["not_reported"] == ["phường Đức Phổ", "Xã Ba Tơ"]  # as written, roster order
    assert [u["issuer"] for u in summary["unknown_issuers"]] == ["Ủy ban nhân dân xã Sơn Tịnh"]
    assert summary["unknown_issuers"][0]["sources"] == [str(other)]
    assert summary["unknown_issuers"][0]["nearest"][0] == "Sơn Hà"
    assert summary["roster"] == str(roster)


def test_one_name_a_line_roster_and_lenient_names(tmp_path):
    roster = load_roster(_roster_file(tmp_path, "xã Ba Tô\n\nBa Tơ\nUBND phường Đức Phổ\n", "r.txt"))
    assert roster.names == ["xã Ba Tô", "Ba Tơ", "UBND phường Đức Phổ"]
    for issuer in ("Ủy ban nhân dân xã Ba Tô", "UBND xã Ba Tô", "Ba Tô", "ỦY BAN NHÂN DÂN XÃ BA TÔ"):
        assert roster.resolve(issuer) == 0, issuer
    assert roster.resolve("Ủy ban nhân dân phường Đức Phổ, tỉnh Quảng Ngãi") == 2
    assert roster.resolve("Ủy ban nhân dân xã Đức Phổ") is None  # a ward, not a commune
    assert roster.resolve("UBND xã Ba To") is None  # Ba Tô or Ba Tơ: no guess
    assert roster.resolve("UBND xa Duc Pho") is None  # a kind typed without marks is no kind
    assert Roster("x", ["Xã Ba Vì"]).resolve("UBND xã Ba Vi") == 0  # without marks, but alone
    assert unit_key("Văn phòng HĐND và UBND phường Đức Phổ") == ("phường", "đức phổ")


def test_several_reports_from_one_commune_and_files_that_disagree(tmp_path):
    text = SON_HA.read_text("utf-8")
    assert "241/BC-UBND" in text and "- Sở Khoa học và Công nghệ" in text
    second = tmp_path / "son-ha-second.txt"  # another report of the same commune
    second.write_text(text.replace("241/BC-UBND", "260/BC-UBND"), "utf-8")
    resent = tmp_path / "son-ha-resent.txt"  # the same report, its recipients cut
    resent.write_text(text.replace("- Sở Khoa học và Công nghệ", "- Văn phòng"), "utf-8")
    summary = summarize(tmp_path, [SON_HA, second, resent])
    assert summary["reports"] == 2
    [several] = summary["several_reports"]
    assert several["commune"] == "Ủy ban nhân dân xã Sơn Hà"
    assert sorted(map(sorted, several["reports"])) == sorted([sorted([str(SON_HA), str(resent)]), [str(second)]])
    [duplicate] = summary["duplicates"]
    assert duplicate["findings_differ"] and duplicate["findings"][str(SON_HA)] == []
    assert duplicate["findings"][str(resent)]


def test_province_lists_every_current_unit_that_did_not_report(tmp_path):
    vietnam_provinces = pytest.importorskip("vietnam_provinces")
    data = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8"))
    assert len(data) == 34 and sum(len(p["wards"]) for p in data) == 3321
    [province] = [p for p in data if p["name"] == "Quảng Ngãi"]
    units = [ward["name"] for ward in province["wards"]]
    summary = summarize(tmp_path, [SEED_TXT, SON_HA, NGHIA_HANH], "--province", "Quảng Ngãi")
    reported = {"Xã Ba Tô", "Xã Sơn Hà", "Xã Nghĩa Hành"}
    assert reported <= set(units) and len(units) == 96
    assert summary["not_reported"] == [name for name in units if name not in reported]
    assert summary["unknown_issuers"] == []
    assert summary["roster"].startswith("Quảng Ngãi (vietnam-provinces ")
    assert main(["check", str(SEED_TXT), "--summary", str(tmp_path / "x.json"), "--province", "Atlantis"]) == 2


def test_summary_follows_its_schema_and_the_committed_copy_is_current(tmp_path):
    summary = summarize(tmp_path, [SEED_TXT, SON_HA])
    schema = summary_json_schema()
    committed = json.loads((REPO / "docs" / "summary.schema.json").read_text("utf-8"))
    assert committed == schema
    Summary.model_validate(summary)  # the model the schema is exported from
    assert set(summary) == set(schema["properties"]) and set(schema["required"]) <= set(summary)
    assert summary["profile"] == "cv3078" and summary["late"] == [] and summary["not_reported"] == []


def _profile_with_deadline(tmp_path: Path, deadline: str) -> Path:
    text = (REPO / "src" / "tcdlcl_parse" / "profiles" / "cv3078.toml").read_text("utf-8")
    assert "date = 2025-11-25\n\n[[required_citations]]" in text
    path = tmp_path / "cv3078-deadline.toml"
    path.write_text(text.replace("date = 2025-11-25\n", f"date = 2025-11-25\ndeadline = {deadline}\n", 1), "utf-8")
    return path


def test_reports_after_the_deadline_are_late(tmp_path):
    profile = _profile_with_deadline(tmp_path, "2025-12-10")
    summary = summarize(tmp_path, [SON_HA, SYNTHETIC / "son-ha-clean.docx", NGHIA_HANH], "--profile", str(profile))
    [late] = summary["late"]  # Sơn Hà, 14/12, once for its two files; Nghĩa Hành wrote on 08/12
    assert late == {"issuer": "Ủy ban nhân dân xã Sơn Hà", "symbol": "241/BC-UBND", "date": "2025-12-14",
                    "deadline": "2025-12-10", "sources": [str(SON_HA), str(SYNTHETIC / "son-ha-clean.docx")]}  # fmt: skip
    output = tmp_path / "r.jsonl"
    main(["check", str(SON_HA), "--profile", str(profile), "--format", "jsonl", "-o", str(output), "-j", "1"])
    assert "F010" in {f["code"] for f in json.loads(output.read_text("utf-8"))["findings"]}


def test_workbook_has_the_desk_sheets_and_the_matrix(tmp_path):
    from openpyxl import load_workbook

    roster = _roster_file(tmp_path, "commune\nxã Ba Tô\nxã Sơn Hà\nxã Nghĩa Hành\nxã Ba Xa\n")
    profile = _profile_with_deadline(tmp_path, "2025-12-10")
    files = [SEED_TXT, SEED / "bao-cao-ba-to-2025.docx", SON_HA, NGHIA_HANH]
    workbook = tmp_path / "desk.xlsx"
    main(["check", *map(str, files), "--format", "xlsx", "-o", str(workbook), "--roster", str(roster),
          "--profile", str(profile), "-j", "1"])  # fmt: skip
    book = load_workbook(workbook)
    assert book.sheetnames == [
        "Tổng hợp", "Phát hiện", "Tổng quan", "Độ phủ các mục", "Số liệu tổng hợp", "Số liệu theo xã",
        "Chưa báo cáo", "Ngoài danh sách", "Nhiều báo cáo", "Trùng lặp", "Nộp muộn", "Ma trận độ phủ",
    ]  # fmt: skip
    rows = {name: list(book[name].iter_rows(min_row=2, values_only=True)) for name in book.sheetnames}
    assert len(rows["Tổng hợp"]) == 3 and rows["Tổng hợp"][0][0].count("\n") == 1  # seed: 2 files
    assert rows["Chưa báo cáo"] == [("xã Ba Xa",)] and rows["Ngoài danh sách"] == []
    assert [row[1] for row in rows["Nộp muộn"]] == ["241/BC-UBND"]
    [duplicate] = rows["Trùng lặp"]
    assert duplicate[0] == "Ủy ban nhân dân xã Ba Tô" and duplicate[4] == "Không"
    assert dict(rows["Tổng quan"])["Số báo cáo (mỗi báo cáo một lần)"] == 3
    matrix = book["Ma trận độ phủ"]
    header = next(matrix.iter_rows(max_row=1, values_only=True))
    assert header[:3] == ("Xã, phường, đặc khu", "Số mục thiếu hoặc có vấn đề", "I")
    by_commune = {row[0]: row for row in rows["Ma trận độ phủ"]}
    assert set(by_commune) == {"xã Ba Tô", "xã Sơn Hà", "xã Nghĩa Hành"}
    nghia_hanh = dict(zip(header, by_commune["xã Nghĩa Hành"], strict=True))
    assert nghia_hanh["II.4"] == "✗" and nghia_hanh["I"] == "✓" and nghia_hanh[header[1]] >= 1
    formulas = {rule.formula[0] for area in matrix.conditional_formatting for rule in area.rules}
    assert formulas == {'"✓"', '"✗"', '"!"'}
    english = tmp_path / "desk-en.xlsx"
    main(["check", *map(str, files), "--format", "xlsx", "-o", str(english), "--roster", str(roster),
          "--lang", "en", "-j", "1"])  # fmt: skip
    assert {"Not reported", "Duplicates", "Coverage matrix"} <= set(load_workbook(english).sheetnames)


def test_roster_needs_an_output_that_shows_it(tmp_path, capsys):
    roster = _roster_file(tmp_path, "commune\nxã Ba Tô\n")
    assert main(["check", str(SEED_TXT), "--roster", str(roster)]) == 2
    assert "--summary" in capsys.readouterr().err
