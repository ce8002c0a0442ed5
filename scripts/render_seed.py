"""Render the seed report as DOCX and PDF for the corpus.

    python scripts/render_seed.py [--no-libreoffice]

Writes into corpora/seed/:
* bao-cao-ba-to-2025.docx — the seed's paragraphs as a Word document: Roman and Arabic
  headings numbered by Word's automatic numbering (numbering.xml), not typed, so the reader's
  numbering renderer is exercised; Nơi nhận and the signature in a borderless two-column table.
* bao-cao-ba-to-2025.lo.pdf — LibreOffice's PDF of that DOCX (a realistic Word-made PDF:
  symbols wrap where the line ends). Needs `soffice` (Debian: libreoffice-writer-nogui).
* bao-cao-ba-to-2025.fpdf.pdf — an exact PDF (fpdf2, Liberation Serif): a running header on
  every page, page numbers centred at the top from page 2, and symbols deliberately broken
  at line ends ("40/KH-" | "UBND", "38-" | "CT/TW").

The seed has no national title, number or date line; none is added.
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tcdlcl_parse.reading.lines import assemble
from tcdlcl_parse.reading.text import read_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "bao-cao-ba-to-2025.txt"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_ROMAN = re.compile(r"^(I|II|III|IV|V)\.\s+(.*)$")
_ARABIC = re.compile(r"^(\d)\.\s+(.*)$")
_BULLET = re.compile(r"^[-+]\s")
_CLOSING = ("Nơi nhận:",)


def _starts_paragraph(previous: str, line: str, previous_is_heading: bool) -> bool:
    if _ROMAN.match(line) or _ARABIC.match(line) or _BULLET.match(line) or line.startswith("http"):
        return True
    if previous.startswith("http"):
        return not previous.endswith("-")
    if not line[:1].isupper():
        return False
    # A heading may run over two lines ("… chính quyền," / "Nhân dân …"); a sentence ends
    # with punctuation; a heading without a full stop ends at its line end.
    return bool(re.search(r"[.:;)]$", previous)) or (previous_is_heading and not previous.endswith(","))


def seed_paragraphs() -> list[tuple[str, str]]:
    """(kind, text) paragraphs rebuilt from the seed's PDF lines.

    kind: title, subtitle, roman, arabic, body, bullet. The title block ends at the first
    blank line of the seed.
    """
    raw, _ = read_text(SEED.read_bytes(), str(SEED))
    text, lines, _, _ = assemble(raw)
    texts = [line.text for line in lines]
    closing = texts.index("Nơi nhận:")
    title_end = next(i for i, line in enumerate(lines) if text[line.start - 2 : line.start] == "\n\n")
    out: list[tuple[str, str]] = [("title", texts[0]), ("subtitle", " ".join(texts[1:title_end]))]
    paragraphs: list[list[str]] = []
    for line in texts[title_end:closing]:
        previous = paragraphs[-1][-1] if paragraphs else ""
        heading = bool(paragraphs) and bool(_ROMAN.match(paragraphs[-1][0]) or _ARABIC.match(paragraphs[-1][0]))
        if not paragraphs or _starts_paragraph(previous, line, heading):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    for parts in paragraphs:
        joined = parts[0]
        for part in parts[1:]:
            joined += part if joined.startswith("http") and joined.endswith("-") else " " + part
        if match := _ROMAN.match(joined):
            out.append(("roman", match.group(2)))
        elif match := _ARABIC.match(joined):
            out.append(("arabic", match.group(2)))
        elif _BULLET.match(joined):
            out.append(("bullet", joined))
        else:
            out.append(("body", joined))
    return out


def seed_closing() -> tuple[list[str], list[str]]:
    raw, _ = read_text(SEED.read_bytes(), str(SEED))
    _, lines, _, _ = assemble(raw)
    texts = [line.text for line in lines]
    closing = texts[texts.index("Nơi nhận:") :]
    signature_at = next(i for i, t in enumerate(closing) if t.startswith("TM."))
    return closing[:signature_at], closing[signature_at:]


def build_docx() -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    fixed = datetime.datetime(2025, 12, 1)  # stable bytes from run to run
    document.core_properties.created = document.core_properties.modified = fixed
    document.core_properties.last_printed = fixed
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))

    def numbered(paragraph, level: int) -> None:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>')
        )

    for kind, text in seed_paragraphs():
        paragraph = document.add_paragraph()
        if kind in ("title", "subtitle"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold = True
            continue
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if kind == "arabic" and ":" in text[:60]:
            head, rest = text.split(":", 1)  # "1. Ưu điểm: Công tác …" — bold heading inline
            numbered(paragraph, 1)
            paragraph.add_run(head + ":").bold = True
            paragraph.add_run(rest)
            continue
        run = paragraph.add_run(text)
        if kind in ("roman", "arabic"):
            numbered(paragraph, 0 if kind == "roman" else 1)
            run.bold = True
    recipients, signature = seed_closing()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run(recipients[0]).bold = True
    for line in recipients[1:]:
        left.add_paragraph(line).runs[0].font.size = Pt(11)
    for index, line in enumerate(signature):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if index == len(signature) - 1:
            for _ in range(3):
                right.add_paragraph()
            paragraph = right.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_libreoffice_pdf(docx_path: Path, out_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: install libreoffice-writer-nogui or pass --no-libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.move(Path(tmp) / (docx_path.stem + ".pdf"), out_path)


def build_exact_pdf() -> bytes:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Serif", "", 10)
            self.cell(0, 5, "Báo cáo TCĐLCL xã Ba Tô", align="L")
            if self.page_no() > 1:
                self.cell(0, 5, str(self.page_no()), align="R")
            self.ln(9)

    pdf = Report(format="A4")
    pdf.set_creation_date(datetime.datetime(2025, 12, 1, tzinfo=datetime.UTC))
    pdf.set_margins(30, 20, 20)
    pdf.add_font("Serif", "", str(FONT_DIR / "LiberationSerif-Regular.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "LiberationSerif-Bold.ttf"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    forced_breaks = {"Kế hoạch số 40/KH-": "UBND", "Chỉ thị số 38-": "CT/TW"}
    numbers = {"roman": 0, "arabic": 0}
    roman = ["I", "II", "III", "IV", "V"]
    for kind, text in seed_paragraphs():
        if kind == "roman":
            numbers["roman"] += 1
            numbers["arabic"] = 0
            text = f"{roman[numbers['roman'] - 1]}. {text}"
        elif kind == "arabic":
            numbers["arabic"] += 1
            text = f"{numbers['arabic']}. {text}"
        bold = kind in ("title", "subtitle", "roman")
        pdf.set_font("Serif", "B" if bold else "", 13)
        align = "C" if kind in ("title", "subtitle") else "L"
        for head, tail in forced_breaks.items():
            # The first occurrence breaks exactly after the hyphen, as Word-made PDFs do.
            position = text.find(head + tail)
            if position >= 0:
                pdf.multi_cell(width, 7, text[: position + len(head)], align=align)
                text = text[position + len(head) :]
                forced_breaks = {k: v for k, v in forced_breaks.items() if k != head}
                break
        pdf.multi_cell(width, 7, text, align=align)
    pdf.set_font("Serif", "", 11)
    recipients, signature = seed_closing()
    for line in recipients:
        pdf.cell(0, 6, line)
        pdf.ln()
    pdf.set_font("Serif", "B", 13)
    for line in signature:
        pdf.cell(0, 7, line, align="R")
        pdf.ln()
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    out = SEED.parent
    docx_path = out / "bao-cao-ba-to-2025.docx"
    docx_path.write_bytes(build_docx())
    (out / "bao-cao-ba-to-2025.fpdf.pdf").write_bytes(build_exact_pdf())
    if not args.no_libreoffice:
        build_libreoffice_pdf(docx_path, out / "bao-cao-ba-to-2025.lo.pdf")


if __name__ == "__main__":
    main()
