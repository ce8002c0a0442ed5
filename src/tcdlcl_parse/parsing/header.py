"""Header and closing elements of Decree 30/2020 (Điều 8): Quốc hiệu–Tiêu ngữ, issuer,
Số/ký hiệu, place and date, type name and trích yếu, recipients, signature.

The two-column header may arrive as separate lines in any interleaving (PDF segments, Word
table cells, text columns), so each element is found by its own pattern among the header
lines rather than by position.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..models import Line, Metadata, Recipient, Signer, SourceDocument, Span
from ..normalize import ascii_key
from .citations import DASHES, SYMBOL_CODE_PATTERN, SYMBOL_PATTERN, canonical_symbol, hyphenated
from .dates import to_date
from .reference import positions, type_names
from .regions import Regions, find_regions

_HEADER_MAX_LINES = 14
# Compared without spaces and dashes, so "Độc lập – Tự do – Hạnh phúc" and "Độc lập-Tự do-Hạnh
# phúc" agree, and across two lines when a narrow column wraps them.
_NATIONAL_TITLE = "conghoaxahoichunghiavietnam"
_MOTTO = "doclaptudohanhphuc"
_WRAP_LINES = 3  # lines between the two parts of a wrapped element (the other column's)
# The document's own number: "Số: 241/BC-UBND", "Số : 2917 /SGDĐT-VP", "Số 445-KL/TƯ", "Nghị
# quyết số: 653/2019/UBTVQH14", "Số:" with the number on the next line, and a number left blank
# ("Số:      /KH-UBND": the symbol is known, the number not). Searched in the header text, so
# a flattened header that runs everything into one line is read too.
_OWN_SYMBOL_RE = re.compile(
    r"(?:(?<!\w)(?:Số|SỐ)|^(?:\w+ ){1,3}số(?=\s*:))\s*[:.]?\s*"
    rf"(?:(?P<symbol>{SYMBOL_PATTERN})|[ \t.…_]*/\s?(?P<code>{SYMBOL_CODE_PATTERN})(?![\w/]))",
    re.MULTILINE,
)
_HEADER_TEXT_MAX = 2000
_ADDRESSEE_LINES = 12  # "Kính gửi" stands between the title and the first lines of text
_RULE_TAIL_RE = re.compile(r"\s*[-_=—–*]{3,}.*$")
# A place is a short name, never a sentence opening ("Căn cứ Luật … ngày 19 tháng 6 năm 2015").
DATE_LINE_RE = re.compile(
    r"(?!(?:căn cứ|thực hiện|theo|ban hành|kèm theo)\b)(?P<place>[^\d,\n/:;()]{2,40}?),?\s*"
    r"ngày\s+(?P<d>\d{1,2}|[.…\s]*)\s*tháng\s+(?P<m>\d{1,2}|[.…\s]*)"
    r"\s*năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_ISSUER_HEAD_RE = re.compile(
    r"^(?:ỦY|UỶ) BAN NHÂN DÂN$|^UBND\b|^HỘI ĐỒNG NHÂN DÂN$|^SỞ |^BỘ |^ĐẢNG ỦY|^BAN "
)
_PLACE_UNIT_RE = re.compile(r"^(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN)\s+(.+)$")
_ISSUER_IN_TEXT_RE = re.compile(
    r"(?:Ủy|Uỷ) ban nhân dân (?:xã|phường|thị trấn|đặc khu) "
    r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3}"
    r"|UBND (?:xã|phường|thị trấn|đặc khu) [A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3}"
)
_AUTHORITY_RE = re.compile(r"^(?P<authority>TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+(?P<rest>.+)$")
# A Vietnamese name: 2–5 syllables, each capitalised, one-letter family names included ("A
# Thuấn", "Y Thị Hồng Nhung"). Where it stands (under the title line) is what makes it the
# signer's, not a list of family names.
_NAME_WORDS = (2, 5)
# What a seal or a rule leaves before a line on a scan ("/ Trường Công Hậu", "_Nơi nhận:").
_SCAN_MARKS = "_=/\\|`'\"“”‘’ "
_TITLE_LINE_MAX = 40
_RECIPIENT_NOTE_RE = re.compile(r"\s*(\((?:[^()]*)\))\s*$")
# "- Như trên;" as OCR reads it beyond its accents: "Nlư trên", "Như tiên", "Nhir tren" score
# 82–88 against it (ascii keys), other recipients ("Thủ trưởng", "Lưu: VT", "Nhà trường") 67
# or less.
_AS_ABOVE = "Như trên"
_AS_ABOVE_SCORE = 80
# A recipients item whose leading dash OCR lost: a few words and the item's closing mark
# (";", read as "," too), e.g. "PP biện," for "- Như trên;".
_DASHLESS_ITEM_RE = re.compile(r"^\w\S*(?:\s+\S+){0,2}[;,]$")
# A header element is one short line; a longer one is body text (or a report without breaks).
_HEADER_LINE_MAX = 300


def _span(line: Line) -> dict[str, int | None]:
    return {"start": line.start, "end": line.end, "page": line.page}


def _issuer_name(lines: list[str]) -> str:
    """'ỦY BAN NHÂN DÂN' + 'XÃ SƠN HÀ' → 'Ủy ban nhân dân xã Sơn Hà'."""
    words = []
    for line in (_RULE_TAIL_RE.sub("", line) for line in lines):
        unit = _PLACE_UNIT_RE.match(line)
        if unit:
            words.append(unit.group(1).lower() + " " + unit.group(2).title())
        elif line.startswith("UBND "):
            rest = _PLACE_UNIT_RE.match(line[5:])
            words.append(
                "UBND" + (f" {rest.group(1).lower()} {rest.group(2).title()}" if rest else line[4:])
            )
        else:
            words.append(line.capitalize())
    return " ".join(words).replace("Uỷ", "Ủy")


def _header_lines(document: SourceDocument, regions: Regions) -> range:
    end = (
        regions.type_line
        if regions.type_line is not None
        else min(_HEADER_MAX_LINES, len(document.lines))
    )
    return range(end)


def parse_metadata(document: SourceDocument, regions: Regions | None = None) -> Metadata:
    """Header and closing elements. ``regions``: the document's :func:`find_regions`, when the
    caller has it already."""
    regions = find_regions(document) if regions is None else regions
    lines = document.lines
    metadata = Metadata()
    _read_header(document.text, [lines[i] for i in _header_lines(document, regions)], metadata)
    if document.page_header:
        _read_page_header(document.page_header, metadata)
    if metadata.issuer is None:
        opening = document.text[
            : document.lines[min(regions.content_start + 8, len(document.lines) - 1)].end
        ]
        found = _ISSUER_IN_TEXT_RE.search(opening)
        if found:
            metadata.issuer = found.group(0).replace("Uỷ", "Ủy")
            metadata.issuer_from = "text"
    if regions.type_line is not None:
        type_line = lines[regions.type_line]
        metadata.doc_type = type_names()[ascii_key(type_line.text.strip())]
        title_lines = [lines[i].text for i in range(regions.type_line + 1, regions.content_start)]
        metadata.title = (
            " ".join(t for t in title_lines if not re.match(r"^[-_=—–.*\s]+$", t)) or None
        )
    closing = lines[regions.closing_start :]
    metadata.addressees = _addressees(lines[: regions.content_start + _ADDRESSEE_LINES])
    metadata.recipients = _recipients(closing)
    if read_by_ocr(document):
        metadata.recipients = _ocr_recipients(closing, metadata.recipients, metadata.addressees)
    metadata.signer = _signer(closing, ocr=read_by_ocr(document))
    return metadata


def _read_header(text: str, header: list[Line], metadata: Metadata) -> None:
    """The Decree 30 header elements among ``header``, lines of ``text``."""
    keys = [ascii_key(line.text) if len(line.text) <= _HEADER_LINE_MAX else "" for line in header]
    squeezed = [re.sub(rf"[{DASHES}\s]+", "", key) for key in keys]
    metadata.national_title = _has_phrase(squeezed, _NATIONAL_TITLE)
    metadata.motto = _has_phrase(squeezed, _MOTTO)
    _read_issuer(header, metadata)
    _read_symbol(text, header, metadata)
    _read_date(text, header, metadata)


def _read_page_header(page_header: list[str], metadata: Metadata) -> None:
    """The elements the text's header lacks, taken from Word's first-page header (a DOCX
    template may put the whole Decree 30 header there). That header is not in the display
    text, so what is found there has no span."""
    header: list[Line] = []
    offset = 0
    for text in page_header[:_HEADER_MAX_LINES]:
        header.append(Line(start=offset, end=offset + len(text), text=text))
        offset += len(text) + 1
    found = Metadata()
    _read_header("\n".join(line.text for line in header), header, found)
    metadata.national_title = metadata.national_title or found.national_title
    metadata.motto = metadata.motto or found.motto
    if metadata.issuer is None and found.issuer is not None:
        metadata.issuer_lines, metadata.issuer = found.issuer_lines, found.issuer
        metadata.issuer_from = found.issuer_from
    if metadata.symbol_code is None and found.symbol_code is not None:
        metadata.symbol, metadata.symbol_code = found.symbol, found.symbol_code
        metadata.symbol_text, metadata.number_missing = found.symbol_text, found.number_missing
    if metadata.date_text is None and found.date_text is not None:
        metadata.place, metadata.date, metadata.date_text = found.place, found.date, found.date_text


def _has_phrase(keys: list[str], phrase: str) -> bool:
    """``phrase`` in one key, or its beginning at the end of one key and the rest at the start
    of one of the next few ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM")."""
    for index, key in enumerate(keys):
        if phrase in key:
            return True
        for cut in range(len(phrase) - 4, 5, -1):
            if key.endswith(phrase[:cut]):
                rest = phrase[cut:]
                if any(
                    later.startswith(rest) for later in keys[index + 1 : index + 1 + _WRAP_LINES]
                ):
                    return True
                break
    return False


