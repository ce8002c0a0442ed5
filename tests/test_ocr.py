"""Scanned (image-only) PDFs read by OCR, and the outline's tolerance of OCR's label errors."""

import io

import pytest

from tcdlcl_parse import CheckOptions, ReadError, ReadOptions, read
from tcdlcl_parse.cli import main
from tcdlcl_parse.parsing.outline import parse_sections
from tcdlcl_parse.reading import ocr
from tcdlcl_parse.running.batch import check_batch

from .conftest import CORPORA
from .golden import summarize
from .helpers import report_codes

needs_tesseract = pytest.mark.skipif(
    ocr.ocr_unavailable_reason() is not None, reason=str(ocr.ocr_unavailable_reason())
)
SEED_SCAN = CORPORA / "scanned" / "bao-cao-ba-to-2025.scan.pdf"
PAIRS = [
    (SEED_SCAN, CORPORA / "seed" / "bao-cao-ba-to-2025.lo.pdf"),
    (CORPORA / "scanned" / "nghia-hanh-missing-inspection.scan.pdf", CORPORA / "synthetic" / "nghia-hanh-missing-inspection.pdf"),
]


@needs_tesseract
@pytest.mark.parametrize("scan, original", PAIRS, ids=lambda p: p.name)
def test_a_scanned_report_is_checked_like_its_text_version(scan, original):
    scanned, text = summarize(scan), summarize(original)
    assert scanned["document"]["extractor"] == "tesseract"
    assert scanned["document"]["warnings"][0].startswith("ocr-pages:1-")
    assert scanned["check"]["findings"] == text["check"]["findings"]
    assert scanned["check"]["missing_sections"] == text["check"]["missing_sections"]
    assert [c[:2] for c in scanned["citations"]] == [c[:2] for c in text["citations"]]
    for field in ("issuer", "symbol", "place", "date", "doc_type", "title"):
        assert scanned["metadata"][field] == text["metadata"][field], field


def _mixed_pdf() -> bytes:
    """Page 1 typed text, page 2 the scanned signature page of the seed (an image only)."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    scan = pdfium.PdfDocument(SEED_SCAN)
    image = scan[len(scan) - 1].render(scale=200 / 72, grayscale=True).to_pil()
    scan.close()
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 7, "Thuc hien Ke hoach so 40/KH-UBND ngay 09/9/2025 cua UBND tinh Quang Ngai.")
    pdf.add_page()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf.image(buffer, x=0, y=0, w=pdf.w)
    return bytes(pdf.output())


@needs_tesseract
def test_only_the_image_pages_of_a_mixed_pdf_are_ocred():
    document = read(_mixed_pdf())
    assert document.extractor == "pdfplumber+tesseract"
    assert document.warnings[0] == "ocr-pages:2"
    assert "40/KH-UBND" in document.text and "Phạm Quý Đức" in document.text
    assert {line.page for line in document.lines if "Phạm Quý Đức" in line.text} == {2}


def test_ocr_can_be_turned_off():
    document = read(_mixed_pdf(), options=ReadOptions(ocr=False))
    assert document.warnings[0] == "image-only-pages-skipped:2"
    assert "Phạm" not in document.text
    with pytest.raises(ReadError) as error:
        read(SEED_SCAN, options=ReadOptions(ocr=False))
    assert (error.value.code, error.value.detail) == ("scanned", "5 page(s); OCR turned off")
    (result,) = check_batch([SEED_SCAN], options=CheckOptions(read=ReadOptions(ocr=False)), jobs=1)
    assert result.error is not None and result.error.code == "scanned"
    assert main(["check", "--no-ocr", str(SEED_SCAN)]) == 2


def test_without_tesseract_a_scan_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(ocr, "ocr_unavailable_reason", lambda: "no OCR: install tesseract-ocr and tesseract-ocr-vie")
    with pytest.raises(ReadError) as error:
        read(SEED_SCAN)
    assert error.value.code == "scanned" and "tesseract-ocr-vie" in error.value.message("en")


@pytest.mark.parametrize("unavailable", [None, "no OCR: install tesseract-ocr and tesseract-ocr-vie"])
def test_too_many_scanned_pages_are_refused_before_any_ocr(monkeypatch, unavailable):
    # Too large whether or not Tesseract is installed: the page count is checked first.
    monkeypatch.setattr(ocr, "ocr_unavailable_reason", lambda: unavailable)
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 4)
    monkeypatch.setattr(ocr, "_tesseract_words", lambda *args: pytest.fail("OCR ran"))
    with pytest.raises(ReadError) as error:
        read(SEED_SCAN)
    assert error.value.code == "too-large" and "5 scanned pages" in error.value.detail


def _words(*rows):
    """TSV of Tesseract words: rows of (text, left, line id) at 40 px high."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    lines = [header]
    for top, row in rows:
        for text, left, block, confidence in row:
            width = 22 * len(text)
            lines.append(f"5\t1\t{block}\t1\t1\t1\t{left}\t{top}\t{width}\t40\t{confidence}\t{text}")
    return "\n".join(lines)


