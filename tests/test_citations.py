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


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2012", "–", "—", "\u2212", "\uff0d"])
def test_every_dash_reads_as_a_hyphen_and_the_mention_keeps_it(dash):
    text = f"Thực hiện Công văn số 3078/SKHCN{dash}TĐC ngày 25/11/2025 và Kế hoạch số 119{dash}KH/TU"
    first, second = extract_citations(text)
    assert (first.symbol, first.date, second.symbol) == ("3078/SKHCN-TĐC", "2025-11-25", "119-KH/TU")
    assert first.mentions[0].text == f"3078/SKHCN{dash}TĐC"


def test_a_report_citing_the_request_with_en_dashes_gets_no_c001():
    from tcdlcl_parse.checking.checker import check
    from tcdlcl_parse.parsing.report import parse

    from .conftest import CORPORA

    # corpora/forms: "Công văn số 3078/SKHCN–TĐC …", "Kế hoạch số 40/KH–UBND …" (Word's en dash).
    result = check(parse(CORPORA / "forms" / "ba-dien-roman-arabic-alpha.txt"), "cv3078")
    assert [f for f in result.findings if f.code == "C001"] == []


@pytest.mark.parametrize(
    "text, symbol, doc_type",
    [
        # Real texts of corpora/real: a name between the type and "số".
        ("các quy định của Luật Hải quan số 29/2001/QH10 năm 2001", "29/2001/QH10", "Luật"),
        ("Luật bảo hiểm y tế số 25/2008/QH12 được sửa đổi", "25/2008/QH12", "Luật"),
        ("Luật KCB số 40/2009/QH12 quy định", "40/2009/QH12", "Luật"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Hải quan số 42/2005/QH11 năm 2005", "42/2005/QH11", "Luật"),
        ("Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;", "57/2014/QH13", "Luật"),
        ("Chương trình hành động số 08-CTr/TU ngày 17/3/2026 của Thành ủy Hà Nội", "08-CTr/TU", "Chương trình"),
        ("Công văn số 01-CV/BCĐ ngày 05/01/2026", "01-CV/BCĐ", "Công văn"),
        ("Thông báo sô 1481/TB-UBND ngày 23/12/2021", "1481/TB-UBND", "Thông báo"),
        ("CHỈ THỊ SỐ 20/CT-TTG NGÀY 17/5/2017", "20/CT-TTG", "Chỉ thị"),
        # Lower case and far from "số": not a type ("quy định" is a verb here).
        ("được quy định chi tiết tại phụ lục số 12/2020/NĐ-CP", "12/2020/NĐ-CP", None),
    ],
)
def test_type_written_before_a_name(text, symbol, doc_type):
    citation = one(text)
    assert (citation.symbol, citation.doc_type) == (symbol, doc_type)


@pytest.mark.parametrize(
    "text, issuer",
    [
        # Real texts of corpora/real (cv-778, cv-454, kh-23, qd-15, cv-3397, kl-445, qd-119, tb-blank).
        ("công văn số 6376/TCHQ-GSQL ngày 11/8/2016 của Tổng cục Hải quan và hướng dẫn công chức", "Tổng cục Hải quan"),
        ("Công văn số 18195/BTC-TCHQ ngày 08/12/2016 của Bộ Tài chính và thực hiện việc cập nhật thông tin sửa đổi số hiệu container như sau:", "Bộ Tài chính"),
        ("Công văn số 847/UBND-VX1 ngày 22/3/2011 của UBND tỉnh Quảng Ninh V/v tiếp tục phối hợp tuyên truyền", "UBND tỉnh Quảng Ninh"),
        ("Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn về nghiệp vụ", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"),
        ("Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều", "Chính phủ"),
        ("Phúc đáp Công văn số 615/KVN-PC ngày 3 tháng 4 năm 2019 của Tổng công ty Khí Việt Nam- CTCP (PV GAS) về việc hướng dẫn", "Tổng công ty Khí Việt Nam- CTCP (PV GAS)"),
        ("Sau 10 năm thực hiện Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV),\nhệ thống kết cấu hạ tầng", "Tỉnh ủy (khóa XIV)"),
        ("Căn cứ Công văn 285/CCTTHC ngày 08 tháng 9 năm 2009 của Tổ công tác chuyên trách cải cách thủ tục hành chính của Thủ tướng Chính phủ về chuẩn bị công bố", "Tổ công tác chuyên trách cải cách thủ tục hành chính của Thủ tướng Chính phủ"),
        ("Thực hiện Thông báo số 444/TB-UBND ngày 22/12/2021 của UBND tỉnh Hưng Yên và Thông báo sô 1481/TB-UBND", "UBND tỉnh Hưng Yên"),
        ("Kế hoạch số 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ THỰC HIỆN", "BAN THƯỜNG VỤ TỈNH ỦY"),
        ("Công văn số 12/BCĐ-VP ngày 03/10/2025 của Ban Chỉ đạo triển khai Đề án 06 tỉnh về việc báo cáo", "Ban Chỉ đạo triển khai Đề án 06 tỉnh"),
        ("Quyết định số 81/QĐ-UBND ngày 17/8/2009 của UBND TP. Quảng Ngãi.", "UBND TP. Quảng Ngãi"),
        ("Thông tư 128/2013/TT-BTC của cơ quan hải quan trong kiểm tra", None),  # not a name
        ("Luật số 42/2005/QH11 của Luật Hải quan", None),  # a document, not an issuer
    ],
)
def test_issuer_is_an_organisation_name(text, issuer):
    mention = extract_citations(text)[0].mentions[0]
    assert mention.issuer == issuer


def test_a_date_after_the_issuer():
    text = "Nghị định số 38/2023/NĐ-CP của Chính phủ ngày 24 tháng\n6 năm 2023 sửa đổi, bổ sung"
    citation = one(text)
    assert (citation.date, citation.mentions[0].issuer) == ("2023-06-24", "Chính phủ")


def test_one_group_symbols_only_where_a_document_is_named():
    assert one("Thực hiện Công văn số 891/UBND ngày 29 tháng 5 năm 2014").symbol == "891/UBND"
    assert one("Căn cứ Công văn 285/CCTTHC ngày 08 tháng 9 năm 2009").symbol == "285/CCTTHC"
    assert extract_citations("lô 5/KCN, khu 12/AB và tỷ lệ 3/4") == []


def test_one_document_in_upper_and_mixed_case_is_one_citation_spelled_as_in_the_body():
    text = "CHỈ THỊ SỐ 20/CT-TTG NGÀY 17/5/2017 CỦA THỦ TƯỚNG\nThực hiện Chỉ thị số 20/CT-TTg ngày 17/5/2017"
    citation = one(text)
    assert (citation.symbol, len(citation.mentions)) == ("20/CT-TTg", 2)


@pytest.mark.parametrize(
    "shape",
    ["12/AB{}", "12/AB{}/", "12/AB{}x", "12/2020/AB{}", "12-AB/AB{}", "Công văn số 12/AB{} của Bộ Y tế và "],
)
@pytest.mark.parametrize("dash", ["-", "–", " - "])
def test_time_per_line_stays_linear(shape, dash):
    """Issue 18, item 6: a 300 KB line like "12/AB-AB-AB-…" must not be quadratic."""
    import time

    def seconds(copies: int) -> float:
        text = shape.format(f"{dash}AB" * copies) * 3
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            extract_citations(text)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(6_000), seconds(48_000)  # 8× the input, up to 300 KB
    assert large < 8 * small * 4 + 0.1, (small, large)  # quadratic would be 64×


def test_type_after_an_opening_parenthesis():
    # qd-435: "… và tình hình thực tế (Kế hoạch số 119-KH/TU); …" and kh-135's "(Quyết định số …)".
    citation = one("theo tinh thần chỉ đạo (Quyết định số 416/QĐ-TTg) của Thủ tướng")
    assert citation.doc_type == "Quyết định"


def test_an_en_dash_read_by_ocr_as_two_dashes():
    # corpora/forms/ba-dien-roman-arabic-alpha.scan.pdf: "3078/SKHCN–TĐC" comes out "-—".
    assert one("Thực hiện Công văn số 3078/SKHCN-—TĐC ngày 25/11/2025").symbol == "3078/SKHCN-TĐC"


@pytest.mark.parametrize(
    "text, symbol",
    [
        # corpora/real/stress: a PDF text layer that lost every dash.
        ("Căn cứ Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011", "30c/NQ-CP"),
        ("Căn cứ Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018", "61/2018/NĐ-CP"),
        ("Thông tư số 01/2018/TTVPCP ngày 23 tháng 11 năm 2018", "01/2018/TT-VPCP"),
        ("Công văn số 12/TTCP ngày 05/01/2026", "12/TTCP"),  # an issuer code, not TT-CP
        ("Công văn số 21/TTVH ngày 04/6/2014", "21/TTVH"),
    ],
)
def test_a_lost_dash_between_known_codes(text, symbol):
    assert one(text).symbol == symbol
