"""Shared test helpers. PDFs made here use fpdf2's core font (ASCII only) so the tests need
no system fonts; Vietnamese PDFs come from the committed corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
SEED_TXT = CORPORA / "seed" / "bao-cao-ba-to-2025.txt"


def build_pdf(pages: list[list[str]], *, user_password: str | None = None) -> bytes:
    """A PDF with one line of text per entry, one list per page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 7, line)
            pdf.ln()
    if user_password is not None:
        pdf.set_encryption(owner_password="owner", user_password=user_password)
    return bytes(pdf.output())


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return build_pdf


@pytest.fixture(autouse=True, scope="session")
def _private_read_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The CLI caches what it reads in ~/.cache by default: the tests, and the commands they
    run (module fixtures included, hence the session scope), use a folder of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TCDLCL_CACHE_DIR", str(tmp_path_factory.mktemp("read-cache")))
        yield
