"""The PDF reader reads what a viewer shows (issue 18, items 1, 2 and 4): a synthetic report
drawn by fpdf2 plainly, with faux bold, on pages turned 90° and 180°, with hidden lines, as a
scan's OCR layer, and a PDF whose incremental update viewers repair."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tcdlcl_parse import ReadError, ReadOptions, read
from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.models import SourceDocument
from tcdlcl_parse.parsing.report import parse

from .helpers import pdf_from_objects

REPO = Path(__file__).resolve().parent.parent
REPORT = (REPO / "corpora" / "synthetic" / "son-ha-clean.txt").read_text(encoding="utf-8")
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
CITED = "3078/SKHCN-TĐC"
CITED_LINE = next(line for line in REPORT.splitlines() if "3078/" in line)

# Draws one report line at (x, y) in mm; the default draws it once.
Draw = Callable[[Any, float, float, str], None]


def _once(pdf: Any, x: float, y: float, line: str) -> None:
    pdf.text(x, y, line)


def _faux_bold(pdf: Any, x: float, y: float, line: str) -> None:
    # As some Vietnamese office software does: the line again, 0.3 pt to the right.
    pdf.text(x, y, line)
    pdf.text(x + 0.3 / pdf.k, y, line)


def _faux_bold_headings(pdf: Any, x: float, y: float, line: str) -> None:
    # Only the title and the headings ("I. …", "II. …") drawn in faux bold: a small share of
    # the page, doubled.
    heading = line.split(" ", 1)[0].rstrip(".") in {"I", "II", "III", "IV", "V", "BÁO"}
    (_faux_bold if heading else _once)(pdf, x, y, line)


def render(
    text: str = REPORT,
    *,
    draw: Draw = _once,
    rotate: int = 0,
    special: Callable[[Any, float, float, str], bool] | None = None,
    background: bool = False,
) -> bytes:
    """The report drawn line by line with fpdf2 (Liberation Serif, A4). ``rotate`` sets
    ``/Rotate`` on every page without turning the content (viewers show it turned);
    ``special(pdf, x, y, line)`` draws a line itself when it returns True; ``background`` puts a
    full-page image under each page, as a scan has."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A4")
    pdf.compress = False
    pdf.set_creation_date(__import__("datetime").datetime(2025, 12, 1))
    pdf.add_font("Serif", "", str(FONT_DIR / "LiberationSerif-Regular.ttf"))
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(False)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    scan = Image.new("L", (210, 297), 235)

    def new_page() -> None:
        pdf.add_page()
        if background:
            pdf.image(scan, x=0, y=0, w=pdf.w, h=pdf.h)
        pdf.set_font("Serif", "", 12)

    new_page()
    y = 20.0
    for paragraph in text.split("\n"):
        for line in pdf.multi_cell(width, 6, paragraph or " ", dry_run=True, output="LINES"):
            if y > 280:
                new_page()
                y = 20.0
            if special is None or not special(pdf, pdf.l_margin, y, line):
                draw(pdf, pdf.l_margin, y, line)
            y += 6
    data = bytes(pdf.output())
    return _with_rotation(data, rotate) if rotate else data


def _with_rotation(data: bytes, angle: int) -> bytes:
    """``/Rotate`` added to every page, the cross-reference table rebuilt for the new offsets."""
    data = data.replace(b"/Type /Page\n", b"/Type /Page\n/Rotate %d\n" % angle)
    head = data[: data.rindex(b"xref\n")]
    offsets = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", head)}
    size = max(offsets) + 1
    table = b"xref\n0 %d\n0000000000 65535 f \n" % size + b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
        for n in range(1, size)
    )
    trailer = data[data.rindex(b"trailer") : data.rindex(b"startxref")]
    return head + table + trailer + b"startxref\n%d\n%%%%EOF\n" % len(head)


def findings(document: SourceDocument) -> list[tuple[Any, ...]]:
    result = check(parse(document), "cv3078")
    return [
        (f.code, f.section, f.start, f.end, f.page, sorted(f.params.items()))
        for f in result.findings
    ]


def cited(document: SourceDocument) -> set[str]:
    return {citation.symbol for citation in parse(document).citations}


# --- item 4: faux bold and turned pages ------------------------------------------------------


@pytest.fixture(scope="module")
def plain() -> SourceDocument:
    return read(render())


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param({"draw": _faux_bold}, id="faux-bold"),
        pytest.param({"draw": _faux_bold_headings}, id="faux-bold-headings"),
        pytest.param({"rotate": 90}, id="rotate-90"),
        pytest.param({"rotate": 180}, id="rotate-180"),
        pytest.param({"rotate": 270}, id="rotate-270"),
        pytest.param({"draw": _faux_bold, "rotate": 90}, id="faux-bold-rotate-90"),
    ],
)
def test_the_same_report_drawn_otherwise_reads_and_checks_the_same(plain, variant):
    document = read(render(**variant))
    assert document.extractor == "pdfplumber"
    assert document.warnings == plain.warnings == []
    assert document.text == plain.text
    assert [line.model_dump() for line in document.lines] == [
        line.model_dump() for line in plain.lines
    ]
    assert findings(document) == findings(plain)


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_fast_reads_a_turned_page_in_reading_order(angle):
    fast = ReadOptions(fast=True)
    assert read(render(rotate=angle), options=fast).text == read(render(), options=fast).text