def _read_issuer(header: list[Line], metadata: Metadata) -> None:
    for index, line in enumerate(header):
        text = line.text.strip()
        if _ISSUER_HEAD_RE.match(text) and "CỘNG HÒA" not in text.upper().replace("HOÀ", "HÒA"):
            issuer_lines = [_RULE_TAIL_RE.sub("", text)]
            for following in header[index + 1 :]:
                if _PLACE_UNIT_RE.match(following.text.strip()):
                    issuer_lines.append(following.text.strip())
                    break
            metadata.issuer_lines = issuer_lines
            metadata.issuer = _issuer_name(issuer_lines)
            metadata.issuer_from = "header"
            return


def _read_symbol(text: str, header: list[Line], metadata: Metadata) -> None:
    if not header:
        return
    end = min(header[-1].end, header[0].start + _HEADER_TEXT_MAX)
    match = _OWN_SYMBOL_RE.search(text, header[0].start, end)
    if match is None:
        return
    line = next(line for line in header if line.start <= match.start() <= line.end)
    metadata.symbol_text = line.text if len(line.text) <= _HEADER_LINE_MAX else match.group(0)
    metadata.symbol_span = Span(start=match.start(), end=match.end(), page=line.page)
    if match.group("symbol"):
        symbol, parts = canonical_symbol(match.group("symbol"))
        metadata.symbol = symbol
        metadata.symbol_code = symbol.split("-" if parts["family"] == "party" else "/", 1)[1]
        return
    metadata.number_missing = True
    code = re.sub(r"\s", "", match.group("code"))
    metadata.symbol_code = hyphenated(code)


