"""Render the form corpora (corpora/forms, corpora/holdout/forms, corpora/holdout2/forms,
corpora/holdout3/forms, corpora/holdout4/forms) as DOCX,
LibreOffice PDF and scan.

    python scripts/make_forms.py [--no-libreoffice] [--no-scans] [--only NAME ...]

For every ``X.txt`` (the text the truth file ``X.truth.json`` was written from — never changed
here) this writes:

* ``X.docx`` — the report as a Word user makes it (python-docx): the header (issuer + "Số:" on
  the left, Quốc hiệu, Tiêu ngữ and place/date on the right) as a two-column borderless table;
  BÁO CÁO and its trích yếu bold and centred; headings bold (numbered or not); run-in labels
  ("* Ưu điểm:", "1. Ban hành kế hoạch:") bold with their text in the same paragraph; results
  tables as real 4-column Word tables; Nơi nhận and the signature in a borderless two-column
  table; Times New Roman 13 or 14 pt.  Where ``X.form.json`` says so (``"autonum"``), the
  typed number of a scheme is removed from the paragraph and Word automatic numbering (numPr)
  gives it instead — as in a document typed with Word's list buttons, whose "save as text"
  export (the .txt) shows the numbers.
* ``X.lo.pdf`` — LibreOffice's PDF of that DOCX (``soffice --headless --convert-to pdf``;
  Debian ``libreoffice-writer-nogui`` + ``fonts-liberation2``).
* ``X.scan.pdf`` — that PDF printed, stamped and scanned by ``scripts/make_scans.py``'s own
  functions (grey 200 dpi, 0.4° skew, paper grey, speckles, a seal on the last page; seeded by the
  file name), JPEG quality 45 instead of make_scans' 60 to keep each scan near 400 KB.

How the .txt is read (it is written the way a clerk's text export looks):
header = lines before "BÁO CÁO" (left cell up to the "Số:" line, right cell after it);
title = "BÁO CÁO" and the lines up to the next blank line; "Kính gửi: …"; body up to
"Nơi nhận:"; then recipients ("- …") and the signature lines. In the body one line is one
paragraph. A results table starts at a line beginning "TT": cells separated by a tab, by two
or more spaces, or (a line that is just "TT") one cell per line, four cells a row, an empty
line being an empty cell. Headings: Roman "I.", letters "A."/"a)", decimals "1."/"1.1.",
"PHẦN …"/"Phần …" lines (and the title line after them), upper-case lines, and short lines with
no final punctuation followed by body text (unnumbered sub-headings).

``X.form.json`` (optional): {"autonum": {"roman": 0, "decimal": 1, "alpha": 2}} — which typed
schemes become Word numbering and at which list level; "font_size": 13 or 14; "wrapped": true —
the text is hard-wrapped (each line its own paragraph, as pasted from a plain-text mail), so short
lines are not made sub-headings. A results table has three or four columns, as its "TT" line has;
its rows may be marked 1, 2 … or a, b … or I, II.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import io
import json
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    ROOT / "corpora" / "forms",
    ROOT / "corpora" / "holdout" / "forms",
    ROOT / "corpora" / "holdout2" / "forms",
    ROOT / "corpora" / "holdout3" / "forms",
    ROOT / "corpora" / "holdout4" / "forms",
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED = datetime.datetime(2025, 12, 1)

ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s+(.*)$")
UPPER_LETTER = re.compile(r"^([A-ZĐ])\.\s+(.*)$")
ALPHA = re.compile(r"^([a-zđ])\)\s+(.*)$")
DECIMAL = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.*)$")
PHAN = re.compile(r"^(PHẦN|Phần)\s+\S+(\s+\S+)?$")
RUN_IN = re.compile(r"^((?:[-*+]\s*)?[A-ZĐÀ-Ỹa-zđ0-9][^:]{1,55}:)\s+(.+)$")
# A row is marked by a number, a letter (a, b, đ) or a Roman numeral (I, II).
TABLE_ROW = re.compile(r"^(\d+|[a-zđ]|[IVX]+)(\t| {2,})")


def load_make_scans():
    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "scripts" / "make_scans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- reading the .txt


def split_report(lines: list[str]) -> dict:
    title_at = lines.index("BÁO CÁO")
    header = [line for line in lines[:title_at] if line.strip()]
    so_at = next(i for i, line in enumerate(header) if line.startswith("Số:"))
    title = []
    i = title_at + 1
    while lines[i].strip():
        title.append(lines[i])
        i += 1
    kinh_gui_at = next(j for j in range(i, len(lines)) if lines[j].startswith("Kính gửi"))
    closing_at = lines.index("Nơi nhận:")
    body = lines[kinh_gui_at + 1 : closing_at]
    closing = [line for line in lines[closing_at:] if line.strip()]
    recipients = [closing[0]] + [line for line in closing[1:] if line.startswith("-")]
    signature = [line for line in closing[1:] if not line.startswith("-")]
    return {
        "left": header[: so_at + 1], "right": header[so_at + 1 :], "title": title,
        "kinh_gui": lines[kinh_gui_at], "body": body, "recipients": recipients, "signature": signature,
    }  # fmt: skip


def read_table(body: list[str], start: int) -> tuple[list[list[str]], int]:
    """Rows of the table starting at body[start] (a line beginning "TT"), and the index after it."""
    first = body[start]
    rows: list[list[str]] = []
    i = start
    if first.strip() == "TT":  # one cell per line
        while i + 3 < len(body) and (body[i].strip() == "TT" or body[i].strip().isdigit()):
            rows.append([cell.strip() for cell in body[i : i + 4]])
            i += 4
        return rows, i
    separator = re.compile(r"\t") if "\t" in first else re.compile(r" {2,}")
    width = max(3, len(separator.split(first.strip())))  # 3 (no Ghi chú) or 4 columns
    while i < len(body) and (body[i].startswith("TT") or TABLE_ROW.match(body[i])):
        # Tabs keep empty trailing cells; space-separated rows lose them to rstrip (padded below).
        line = body[i] if "\t" in first else body[i].rstrip(" ")
        cells = [cell.strip() for cell in separator.split(line)]
        rows.append((cells + [""] * width)[:width])
        i += 1
    return rows, i


def is_upper_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and line == line.upper() and len(line) < 110 and not line.endswith(".")


def classify(body: list[str], wrapped: bool = False) -> list[dict]:
    """Body paragraphs as dicts: kind (heading|runin|item|body|table|phan), scheme, rank, text.

    wrapped: the text is hard-wrapped (a line is a piece of a sentence), so a short line is not
    taken for an unnumbered sub-heading."""
    out: list[dict] = []
    i = 0
    after_phan = False
    while i < len(body):
        line = body[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("TT") and (line.strip() == "TT" or "\t" in line or "  " in line):
            rows, i = read_table(body, i)
            out.append({"kind": "table", "rows": rows})
            continue
        following = next((b for b in body[i + 1 :] if b.strip()), "")
        i += 1
        if PHAN.match(line):
            out.append({"kind": "phan", "text": line, "rank": -1})
            after_phan = True
            continue
        if after_phan:
            out.append({"kind": "phan", "text": line, "rank": -1})
            after_phan = False
            continue
        scheme = number = None
        rest = line
        for name, pattern in (
            ("roman", ROMAN),
            ("upper", UPPER_LETTER),
            ("alpha", ALPHA),
            ("decimal", DECIMAL),
        ):
            if match := pattern.match(line):
                if name == "upper" and not is_upper_heading(match.group(2)):
                    continue
                scheme, number, rest = name, match.group(1), match.group(2)
                break
        if scheme == "decimal":
            rank = number.count(".") + 1
        else:
            rank = {"roman": 0, "upper": 0, "alpha": 2, None: None}[scheme]
        label = RUN_IN.match(rest)
        if label and len(label.group(1)) <= 55:
            out.append({"kind": "runin", "scheme": scheme, "number": number, "rank": rank,
                        "label": label.group(1), "text": label.group(2), "line": line})  # fmt: skip
        elif scheme and (not rest.endswith(".") or is_upper_heading(rest)):
            out.append(
                {
                    "kind": "heading",
                    "scheme": scheme,
                    "number": number,
                    "rank": rank,
                    "text": rest,
                    "line": line,
                }
            )
        elif scheme:
            out.append(
                {
                    "kind": "item",
                    "scheme": scheme,
                    "number": number,
                    "rank": rank,
                    "text": rest,
                    "line": line,
                }
            )
        elif is_upper_heading(line):
            out.append({"kind": "heading", "scheme": None, "rank": 0, "text": line, "line": line})
        elif (not wrapped and len(line) < 70 and not re.search(r"[.:;,]$", line) and not line[:1] in "-+*"
              and following and not is_upper_heading(following)):  # fmt: skip
            out.append({"kind": "heading", "scheme": None, "rank": 1, "text": line, "line": line})
        else:
            out.append({"kind": "body", "text": line})
    return out


# ---------------------------------------------------------------- writing the DOCX


def _no_borders(table) -> None:
    borders = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(f'<w:tblBorders xmlns:w="{W}">{borders}</w:tblBorders>'))


def _set_widths(table, widths) -> None:
    """Column widths Word and LibreOffice both honour: fixed layout, tblGrid and every cell."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(f'<w:tblLayout xmlns:w="{W}" w:type="fixed"/>'))
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _cell_paragraph(cell, index: int):
    return cell.paragraphs[0] if index == 0 else cell.add_paragraph()