def test_ocr_words_become_rows_and_columns():
    tsv = _words(
        # Two header columns that Tesseract put in different blocks, a little askew.
        (100, [("ỦY", 200, 1, 95), ("BAN", 280, 1, 95), ("CỘNG", 1200, 2, 95), ("HÒA", 1330, 2, 95)]),
        (108, [("'", 900, 3, 10)]),  # paper noise: one low-confidence mark
        # A Word list label after its tab, garbled, in a block of its own.
        (300, [("5ì", 300, 4, 60), ("Hạn", 530, 5, 96), ("chế:", 620, 5, 96), ("Một", 740, 5, 96)]),
    )
    words = list(ocr._parse_tsv(tsv))
    assert "'" not in [w.text for w in words]
    lines = ocr._page_lines(words, page=1, page_width=2480)
    assert [line.text for line in lines] == ["ỦY BAN", "CỘNG HÒA", "5ì Hạn chế: Một"]
    assert lines[0].x0 == round(200 * 72 / ocr.OCR_DPI, 1) and lines[0].page == 1


def _outline(text: str, extractor: str):
    document = read(text.encode("utf-8")).model_copy(update={"extractor": extractor})
    flat = [(s.number, [c.number for c in s.children]) for s in parse_sections(document)]
    return flat, report_codes(document, "S")


OCR_READ_OUTLINE = """BÁO CÁO
Kết quả triển khai
Thực hiện Công văn số 3078/SKHCN-TĐC, UBND xã báo cáo như sau:
I. CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI
1. Việc ban hành Kế hoạch: đã ban hành.
c. Chỉ đạo và phân công: đã phân công.
II KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ
1. Tuyên truyền: 29 buổi.
2, Tổ chức thực hiện: 11 cơ sở.
IIL _ ĐÁNH GIÁ CHUNG
1. Ưu điểm: kịp thời.
5ì Hạn chế: kinh phí.
3. _ Nguyên nhân: khó khăn.
II. KIẾN NGHỊ, ĐỀ XUẤT
Đề nghị tập huấn.
V. NHIỆM VỤ NĂM 2026
Tăng cường kiểm tra.
"""


def test_outline_tolerates_ocr_label_errors():
    outline, findings = _outline(OCR_READ_OUTLINE, "tesseract")
    # "II KẾT QUẢ" lost its dot, "IIL _" is III, "II." where IV is due gained nothing to
    # fix (two I's away), so it stays II and is reported; garbled "c." and "5ì" are numbers due.
    assert outline == [("I", ["1", "2"]), ("II", ["1", "2"]), ("III", ["1", "2", "3"]), ("II", []), ("V", [])]
    assert findings == ["S003", "S003"]


def test_typed_text_gets_no_ocr_tolerance():
    outline, _ = _outline(OCR_READ_OUTLINE, "text")
    # Only the well-formed labels count: the lists under the lost headings fall under I.
    assert outline == [("I", ["1", "1", "1", "3"]), ("II", []), ("V", [])]