def _read_date(text: str, header: list[Line], metadata: Metadata) -> None:
    for line in header:
        # A flattened header may put the date line after the number: "Số: 435/QĐ-UBND Kon Tum,
        # ngày …"; a narrow column wraps it: "Kon Tum, ngày 25" / "tháng 01 năm 2024".
        symbol = _OWN_SYMBOL_RE.match(text, line.start, line.end)
        start = symbol.end() if symbol else line.start
        start += len(text[start : line.end]) - len(text[start : line.end].lstrip())
        match = DATE_LINE_RE.match(text, start, min(len(text), line.end + 80))
        span = match.span() if match else (start, line.end)
        if not match:
            match = _date_with_year_below(text, start, line, header)
        if not match:
            continue
        metadata.place = match.group("place").strip()
        metadata.date_text = " ".join(match.group(0).split())
        metadata.date_span = Span(start=span[0], end=span[1], page=line.page)
        day, month = match.group("d").strip(), match.group("m").strip()
        if (
            day.isdigit()
            and month.isdigit()
            and to_date(int(day), int(month), int(match.group("y")))
        ):
            metadata.date = f"{match.group('y')}-{int(month):02d}-{int(day):02d}"
        return


# A header's right column read line by line with the left one between: "…, ngày 05 tháng 12
# năm" / "Số: 412/BC-UBND" / "2025".
_YEAR_LINE_RE = re.compile(r"^\d{4}$")
_YEAR_LINES_BELOW = 3


