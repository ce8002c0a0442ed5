"""The DOCX reader reads what Word displays (issue 18, items 2, 3 and 5).

python-docx cannot write hyperlinks, tracked changes, content controls or notes, so the
documents here are written as raw WordprocessingML: python-docx's default package with our own
word/document.xml (and footnotes, headers) put in.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.parsing.report import parse
from tcdlcl_parse.reading.docx import read_docx, read_docx_page_header

SEED = Path(__file__).resolve().parent.parent / "corpora" / "seed" / "bao-cao-ba-to-2025.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CITATION = "Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ."
TRACKED = 'w:id="{}" w:author="Nguyễn Văn An" w:date="2025-12-03T08:00:00Z"'


def _base_entries() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def make_docx(
    body: str, parts: dict[str, tuple[str, str, str]] | None = None, sect: str = ""
) -> bytes:
    """A DOCX whose body is ``body`` (WordprocessingML, prefixes w: and r:). ``parts`` maps a
    part name (``word/footnotes.xml``) to (relationship id, relationship type, XML)."""
    entries = _base_entries()
    entries["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr>{sect}</w:sectPr>'
        f"</w:body></w:document>"
    ).encode()
    content_types = {
        "footnotes": "footnotes", "endnotes": "endnotes", "header": "header", "footer": "footer",
    }  # fmt: skip
    for name, (rid, kind, xml) in (parts or {}).items():
        known = name in entries  # the default package has a numbering part already
        entries[name] = xml.encode()
        if known:
            continue
        rels = entries["word/_rels/document.xml.rels"]
        entries["word/_rels/document.xml.rels"] = rels.replace(
            b"</Relationships>",
            f'<Relationship Id="{rid}" Type="{R}/{kind}" Target="{name.removeprefix("word/")}"/>'
            f"</Relationships>".encode(),
        )
        entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
            b"</Types>",
            f'<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-'
            f'officedocument.wordprocessingml.{content_types[kind]}+xml"/></Types>'.encode(),
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def run(text: str, rpr: str = "") -> str:
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def texts(data: bytes) -> list[str]:
    return [line.text for line in read_docx(data, "x.docx")[0]]


# --- every run Word displays is read ------------------------------------------------------

SHOWN = {
    "hyperlink": f'<w:p><w:hyperlink r:id="rId99">{run(CITATION)}</w:hyperlink></w:p>',
    "anchor hyperlink": f'<w:p><w:hyperlink w:anchor="muc1">{run(CITATION)}</w:hyperlink></w:p>',
    "tracked insertion": f"<w:p><w:ins {TRACKED.format(1)}>{run(CITATION)}</w:ins></w:p>",
    "moved here": f"<w:p><w:moveTo {TRACKED.format(2)}>{run(CITATION)}</w:moveTo></w:p>",
    "simple field": f'<w:p><w:fldSimple w:instr=" REF muc1 \\h ">{run(CITATION)}</w:fldSimple></w:p>',
    "inline content control": f"<w:p><w:sdt><w:sdtPr/><w:sdtContent>{run(CITATION)}</w:sdtContent></w:sdt></w:p>",
    "block content control": f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{run(CITATION)}</w:p></w:sdtContent></w:sdt>",
    "smart tag": f'<w:p><w:smartTag w:uri="urn:x" w:element="date">{run(CITATION)}</w:smartTag></w:p>',
    "inline custom XML": f'<w:p><w:customXml w:element="so">{run(CITATION)}</w:customXml></w:p>',
    "block custom XML": f'<w:customXml w:element="muc"><w:p>{run(CITATION)}</w:p></w:customXml>',
    "nested": (
        f'<w:p><w:sdt><w:sdtContent><w:hyperlink w:anchor="a"><w:ins {TRACKED.format(3)}>'
        f"{run(CITATION)}</w:ins></w:hyperlink></w:sdtContent></w:sdt></w:p>"
    ),
    "content control around a table row": (
        f"<w:tbl><w:tr><w:tc><w:p>{run('Ô đầu')}</w:p></w:tc></w:tr><w:sdt><w:sdtContent>"
        f"<w:tr><w:tc><w:p>{run(CITATION)}</w:p></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>"
    ),
    "field result": (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' DOCPROPERTY Trichyeu </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{run(CITATION)}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    ),
}


@pytest.mark.parametrize("body", SHOWN.values(), ids=SHOWN.keys())
def test_displayed_runs_are_read(body):
    data = make_docx(body.replace('r:id="rId99"', 'r:id="rIdLink"'))
    assert CITATION in texts(data)


def test_what_word_does_not_display_is_not_read():
    body = (
        "<w:p>"
        + run("Kế hoạch số ")
        + f"<w:del {TRACKED.format(1)}><w:r><w:delText>39/KH-UBND</w:delText></w:r></w:del>"
        + f"<w:moveFrom {TRACKED.format(2)}>{run('SAI-CHUYỂN-ĐI')}</w:moveFrom>"
        + '<w:commentRangeStart w:id="0"/>'
        + run("40/KH-UBND")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        # A field's code, with text typed in it besides the instruction, then its result.
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> IF 1 = 1 "</w:instrText></w:r>'
        + run("MÃ-TRƯỜNG")
        + '<w:r><w:instrText>" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(" ngày 09/9/2025")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + "</w:p>"
    )
    assert texts(make_docx(body)) == ["Kế hoạch số 40/KH-UBND ngày 09/9/2025"]


def test_a_field_left_open_hides_only_the_rest_of_its_paragraph():
    body = (
        f'<w:p>{run("Trước")}<w:r><w:fldChar w:fldCharType="begin"/></w:r>{run("mã")}</w:p>'
        f"<w:p>{run('Sau')}</w:p>"
    )
    assert texts(make_docx(body)) == ["Trước", "Sau"]


# --- hidden text --------------------------------------------------------------------------


NOT_HIDDEN = '<w:vanish w:val="0"/>'
HIDDEN_STYLE = '<w:rStyle w:val="An"/>'


def test_hidden_runs_are_left_out_with_a_warning():
    body = (
        f"<w:p>{run('Báo cáo kết quả. ')}{run(CITATION, '<w:vanish/>')}</w:p>"
        f"<w:p>{run('Thấy được', NOT_HIDDEN)}</w:p>"
    )
    lines, meta = read_docx(make_docx(body), "x.docx")
    assert [line.text for line in lines] == ["Báo cáo kết quả. ", "Thấy được"]
    assert meta.warnings == [f"hidden-text-left-out:{len(CITATION)}"]


def test_a_hidden_numbered_paragraph_and_a_hidden_note_reference_are_not_shown():
    numbered = _numbered("1", hide_first=True)
    lines, meta = read_docx(numbered, "x.docx")
    assert [line.text for line in lines] == ["I. MỤC"]
    assert meta.warnings == ["hidden-text-left-out:3"]
    body = (
        f"<w:p>{run('Đã ban hành kế hoạch.')}<w:r><w:rPr><w:vanish/></w:rPr>"
        '<w:footnoteReference w:id="1"/></w:r></w:p>'
    )
    data = make_docx(body, {"word/footnotes.xml": ("rIdFn", "footnotes", FOOTNOTES)})
    assert texts(data) == ["Đã ban hành kế hoạch."]


def with_styles(data: bytes, styles: str) -> bytes:
    """``data`` with ``styles`` (``w:style`` elements) added to its styles.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    added = styles.replace("<w:style ", f'<w:style xmlns:w="{W}" ').encode()
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b"</w:styles>", added + b"</w:styles>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def test_text_hidden_by_its_style_is_left_out():
    data = with_styles(
        make_docx(f"<w:p>{run('Hiện. ')}{run(CITATION, HIDDEN_STYLE)}</w:p>"),
        '<w:style w:type="character" w:customStyle="1" w:styleId="An"><w:name w:val="Ẩn"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>",
    )
    document = parse(data).document
    assert "3078" not in document.text
    assert any(warning.startswith("hidden-text-left-out:") for warning in document.warnings)