class Numbering:
    """Word automatic numbering: one abstract list (I. / 1. / a)), a fresh w:num per group."""

    def __init__(self, document) -> None:
        self.element = document.part.numbering_part.element
        self.element.insert(
            0,
            parse_xml(
                f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
                '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
                '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
                "</w:abstractNum>"
            ),
        )
        self.next_id = 90
        self.groups: dict[tuple[int, int], int] = {}

    def num_for(self, level: int, group: int) -> int:
        key = (level, group)
        if key not in self.groups:
            self.next_id += 1
            overrides = "".join(
                f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="1"/></w:lvlOverride>'
                for lvl in range(3)
            )
            self.element.append(
                parse_xml(
                    f'<w:num xmlns:w="{W}" w:numId="{self.next_id}"><w:abstractNumId w:val="90"/>{overrides}</w:num>'
                )
            )
            self.groups[key] = self.next_id
        return self.groups[key]

    def apply(self, paragraph, level: int, group: int) -> None:
        num_id = self.num_for(level, group)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )


def build_docx(report: dict, paragraphs: list[dict], options: dict) -> bytes:
    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = FIXED
    document.core_properties.last_printed = FIXED
    document.core_properties.author = "UBND"
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    size = options.get("font_size", 14)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.font.size = Pt(size)
    style.paragraph_format.space_after = Pt(3)
    autonum: dict[str, int] = options.get("autonum", {})
    numbering = Numbering(document) if autonum else None

    # Header: two-column borderless table.
    header = document.add_table(rows=1, cols=2)
    _no_borders(header)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(header, (Cm(6.3), Cm(9.7)))
    left, right = header.rows[0].cells
    for index, line in enumerate(report["left"]):
        paragraph = _cell_paragraph(left, index)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.font.size = Pt(13)
        run.bold = not line.startswith("Số:") and (index > 0 or len(report["left"]) == 2)
    for index, line in enumerate(report["right"]):
        paragraph = _cell_paragraph(right, index)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        quoc_hieu = "CỘNG HÒA" in line or "CỘNG HOÀ" in line or line == "VIỆT NAM"  # either accent
        if line.startswith("Độc lập") or quoc_hieu:
            run.bold = True
            run.font.size = Pt(12 if quoc_hieu else 13)
        else:
            run.italic = True
            run.font.size = Pt(13)

    # Title block.
    for index, line in enumerate(["BÁO CÁO", *report["title"]]):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if index == 0:
            paragraph.paragraph_format.space_before = Pt(12)
        run = paragraph.add_run(line)
        run.bold = True
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.add_run(report["kinh_gui"])

    # Body.
    last_parent: dict[int, int] = {}
    for index, item in enumerate(paragraphs):
        kind = item["kind"]
        rank = item.get("rank")
        if rank is not None:
            last_parent[rank] = index
            for deeper in [r for r in last_parent if r > rank]:
                del last_parent[deeper]
        if kind == "table":
            add_results_table(document, item["rows"], size)
            continue
        paragraph = document.add_paragraph()
        # Hard-wrapped text pasted line by line: no indent (a line is not a paragraph's start).
        paragraph.paragraph_format.first_line_indent = Cm(0 if options.get("wrapped") else 1.0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if kind == "phan":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Cm(0)
            paragraph.add_run(item["text"]).bold = True
            continue
        scheme = item.get("scheme")
        auto = scheme in autonum and kind in ("heading", "item", "runin")
        if auto:
            level = autonum[scheme]
            group = max((i for r, i in last_parent.items() if r < rank), default=-1)
            numbering.apply(paragraph, level, group)
            text_start = item["text"] if kind != "runin" else None
        else:
            text_start = item.get("line", item["text"]) if kind != "runin" else None
        if kind == "heading":
            paragraph.add_run(text_start).bold = True
        elif kind == "runin":
            label = item["label"]
            if not auto and item.get("scheme"):
                label = item["line"][: item["line"].index(item["label"])] + label
            paragraph.add_run(label).bold = True
            paragraph.add_run(" " + item["text"])
        elif kind == "item":
            paragraph.add_run(text_start)
        else:
            paragraph.add_run(item["text"])

    # Closing: Nơi nhận | signature.
    closing = document.add_table(rows=1, cols=2)
    _no_borders(closing)
    _set_widths(closing, (Cm(8.0), Cm(8.0)))
    left, right = closing.rows[0].cells
    first = left.paragraphs[0]
    run = first.add_run(report["recipients"][0])
    run.bold = run.italic = True
    run.font.size = Pt(12)
    for line in report["recipients"][1:]:
        left.add_paragraph().add_run(line).font.size = Pt(11)
    signature = report["signature"]
    for index, line in enumerate(signature):
        if index == len(signature) - 1:
            for _ in range(3):
                right.add_paragraph()
        paragraph = _cell_paragraph(right, index)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same DOCX bytes on every run: python-docx stamps zip members with the current time."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 12, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def add_results_table(document, rows: list[list[str]], size: int) -> None:
    columns = len(rows[0])
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    widths = {3: (Cm(1.1), Cm(5.0), Cm(9.9)), 4: (Cm(1.1), Cm(4.4), Cm(8.0), Cm(2.5))}[columns]
    _set_widths(table, widths)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.rows[r].cells[c]
            paragraph = cell.paragraphs[0]
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if (r == 0 or c == 0) else WD_ALIGN_PARAGRAPH.LEFT
            )
            run = paragraph.add_run(text)
            run.font.size = Pt(size - 1)
            run.bold = r == 0
    document.add_paragraph()