def _date_with_year_below(
    text: str, start: int, line: Line, header: list[Line]
) -> re.Match[str] | None:
    """The date line ending in "năm", read with the year that stands alone a few lines below."""
    if not line.text.rstrip().endswith("năm"):
        return None
    below = [other for other in header if other.start > line.start][:_YEAR_LINES_BELOW]
    year = next((other for other in below if _YEAR_LINE_RE.match(other.text.strip())), None)
    if year is None:
        return None
    return DATE_LINE_RE.match(f"{text[start : line.end]} {year.text.strip()}")


def _recipients(closing: list[Line]) -> list[Recipient]:
    recipients: list[Recipient] = []
    inside = False
    for line in closing:
        text = line.text.strip()
        if ascii_key(text.lstrip(_SCAN_MARKS)).startswith(("noi nhan", "kinh gui")):
            inside = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                recipients.append(_recipient(rest, line))
            continue
        if inside and text.startswith(("-", "+", "•")):
            recipients.append(_recipient(text.lstrip("-+• "), line))
        elif inside and text.startswith("(") and recipients:
            recipients[-1].note = text  # a note laid out in its own column
    return recipients


def read_by_ocr(document: SourceDocument) -> bool:
    """Whether some of ``document`` was read by OCR (a scan), whose words may be misread."""
    return "tesseract" in document.extractor


def _ocr_recipients(
    closing: list[Line], recipients: list[Recipient], addressees: list[Recipient]
) -> list[Recipient]:
    """``recipients`` read by OCR, with "- Như trên;" recognised as OCR distorts it: its words
    misread ("Nlư trên;"), or, in a letter with "Kính gửi", the block's first item unreadable
    with its dash lost ("PP biện,"): Decree 30/2020 (Phụ lục I) puts "Như trên" there, and a
    false "recipient missing" on an unreadable scan is worse than a missed one."""
    repaired = [_as_above(r) or r for r in recipients]
    if not addressees:
        return repaired
    first = _first_dashless_item(closing)
    if first is None:
        return repaired
    item = _recipient(first.text.strip(), first)
    as_above = item.model_copy(update={"name": _AS_ABOVE, "read_as": item.name})
    return sorted([as_above, *repaired], key=lambda r: r.start)


def _as_above(recipient: Recipient) -> Recipient | None:
    """``recipient`` as "Như trên" when OCR distorted those words, else None."""
    key = " ".join(re.sub(r"[^\w\s]", " ", ascii_key(recipient.name)).split())
    if key == ascii_key(_AS_ABOVE) or fuzz.ratio(key, ascii_key(_AS_ABOVE)) < _AS_ABOVE_SCORE:
        return None
    return recipient.model_copy(update={"name": _AS_ABOVE, "read_as": recipient.name})


def _first_dashless_item(closing: list[Line]) -> Line | None:
    """The line after "Nơi nhận:" (the signature column's lines between) that looks like an
    item whose dash was lost, when it stands before every dashed item."""
    inside = False
    for line in closing:
        text = line.text.strip()
        if ascii_key(text.lstrip(_SCAN_MARKS)).startswith("noi nhan"):
            if ":" in text and text.split(":", 1)[1].strip():
                return None  # "Nơi nhận: - Như trên;": the first item is on its line
            inside = True
        elif inside and text.startswith(("-", "+", "•")):
            return None
        elif inside and _DASHLESS_ITEM_RE.match(text) and not _opens_signature(text, ocr=True):
            return line
    return None


def _addressees(opening: list[Line]) -> list[Recipient]:
    """The "Kính gửi:" entries above the text: the addressees a "- Như trên;" in Nơi nhận
    stands for (Decree 30/2020, Phụ lục I)."""
    found: list[Recipient] = []
    for index, line in enumerate(opening):
        text = line.text.strip()
        if text[:1] not in "Kk" or not ascii_key(text).startswith("kinh gui"):
            continue  # the first letter spares a key of every line of the text
        rest = text.split(":", 1)[1] if ":" in text else text[len("kính gửi") :]
        found = [
            _recipient(part.strip(" -–+•"), line)
            for part in re.split(r";|\s[-–+•]\s", rest)
            if part.strip(" -–+•.")
        ]
        for following in opening[index + 1 :]:
            entry = following.text.strip()
            if not entry.startswith(("-", "–", "+", "•")):
                break
            found.append(_recipient(entry.lstrip("-–+• "), following))
        break
    return found