def test_a_loop_of_based_on_styles_ends():
    data = with_styles(
        make_docx(f'<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr>{run("Vòng")}</w:p>'),
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/>'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
    )
    [line] = read_docx(data, "x.docx")[0]
    assert (line.text, line.style, line.bold, line.centered) == ("Vòng", "A", True, True)


# --- notes and page headers ---------------------------------------------------------------

FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>'
    + run(" Theo Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh.")
    + '</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    + run(" Xem Quyết định số 1703/QĐ-TTg ngày 31/12/2024.")
    + '</w:p></w:footnote><w:footnote w:id="3"><w:p>'
    + run("Chú thích không được dẫn tới")
    + "</w:p></w:footnote></w:footnotes>"
)


def test_footnotes_follow_the_body_marked_as_such():
    body = (
        f'<w:p>{run("Đã ban hành kế hoạch")}<w:r><w:footnoteReference w:id="1"/></w:r>'
        f'{run(" và triển khai")}<w:r><w:footnoteReference w:id="2"/></w:r>{run(".")}</w:p>'
        f"<w:p>{run('Nơi nhận:')}</w:p>"
    )
    data = make_docx(body, {"word/footnotes.xml": ("rIdFn", "footnotes", FOOTNOTES)})
    lines = read_docx(data, "x.docx")[0]
    assert [(line.text, line.style) for line in lines[2:]] == [
        ("_" * 20, "footnote"),
        ("1 Xem Quyết định số 1703/QĐ-TTg ngày 31/12/2024.", "footnote"),
        ("2 Theo Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh.", "footnote"),
    ]
    assert [line.text for line in lines[:2]] == ["Đã ban hành kế hoạch và triển khai.", "Nơi nhận:"]


