"""Claims as clerks write them (issue 16): status, vague sentences, units, Q001 and Q002.

The figures tests print (status accuracy and confusion matrix on the hand-labelled set, Q001
precision and recall on the form corpus) show with ``pytest -s``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.checking.profile import EvidenceSpec, load_profile
from tcdlcl_parse.checking.rules.sections import COMPLETE
from tcdlcl_parse.messages import localize
from tcdlcl_parse.parsing.claims import classify, quantities_in, section_kind
from tcdlcl_parse.parsing.report import parse
from tcdlcl_parse.vocabulary import word_list

from .helpers import doc
from .test_outline_accuracy import NAMES as FORM_NAMES
from .test_outline_accuracy import formats as form_formats
from .test_outline_accuracy import result as form_result
from .test_structure import CLOSING
from .test_structure import HEADER as STRUCTURE_HEADER

ROOT = Path(__file__).resolve().parent.parent
LABELS = ["done", "ongoing", "planned", "not_done", "vague", "statement"]
EVIDENCE = ["II", "II.1", "II.2", "II.3", "II.4"]
# The structure tests' report frame, addressed by "Kính gửi" as a commune's answer is.
HEADER = STRUCTURE_HEADER.replace(
    "Thực hiện", "Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.\nThực hiện", 1
)


def _kind_of(section_id: str) -> str:
    """The section kind the parser gives a heading worded as the profile's title."""
    profile = load_profile("cv3078")
    spec = profile.section(section_id)
    parent = "results"
    if spec.parent is not None:
        parent = section_kind(profile.section(spec.parent).title, "results", 2025)
    return section_kind(spec.title, parent, 2025)  # type: ignore[arg-type]


def test_status_on_the_hand_labelled_sentences():
    rows = [
        json.loads(line)
        for line in (ROOT / "corpora/claims/sentences.jsonl").open(encoding="utf-8")
    ]
    confusion = Counter(
        (row["label"], classify(row["text"], _kind_of(row["section"]), 2025)) for row in rows
    )
    accuracy = sum(n for (label, got), n in confusion.items() if label == got) / len(rows)
    recall = {
        label: confusion[(label, label)] / sum(confusion[(label, got)] for got in LABELS)
        for label in LABELS
    }
    print(
        f"\nstatus accuracy {accuracy:.3f} over {len(rows)} sentences; rows: label, columns: status"
    )
    print(" " * 10 + "".join(f"{label[:8]:>9}" for label in LABELS) + "   recall")
    for label in LABELS:
        cells = "".join(f"{confusion[(label, got)]:>9}" for got in LABELS)
        print(f"{label:<10}{cells}   {recall[label]:.3f}")
    assert accuracy >= 0.95
    assert recall["done"] >= 0.9 and recall["vague"] >= 0.9


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Tổ chức 03 lớp tập huấn cho 120 lượt người.", "done"),  # no "đã"
        ("Cử 02 công chức tham gia tập huấn.", "done"),
        ("Phối hợp kiểm tra 18 cơ sở.", "done"),
        (
            "Kiểm tra 09 cơ sở, chưa phát hiện vi phạm.",
            "done",
        ),  # the finding is negated, not the work
        # An outcome without work reported: "không có vi phạm" negates no task.
        ("Hoạt động kiểm tra được duy trì thường xuyên, không có vi phạm nghiêm trọng.", "vague"),
        ("Công tác tuyên truyền được quan tâm thực hiện thường xuyên.", "vague"),
        ("Công tác bồi dưỡng luôn được chú trọng.", "vague"),
        ("Việc phổ biến văn bản được duy trì.", "vague"),
        ("Đội ngũ cán bộ cơ bản đáp ứng yêu cầu.", "vague"),
        ("Chưa tổ chức được lớp tập huấn, sẽ phối hợp tổ chức trong quý I/2026.", "not_done"),
        ("Khảo sát 12 cơ sở, dự kiến hỗ trợ 03 cơ sở trong năm 2026.", "done"),  # done clause first
        ("Thời gian tới, tiếp tục kiểm tra cân tại chợ.", "planned"),
        ("Tiếp tục duy trì kiểm tra cân đối chứng tại chợ hằng tháng.", "ongoing"),
        ("Đang hướng dẫn 02 cơ sở hoàn thiện hồ sơ.", "ongoing"),
        ("Mặt trận vận động hội viên “Nói không với hàng giả”.", "done"),  # a quoted name is no cue
    ],
)
def test_status_as_clerks_write(sentence, status):
    assert classify(sentence, "results", 2025) == status