def _recipient(text: str, line: Line) -> Recipient:
    note_match = _RECIPIENT_NOTE_RE.search(text.rstrip(";.,"))
    note = note_match.group(1) if note_match else None
    name = text.rstrip(";.,")
    if note_match:
        name = name[: note_match.start()]
    return Recipient(name=name.strip().rstrip(";.,"), note=note, **_span(line))


@lru_cache(maxsize=1)
def _position_re() -> re.Pattern[str]:
    """A signature block's title line ("CHỦ TỊCH", "PHÓ GIÁM ĐỐC"), from data/chuc-danh.csv."""
    titles = sorted((p.upper() for p in positions()), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, titles))})\b")


def _opens_signature(text: str, *, ocr: bool = False) -> bool:
    """ "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"; on a scan the title may carry a
    stroke of the seal ("= HÓ, CHỦ TỊCH"), read as letters too ("[ịí CHỦ TỊCH")."""
    if _AUTHORITY_RE.match(text) or _position_re().match(text):
        return True
    return (
        (text.isupper() or ocr)
        and len(text) <= _TITLE_LINE_MAX
        and _position_re().search(text) is not None
    )


def _name_alone(closing: list[Line]) -> Signer | None:
    """The last line of a scan's closing, when it reads as a name."""
    last = next((line for line in reversed(closing) if line.text.strip()), None)
    if last is None or not _is_name(name := _unmarked(last.text.strip(), ocr=True)):
        return None
    return Signer(**_span(last), name=name)


def _unmarked(text: str, ocr: bool) -> str:
    """``text`` without the seal's strokes before it, and on a scan inside it ("Trần/Văn Bảy")."""
    if ocr:
        text = " ".join(re.sub(r"[/|\\]", " ", text).split())
    return text.lstrip(_SCAN_MARKS)


def _is_name(text: str) -> bool:
    """2–5 capitalised syllables; on a scan one of three or more may have lost its capital
    under the seal ("Phàn ăn Khải"), and strokes of the seal may stand before it."""
    words = text.lstrip(_SCAN_MARKS).split()
    if not (_NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]) or not all(w.isalpha() for w in words):
        return False
    lower = [w for w in words if not w[0].isupper()]
    return (
        words[0][0].isupper()
        and all(len(w) == 1 or w[1:].islower() for w in words)
        and any(len(w) > 1 for w in words)
        and (not lower or (len(lower) == 1 and len(words) >= 3))
    )


def _signer(closing: list[Line], *, ocr: bool = False) -> Signer | None:
    """TM./KT./… lines, then the position, then the name: 'TM. ỦY BAN NHÂN DÂN' /
    'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH' / 'Lê Minh Châu' gives authority KT., on behalf of
    ỦY BAN NHÂN DÂN, position PHÓ CHỦ TỊCH. On a scan whose seal left no title line readable,
    the name closing the document is the signer's, without a position."""
    start = next(
        (i for i, line in enumerate(closing) if _opens_signature(line.text.strip(), ocr=ocr)),
        None,
    )
    if start is None:
        return _name_alone(closing) if ocr else None
    signer = Signer(**_span(closing[start]))
    for line in closing[start:]:
        text = line.text.strip()
        authority = _AUTHORITY_RE.match(text)
        if authority:
            prefix = authority.group("authority")
            signer.authority = prefix if "/" in prefix else prefix + "."
            if signer.on_behalf_of is None:
                signer.on_behalf_of = authority.group("rest").strip()
        elif signer.position is None and text.isupper() and not text.startswith(("-", "(")):
            signer.position = text
        elif signer.position is None and ocr and (title := _position_re().search(text)):
            signer.position = title.group(0)  # "[ịí CHỦ TỊCH": the seal's strokes around it
        elif (signer.position is not None or ocr) and _is_name(name := _unmarked(text, ocr)):
            signer.name = name
            signer.end = line.end
            break
    return signer