def test_footnotes_leave_the_closing_and_findings_of_a_report_alone():
    with zipfile.ZipFile(SEED) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    end_of_citing_line = "của UBND tỉnh Quảng Ngãi.</w:t></w:r>".encode()
    assert end_of_citing_line in parts["word/document.xml"]
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        end_of_citing_line,
        end_of_citing_line
        + b'<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="2"/></w:r>',
        1,
    )
    parts["word/footnotes.xml"] = FOOTNOTES.encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdFn" Type="{R}/footnotes" Target="footnotes.xml"/></Relationships>'.encode(),
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    plain, noted = parse(SEED.read_bytes()), parse(buffer.getvalue())
    assert noted.document.lines[-1].text.startswith("2 Theo Kế hoạch số 40/KH-UBND")
    assert noted.metadata.signer == plain.metadata.signer
    assert noted.metadata.recipients == plain.metadata.recipients
    assert check(noted, "cv3078").findings == check(plain, "cv3078").findings


HEADER = (
    f'<w:hdr xmlns:w="{W}"><w:p>{run("ỦY BAN NHÂN DÂN XÃ BA TÔ")}</w:p>'
    f"<w:p>{run('Số: 287/BC-UBND')}</w:p></w:hdr>"
)
OTHER_HEADER = f'<w:hdr xmlns:w="{W}"><w:p>{run("Báo cáo 287/BC-UBND - Trang 2")}</w:p></w:hdr>'


@pytest.mark.parametrize("title_page", [True, False])
def test_page_header_stays_out_of_the_body_but_can_be_read(title_page):
    sect = (
        '<w:headerReference w:type="first" r:id="rIdH1"/><w:headerReference w:type="default" r:id="rIdH2"/>'
        + ("<w:titlePg/>" if title_page else "")
    )
    data = make_docx(
        f"<w:p>{run('BÁO CÁO')}</w:p>",
        {
            "word/header1.xml": ("rIdH1", "header", HEADER),
            "word/header2.xml": ("rIdH2", "header", OTHER_HEADER),
        },
        sect,
    )
    assert texts(data) == ["BÁO CÁO"]
    header = [line.text for line in read_docx_page_header(data)]
    assert header == (
        ["ỦY BAN NHÂN DÂN XÃ BA TÔ", "Số: 287/BC-UBND"]
        if title_page
        else ["Báo cáo 287/BC-UBND - Trang 2"]
    )
    assert read_docx_page_header(make_docx(f"<w:p>{run('BÁO CÁO')}</w:p>")) == []


# --- the Decree 30 header in Word's first-page header ------------------------------------


def _cell(*lines: str) -> str:
    return "<w:tc>" + "".join(f"<w:p>{run(line)}</w:p>" for line in lines) + "</w:tc>"


def _two_columns(issuer: str, symbol: str, date_line: str) -> str:
    """The two-column Decree 30 header as a borderless table, as templates lay it out."""
    return (
        "<w:tbl><w:tr>"
        + _cell("ỦY BAN NHÂN DÂN", issuer, f"Số: {symbol}")
        + _cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date_line)
        + "</w:tr></w:tbl>"
    )