def test_a_year_marks_a_plan_only_after_the_reports_own_year():
    sentence = "Năm 2026, tổ chức 02 lớp tập huấn cho hộ kinh doanh."
    assert classify(sentence, "results", 2025) == "planned"
    assert classify(sentence, "results", 2026) == "done"
    assert section_kind("NHIỆM VỤ NĂM 2026", "results", 2025) == "planned"
    assert section_kind("KẾT QUẢ NĂM 2026", "results", 2026) == "results"


def test_no_year_in_the_cue_lists():
    names = [p.name for p in (ROOT / "src/tcdlcl_parse/data").glob("claims-*.txt")] + [
        "section-kinds.csv"
    ]
    for name in names:
        assert not any(re.search(r"\b(19|20)\d\d\b", entry) for entry in word_list(name)), name


def test_units_of_the_issue_are_whole_words():
    text = "Tổ chức 02 hội nghị cho 60 hội viên; kiểm tra 07 cửa hàng, 05 cân, 06 cột đo, 12 hộ."
    assert [(q.value, q.unit) for q in quantities_in(text, 0)] == [
        (2, "hội nghị"), (60, "hội viên"), (7, "cửa hàng"), (5, "cân"), (6, "cột đo"), (12, "hộ"),
    ]  # fmt: skip


_LETTERS = st.text(
    alphabet="abcdeghiklmnoprstuvxyđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễ"
    "ìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ",
    min_size=1,
    max_size=4,
)


@given(unit=st.sampled_from(word_list("units.txt")), tail=_LETTERS, offset=st.integers(0, 500))
def test_a_unit_never_matches_inside_a_longer_word(unit, tail, offset):
    text = f"Kiểm tra 12 {unit}{tail} tại chợ."
    for quantity in quantities_in(text, offset):
        end = quantity.end - offset
        assert text[quantity.start - offset : end] == quantity.text
        assert not text[end].isalnum(), (unit, tail, quantity.unit)  # a whole word
    found = quantities_in(f"Kiểm tra 12 {unit} tại chợ.", offset)
    assert found and found[0].unit == unit and found[0].start == offset + 9


def _report(body: str):
    return parse(doc(HEADER + body + CLOSING))


def _q001(body: str, lang: str = "vi") -> dict[str, str]:
    result = localize(check(_report(body), "cv3078"), lang)
    return {f.section: f.message for f in result.findings if f.code == "Q001"}


def test_q001_quotes_the_vague_sentence_it_found():
    body = COMPLETE.replace(
        "Đã tổ chức 03 buổi tuyên truyền cho 120 lượt người.",
        "Công tác tuyên truyền được quan tâm thực hiện thường xuyên, đạt kết quả nhất định, "
        "góp phần nâng cao nhận thức.",
    )
    messages = _q001(body)
    assert list(messages) == ["II.1"]
    assert "việc đã làm hoặc việc đang làm" in messages["II.1"]
    assert "chỉ có nội dung chung chung: «Công tác tuyên truyền được quan tâm" in messages["II.1"]
    assert messages["II.1"].endswith("…»")
    assert "only vague statements" in _q001(body, "en")["II.1"]


def test_q001_follows_the_section_match_whatever_the_numbering():
    body = """1. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI
1.1. Ban hành kế hoạch
UBND xã ban hành Kế hoạch số 51/KH-UBND ngày 13/10/2025.
1.2. Chỉ đạo, phân công
Giao công chức phụ trách theo dõi.
2. KẾT QUẢ THỰC HIỆN
2.1. Tuyên truyền
2.1.1. Phát thanh
Phát 20 tin trên loa truyền thanh của xã.
2.2. Chương trình, kế hoạch, đề án
Hướng dẫn 02 hộ kinh doanh áp dụng tiêu chuẩn cơ sở.
2.3. Nguồn nhân lực
Cử 01 công chức tham gia tập huấn.
2.4. Kiểm tra, giám sát
Phối hợp kiểm tra 12 cơ sở kinh doanh xăng dầu.
3. ĐÁNH GIÁ CHUNG
Chỉ đạo kịp thời.
4. KIẾN NGHỊ, ĐỀ XUẤT
Đề nghị Sở mở thêm lớp tập huấn.
5. NHIỆM VỤ NĂM 2026
Tiếp tục tuyên truyền.
"""
    assert _q001(body) == {}


