"""Profiles built from a request letter and its outline (issue 21): corpora/requests/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

import tcdlcl_parse
from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.checking.profile import Profile, load_profile
from tcdlcl_parse.checking.profile_builder import (
    ProfileBuildError,
    build_draft,
    derive_aliases,
    to_toml,
)
from tcdlcl_parse.cli import main
from tcdlcl_parse.models import ParsedReport
from tcdlcl_parse.parsing.report import parse

from .test_outline_accuracy import NAMES as FORM_NAMES
from .test_outline_accuracy import formats as form_formats
from .test_outline_accuracy import parsed as form_parsed

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = ROOT / "corpora" / "requests"
CV3078 = REQUESTS / "cv3078"
# name → (outline, letter); None: the outline is in the letter's body
CASES = {
    "nong-nghiep-thiet-hai": ("de-cuong.txt", "letter.txt"),
    "y-te-attp": ("de-cuong.txt", "letter.txt"),
    "ubnd-cchc": ("de-cuong.txt", "letter.txt"),
    "tinh-uy-chi-thi-05": ("letter.txt", None),
}
COMPARED = ("C001", "C007", "F006")


@cache
def _built(name: str) -> Profile:
    outline, letter = CASES[name]
    folder = REQUESTS / name
    return build_draft(folder / outline, folder / letter if letter else None).profile


@cache
def _generated_3078() -> Profile:
    return build_draft(CV3078 / "outline.txt", CV3078 / "letter.txt").profile


def _answers() -> list[tuple[str, Path]]:
    return [
        (name, path)
        for name in CASES
        for path in sorted((REQUESTS / name).glob("*.txt"))
        if path.with_suffix(".truth.json").is_file()
    ]


def _corpus_reports() -> list[Path]:
    """Every report of corpora/ but the set-aside ones and the form corpus, whose renderings
    (scans included, when Tesseract reads Vietnamese) come read once from the outline test."""
    folders = ("seed", "synthetic", "encodings", "real")
    return sorted(
        path
        for folder in folders
        for path in (ROOT / "corpora" / folder).iterdir()
        if path.suffix in (".txt", ".docx", ".pdf")
    )


def _reports() -> list[str]:
    forms = [f"forms/{name}.{fmt}" for name in FORM_NAMES for fmt in form_formats()]
    return [str(path.relative_to(ROOT / "corpora")) for path in _corpus_reports()] + forms


def _parsed(report: str) -> ParsedReport:
    if report.startswith("forms/"):
        name, fmt = report.removeprefix("forms/").split(".", 1)
        return form_parsed(name, fmt)
    return parse(ROOT / "corpora" / report)


@pytest.mark.parametrize("report", _reports())
def test_the_3078_profile_built_from_letter_and_outline_judges_like_cv3078(report: str) -> None:
    parsed = _parsed(report)
    by_hand, built = check(parsed, "cv3078"), check(parsed, _generated_3078())

    def compared(findings: list) -> list[tuple[str, str]]:
        return sorted(
            (f.code, json.dumps(f.params, sort_keys=True)) for f in findings if f.code in COMPARED
        )

    assert built.missing_sections == by_hand.missing_sections
    assert compared(built.findings) == compared(by_hand.findings)


@pytest.mark.parametrize(
    ("name", "answer"), _answers(), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_missing_sections_of_each_answer_are_the_truth(name: str, answer: Path) -> None:
    truth = json.loads(answer.with_suffix(".truth.json").read_text("utf-8"))
    missing = check(parse(answer), _built(name)).missing_sections
    assert missing == truth["missing_sections"]


def test_values_from_the_letter() -> None:
    profile = _built("tinh-uy-chi-thi-05")
    assert (profile.request.symbol, str(profile.request.date)) == ("318-CV/BTGDVTU", "2025-11-20")
    assert str(profile.request.deadline) == "2025-12-15"
    assert [c.symbol for c in profile.required_citations] == ["318-CV/BTGDVTU", "01-KL/TW"]
    assert profile.required_recipients[0].name == "Ban Tuyên giáo và Dân vận"
    assert "Ban TG&DV" in profile.required_recipients[0].aliases
    assert profile.doc_type == "Báo cáo"
    reform = _built("ubnd-cchc")
    assert reform.required_recipients[0].name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert "UBND tỉnh" in reform.required_recipients[0].aliases
    assert [c.symbol for c in reform.required_citations] == ["7125/UBND-NC", "95/KH-UBND"]


def test_sections_optional_description_and_evidence_from_the_outline() -> None:
    profile = _built("nong-nghiep-thiet-hai")
    ids = [s.id for s in profile.sections]
    assert ids[:5] == ["I", "I.1", "I.2", "I.2.a", "I.2.b"]
    assert not profile.section("I.4").required and profile.section("I.3").required
    assert profile.section("I.1").description.startswith("Nêu diện tích lúa bị ngập")
    assert profile.section("I.1").evidence is not None and profile.section("I.2").evidence is None
    lettered = _built("y-te-attp")  # A./I./1.: Roman numbers restart under each letter
    assert [s.id for s in lettered.sections][:4] == ["A", "A.I", "A.I.1", "A.I.2"]
    assert [s.id for s in lettered.sections][-4:] == ["B", "B.I", "B.II", "C"]
    assert not lettered.section("A.III.3").required
    decimal = _built("ubnd-cchc")
    assert [s.id for s in decimal.sections][:3] == ["1", "1.1", "1.2"]
    assert not decimal.section("5").required


def test_aliases_without_fillers_with_synonyms_and_distinct_among_siblings() -> None:
    assert derive_aliases("Công tác kiểm tra, giám sát")[:2] == ["kiểm tra, giám sát", "kiểm tra"]
    assert {"hạn chế", "khó khăn, vướng mắc"} <= set(derive_aliases("Tồn tại, hạn chế"))
    assert {"đề xuất", "đề nghị"} <= set(derive_aliases("Kiến nghị"))
    assert "nhiệm vụ" not in derive_aliases("Nhiệm vụ, giải pháp năm 2026")  # too general
    assert "tổ chức bộ máy" in derive_aliases(
        "Cải cách tổ chức bộ máy", "Nhiệm vụ cải cách hành chính"
    )
    # One syllable the parent says is not a word the parent says: "kiểm" of "kiểm nghiệm".
    assert "nghiệm mẫu thực phẩm" not in derive_aliases(
        "Kiểm nghiệm mẫu thực phẩm", "Kết quả thanh tra, kiểm tra"
    )
    assert "kế hoạch kiểm tra" in derive_aliases("Ban hành kế hoạch kiểm tra")
    profile = _built("nong-nghiep-thiet-hai")
    assert "thiệt hại" not in profile.section("I.1").aliases  # every sibling says it
    assert "cây lúa" in profile.section("I.1").aliases


def test_the_written_toml_round_trips_and_says_where_each_value_came_from(tmp_path: Path) -> None:
    draft = build_draft(CV3078 / "outline.txt", CV3078 / "letter.txt")
    path = tmp_path / "p.toml"
    path.write_text(to_toml(draft), "utf-8")
    assert load_profile(path) == draft.profile
    text = path.read_text("utf-8")
    assert '# lấy từ đề cương, dòng 4\nid = "I"' in text
    assert "# hạn nộp: lấy từ công văn, dòng 11" in text
    assert "from the outline, line 4" in to_toml(draft, "en")


def test_library_export() -> None:
    profile = tcdlcl_parse.profile_from_outline(CV3078 / "outline.txt", CV3078 / "letter.txt")
    assert profile == _generated_3078()


@pytest.mark.parametrize("name", ["cv3078", "nong-nghiep-thiet-hai", "y-te-attp", "ubnd-cchc"])
def test_profile_new_on_a_letter_without_outline_writes_nothing(
    name: str, tmp_path: Path, capsys
) -> None:
    output = tmp_path / "p.toml"
    assert main(["profile", "new", str(REQUESTS / name / "letter.txt"), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "đề cương" in err
    assert not output.exists()


def test_numbered_paragraphs_of_a_letter_are_no_outline(tmp_path: Path) -> None:
    """The CCHC letter numbers its instructions ("1. Nội dung báo cáo: …"): run-in labels."""
    letter = (REQUESTS / "ubnd-cchc" / "letter.txt").read_text("utf-8")
    unattached = letter.replace("theo Đề cương kèm theo Công văn này", "theo hướng dẫn")
    assert unattached != letter
    path = tmp_path / "letter.txt"
    path.write_text(unattached, "utf-8")
    with pytest.raises(ProfileBuildError) as error:
        build_draft(path)
    assert error.value.code == "no-outline"


def test_user_profile_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "tcdlcl" / "profiles"
    assert main([
        "profile", "new", str(REQUESTS / "ubnd-cchc" / "de-cuong.txt"), "--request",
        str(REQUESTS / "ubnd-cchc" / "letter.txt"), "--id", "cchc2025",
        "-o", str(folder / "x.toml"),
        "--no-cache",
    ]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["profiles"]) == 0
    assert "cchc2025\t" in capsys.readouterr().out
    assert load_profile("cchc2025").request.symbol == "7125/UBND-NC"
    answer = REQUESTS / "ubnd-cchc" / "duc-pho-thieu-muc.txt"
    assert (
        main(
            [
                "check",
                "--profile",
                "cchc2025",
                "--format",
                "json",
                "--no-cache",
                "-j",
                "1",
                str(answer),
            ]
        )
        == 1
    )
    assert json.loads(capsys.readouterr().out)[0]["missing_sections"] == ["1.2", "2.4", "4"]


def test_profile_show_and_test(capsys) -> None:
    assert main(["profile", "show", "cv3078"]) == 0
    tree = capsys.readouterr().out
    assert "  II.5  Phối hợp với doanh nghiệp và cộng đồng  [không bắt buộc]" in tree
    report = ROOT / "corpora" / "synthetic" / "cam-thanh-no-kien-nghi.txt"
    report = report if report.exists() else report.with_suffix(".docx")
    assert main(["profile", "test", "cv3078", str(report), "--no-cache", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "  IV  Kiến nghị, đề xuất: MISSING" in out
    assert "III.2  Hạn chế: matched «2. Hạn chế» (by phrase «Hạn chế», score 100)" in out


def test_an_outline_alone_names_its_request_in_its_preamble() -> None:
    profile = build_draft(CV3078 / "outline.txt").profile
    assert (profile.request.symbol, str(profile.request.date)) == ("3078/SKHCN-TĐC", "2025-11-25")
    assert [s.id for s in profile.sections] == [s.id for s in _generated_3078().sections]


def test_a_docx_outline_with_guidance_in_italics(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("ĐỀ CƯƠNG BÁO CÁO")
    document.add_paragraph("(Kèm theo Công văn số 2964/SYT-NVY ngày 03/12/2025 của Sở Y tế)")
    document.add_paragraph("I. KẾT QUẢ KIỂM TRA")
    document.add_paragraph("1. Công tác kiểm tra")
    guidance = document.add_paragraph()
    guidance.add_run("Nêu số cuộc kiểm tra, số cơ sở được kiểm tra theo loại hình.").italic = True
    document.add_paragraph("2. Xử lý vi phạm (nếu có)")
    document.add_paragraph("II. KIẾN NGHỊ")
    path = tmp_path / "de-cuong.docx"
    document.save(str(path))
    profile = build_draft(path).profile
    assert [s.id for s in profile.sections] == ["I", "I.1", "I.2", "II"]
    assert profile.section("I.1").description.startswith("Nêu số cuộc kiểm tra")
    assert profile.section("I.1").evidence is not None
    assert not profile.section("I.2").required and profile.section("I.2").title == "Xử lý vi phạm"
    assert profile.request.symbol == "2964/SYT-NVY"


def test_a_document_number_asked_for_is_no_figure() -> None:
    """"Nêu số, ngày của kế hoạch" asks for the plan's number, not for figures."""
    assert _generated_3078().section("I.1").evidence is None
    assert _generated_3078().section("II").evidence is not None  # "số liệu minh họa"


@pytest.mark.parametrize("suffix", [".docx", ".lo.pdf"])
def test_the_3078_letter_and_outline_as_docx_or_pdf_give_the_same_profile(suffix: str) -> None:
    """Rendered by scripts/render_requests.py: the same readers as reports."""
    built = build_draft(CV3078 / f"outline{suffix}", CV3078 / f"letter{suffix}").profile
    assert built == _generated_3078()
