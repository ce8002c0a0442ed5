import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcdlcl_parse.checking.checker import report_findings
from tcdlcl_parse.models import Metadata, ParsedReport
from tcdlcl_parse.parsing.citations import extract_citations, extract_standards

from .conftest import SEED_TXT
from .helpers import doc


def one(text):
    (citation,) = extract_citations(text)
    return citation


@pytest.mark.parametrize(
    "text, symbol, doc_type, date, issuer",
    [
        ("Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Thủ tướng Chính phủ ban hành", "1703/QĐ-TTg", "Quyết định", "2024-12-31", "Thủ tướng Chính phủ"),
        ("Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh Quảng Ngãi về", "40/KH-UBND", "Kế hoạch", "2025-09-09", "UBND tỉnh Quảng Ngãi"),
        ("Công văn số 3078/SKHCN-TĐC ngày 25 tháng 11 năm 2025 của Sở Khoa học và Công nghệ.", "3078/SKHCN-TĐC", "Công văn", "2025-11-25", "Sở Khoa học và Công nghệ"),
        ("Văn bản số 12/UBND-VX ngày 09-9-2025", "12/UBND-VX", "Công văn", "2025-09-09", "Ủy ban nhân dân"),
        ("Nghị định số 30/2020/NĐ-CP ngày 05.3.2020 của Chính phủ", "30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ"),
        ("Chỉ thị số 38-CT/TW, ngày 30/7/2024 của Ban Bí thư", "38-CT/TW", "Chỉ thị", "2024-07-30", "Ban Bí thư"),
        ("Hướng dẫn 36-HD/VPTW", "36-HD/VPTW", "Hướng dẫn", None, "Văn phòng Trung ương Đảng"),
        ("Quyết định số 141/QĐ-QLTA-THA", "141/QĐ-QLTA-THA", "Quyết định", None, None),
        ("Luật số 64/2025/QH15", "64/2025/QH15", "Luật", None, "Quốc hội"),
        ("chương trình nâng cao năng suất - chất lượng 1322/QĐ-TTg: cập nhật", "1322/QĐ-TTg", None, None, "Thủ tướng Chính phủ"),
        ("Kế hoạch số 40/KH- UBND ngày 09/9/2025", "40/KH-UBND", "Kế hoạch", "2025-09-09", "Ủy ban nhân dân"),
        ("Công văn số 3078 / SKHCN-TĐC", "3078/SKHCN-TĐC", "Công văn", None, "Sở Khoa học và Công nghệ"),
        ("Quyết định số 22/QÐ-UBND", "22/QĐ-UBND", "Quyết định", None, "Ủy ban nhân dân"),
    ],
)
def test_citation_fields(text, symbol, doc_type, date, issuer):
    citation = one(text)
    assert (citation.symbol, citation.doc_type, citation.date, citation.issuer) == (symbol, doc_type, date, issuer)
    mention = citation.mentions[0]
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Đội Quản lý thị trường số 5", "điện thoại 0255.3822.123 hoặc 0905 123 456", "số 12/3 đường Lê Lợi, thôn 2/9",
        "kinh phí 1.200.000 đồng", "chứng nhận ISO 9001:2015", "ngày 25/11/2025", "2/3 số thôn",
        "https://bto.quangngai.gov.vn/trien-khai-quyet-dinh-so-1703-qd-ttg-ngay-31-12-2024.html",
        "Mục II phụ lục kèm theo", "tỷ lệ 101,2%",
    ],
)
def test_things_that_are_not_documents(text):
    assert extract_citations(text) == []


def test_standards_are_reported_apart():
    text = "áp dụng TCVN 6909:2001, QCVN 01:2021/BXD và TCVN ISO 9001:2015"
    assert [s.code for s in extract_standards(text)] == ["TCVN 6909:2001", "QCVN 01:2021/BXD", "TCVN ISO 9001:2015"]
    assert extract_citations(text) == []


def test_mentions_are_grouped_and_title_read():
    text = ("Căn cứ Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh về việc triển khai công tác TCĐLCL. "
            "Thực hiện Kế hoạch 40/KH-UBND, xã đã ...")  # fmt: skip
    citation = one(text)
    assert len(citation.mentions) == 2 and citation.title == "về việc triển khai công tác TCĐLCL"


