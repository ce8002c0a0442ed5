import io
import zipfile

import pytest

from tcdlcl_parse import ReadError, ReadOptions, read
from tcdlcl_parse.reading import sniff_kind
from tcdlcl_parse.reading.docx import format_number

from .conftest import CORPORA, build_pdf
from .helpers import pdf_from_objects

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- PDF --------------------------------------------------------------------------------


def three_page_pdf():
    pages = []
    for page in (1, 2, 3):
        furniture = ["Bao cao TCDLCL xa Ba To"] + ([f"{page}"] if page > 1 else [])
        body = [
            f"Noi dung {page}: Ke hoach so 40/KH-",
            "UBND ngay 09/9/2025 va Chi thi so 38-",
            f"CT/TW cua Ban Bi thu, lan thu {page * 7}.",
            f"Ket thuc phan {'abc'[page - 1]}.",
        ]
        pages.append(furniture + body)
    return build_pdf(pages)


@pytest.mark.parametrize("layout", [True, False], ids=["pdfplumber", "pypdfium2"])
def test_pdf_symbols_rejoined_and_furniture_removed(layout):
    document = read(three_page_pdf(), options=ReadOptions(fast=not layout))
    assert document.kind == "pdf" and document.page_count == 3
    assert document.extractor == ("pdfplumber" if layout else "pypdfium2")
    assert document.text.count("40/KH-UBND") == 3
    assert document.text.count("38-CT/TW") == 3
    assert "Bao cao TCDLCL" not in document.text
    assert {(r.reason, r.page) for r in document.removed_lines if r.reason == "page-number"} == {
        ("page-number", 2),
        ("page-number", 3),
    }
    for line in document.lines:
        assert document.text[line.start : line.end] == line.text
    assert [document.page_at(line.start) for line in document.lines] == [
        line.page for line in document.lines
    ]


def test_pdfplumber_gives_font_cues_and_splits_columns():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(60, 7, "UY BAN NHAN DAN", align="C")
    pdf.cell(0, 7, "CONG HOA XA HOI CHU NGHIA VIET NAM", align="C")
    pdf.ln()
    pdf.set_font("Helvetica", "", 13)
    pdf.cell(0, 7, "Body text in regular weight.")
    document = read(bytes(pdf.output()))
    first, second, third = document.lines
    assert (first.text, second.text) == ("UY BAN NHAN DAN", "CONG HOA XA HOI CHU NGHIA VIET NAM")
    assert first.bold and second.bold and not third.bold
    assert first.font_size == 13.0 and first.x0 < second.x0


