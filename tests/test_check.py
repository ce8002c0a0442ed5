import csv
import io
import json

import pytest

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.checking.matching import phrase_score
from tcdlcl_parse.checking.profile import load_profile
from tcdlcl_parse.cli import main
from tcdlcl_parse.messages import localize
from tcdlcl_parse.parsing.report import parse

from .conftest import CORPORA, SEED_TXT
from .helpers import doc

HEADER = """ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ SƠN HÀ                Độc lập - Tự do - Hạnh phúc
Số: 287/BC-UBND          Sơn Hà, ngày 03 tháng 12 năm 2025
BÁO CÁO
Kết quả công tác tiêu chuẩn, đo lường, chất lượng
Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 và Kế hoạch số 40/KH-UBND ngày 09/9/2025, UBND xã báo cáo:
"""
SECTIONS = {
    "I": "I. CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI\n1. Ban hành kế hoạch\nĐã ban hành kế hoạch.\n2. Chỉ đạo, phân công\nĐã phân công.\n",
    "II": ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM\n1. Tuyên truyền\nĐã tổ chức 03 buổi tuyên truyền.\n"
           "2. Chương trình, kế hoạch, đề án\nĐã rà soát 05 cơ sở.\n3. Đào tạo, tập huấn\nĐã cử 01 công chức dự tập huấn.\n"
           "4. Kiểm tra, giám sát\nĐã kiểm tra 12 cơ sở.\n"),
    "III": "III. ĐÁNH GIÁ CHUNG\n1. Ưu điểm: Chỉ đạo kịp thời.\n2. Hạn chế: Kinh phí còn thiếu.\n3. Nguyên nhân: Nhân lực kiêm nhiệm.\n",
    "IV": "IV. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị Sở tiếp tục tập huấn.\n",
    "V": "V. NHIỆM VỤ NĂM 2026\nSẽ tổ chức 02 lớp tập huấn.\n",
}
CLOSING = "Nơi nhận:\n- Sở Khoa học và Công nghệ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"


def run(*, replace=(), drop=(), order=("I", "II", "III", "IV", "V"), profile="cv3078"):
    text = HEADER + "".join(SECTIONS[k] for k in order if k not in drop) + CLOSING
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    return localize(check(parse(doc(text)), profile))


def codes(result):
    return sorted(f.code for f in result.findings)


def test_conforming_report_passes():
    result = run()
    assert result.passed and codes(result) == [] and result.missing_sections == []
    assert result.sections["II.3"].heading == "Đào tạo, tập huấn" and result.sections["II.3"].score == 100


def test_seed_passes_every_section_check_and_shows_only_its_format_gaps():
    result = check(parse(SEED_TXT), "cv3078")
    assert result.missing_sections == [] and len(result.sections) == 15
    assert codes(result) == ["F001", "F002", "F003"]


def test_missing_section_and_subsection():
    result = run(drop=("IV",))  # I, II, III, V: the gap in numbering is S003
    assert result.missing_sections == ["IV"] and codes(result) == ["S001", "S003"]
    result = run(replace=[("4. Kiểm tra, giám sát\nĐã kiểm tra 12 cơ sở.\n", "")])
    assert result.missing_sections == ["II.4"] and codes(result) == ["S001"]


def test_whole_part_missing_reports_it_once_and_lists_its_subsections():
    result = run(drop=("III",))
    assert result.missing_sections == ["III", "III.1", "III.2", "III.3"]
    assert codes(result) == ["S001", "S003"]


def test_meaning_not_number_renumbered_tasks_match_v():
    result = run(drop=("IV",), replace=[("V. NHIỆM VỤ", "IV. NHIỆM VỤ")])
    assert result.sections["V"].number == "IV" and result.missing_sections == ["IV"]


@pytest.mark.parametrize("heading", ["IV. KIẾN NGHI", "IV. KIEN NGHI, DE XUAT", "IV. Đề xuất, kiến nghị", "IV. KIẾN NHGỊ"])
def test_typos_and_lost_diacritics_still_match(heading):
    assert "IV" in run(replace=[("IV. KIẾN NGHỊ, ĐỀ XUẤT", heading)]).sections


