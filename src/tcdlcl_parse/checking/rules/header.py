"""F: the format elements of Decree 30/2020/NĐ-CP (Điều 8, Phụ lục I) in the header and closing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Recipient, Signer
from ...normalize import ascii_key
from ...parsing.header import DATE_LINE_RE, read_by_ocr
from ...parsing.reference import type_codes_by_name
from . import Context, Hit, hit, rule

_HEADER = """\
ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ SƠN HÀ                       Độc lập - Tự do - Hạnh phúc
Số: 241/BC-UBND                 Sơn Hà, ngày 14 tháng 12 năm 2025

BÁO CÁO
Kết quả triển khai công tác tiêu chuẩn, đo lường, chất lượng

Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.

Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ,
UBND xã báo cáo như sau:
"""
_CLOSING = """
Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Như trên;                                 CHỦ TỊCH
- Lưu: VT.
                                            Trần Thị Bình
"""
# A complete report whose header and closing break no F rule: the counter-example of each.
COMPLETE = _HEADER + _CLOSING
# Without the request's date: a report dated before it would cite it "from the future" (C005).
_UNDATED_CITATION = COMPLETE.replace("ngày 25/11/2025 ", "")
_WITHOUT_ADDRESSEE = _HEADER.replace("Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.\n", "")


@rule(
    "F001",
    "error",
    example=COMPLETE.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""),
    counter_example=COMPLETE.replace("CỘNG HÒA", "CỘNG HOÀ"),
)
def national_title(context: Context) -> Iterator[Hit]:
    """Every administrative document opens with the national title and motto at the top right
    (Decree 30/2020, Điều 8, Phụ lục I). Old accent placement (CỘNG HOÀ) and dashes of any kind
    are accepted. Party documents carry 'ĐẢNG CỘNG SẢN VIỆT NAM' instead and are outside this
    rule."""
    metadata = context.metadata
    present = (("Quốc hiệu", metadata.national_title), ("Tiêu ngữ", metadata.motto))
    missing = [name for name, found in present if not found]
    if missing:
        yield hit(missing=", ".join(missing))


@rule(
    "F002",
    "error",
    example=COMPLETE.replace("Số: 241/BC-UBND", "Số:      /BC-UBND"),
    counter_example=COMPLETE,
)
def number_and_symbol(context: Context) -> Iterator[Hit]:
    """The number and symbol are registered by the office (văn thư) when the document is
    issued. A blank number ('Số:   /BC-UBND') is a draft or an unregistered copy and is
    reported too: the message then says that the symbol is there and the number is not."""
    metadata = context.metadata
    if metadata.number_missing:
        yield hit(metadata.symbol_span, variant="blank", symbol=metadata.symbol_code)
    elif metadata.symbol is None:
        yield hit()


@rule(
    "F003",
    "error",
    example=COMPLETE.replace("Sơn Hà, ngày 14 tháng 12 năm 2025", ""),
    counter_example=COMPLETE,
)
def place_and_date(context: Context) -> Iterator[Hit]:
    """The header's right column carries '<place>, ngày … tháng … năm …' under the motto.
    Without it the report has no issue date, so F008 and C005 cannot be checked either."""
    if context.metadata.date_text is None:
        yield hit()


@rule(
    "F004",
    "error",
    example=COMPLETE.replace("BÁO CÁO\n", ""),
    counter_example=COMPLETE,
)
def type_name(context: Context) -> Iterator[Hit]:
    """Named-type documents show their type in capitals (BÁO CÁO) with the summary (trích yếu)
    under it."""
    if context.metadata.doc_type is None:
        yield hit()


@rule(
    "F005",
    "error",
    on_scan="warning",
    example=(_WITHOUT_ADDRESSEE + _CLOSING)
    .replace("Nơi nhận:", "")
    .replace("- Như trên;", "")
    .replace("- Lưu: VT.", ""),
    counter_example=COMPLETE,
)
def recipients_block(context: Context) -> Iterator[Hit]:
    """Every document lists its recipients at the bottom left, ending with
    '- Lưu: VT, …'. On a scan this is a warning: the block stands beside the seal and the
    signature, and OCR may not read it."""
    if not context.metadata.recipients:
        yield hit()


@rule(
    "F006",
    "error",
    needs="profile",
    on_scan="warning",
    example=_WITHOUT_ADDRESSEE + "\nNơi nhận:\n- Thường trực Đảng ủy;\n- Lưu: VT.\n",
    counter_example=_WITHOUT_ADDRESSEE + "\nNơi nhận:\n- Sở KH&CN (b/c);\n- Lưu: VT.\n",
)
def required_recipient(context: Context) -> Iterator[Hit]:
    """The Nơi nhận block does not name a recipient the profile requires (for `cv3078`: Sở
    Khoa học và Công nghệ, also written Sở KH&CN, Sở KHCN). '- Như trên;' names the addressees
    of 'Kính gửi:' above the text (Decree 30/2020, Phụ lục I). Only checked when a Nơi nhận
    block was found; a missing block is F005. On a scan, whose first item (where "Như trên"
    stands) is the one the seal covers, a "Kính gửi" that names the recipient is enough, and
    anything else is a warning."""
    recipients = context.metadata.recipients
    if not recipients:
        return
    as_above = any(ascii_key(r.name).startswith("nhu tren") for r in recipients)
    if as_above or read_by_ocr(context.parsed.document):
        recipients = [*recipients, *context.metadata.addressees]  # "- Như trên;": the Kính gửi
    for spec in context.required_profile.required_recipients:
        if not _names_any(recipients, [spec.name, *spec.aliases]):
            yield hit(recipient=spec.name)


def _names_any(recipients: list[Recipient], phrases: list[str]) -> bool:
    keys = [ascii_key(r.name) for r in recipients]
    return any(ascii_key(phrase) in key for phrase in phrases for key in keys)


@rule(
    "F007",
    "error",
    on_scan="warning",
    example=COMPLETE.replace("Trần Thị Bình", ""),
    counter_example=COMPLETE,
)
def signature(context: Context) -> Iterator[Hit]:
    """The signer's authority (TM./KT./Q./TL./TUQ.), position and full name close the
    document. A scanned signature without typed name is not visible in text. On a scan whose
    signature block shows the position but no readable name, F012 is reported instead; on a
    scan F007 itself is a warning."""
    signer = context.metadata.signer
    if signer is None or (signer.name is None and not _name_unreadable(context)):
        yield hit()


def _scanned_signer(context: Context) -> Signer | None:
    """The signature block of a scan (read by OCR), where the seal may hide part of it."""
    return context.metadata.signer if read_by_ocr(context.parsed.document) else None


def _name_unreadable(context: Context) -> bool:
    """A scan's signature block with its title line read and its name not: the red seal is
    stamped over the name's first letters and OCR loses them ("\\ | 'uyễn m Kim Loan")."""
    signer = _scanned_signer(context)
    return signer is not None and signer.position is not None and signer.name is None