def codes(text, report_date=None):
    parsed = ParsedReport(
        document=doc(text),
        metadata=Metadata(date=report_date.isoformat() if report_date else None),
        citations=extract_citations(text),
    )
    return [f.code for f in report_findings(parsed) if f.code.startswith("C")]


def test_consistency_codes_fire():
    assert codes("Kế hoạch số 40/KH-UBND ngày 09/9/2025; Kế hoạch số 40/KH-UBND ngày 19/9/2025") == ["C002"]
    assert codes("Quyết định số 1703/KH-TTg ngày 31/12/2024") == ["C003"]
    assert codes("Công văn số 5/UBND-VX ngày 31/11/2025; Công văn 6/UBND-VX ngày 29/02/2025; Công văn 7/UBND-VX ngày 01/01/1930") == ["C004"] * 3
    assert codes("Thông báo số 12/TB-UBND ngày 20/12/2025", dt.date(2025, 12, 8)) == ["C005"]
    assert codes("Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Bộ Y tế") == ["C006"]


def test_consistency_codes_stay_quiet_on_good_citations():
    text = ("Văn bản số 40/KH-UBND ngày 09/9/2025 của Ủy ban nhân dân tỉnh; Quy định số 232-QĐ/TW ngày 20/01/2025 "
            "của Ban Chấp hành Trung ương; Công văn số 3078/SKHCN-TĐC của Sở KH&CN")  # fmt: skip
    assert codes(text, dt.date(2025, 12, 8)) == []


def test_precision_and_recall_on_the_seed():
    from tcdlcl_parse.parsing.report import parse

    expected = json.loads(SEED_TXT.with_suffix(".citations.json").read_text("utf-8"))
    want = {(c["symbol"], c["date"]) for c in expected}
    got = {(c.symbol, c.date) for c in parse(SEED_TXT, claims=False).citations}
    assert got == want


def test_party_symbol_with_a_space_after_the_hyphen():
    citation = one("Kế hoạch số 119- KH/TU ngày 18 tháng 12 năm 2019 của Ban Thường vụ Tỉnh ủy")
    assert (citation.symbol, citation.date, citation.mentions[0].text) == ("119-KH/TU", "2019-12-18", "119- KH/TU")


GROUP = st.text(alphabet="ABCDEGHKLMNOPQRSTUVXYĐ", min_size=1, max_size=5)
TYPES = st.sampled_from(["QĐ", "KH", "BC", "TB", "CT", "HD", "TTr", "CTr", "NQ"])


@given(st.integers(1, 99999), TYPES, GROUP, st.dates(dt.date(1946, 1, 1), dt.date(2030, 12, 31)))
def test_generated_state_symbols_round_trip(number, type_code, issuer, date):
    text = f"Căn cứ văn bản số {number}/{type_code}-{issuer} ngày {date.day}/{date.month}/{date.year} của cơ quan."
    citation = one(text)
    assert (citation.symbol, citation.date) == (f"{number}/{type_code}-{issuer}", date.isoformat())


@given(st.integers(1, 999), TYPES, GROUP, st.dates(dt.date(1946, 1, 1), dt.date(2030, 12, 31)))
def test_generated_party_symbols_round_trip(number, type_code, issuer, date):
    citation = one(f"Thực hiện số {number}-{type_code}/{issuer}, ngày {date.day:02d}.{date.month:02d}.{date.year} của Ban.")
    assert (citation.symbol, citation.date, citation.family) == (f"{number}-{type_code}/{issuer}", date.isoformat(), "party")


@given(st.text(max_size=300))
def test_no_exception_on_any_text(text):
    for citation in extract_citations(text):
        for mention in citation.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_an_issuer_never_swallows_the_next_symbol():
    # Regression: with the issuer read in the same pass, "của … thực hiện Nghị quyết số 19-NQ/TW"
    # consumed the next symbol up to the comma, and 19-NQ/TW was lost.
    text = (
        "Chương trình số 53-CTr/TU ngày 21 tháng 02 năm 2018 của Ban Chấp hành Đảng bộ tỉnh khóa XV "
        "thực hiện Nghị quyết số 19-NQ/TW, ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương"
    )
    first, second = extract_citations(text)
    assert (first.symbol, first.date) == ("53-CTr/TU", "2018-02-21")
    assert (second.symbol, second.date, second.issuer) == ("19-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương")