def test_renamed_sections_match():
    result = run(replace=[("CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), ("2. Hạn chế", "2. Tồn tại, hạn chế")])
    assert result.passed and {"I", "III.2"} <= set(result.sections)


def test_distractor_heading_does_not_satisfy_ii():
    result = run(replace=[("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM", "II. KẾT QUẢ SẢN XUẤT VỤ HÈ THU")])
    assert "II" in result.missing_sections
    assert phrase_score("Kết quả thực hiện các nhiệm vụ trọng tâm", "KẾT QUẢ SẢN XUẤT VỤ HÈ THU") < load_profile("cv3078").match_threshold


def test_merged_section_satisfies_both():
    result = run(replace=[("2. Hạn chế: Kinh phí còn thiếu.\n3. Nguyên nhân: Nhân lực kiêm nhiệm.\n", "2. Hạn chế và nguyên nhân: Kinh phí thiếu.\n")])
    assert result.missing_sections == [] and result.sections["III.3"].merged_with == ["III.2"]


def test_reordered_sections_are_s002():
    result = run(order=("I", "II", "III", "V", "IV"))  # moved without renumbering: V, IV
    assert codes(result) == ["S002", "S003", "S003"] and result.missing_sections == []
    assert [f.section for f in result.findings if f.code == "S002"] == ["IV"]
    renumbered = run(order=("I", "II", "III", "V", "IV"), replace=[("V. NHIỆM", "IV. NHIỆM"), ("IV. KIẾN", "V. KIẾN")])
    assert codes(renumbered) == ["S002"]


def test_section_without_body_and_without_evidence():
    result = run(replace=[("Đã kiểm tra 12 cơ sở.\n", "")])
    assert "S004" in codes(result)
    result = run(replace=[("Đã kiểm tra 12 cơ sở.", "Công tác kiểm tra cần quan tâm hơn.")])
    assert codes(result) == ["Q001"] and result.findings[0].section == "II.4"


def test_required_citation_near_miss_and_wrong_date():
    result = run(replace=[("3078/SKHCN-TĐC", "3087/SKHCN-TĐC")])
    (finding,) = result.findings
    assert finding.code == "C001" and finding.params["near"] == "3087/SKHCN-TĐC" and "có phải 3078" in finding.message
    result = run(replace=[("40/KH-UBND ngày 09/9/2025", "40/KH-UBND ngày 19/9/2025")])
    assert codes(result) == ["C007"]


def test_recipient_aliases_and_missing_recipient():
    assert run(replace=[("- Sở Khoa học và Công nghệ;", "- Sở KH&CN (để báo cáo);")]).passed
    assert codes(run(replace=[("- Sở Khoa học và Công nghệ;", "- Thường trực Đảng ủy;")])) == ["F006"]


def test_report_dated_before_the_request_and_after_a_deadline(tmp_path):
    # Dated before the request: the request itself is then cited "from the future" too.
    assert codes(run(replace=[("ngày 03 tháng 12 năm 2025", "ngày 20 tháng 11 năm 2025")])) == ["C005", "F008"]
    profile = (load_profile("cv3078").model_copy(deep=True))
    profile.request.deadline = profile.request.date.replace(day=30)
    assert codes(run(profile=profile)) == ["F010"]


def test_english_messages():
    text = HEADER.replace("Số: 287/BC-UBND", "") + "".join(SECTIONS.values()) + CLOSING
    result = localize(check(parse(doc(text)), "cv3078"), "en")
    assert result.findings[0].message.startswith("No document number")


# --- command line -------------------------------------------------------------------------


def test_check_cli_exit_codes_and_json(capsys, tmp_path):
    assert main(["check", str(CORPORA / "synthetic" / "son-ha-clean.txt")]) == 0
    assert main(["check", str(SEED_TXT), "--format", "json", "--lang", "en"]) == 1
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    assert main(["check", str(bad)]) == 2
    assert main(["check", str(tmp_path / "none")]) == 2
    assert main(["check", str(SEED_TXT), "--profile", "nope"]) == 2


def test_check_json_output_shape(capsys):
    main(["check", str(SEED_TXT), "--format", "json"])
    (result,) = json.loads(capsys.readouterr().out)
    assert set(result) >= {"source", "profile", "passed", "missing_sections", "sections", "findings"}
    assert result["sections"]["IV"]["heading"] == "KIẾN NGHỊ VÀ ĐỀ XUẤT"
    assert {"code", "severity", "message", "section", "start", "end", "page"} <= set(result["findings"][0])


def test_batch_keeps_going_past_bad_files(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    (tmp_path / "sheet.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "notes.odt").write_bytes(b"x")
    (tmp_path / "good.txt").write_bytes(SEED_TXT.read_bytes())
    output = tmp_path / "out" / "results.csv"
    assert main(["check", str(tmp_path), "--format", "csv", "--output", str(output), "--jobs", "2"]) == 2
    rows = list(csv.reader(io.StringIO(output.read_text("utf-8-sig"))))
    assert [row[0].rsplit("/", 1)[-1] for row in rows[1:]] == ["corrupt.pdf", "empty.txt", "good.txt", "sheet.docx"]
    assert rows[3][1] == "Ủy ban nhân dân xã Ba Tô" and all(rows[i][8] for i in (1, 2, 4))
    assert "notes.odt" in capsys.readouterr().err


def test_jsonl_resume_and_xlsx(tmp_path):
    from openpyxl import load_workbook

    output = tmp_path / "r.jsonl"
    folder = CORPORA / "synthetic"
    main(["check", str(folder), "--format", "jsonl", "--output", str(output), "--jobs", "1"])
    first = output.read_text("utf-8").splitlines()
    assert len(first) == len([p for p in folder.iterdir() if p.suffix in (".txt", ".pdf", ".docx")])
    main(["check", str(folder), "--format", "jsonl", "--output", str(output), "--resume", "--jobs", "1"])
    assert output.read_text("utf-8").splitlines() == first
    workbook = tmp_path / "r.xlsx"
    main(["check", str(folder), "--format", "xlsx", "--output", str(workbook)])
    book = load_workbook(workbook)
    assert book.sheetnames == [
        "Tổng hợp", "Phát hiện", "Tổng quan", "Độ phủ các mục", "Số liệu tổng hợp", "Số liệu theo xã",
        "Nhiều báo cáo", "Trùng lặp", "Ma trận độ phủ",
    ]  # fmt: skip
    assert all(book[name].auto_filter.ref for name in book.sheetnames)
    # Sơn Hà (TXT, DOCX) and Nghĩa Hành (TXT, PDF) are one report each: a row each.
    reports = len(first) - 2
    assert book["Tổng hợp"]["A1"].value == "Tệp" and book["Tổng hợp"].max_row == reports + 1
    coverage = {row[0]: row[2] for row in book["Độ phủ các mục"].iter_rows(min_row=2, values_only=True)}
    assert coverage["I"] == reports and coverage["II.4"] == reports - 1  # Nghĩa Hành lacks II.4
    figures = {(row[0], row[1]): row[2] for row in book["Số liệu tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert all(section for section, _ in figures) and not any(unit in ("%", "tạ/ha") for _, unit in figures)


def test_aggregate_counts_only_done_figures_in_profile_sections():
    from tcdlcl_parse.output.aggregate import Aggregate

    aggregate = Aggregate(load_profile("cv3078"))
    for path in (CORPORA / "synthetic" / "son-ha-clean.txt", CORPORA / "synthetic" / "son-ha-clean.docx"):
        aggregate.add(check(parse(path), "cv3078"))
    totals = {(section, unit): total for section, unit, total, _ in aggregate.figure_rows()}
    # The TXT and the DOCX are one report: its 10 công chức count once (they counted twice).
    assert totals[("II.3", "công chức")] == 10 and ("V", "lớp") not in totals  # planned figures are not summed
    assert next(row[:2] for row in aggregate.commune_rows()) == ("Ủy ban nhân dân xã Sơn Hà", "II.1")


def test_resume_checks_again_what_another_profile_checked(tmp_path):
    import json

    output = tmp_path / "r.jsonl"
    files = [str(CORPORA / "synthetic" / name) for name in ("son-ha-clean.txt", "son-tinh-recipients.txt")]
    main(["check", *files, "--format", "jsonl", "--output", str(output), "--jobs", "1"])
    rows = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    rows[0]["issuer"] = rows[1]["issuer"] = "SENTINEL"  # marks what resume keeps untouched
    rows[1]["profile"] = "another-profile"
    output.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    main(["check", *files, "--format", "jsonl", "--output", str(output), "--resume", "--jobs", "1"])
    again = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert again[0]["issuer"] == "SENTINEL"  # same bytes, same profile: kept
    assert again[1]["issuer"] != "SENTINEL" and again[1]["profile"] == "cv3078"  # checked again
