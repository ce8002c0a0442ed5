"""Hostile inputs get a clear error or a correct result, quickly (more in issue 7's corpus)."""

import io
import time
import zipfile

import pytest

from tcdlcl_parse import ReadError, extract_citations, read


def test_ten_thousand_empty_pages_are_refused_quickly():
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(10_000):
        pdf.add_page()
    data = bytes(pdf.output())
    started = time.perf_counter()
    with pytest.raises(ReadError) as error:
        read(data)
    assert error.value.code == "empty" and time.perf_counter() - started < 10


def test_docx_external_entity_is_never_resolved(tmp_path):
    import docx

    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT KHẨU BÍ MẬT", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("PLACEHOLDER")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", f'?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'.encode(), 1)
                data = data.replace(b"PLACEHOLDER", b"&x;")
            target.writestr(item, data)
    try:
        text = read(hostile.getvalue()).text
    except ReadError as error:
        # lxml keeps the entity unresolved: the paragraph is empty, or the XML is refused.
        assert error.code in ("empty", "corrupt")
    else:
        assert "BÍ MẬT" not in text


def test_invisible_and_direction_marks_inside_symbols():
    text = read("Thực hiện Công văn số 3078/\u200bSKHCN-\u202eTĐC\u202c ngày 25/11/2025\n".encode()).text
    (citation,) = extract_citations(text)
    assert (citation.symbol, citation.date) == ("3078/SKHCN-TĐC", "2025-11-25")


def test_mixed_encodings_in_one_file_do_not_crash():
    data = "Báo cáo ".encode() + "Céng hoµ".encode("latin-1") + " kết quả".encode("utf-16-le")
    try:
        assert read(data).text
    except ReadError as error:
        assert error.code == "encoding"