def _raw_pdf(content: bytes, form: bytes = b"", encoding: bytes = b"/WinAnsiEncoding") -> bytes:
    """A one-page PDF written by hand: ``content`` on the page, ``form`` in a form XObject the
    page draws (glyphs inside it come nested in a figure), Helvetica-Bold in ``encoding``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 6 0 R"
         b" /Resources << /Font << /F1 4 0 R >> /XObject << /X1 5 0 R >> >> >>"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding %s >>" % encoding,
        (b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >>"
         b" /Length %d >>\nstream\n%s\nendstream" % (len(form), form)),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content) + 7, content + b" /X1 Do"),
    ]
    return pdf_from_objects(objects, b"1.4")


@pytest.mark.parametrize(
    "pdf", ["seed/bao-cao-ba-to-2025.lo.pdf", "seed/bao-cao-ba-to-2025.fpdf.pdf", "moved-mediabox", "figure"]
)
def test_our_glyphs_are_pdfplumbers_chars(pdf):
    """The layout reader builds its own glyph dicts instead of pdfplumber's page.chars (less
    than half the time); they must hold what pdfplumber computes, whatever its version."""
    import io

    import pdfplumber

    from tcdlcl_parse.reading.pdf import _glyphs, _layout, _walk

    if pdf == "moved-mediabox":  # an origin away from (0, 0) shifts x0 and top
        data = build_pdf([["Dong mot", "Dong hai"]]).replace(b"/MediaBox [0 0 ", b"/MediaBox [9 9 ")
    elif pdf == "figure":  # text inside a form XObject comes nested in a figure
        data = _raw_pdf(b"BT /F1 12 Tf 20 100 Td (On the page) Tj ET", form=b"BT /F1 12 Tf 20 150 Td (Inside a form) Tj ET")
    else:
        data = (CORPORA / pdf).read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as opened:
        for page in opened.pages:
            layout = _layout(page)[0]
            glyphs = _glyphs(page, layout, _walk(layout)[0])[0]
            assert glyphs and glyphs == [{key: char[key] for key in glyphs[0]} for char in page.chars]


@pytest.mark.parametrize("layout", [True, False])
def test_ligature_glyphs_are_read_as_their_letters(layout):
    # StandardEncoding's byte 0xAE is the "fi" glyph, 0xAF "fl": "ﬁle", "ﬂow" in one glyph each.
    data = _raw_pdf(b"BT /F1 12 Tf 20 100 Td (The \\256le and the \\257ow) Tj ET", encoding=b"/StandardEncoding")
    assert [line.text for line in read(data, options=ReadOptions(fast=not layout)).lines] == ["The file and the flow"]


def test_encrypted_pdf_is_reported():
    with pytest.raises(ReadError) as error:
        read(build_pdf([["secret"]], user_password="pw"))
    assert error.value.code == "encrypted"
    assert "mật khẩu" in error.value.message()


def test_pdf_with_only_an_owner_password_is_read():
    assert "40/KH-UBND" in read(build_pdf([["Ke hoach 40/KH-UBND"]], user_password="")).text


def test_scanned_pdf_is_reported():
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (300, 400), "white"), x=10, y=10, w=100)
    with pytest.raises(ReadError) as error:
        read(bytes(pdf.output()))
    assert error.value.code == "scanned"
    assert "OCR" in error.value.message("en")


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer", "corrupt"),
    ],
    ids=["zero-bytes", "whitespace", "pdf-header-garbage"],
)
def test_unreadable_bytes_give_a_clear_error(data, code):
    with pytest.raises(ReadError) as error:
        read(data)
    assert error.value.code == code


def test_truncated_pdf_is_corrupt():
    data = three_page_pdf()
    with pytest.raises(ReadError) as error:
        read(data[: len(data) // 3])
    assert error.value.code == "corrupt"


def test_missing_file(tmp_path):
    with pytest.raises(ReadError) as error:
        read(tmp_path / "none.pdf")
    assert error.value.code == "not-found"


def test_too_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("a" * 2000)
    with pytest.raises(ReadError) as error:
        read(path, max_bytes=1000)
    assert error.value.code == "too-large"


# --- sniffing -----------------------------------------------------------------------------


def zip_with(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def test_spreadsheet_renamed_pdf_is_unsupported(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(zip_with("[Content_Types].xml", "xl/workbook.xml"))
    with pytest.raises(ReadError) as error:
        read(path)
    assert error.value.code == "unsupported" and "spreadsheet" in error.value.message("en")


def test_sniffing_ignores_the_extension():
    assert sniff_kind(b"%PDF-1.4 ...", "a.txt") == "pdf"
    assert sniff_kind("Báo cáo".encode(), "a.pdf") == "text"
    with pytest.raises(ReadError):
        sniff_kind(b"\x89PNG\r\n\x1a\n....", "scan.pdf")


# --- DOCX ---------------------------------------------------------------------------------


def numbered_docx(items, header=True):
    """A DOCX whose numbered paragraphs use a Roman/decimal/letter list from numbering.xml.

    ``items`` are (text, level) pairs; level None means an unnumbered paragraph.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(
            [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "\uf02d")]
        )
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    if header:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).paragraphs[0].text = "ỦY BAN NHÂN DÂN"
        table.cell(0, 0).add_paragraph("XÃ SƠN HÀ")
        table.cell(0, 1).paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for text, level in items:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = level in (0, 1)
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
                )
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_renders_automatic_numbering_into_the_text():
    data = numbered_docx(
        [
            ("CÔNG TÁC CHỈ ĐẠO", 0),
            ("Ban hành kế hoạch", 1),
            ("Chỉ đạo", 1),
            ("KẾT QUẢ", 0),
            ("Tuyên truyền", 1),
            ("trên loa", 2),
            ("trên mạng", 2),
            ("một gạch đầu dòng", 3),
            ("Đoạn thường", None),
        ]
    )
    document = read(data)
    assert document.kind == "docx" and document.extractor == "python-docx"
    texts = [line.text for line in document.lines]
    assert texts[:3] == ["ỦY BAN NHÂN DÂN", "XÃ SƠN HÀ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert texts[3:] == [
        "I. CÔNG TÁC CHỈ ĐẠO",
        "1. Ban hành kế hoạch",
        "2. Chỉ đạo",
        "II. KẾT QUẢ",
        "1. Tuyên truyền",
        "a) trên loa",
        "b) trên mạng",
        "- một gạch đầu dòng",
        "Đoạn thường",
    ]
    by_text = {line.text: line for line in document.lines}
    assert by_text["II. KẾT QUẢ"].numbering == "II." and by_text["II. KẾT QUẢ"].bold
    assert by_text["Đoạn thường"].numbering is None and not by_text["Đoạn thường"].bold


def test_docx_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" + " " * 50_000_000)
    with pytest.raises(ReadError) as error:
        read(buffer.getvalue())
    assert error.value.code == "too-large"


def test_docx_with_broken_xml_is_corrupt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<not-xml")
    with pytest.raises(ReadError) as error:
        read(buffer.getvalue())
    assert error.value.code == "corrupt"


@pytest.mark.parametrize(
    "value, fmt, expected",
    [(4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (27, "lowerLetter", "aa"), (3, "decimalZero", "03")],
)
def test_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_docx_table_cells_are_all_read_every_time():
    # Regression: merged-cell de-duplication by id() of lxml proxies dropped cells at random.
    import gc

    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r in range(3):
        for c in range(2):
            table.cell(r, c).text = f"ô {r}-{c}"
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "gộp"
    merged.cell(0, 2).text = "riêng"
    buffer = io.BytesIO()
    document.save(buffer)
    for _ in range(20):
        gc.collect()
        texts = [line.text for line in read(buffer.getvalue()).lines]
        assert texts == ["ô 0-0", "ô 0-1", "ô 1-0", "ô 1-1", "ô 2-0", "ô 2-1", "gộp", "riêng"]


def test_docx_with_a_broken_deflate_stream_is_corrupt():
    # Found by fuzz/fuzz_readers.py: zlib's error escaped python-docx.
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Kế hoạch số 40/KH-UBND " * 200)
    document.save(buffer)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    payload = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[payload + 10 : payload + 40] = bytes(range(200, 230))
    with pytest.raises(ReadError) as error:
        read(bytes(data))
    assert error.value.code == "corrupt"


def test_memory_does_not_grow_with_the_number_of_pdf_pages():
    # Regression: pdfplumber kept every page's glyphs until the file closed (2.5 GB for 300 pages).
    import tracemalloc

    def peak_bytes(pages: int) -> int:
        data = build_pdf([[f"{p}.{i} Thuc hien Ke hoach so 40/KH-UBND, da to chuc 12 lop tap huan." for i in range(25)] for p in range(pages)])
        tracemalloc.start()
        read(data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    peak_bytes(1)  # imports pdfplumber and pdfminer outside the measurement
    assert peak_bytes(8) < 3 * peak_bytes(1)
