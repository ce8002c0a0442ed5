"""Make image-only ("scanned") PDFs of corpus reports, for the OCR path.

    python scripts/make_scans.py

Each page of a text PDF is rendered to a grey image at 200 dpi, turned slightly (as a sheet
fed a little askew), given faint paper noise and a round red-ink stamp near the signature on the
last page (grey, as a grey-scale scan keeps it), JPEG-compressed, and put back into a
PDF with no text layer. Everything is seeded (and the PDF dates fixed), so the output is the same bytes on every run
with the same Pillow and pypdfium2.

Writes into corpora/scanned/: one ``<name>.scan.pdf`` per source below.
"""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "corpora" / "seed" / "bao-cao-ba-to-2025.lo.pdf",
    ROOT / "corpora" / "synthetic" / "nghia-hanh-missing-inspection.pdf",
]
OUT = ROOT / "corpora" / "scanned"
DPI = 200
SKEW_DEGREES = 0.4
PAPER_GREY = 238
SPECKLES_PER_PAGE = 3000
JPEG_QUALITY = 60
SCANNED_ON = time.strptime("2025-12-01 08:00", "%Y-%m-%d %H:%M")


def scan_page(page: pdfium.PdfPage, rng: random.Random, *, stamp: bool) -> Image.Image:
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    if stamp:
        _stamp(image)
    image = image.rotate(SKEW_DEGREES, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    # Paper is never white: strokes stay dark, the background turns light grey.
    image = ImageChops.darker(image, Image.new("L", image.size, PAPER_GREY))
    draw = ImageDraw.Draw(image)
    for _ in range(SPECKLES_PER_PAGE):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        draw.point((x, y), fill=rng.randrange(60, 200))
    return image


def _stamp(image: Image.Image) -> None:
    """A grey ring with a star where a seal sits: between the signer's title and name."""
    draw = ImageDraw.Draw(image)
    radius = DPI * 0.7
    cx, cy = image.width * 0.62, image.height * 0.58
    box = (cx - radius, cy - radius, cx + radius, cy + radius)
    draw.ellipse(box, outline=150, width=int(DPI * 0.04))
    inner = radius * 0.72
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=150, width=int(DPI * 0.015))
    draw.regular_polygon((cx, cy, inner * 0.35), n_sides=5, fill=170)


def scan(source: Path, target: Path) -> None:
    rng = random.Random(source.name)
    document = pdfium.PdfDocument(source)
    pages = []
    for index in range(len(document)):
        image = scan_page(document[index], rng, stamp=index == len(document) - 1)
        # JPEG round trip: the compression artefacts of a real scanner's output.
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        pages.append(Image.open(io.BytesIO(buffer.getvalue())))
    document.close()
    pages[0].save(
        target, format="PDF", save_all=True, append_images=pages[1:], resolution=DPI,
        creationDate=SCANNED_ON, modDate=SCANNED_ON,
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for source in SOURCES:
        target = OUT / (source.name.removesuffix(".pdf").removesuffix(".lo") + ".scan.pdf")
        scan(source, target)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