SON_HA = _two_columns("XÃ SƠN HÀ", "241/BC-UBND", "Sơn Hà, ngày 14 tháng 12 năm 2025")
BA_TO = _two_columns("XÃ BA TÔ", "287/BC-UBND", "Ba Tô, ngày 03 tháng 12 năm 2025")
REPORT_BODY = "".join(
    f"<w:p>{run(line)}</w:p>"
    for line in (
        "BÁO CÁO",
        "Kết quả triển khai công tác tiêu chuẩn, đo lường, chất lượng",
        "Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.",
        CITATION.replace(".", ", Ủy ban nhân dân xã báo cáo như sau:"),
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Thị Bình",
    )
)
TITLE_PAGE_HEADER = '<w:headerReference w:type="first" r:id="rIdH1"/><w:titlePg/>'


def _with_page_header(body: str, header: str | None) -> bytes:
    if header is None:
        return make_docx(body)
    part = f'<w:hdr xmlns:w="{W}">{header}</w:hdr>'
    return make_docx(body, {"word/header1.xml": ("rIdH1", "header", part)}, TITLE_PAGE_HEADER)


def _header_codes(parsed) -> set[str]:
    return {f.code for f in check(parsed, "cv3078").findings} & {"F001", "F002", "F003"}


def test_header_elements_in_the_first_page_header_are_found_when_the_body_lacks_them():
    parsed = parse(_with_page_header(REPORT_BODY, SON_HA))
    document, metadata = parsed.document, parsed.metadata
    assert document.text.startswith("BÁO CÁO")  # the page header stays out of the text
    assert document.page_header[:3] == ["ỦY BAN NHÂN DÂN", "XÃ SƠN HÀ", "Số: 241/BC-UBND"]
    assert _header_codes(parsed) == set()
    assert (metadata.national_title, metadata.motto) == (True, True)
    assert (metadata.issuer, metadata.issuer_from) == ("Ủy ban nhân dân xã Sơn Hà", "header")
    assert (metadata.symbol, metadata.date) == ("241/BC-UBND", "2025-12-14")
    assert metadata.place == "Sơn Hà"
    # Not in the display text: no offsets to point at.
    assert metadata.symbol_span is None and metadata.date_span is None

    without = parse(_with_page_header(REPORT_BODY, None))
    assert without.document.text == document.text and without.document.page_header == []
    assert _header_codes(without) == {"F001", "F002", "F003"}


def test_the_body_header_wins_over_a_different_page_header():
    parsed = parse(_with_page_header(BA_TO + REPORT_BODY, SON_HA))
    metadata = parsed.metadata
    assert "Số: 241/BC-UBND" in parsed.document.page_header
    assert (metadata.issuer, metadata.symbol) == ("Ủy ban nhân dân xã Ba Tô", "287/BC-UBND")
    assert (metadata.date, metadata.place) == ("2025-12-03", "Ba Tô")
    assert metadata.symbol_span is not None and metadata.date_span is not None
    assert metadata == parse(_with_page_header(BA_TO + REPORT_BODY, None)).metadata
    # Element by element: only the date line the body lacks comes from the page header.
    undated = BA_TO.replace(run("Ba Tô, ngày 03 tháng 12 năm 2025"), "")
    metadata = parse(_with_page_header(undated + REPORT_BODY, SON_HA)).metadata
    assert (metadata.symbol, metadata.date) == ("287/BC-UBND", "2025-12-14")
    assert metadata.symbol_span is not None and metadata.date_span is None


def test_the_page_header_comes_back_from_the_cache(tmp_path):
    from tcdlcl_parse.reading import read
    from tcdlcl_parse.reading.cache import ReadCache
    from tcdlcl_parse.reading.options import ReadOptions

    options = ReadOptions(cache=ReadCache(tmp_path))
    data = _with_page_header(REPORT_BODY, SON_HA)
    first, again = read(data, options=options), read(data, options=options)
    assert again.page_header == first.page_header and "Số: 241/BC-UBND" in again.page_header


# --- the same report, its citations wrapped -----------------------------------------------