def test_a_plain_report_reads_as_pdfium_reads_it(plain):
    fast = read(render(), options=ReadOptions(fast=True))
    assert CITED in cited(plain) and cited(plain) == cited(fast)
    assert "ỦỦ" not in plain.text


# --- item 2: hidden text -------------------------------------------------------------------


def _cited_line_drawn(how: Callable[[Any], None]) -> Callable[[Any, float, float, str], bool]:
    """Draws the lines of the Công văn 3078 paragraph with ``how`` applied, others plainly."""

    def special(pdf: Any, x: float, y: float, line: str) -> bool:
        if line.strip() and line.strip() in CITED_LINE:
            with pdf.local_context():
                how(pdf)
                pdf.text(x, y, line)
            return True
        return False

    return special


def _invisible(pdf: Any) -> None:
    pdf.text_mode = "INVISIBLE"


def _white(pdf: Any) -> None:
    pdf.set_text_color(255, 255, 255)


def _tiny(pdf: Any) -> None:
    pdf.set_font("Serif", "", 1)


LAYOUT_AND_FAST = pytest.mark.parametrize("fast", [False, True], ids=["layout", "fast"])


@LAYOUT_AND_FAST
@pytest.mark.parametrize("how", [_invisible, _white, _tiny], ids=["render-mode-3", "white", "1-pt"])
def test_hidden_text_is_left_out_with_a_warning(how, fast):
    document = read(render(special=_cited_line_drawn(how)), options=ReadOptions(fast=fast))
    assert CITED not in cited(document)
    assert "3078" not in document.text
    hidden = [w for w in document.warnings if w.startswith("hidden-text-left-out:")]
    assert hidden and int(hidden[0].split(":")[1]) >= 50
    # The rest of the report is read as before.
    assert "40/KH-UBND" in cited(document)


def test_hidden_text_stays_out_where_pdfium_is_trusted(monkeypatch):
    from tcdlcl_parse.reading import pdf

    monkeypatch.setattr(pdf, "_disagree", lambda ours, theirs: True)
    document = read(render(special=_cited_line_drawn(_invisible)))
    assert document.warnings[0].startswith("layout-text-differs-from-viewer-read-pdfium:")
    assert CITED not in cited(document) and "40/KH-UBND" in cited(document)
    assert any(w.startswith("hidden-text-left-out:") for w in document.warnings)


@LAYOUT_AND_FAST
def test_white_text_on_a_dark_shape_is_seen(fast):
    def on_dark(pdf: Any, x: float, y: float, line: str) -> bool:
        if line.strip() and line.strip() in CITED_LINE:
            with pdf.local_context():
                pdf.set_fill_color(20, 40, 90)
                pdf.rect(x - 1, y - 5, pdf.w - 2 * x + 2, 6.5, style="F")
                pdf.set_text_color(255, 255, 255)
                pdf.text(x, y, line)
            return True
        return False

    document = read(render(special=on_dark), options=ReadOptions(fast=fast))
    assert CITED in cited(document)
    assert not any(w.startswith("hidden-text-left-out") for w in document.warnings)


@LAYOUT_AND_FAST
def test_an_ocr_layer_over_a_scan_is_the_pages_text(plain, fast):
    """A scanned report made searchable: a full-page image, the OCR text invisible over it."""
    options = ReadOptions(fast=fast)
    document = read(render(background=True, draw=_invisible_text), options=options)
    assert document.warnings == []
    expected = read(render(), options=options) if fast else plain
    assert document.text == expected.text
    assert findings(document) == findings(expected)


def _invisible_text(pdf: Any, x: float, y: float, line: str) -> None:
    with pdf.local_context():
        _invisible(pdf)
        pdf.text(x, y, line)


def test_invisible_text_beside_a_small_image_is_still_hidden():
    """An image elsewhere on the page (a logo, a stamp) does not make hidden text an OCR layer."""

    def invisible_beside_logo(pdf: Any, x: float, y: float, line: str) -> bool:
        if line.strip() and line.strip() in CITED_LINE:
            from PIL import Image

            pdf.image(Image.new("L", (20, 20), 90), x=pdf.w - 30, y=5, w=15, h=15)
            _invisible_text(pdf, x, y, line)
            return True
        return False

    for fast in (False, True):
        document = read(render(special=invisible_beside_logo), options=ReadOptions(fast=fast))
        assert CITED not in cited(document)


# --- item 1: an incremental update viewers repair ---------------------------------------------


def test_a_revision_nobody_sees_is_not_read():
    path = REPO / "tests" / "bad" / "pdf-incremental-update.pdf"
    document = read(path)
    fast = read(path, options=ReadOptions(fast=True))
    assert "layout-text-differs-from-viewer-read-pdfium:1" in document.warnings
    assert "DU THAO" in document.text and "3078" not in document.text
    assert document.text == fast.text
    assert "3078/SKHCN-TDC" not in cited(document)


