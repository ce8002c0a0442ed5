import json
import sys
import unicodedata

from .conftest import CORPORA, REPO

sys.path.insert(0, str(REPO / "scripts"))
import generate_reports

TRUTH_KEYS = {
    "commune", "issuer_lines", "symbol", "date", "place", "has_national_title", "doc_type", "title",
    "recipients", "signer", "sections", "citations", "quantities", "defects",
}  # fmt: skip


def test_generator_is_deterministic_and_writes_the_formats_asked(tmp_path):
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        options = generate_reports.Options(missing=("II.4",))
        generate_reports.write_report(tmp_path / run, "x", options, 7, ("txt", "docx"))
    assert (tmp_path / "a" / "x.txt").read_bytes() == (tmp_path / "b" / "x.txt").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["x.docx", "x.truth.json", "x.txt"]
    truth = json.loads((tmp_path / "a" / "x.truth.json").read_text("utf-8"))
    assert "missing-section:II.4" in truth["defects"]
    assert "II.4" not in [s["profile_id"] for s in truth["sections"]]


def test_bundled_synthetic_truth_files_are_complete():
    truths = sorted((CORPORA / "synthetic").glob("*.truth.json"))
    assert len(truths) >= 10
    for path in truths:
        truth = json.loads(path.read_text("utf-8"))
        assert set(truth) == TRUTH_KEYS, path.name
        stem = path.name.removesuffix(".truth.json")
        assert list(path.parent.glob(f"{stem}.*[!n]")), f"{stem} has no report file"


def test_nfd_variant_is_really_decomposed():
    text = (CORPORA / "synthetic" / "tu-nghia-nfd-old-tones.txt").read_text("utf-8")
    assert unicodedata.is_normalized("NFD", text) and not unicodedata.is_normalized("NFC", text)
    assert "Uỷ" in unicodedata.normalize("NFC", text) or "hoá" in unicodedata.normalize("NFC", text)


def test_generated_pdf_text_stays_on_the_page():
    # Regression: fpdf2 left x at each paragraph's right edge, so the body ran off the page —
    # invisible to a reader (and to OCR) while text extraction still found it.
    import pdfplumber

    for path in sorted((CORPORA / "synthetic").glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                outside = [c["text"] for c in page.chars if c["x1"] > page.width or c["x0"] < 0]
                assert not outside, f"{path.name} p.{page.page_number}: {''.join(outside)[:40]}"
