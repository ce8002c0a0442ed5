"""The readers on the bundled seed renderings: every format must yield the same content."""

import re

import pytest

from tcdlcl_parse import ReadOptions, read

from .conftest import CORPORA

SEED = CORPORA / "seed"
RENDERINGS = ["bao-cao-ba-to-2025.txt", "bao-cao-ba-to-2025.docx", "bao-cao-ba-to-2025.lo.pdf", "bao-cao-ba-to-2025.fpdf.pdf"]
HEADINGS = ["I. CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM",
            "III. ĐÁNH GIÁ CHUNG", "IV. KIẾN NGHỊ VÀ ĐỀ XUẤT", "V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026"]  # fmt: skip
# Counted independently: tr -d "\n " < seed | grep -o SYMBOL | wc -l
SYMBOLS = {"3078/SKHCN-TĐC": 1, "40/KH-UBND": 2, "1703/QĐ-TTg": 6, "38-CT/TW": 4, "113/KH-UBND": 5}


@pytest.mark.parametrize("name", RENDERINGS)
@pytest.mark.parametrize("layout", [True, False], ids=["layout", "fast"])
def test_every_rendering_reads_the_same_content(name, layout):
    document = read(SEED / name, options=ReadOptions(fast=not layout))
    lines = [line.text for line in document.lines]
    for heading in HEADINGS:
        assert heading in lines
    for symbol, count in SYMBOLS.items():
        assert document.text.count(symbol) == count, symbol
    assert not [line for line in lines if re.search(r"\d+/[A-ZĐ]+-$|\d+-$", line)], "unjoined symbol"
    assert "Phạm Quý Đức" in lines


def test_exact_pdf_loses_its_page_furniture_only():
    document = read(SEED / "bao-cao-ba-to-2025.fpdf.pdf")
    removed = {(r.reason, r.page) for r in document.removed_lines}
    pages = range(1, document.page_count + 1)
    assert {("running-header", page) for page in pages} <= removed
    assert {("page-number", page) for page in pages if page > 1} <= removed
    assert "Báo cáo TCĐLCL xã Ba Tô" not in document.text


def test_word_made_pdf_gives_bold_headings_and_numbering_labels_inline():
    document = read(SEED / "bao-cao-ba-to-2025.lo.pdf")
    by_text = {line.text: line for line in document.lines}
    for heading in HEADINGS:
        assert by_text[heading].bold, heading
    assert not by_text["V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026"].italic
    body = next(line for line in document.lines if line.text.startswith("Uỷ ban nhân dân xã Ba Tô"))
    assert body.bold is False and body.page == 1


def test_docx_headings_carry_word_numbering():
    document = read(SEED / "bao-cao-ba-to-2025.docx")
    numbered = [line for line in document.lines if line.numbering]
    assert [n.numbering for n in numbered if n.numbering.rstrip(".").isalpha()] == ["I.", "II.", "III.", "IV.", "V."]
    assert [n.numbering for n in numbered if n.numbering[0].isdigit()] == ["1.", "2.", "1.", "2.", "3.", "4.", "5.", "1.", "2.", "3."]
    assert all(line.text.startswith(line.numbering + " ") for line in numbered)
    assert next(line for line in document.lines if line.text == "BÁO CÁO").centered