# --- hand-made PDFs: sizes set by matrices, text inside form XObjects -------------------------

_LINES = [line for line in REPORT.splitlines() if line.isascii() and line.strip()][:3] + [
    "Thuc hien Cong van so 3078/SKHCN-TDC ngay 25/11/2025 cua So Khoa hoc va Cong nghe.",
    "Ke hoach so 40/KH-UBND ngay 09/9/2025 cua UBND tinh Quang Ngai.",
]


def _stream(ops: str, extra: bytes = b"") -> bytes:
    body = ops.encode("latin-1")
    return b"<< /Length %d %s>>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def _text_ops(font_size: float, scale: float, prefix: str = "", unit: float = 1) -> str:
    """The lines set as ``font_size`` Tf times a ``scale`` text matrix, at positions given in
    units of ``unit`` points (for a content scaled by ``unit`` with cm)."""
    shown = " ".join(
        f"{scale:g} 0 0 {scale:g} {56 / unit:.3f} {(760 - 16 * i) / unit:.3f} Tm ({line}) Tj"
        for i, line in enumerate(_LINES)
    )
    return f"BT {prefix} /F1 {font_size:g} Tf {shown} ET"


def _raw_pdf(content: str, *, xobjects: bytes = b"", extra: list[bytes] | None = None) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << " + xobjects + b" >> >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        *(extra or []),
    ]
    return pdf_from_objects(objects)


@LAYOUT_AND_FAST
@pytest.mark.parametrize(
    "content",
    [_text_ops(1, 12), f"q 12 0 0 12 0 0 cm {_text_ops(1, 1, unit=12)} Q"],
    ids=["1-Tf-scaled-by-Tm", "1-Tf-scaled-by-cm"],
)
def test_a_one_point_font_scaled_up_by_a_matrix_is_seen(content, fast):
    document = read(_raw_pdf(content), options=ReadOptions(fast=fast))
    assert "3078/SKHCN-TDC" in cited(document)
    assert not any(w.startswith("hidden-text-left-out") for w in document.warnings)


def test_text_scaled_down_to_one_point_is_hidden():
    visible = _text_ops(12, 1)
    tiny = f"q 0.1 0 0 0.1 0 0 cm {_text_ops(12, 1, unit=0.1)} Q"
    for fast in (False, True):
        pdf = _raw_pdf(f"{visible} {tiny}".replace("3078", "3079", 1))
        document = read(pdf, options=ReadOptions(fast=fast))
        assert "3079/SKHCN-TDC" in cited(document)
        assert "3078/SKHCN-TDC" not in cited(document)


_GREY_IMAGE = (
    b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
    b" /BitsPerComponent 8 /Length 4 >>\nstream\n\xe0\xe0\xe0\xe0\nendstream"
)


@LAYOUT_AND_FAST
@pytest.mark.parametrize("scan", [True, False], ids=["over-a-scan", "alone"])
def test_an_invisible_layer_in_a_form_xobject(scan, fast):
    """OCR tools put the text layer in a form XObject over the page image: read over a scan,
    left out without one."""
    form = _stream(
        _text_ops(12, 1, prefix="3 Tr"),
        b"/Type /XObject /Subtype /Form /BBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> ",
    )
    image = "q 595 0 0 842 0 0 cm /Im0 Do Q " if scan else ""
    pdf = _raw_pdf(
        image + "q 1 0 0 1 0 0 cm /Fm0 Do Q",
        xobjects=b"/Fm0 6 0 R /Im0 7 0 R",
        extra=[form, _GREY_IMAGE],
    )
    if scan:
        assert "3078/SKHCN-TDC" in cited(read(pdf, options=ReadOptions(fast=fast)))
    else:  # nothing a viewer shows
        with pytest.raises(ReadError) as raised:
            read(pdf, options=ReadOptions(fast=fast))
        assert raised.value.code == "empty"


def _table_pdf(*, ruled: bool) -> bytes:
    """A results-table row whose task text nearly fills its cell: the gap to the result cell
    is narrower than a column gap, only the drawn rule between them tells the cells apart."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.c_margin = 1.0
    for cells in (("TT", "Nhiem vu", "Ket qua"), ("1", "Tuyen truyen, pho bien", "Phat 24 tin bai")):
        for text in cells:
            pdf.cell(pdf.get_string_width(text) + 2 * pdf.c_margin, 8, text, border=1 if ruled else 0)
        pdf.ln()
    return bytes(pdf.output())


def test_a_table_rule_between_cells_splits_their_text_however_narrow_the_gap():
    ruled = [line.text for line in read(_table_pdf(ruled=True)).lines]
    assert "Phat 24 tin bai" in ruled and not any("pho bien Phat" in text for text in ruled)
    # The same text without the rules stays one line: the rule made the cut, not the gap.
    assert any("pho bien Phat 24" in line.text for line in read(_table_pdf(ruled=False)).lines)
