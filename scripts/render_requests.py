"""Render request letters and outlines of corpora/requests/ as DOCX and LibreOffice PDF.

    python scripts/render_requests.py corpora/requests/cv3078/letter.txt corpora/requests/cv3078/outline.txt

Each text line becomes a paragraph (Times New Roman 13); a numbered heading is bold, a line in
parentheses italic, as an outline is typed. Columns of the header (three or more spaces) go into
a two-cell table, as Word letters have them. Needs `soffice` for the PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Cm, Pt

_COLUMNS = (Cm(7.5), Cm(9.5))  # the issuer's column and the national title's, A4 margins
_HEADING_RE = re.compile(r"^(?:[IVX]+\.|[A-Z]\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s")


def build_docx(text: str) -> docx.document.Document:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    for line in text.splitlines():
        cells = re.split(r"\s{3,}", line.strip())
        if len(cells) == 2:
            table = document.add_table(rows=1, cols=2)
            table.autofit = False
            for column, cell_text, width in zip(table.columns, cells, _COLUMNS, strict=True):
                column.width = width  # the grid LibreOffice reads, and each cell Word reads
                column.cells[0].text, column.cells[0].width = cell_text, width
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line.strip())
        run.bold = bool(_HEADING_RE.match(line)) or line.strip().isupper()
        run.italic = line.startswith("(") and line.rstrip().endswith((")", ").", ")."))
    return document


def to_pdf(docx_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found (Debian: libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True, capture_output=True,
        )  # fmt: skip
        pdf = Path(tmp) / (docx_path.stem + ".pdf")
        shutil.move(pdf, docx_path.with_suffix(".lo.pdf"))


def main() -> None:
    for name in sys.argv[1:]:
        source = Path(name)
        target = source.with_suffix(".docx")
        build_docx(source.read_text("utf-8")).save(str(target))
        to_pdf(target)
        print(target, target.with_suffix(".lo.pdf"))


if __name__ == "__main__":
    main()
