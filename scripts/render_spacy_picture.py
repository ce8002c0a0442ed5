"""Render the README's spaCy picture: the citations the `tcdlcl` component finds in an excerpt
of a report, drawn by displaCy, screenshot by headless Chromium.

    PYTHONPATH=src python scripts/render_spacy_picture.py   # writes docs/spacy-citations.{html,png}
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import spacy
from spacy import displacy

import tcdlcl_parse.nlp.component  # noqa: F401  (the factory, without installing the package)

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXCERPT = """\
Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ tỉnh
Quảng Ngãi về việc báo cáo kết quả thực hiện Kế hoạch số 40/KH-UBND ngày 09/9/2025 của
UBND tỉnh Quảng Ngãi, UBND xã Sơn Hà báo cáo như sau:
I. CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI
UBND xã đã ban hành Kế hoạch số 51/KH-UBND ngày 13/10/2025 triển khai Quyết định số
1703/QĐ-TTg ngày 31/12/2024 của Thủ tướng Chính phủ và Chỉ thị số 38-CT/TW của Ban Bí thư.
"""


def main() -> None:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("tcdlcl")
    doc = nlp(EXCERPT)
    html = displacy.render(doc, style="span", options={"spans_key": "citations"}, page=True)
    html_path = DOCS / "spacy-citations.html"
    html_path.write_text(html, "utf-8")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print(f"wrote {html_path}; no chromium to take the picture")
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
             "--hide-scrollbars", "--window-size=1100,360",
             f"--screenshot={DOCS / 'spacy-citations.png'}", html_path.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    print(f"wrote {html_path} and {DOCS / 'spacy-citations.png'}")


if __name__ == "__main__":
    main()