@rule(
    "F012",
    "warning",
    example=COMPLETE.replace("Trần Thị Bình", "\\ | 'uyễn m Thị Bình"),
    counter_example=COMPLETE,
    example_ocr=True,
)
def signer_name_unreadable(context: Context) -> Iterator[Hit]:
    """On a scanned report (read by OCR) the signature block shows the signer's position but
    the name under it could not be read, most often because the seal covers it. The name is
    probably there: an error would ask the commune to fix what may not be wrong, so this is a
    warning to look at the scan."""
    if _name_unreadable(context):
        signer = context.metadata.signer
        assert signer is not None
        yield hit(signer, position=signer.position)


@rule(
    "F013",
    "warning",
    example=COMPLETE.replace("TM. ỦY BAN NHÂN DÂN", "` Xs KT,CÍỦ").replace("CHỦ TỊCH", "—PHÓ€HỦ"),
    counter_example=COMPLETE,
    example_ocr=True,
)
def signer_position_unreadable(context: Context) -> Iterator[Hit]:
    """On a scanned report (read by OCR) the signer's name closes the document but the position
    above it (CHỦ TỊCH, PHÓ CHỦ TỊCH …) could not be read: the seal is stamped over it. It is
    probably there, so this is a warning to look at the scan, not the error F007."""
    signer = _scanned_signer(context)
    if signer is not None and signer.name is not None and signer.position is None:
        yield hit(signer, name=signer.name)


@rule(
    "F008",
    "error",
    needs="profile",
    example=_UNDATED_CITATION.replace("ngày 14 tháng 12", "ngày 20 tháng 11"),
    counter_example=_UNDATED_CITATION,
)
def dated_before_request(context: Context) -> Iterator[Hit]:
    """A report answering a request cannot be dated before the request itself: the date line
    is probably wrong."""
    request = context.required_profile.request
    if context.report_date is not None and context.report_date < request.date:
        yield hit(
            context.metadata.date_span, date=context.metadata.date,
            request=request.symbol, request_date=request.date.isoformat(),
        )  # fmt: skip


@rule(
    "F009",
    "error",
    example=COMPLETE.replace("241/BC-UBND", "241/KH-UBND"),
    counter_example=COMPLETE,
)
def symbol_fits_type(context: Context) -> Iterator[Hit]:
    """The first group of a named-type document's symbol is its type abbreviation (Phụ lục
    III): a BÁO CÁO is numbered …/BC-…, a KẾ HOẠCH …/KH-…."""
    metadata = context.metadata
    if metadata.symbol is None or not metadata.doc_type:
        return
    expected = type_codes_by_name().get(ascii_key(metadata.doc_type))
    if not expected:
        return
    code = re.split(r"[-/]", metadata.symbol)[1]
    if code not in expected:
        yield hit(
            symbol=metadata.symbol, code=code, doc_type=metadata.doc_type,
            expected="/".join(sorted(expected)),
        )  # fmt: skip


@rule(
    "F010",
    "warning",
    needs="profile",
    example_profile={"request": {"deadline": "2025-12-31"}},
    example=COMPLETE.replace("ngày 14 tháng 12 năm 2025", "ngày 20 tháng 01 năm 2026"),
    counter_example=COMPLETE,
)
def after_deadline(context: Context) -> Iterator[Hit]:
    """The profile sets a deadline and the report's date line is later."""
    deadline = context.required_profile.request.deadline
    if deadline is not None and context.report_date is not None and context.report_date > deadline:
        yield hit(
            context.metadata.date_span, date=context.metadata.date, deadline=deadline.isoformat()
        )


@rule(
    "F011",
    "warning",
    example=COMPLETE.replace("ngày 14 tháng 12", "ngày 4 tháng 12"),
    counter_example=COMPLETE,
)
def date_line_zeros(context: Context) -> Iterator[Hit]:
    """Decree 30/2020 (Phụ lục I): the date line writes days 1–9 as 01–09, months 1 and 2 as
    01 and 02, and months 3–12 without a zero. Dates inside the body are not governed by this
    rule."""
    metadata = context.metadata
    match = DATE_LINE_RE.search(metadata.date_text or "")
    if match is None or not (match.group("d").isdigit() and match.group("m").isdigit()):
        return
    day, month = match.group("d"), match.group("m")
    wrong_day = int(day) < 10 and len(day) != 2
    wrong_month = (int(month) <= 2 and len(month) != 2) or (
        int(month) >= 3 and month.startswith("0")
    )
    if wrong_day or wrong_month:
        yield hit(metadata.date_span, text=metadata.date_text)