# ---------------------------------------------------------------- PDF and scan


def libreoffice_pdfs(docx_paths: list[Path]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "soffice not found: install libreoffice-writer-nogui fonts-liberation2, or --no-libreoffice"
        )
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, *map(str, docx_paths)],
            check=True, capture_output=True, timeout=900,
        )  # fmt: skip
        for path in docx_paths:
            shutil.move(Path(tmp) / (path.stem + ".pdf"), path.with_suffix(".lo.pdf"))


# make_scans uses 60; 45 with optimised Huffman tables keeps a two-page scan near 400 KB.
SCAN_JPEG_QUALITY = 45


def scan(scans, source: Path, target: Path) -> None:
    """make_scans.scan with a smaller JPEG: the same page treatment (scan_page: stamp on the last
    page, 0.4° skew, paper grey, speckles; rng seeded by the source's name), the same fixed dates."""
    rng = random.Random(source.name)
    document = pdfium.PdfDocument(source)
    pages = []
    for index in range(len(document)):
        image = scans.scan_page(document[index], rng, stamp=index == len(document) - 1)
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=SCAN_JPEG_QUALITY, optimize=True)
        pages.append(Image.open(io.BytesIO(buffer.getvalue())))
    document.close()
    pages[0].save(
        target, format="PDF", save_all=True, append_images=pages[1:], resolution=scans.DPI,
        quality=SCAN_JPEG_QUALITY, optimize=True,
        creationDate=scans.SCANNED_ON, modDate=scans.SCANNED_ON,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-libreoffice", action="store_true", help="write the DOCX only")
    parser.add_argument("--no-scans", action="store_true", help="do not make X.scan.pdf")
    parser.add_argument("--only", nargs="*", help="report names (without .txt)")
    args = parser.parse_args()
    texts = [p for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]
    if args.only:
        texts = [p for p in texts if p.stem in args.only]
    written = []
    for path in texts:
        form = path.with_suffix(".form.json")
        options = json.loads(form.read_text(encoding="utf-8")) if form.exists() else {}
        lines = path.read_text(encoding="utf-8").splitlines()
        report = split_report(lines)
        paragraphs = classify(report["body"], wrapped=options.get("wrapped", False))
        data = build_docx(report, paragraphs, options)
        target = path.with_suffix(".docx")
        target.write_bytes(data)
        written.append(target)
        print(f"{target.relative_to(ROOT)}: {len(data) // 1024} KB")
    if args.no_libreoffice:
        return
    libreoffice_pdfs(written)
    if args.no_scans:
        return
    scans = load_make_scans()
    for target in written:
        options_path = target.with_suffix(".form.json")
        options = (
            json.loads(options_path.read_text(encoding="utf-8")) if options_path.exists() else {}
        )
        if options.get("scan", True) is False:
            continue
        source = target.with_suffix(".lo.pdf")
        scan_path = target.with_suffix(".scan.pdf")
        scan(scans, source, scan_path)
        print(f"{scan_path.relative_to(ROOT)}: {scan_path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