def _seed_with(wrap: str) -> bytes:
    """The seed report with every run that holds a citation ("số …/…") wrapped as ``wrap``."""
    with zipfile.ZipFile(SEED) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts["word/document.xml"].decode()
    counter = iter(range(100, 10_000))

    def wrapped(match: re.Match[str]) -> str:
        number = next(counter)
        if wrap == "hyperlink":
            return (
                f'<w:hyperlink w:anchor="vb{number}" w:history="1">{match.group(0)}</w:hyperlink>'
            )
        if wrap == "insertion":
            # Also a deleted draft citation beside it, which must not be read.
            return (
                f"<w:del {TRACKED.format(number)}><w:r><w:delText>Công văn số 9999/XX-YY ngày "
                f"01/01/2020</w:delText></w:r></w:del><w:ins {TRACKED.format(number)}>"
                f"{match.group(0)}</w:ins>"
            )
        return f'<w:sdt><w:sdtPr><w:tag w:val="t{number}"/></w:sdtPr><w:sdtContent>{match.group(0)}</w:sdtContent></w:sdt>'

    xml, count = re.subn(r"<w:r>(?:(?!</w:r>).)*?\d+/[A-ZĐ][^<]*?</w:t></w:r>", wrapped, xml)
    assert count >= 5
    parts["word/document.xml"] = xml.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def _findings(data: bytes) -> tuple[list[str], list[tuple[str, str | None]], str]:
    parsed = parse(data)
    result = check(parsed, "cv3078")
    return (
        [f"{f.code} {f.section} {f.message}" for f in result.findings],
        [(c.symbol, c.date) for c in parsed.citations],
        parsed.document.text,
    )


@pytest.mark.parametrize("wrap", ["hyperlink", "insertion", "content control"])
def test_same_report_same_findings_when_citations_are_wrapped(wrap):
    plain = _findings(SEED.read_bytes())
    assert ("3078/SKHCN-TĐC", "2025-11-25") in plain[1]
    assert _findings(_seed_with(wrap)) == plain


# --- hostile values -----------------------------------------------------------------------


def _numbered(start: str, hide_first: bool = False) -> bytes:
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    paragraph = f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{run("MỤC")}</w:p>'
    first = (
        paragraph.replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>") if hide_first else paragraph
    )
    return make_docx(first + paragraph, {"word/numbering.xml": ("rIdNum", "numbering", numbering)})


def test_huge_numbering_start_reads_fast_as_word_caps_it():
    started = time.perf_counter()
    lines = texts(_numbered("1000000000000"))
    assert time.perf_counter() - started < 2
    # Word takes a start of at most 32767.
    assert lines == ["M" * 32 + "DCCLXVII. MỤC", "M" * 32 + "DCCLXVIII. MỤC"]
    assert texts(_numbered("2")) == ["II. MỤC", "III. MỤC"]


def test_huge_grid_span_and_long_vertical_merge_read_fast():
    restart = ' w:val="restart"'
    merged = "".join(
        f"<w:tr><w:tc><w:tcPr><w:vMerge{restart if row == 0 else ''}/></w:tcPr>"
        f"<w:p>{run('Ô gộp' if row == 0 else 'ẩn')}</w:p></w:tc>"
        f"<w:tc><w:p>{run(f'Dòng {row}')}</w:p></w:tc></w:tr>"
        for row in range(1200)
    )
    wide = f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr><w:p>{run("Rộng")}</w:p></w:tc></w:tr>'
    data = make_docx(f"<w:tbl>{wide}{merged}</w:tbl>")
    started = time.perf_counter()
    lines = texts(data)
    assert time.perf_counter() - started < 2
    assert lines[:3] == ["Rộng", "Ô gộp", "Dòng 0"]
    assert lines[3:] == [f"Dòng {row}" for row in range(1, 1200)]


# --- speed ----------------------------------------------------------------------------------


def test_styles_are_resolved_once_per_document_not_per_run(monkeypatch):
    """python-docx scans every style for the default one on each ``run.style``/``paragraph.style``
    (issue 18: a 200-paragraph report took a second); the reader resolves each style once."""
    import docx
    from docx.oxml.styles import CT_Styles

    document = docx.Document()
    for number in range(300):
        paragraph = document.add_paragraph(f"{number}. Đã kiểm tra ")
        paragraph.add_run("15 cơ sở").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    calls = 0
    scan = CT_Styles._iter_styles

    def counted(self):
        nonlocal calls
        calls += 1
        return scan(self)

    monkeypatch.setattr(CT_Styles, "_iter_styles", counted)
    lines = read_docx(buffer.getvalue(), "x.docx")[0]
    assert len(lines) == 300 and lines[0].text == "0. Đã kiểm tra 15 cơ sở"
    assert calls <= 5