@pytest.mark.parametrize("cut", [";\n", "\n\n"])  # a PDF line wrapped after ";", a page break
def test_a_sentence_cut_across_lines_is_one_claim(cut):
    sentence = "Kiểm tra 12 cơ sở kinh doanh xăng dầu{}chưa tổ chức lấy mẫu do thiếu kinh phí."
    body = COMPLETE.replace(
        "Đã phối hợp kiểm tra 12 cơ sở kinh doanh xăng dầu.", sentence.format(cut)
    )
    report = _report(body)
    (claim,) = [c for c in report.claims if "xăng dầu" in c.text]
    assert claim.text.endswith("kinh phí.") and claim.status == "done"
    assert _q001(body) == {}


def test_a_headings_last_word_does_not_bind_to_the_first_verb_of_its_body():
    """The heading ends in "chất lượng", which makes a verb right after it a noun within a
    sentence; the body's first verb ("Cử …") is still an action of its own."""
    sentence = "Cử công chức văn hóa - xã hội phụ trách lĩnh vực này."
    body = COMPLETE.replace(
        "3. Nguồn nhân lực\nĐã cử 01 công chức tham gia tập huấn.",
        "3. Nguồn nhân lực tiêu chuẩn, đo lường, chất lượng\n" + sentence,
    )
    assert [c.status for c in _report(body).claims if c.text == sentence] == ["done"]
    assert _q001(body) == {}


def test_vague_claims_never_count_as_evidence():
    with pytest.raises(ValueError, match="vague"):
        EvidenceSpec(status=["done", "vague"])


def test_q002_reports_an_impossible_date_in_a_sentence_once():
    body = COMPLETE.replace(
        "Đã cử 01 công chức tham gia tập huấn.",
        "Cử 01 công chức tham gia tập huấn ngày 31/11/2025.",
    )
    body += "Thực hiện Công văn số 215/UBND-VX ngày 30/02/2025 của UBND tỉnh.\n"
    findings = check(_report(body), "cv3078").findings
    q002 = [f for f in findings if f.code == "Q002"]
    assert [f.params["date"] for f in q002] == ["31/11/2025"]  # 30/02 is C004's, in a citation
    assert q002[0].severity == "warning" and q002[0].start is not None
    assert [f.params["date"] for f in findings if f.code == "C004"] == ["30/02/2025"]


def _form_reports() -> list[Path]:
    return sorted((ROOT / "corpora/forms").glob("*.txt"))


def test_q001_on_the_form_corpus():
    """Against the truth written before any program read the reports, in every rendering
    (text, DOCX, LibreOffice PDF, and the scan where Tesseract reads Vietnamese). The bar holds
    over the sections the outline matched and over all present sections (a section the outline
    misses is S001's, not a false Q001)."""
    counts: dict[str, Counter[str]] = {"matched": Counter(), "present": Counter()}
    wrong = []
    for name, fmt in ((name, fmt) for name in FORM_NAMES for fmt in form_formats()):
        truth = json.loads((ROOT / f"corpora/forms/{name}.truth.json").read_text(encoding="utf-8"))
        result = form_result(name, fmt)
        fired = {f.section for f in result.findings if f.code == "Q001"}
        wrong += [f"{name}.{fmt}: {s}" for s in fired ^ set(truth["q001"]) if s in EVIDENCE]
        for section in EVIDENCE:
            if section not in truth["sections"]:
                continue
            outcome = ("t" if (section in fired) == (section in truth["q001"]) else "f") + (
                "p" if section in fired else "n"
            )
            counts["present"][outcome] += 1
            if section in result.sections and not result.sections[section].merged_with:
                counts["matched"][outcome] += 1
    figures = {}
    for name, count in counts.items():
        precision = count["tp"] / (count["tp"] + count["fp"]) if count["tp"] + count["fp"] else 1.0
        recall = count["tp"] / (count["tp"] + count["fn"]) if count["tp"] + count["fn"] else 1.0
        figures[name] = (precision, recall)
        print(
            f"\nQ001 over {name} sections: {dict(count)}"
            f" precision {precision:.3f} recall {recall:.3f}"
        )
    print("\n".join(sorted(wrong)))
    assert figures["matched"][0] >= 0.95 and figures["matched"][1] >= 0.9
    assert figures["present"][0] >= 0.95  # a section the outline misses is S001's, not a false Q001


def test_impossible_dates_of_the_form_corpus():
    for path in _form_reports():
        truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        findings = check(parse(path), "cv3078").findings
        found = [f.params["date"] for f in findings if f.code in ("Q002", "C004")]
        assert sorted(found) == sorted(truth["invalid_dates"]), path.name
