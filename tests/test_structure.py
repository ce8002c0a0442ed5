import pytest

from tcdlcl_parse.parsing.claims import _paragraphs, classify, quantities_in
from tcdlcl_parse.parsing.header import parse_metadata
from tcdlcl_parse.parsing.outline import parse_sections, roman_value
from tcdlcl_parse.parsing.regions import find_regions

from .helpers import doc, report_codes

HEADER = """
ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ SƠN HÀ                Độc lập - Tự do - Hạnh phúc
Số: 287/BC-UBND          Sơn Hà, ngày 03 tháng 12 năm 2025
BÁO CÁO
Kết quả công tác tiêu chuẩn, đo lường, chất lượng năm 2025
Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025, UBND xã báo cáo như sau:
"""
CLOSING = """
Nơi nhận:                                TM. ỦY BAN NHÂN DÂN
- Sở KH&CN (b/c);                        KT. CHỦ TỊCH
- Lưu: VT.                               PHÓ CHỦ TỊCH

Nguyễn Văn An
"""


def outline_of(body: str):
    document = doc(HEADER + body + CLOSING)
    def flat(nodes):
        for node in nodes:
            yield (node.level, node.number, node.title)
            yield from flat(node.children)
    return list(flat(parse_sections(document))), report_codes(document, "S")


def test_header_elements_from_side_by_side_columns():
    document = doc(HEADER + "I. KẾT QUẢ\nĐã làm.\n" + CLOSING)
    metadata, findings = parse_metadata(document), report_codes(document, "F")
    assert metadata.issuer == "Ủy ban nhân dân xã Sơn Hà" and metadata.issuer_from == "header"
    assert (metadata.symbol, metadata.place, metadata.date) == ("287/BC-UBND", "Sơn Hà", "2025-12-03")
    assert metadata.national_title and metadata.motto
    assert (metadata.doc_type, metadata.title) == ("Báo cáo", "Kết quả công tác tiêu chuẩn, đo lường, chất lượng năm 2025")
    assert [(r.name, r.note) for r in metadata.recipients] == [("Sở KH&CN", "(b/c)"), ("Lưu: VT", None)]
    signer = metadata.signer
    assert (signer.authority, signer.on_behalf_of, signer.position, signer.name) == ("KT.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert findings == []


def test_header_interleaved_in_any_column_order():
    text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nUBND PHƯỜNG ĐỨC PHỔ\nĐộc lập – Tự do – Hạnh phúc\nĐức Phổ, ngày 05 tháng 01 năm 2026\nSố: 12/BC-UBND\nBÁO CÁO\nVề việc X\nI. A\nĐã làm.\n" + CLOSING
    document = doc(text)
    metadata, findings = parse_metadata(document), report_codes(document, "F")
    assert metadata.issuer == "UBND phường Đức Phổ"
    assert (metadata.symbol, metadata.date) == ("12/BC-UBND", "2026-01-05")
    assert findings == []


@pytest.mark.parametrize(
    "replace, code",
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "F001"),
        ("Số: 287/BC-UBND", "F002"),
        ("Sơn Hà, ngày 03 tháng 12 năm 2025", "F003"),
        ("BÁO CÁO", "F004"),
    ],
)
def test_each_missing_header_element_has_its_code(replace, code):
    findings = report_codes(doc((HEADER + "I. KẾT QUẢ\nĐã làm.\n" + CLOSING).replace(replace, "")), "F")
    assert findings == [code]


def test_blank_number_type_mismatch_and_leading_zero():
    text = HEADER.replace("287/BC-UBND", "    /BC-UBND").replace("ngày 03 tháng 12", "ngày 3 tháng 12")
    document = doc(text + "I. A\nĐã làm.\n" + CLOSING)
    metadata, findings = parse_metadata(document), report_codes(document, "F")
    assert metadata.number_missing and findings == ["F002", "F011"]
    findings = report_codes(doc(HEADER.replace("287/BC-UBND", "287/KH-UBND") + CLOSING), "F")
    assert findings == ["F009"]
    findings = report_codes(doc(HEADER.replace("tháng 12", "tháng 02") + CLOSING), "F")
    assert findings == []


def test_missing_recipients_and_signature():
    findings = report_codes(doc(HEADER + "I. A\nĐã làm.\n"), "F")
    assert findings == ["F005", "F007"]


@pytest.mark.parametrize("style", [("I.", "1.", "a)"), ("I-", "1/", "a."), ("Phần I.", "1)", "a)")])
def test_numbering_schemes(style):
    top, mid, low = style
    body = (
        f"{top} CÔNG TÁC CHỈ ĐẠO\n{mid} Ban hành kế hoạch\nĐã ban hành.\n"
        f"{low.replace('a', 'a')} Tuyên truyền\nĐã làm.\n{low.replace('a', 'b')} Kiểm tra\nĐã kiểm tra.\n"
        f"{mid.replace('1', '2')} Phân công\nĐã phân công.\n{top.replace('I', 'II')} KẾT QUẢ\nĐã đạt.\n"
    )
    outline, findings = outline_of(body)
    assert outline == [
        (1, "I", "CÔNG TÁC CHỈ ĐẠO"), (2, "1", "Ban hành kế hoạch"), (3, "a", "Tuyên truyền"),
        (3, "b", "Kiểm tra"), (2, "2", "Phân công"), (1, "II", "KẾT QUẢ"),
    ]  # fmt: skip
    assert findings == []


def test_bullets_dates_and_lists_in_body_are_not_headings():
    body = (
        "I. KẾT QUẢ\n1. Tuyên truyền\n- Đã phát tờ rơi;\n+ 2. không phải mục\n"
        "25/11/2025 là ngày ban hành.\nCác việc: 1) rà soát; 2) kiểm tra;\n1) Việc một;\n2) Việc hai;\n"
        "2. Kiểm tra\nĐã kiểm tra.\n"
    )
    outline, _ = outline_of(body)
    assert outline == [(1, "I", "KẾT QUẢ"), (2, "1", "Tuyên truyền"), (2, "2", "Kiểm tra")]


def test_inline_headings_and_multi_line_titles():
    body = (
        "III. ĐÁNH GIÁ CHUNG\n1. Ưu điểm: Công tác chỉ đạo kịp thời.\n"
        "2. Tuyên truyền, nâng cao nhận thức của cấp ủy đảng, chính quyền,\nNhân dân và doanh nghiệp\n"
        "(Mục I phụ lục)\n- Đã làm.\n"
    )
    sections = parse_sections(doc(HEADER + body + CLOSING))
    first, second = sections[0].children
    assert first.title == "Ưu điểm" and doc(HEADER + body + CLOSING).text[first.body_start : first.body_end].strip() == "Công tác chỉ đạo kịp thời."
    assert second.title == "Tuyên truyền, nâng cao nhận thức của cấp ủy đảng, chính quyền, Nhân dân và doanh nghiệp (Mục I phụ lục)"


def test_ocr_roman_numerals_are_read():
    assert [roman_value(t) for t in ("Il", "ll", "1I", "IV", "lV", "IIII")] == [2, 2, 2, 4, 4, None]
    outline, _ = outline_of("I. CHỈ ĐẠO\nĐã làm.\nIl. KẾT QUẢ\nĐã làm.\nIll. ĐÁNH GIÁ\nĐã làm.\n")
    assert [(n, t) for _, n, t in outline] == [("I", "CHỈ ĐẠO"), ("II", "KẾT QUẢ"), ("III", "ĐÁNH GIÁ")]


def test_numbering_gaps_and_repeats_are_s003():
    _, findings = outline_of("I. A\nx.\nII. B\nx.\nIV. D\nx.\n")
    assert findings == ["S003"]
    _, findings = outline_of("I. A\n1. a\nx.\n2. b\nx.\n2. c\nx.\n")
    assert findings == ["S003"]


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("Đã tổ chức 03 lớp tập huấn.", "done"),
        ("Xã chưa bố trí kinh phí.", "not_done"),
        ("Đang xây dựng mô hình.", "ongoing"),
        ("Năm 2026 sẽ tổ chức kiểm tra.", "planned"),
        ("Tình hình kinh tế ổn định.", "statement"),
    ],
)
def test_claim_status(sentence, status):
    assert classify(sentence) == status


def test_quantities_in_vietnamese_number_format():
    text = "Đã cử 01 công chức, phát 1.200 tờ rơi, đạt 101,2% kế hoạch, ngày 25/11/2025, năm 2025, số 40/KH-UBND, 3 tháng."
    assert [(q.value, q.unit, q.text) for q in quantities_in(text, 0)] == [
        (1.0, "công chức", "01 công chức"), (1200.0, "tờ rơi", "1.200 tờ rơi"), (101.2, "%", "101,2%"),
    ]  # fmt: skip


def test_units_are_matched_longest_listed_first_across_a_line_break():
    text = "Có 12 hộ kinh doanh, 5 hộ gia đình, 3 tin, bài và 4 tin khác; 7 cơ\nsở; 9 năm."
    assert [(q.value, q.unit, q.text) for q in quantities_in(text, 10)] == [
        (12.0, "hộ kinh doanh", "12 hộ kinh doanh"), (5.0, "hộ gia đình", "5 hộ gia đình"), (3.0, "tin, bài", "3 tin, bài"),
        (4.0, "tin", "4 tin"), (7.0, "cơ sở", "7 cơ\nsở"),
    ]  # fmt: skip
    assert quantities_in(text, 10)[0].start == 10 + text.index("12")


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("Dòng một\ntiếp theo.\nDòng hai", ["Dòng một\ntiếp theo.", "Dòng hai"]),  # a line ending a sentence
        ("Mở đầu:\n- Ý một;\n+ Ý hai;\nHết", ["Mở đầu:", "- Ý một;", "+ Ý hai;", "Hết"]),  # bullets; ";" ends
        ("Kiểm tra 09 cơ sở;\nchưa phát hiện vi phạm.", ["Kiểm tra 09 cơ sở;\nchưa phát hiện vi phạm."]),  # … unless
        ("Kiểm tra 09 cơ sở\n\nchưa phát hiện vi phạm.", ["Kiểm tra 09 cơ sở\n\nchưa phát hiện vi phạm."]),  # lower case goes on
        ("Trước\n\n  Sau", ["Trước", "Sau"]),  # a blank line; indentation is not kept
        ("Xem\nhttps://a.vn/x\ntiếp", ["Xem", "https://a.vn/x", "tiếp"]),  # a URL line stands alone
        ("Xem https://a.vn/x.\nhết", ["Xem https://a.vn/x.", "hết"]),  # a URL inside a line does not
        ("   \n\n", []),
    ],
)
def test_paragraphs_follow_line_structure(body, paragraphs):
    assert [body[start:end] for start, end in _paragraphs(body, 0, len(body))] == paragraphs


def test_paragraphs_of_a_range_start_where_it_starts():
    text = "1. Tiêu đề: nội dung một.\nhai"
    start = text.index("nội")
    assert [text[a:b] for a, b in _paragraphs(text, start, len(text))] == ["nội dung một.", "hai"]


def test_closing_is_found_at_line_starts_only():
    document = doc(HEADER + "I. KẾT QUẢ\nĐã làm, theo nơi nhận: không phải khối nhận.\n" + CLOSING)
    regions = find_regions(document)
    assert document.lines[regions.closing_start].text.startswith("Nơi nhận")
    assert regions.ending_sentence is None


def test_seed_claims_carry_their_quantities(seed_parsed):
    with_quantities = [(c.section, c.status, [(q.value, q.unit) for q in c.quantities]) for c in seed_parsed.claims if c.quantities]
    assert with_quantities == [("II.3", "done", [(1.0, "công chức")]), ("V", "planned", [(2.0, "sản phẩm")])]
    assert all(seed_parsed.document.text[c.start : c.end].strip(" -+•") == c.text for c in seed_parsed.claims)
    # III.2 (limitations) and IV (requests) hold statements only, which are no claims.
    assert {c.section for c in seed_parsed.claims} >= {"I.1", "II.1", "II.3", "V"}


@pytest.fixture(scope="module")
def seed_parsed():
    from tcdlcl_parse.parsing.report import parse

    from .conftest import SEED_TXT

    return parse(SEED_TXT)


def test_flattened_header_lines_from_crawled_documents():
    # Regressions from real crawls: a rule glued to the issuer, "V/v" glued to the number, the
    # date line glued after the number, and a "Căn cứ … ngày …" line that is not a date line.
    text = (
        "BỘ Y TẾ --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -----\n"
        "Số: 627/BYT-BH V/v hướng dẫn thực hiện Điều 22 Luật BHYT\n"
        "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    )
    metadata = parse_metadata(doc(text))
    assert (metadata.issuer, metadata.symbol, metadata.date) == ("Bộ y tế", "627/BYT-BH", None)
    metadata = parse_metadata(doc("ỦY BAN NHÂN DÂN TỈNH KON TUM\nSố: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH\n"))
    assert (metadata.symbol, metadata.place, metadata.date) == ("435/QĐ-UBND", "Kon Tum", "2020-05-04")


def test_claims_carry_the_symbols_cited_inside_them_in_citation_order():
    from tcdlcl_parse.parsing.report import parse

    body = (
        "I. KẾT QUẢ\n"
        "Đã triển khai Kế hoạch số 40/KH-UBND ngày 09/9/2025.\n"
        "Đã thực hiện Quyết định số 1703/QĐ-TTg và Kế hoạch số 40/KH-UBND, lại Kế hoạch số 40/KH-UBND.\n"
        "Đã tuyên truyền rộng rãi tới người dân.\n"
    )
    claims = parse(doc(HEADER + body + CLOSING)).claims
    # 40/KH-UBND is cited before 1703/QĐ-TTg in the text, so it comes first in the second claim.
    assert [claim.citations for claim in claims] == [["40/KH-UBND"], ["40/KH-UBND", "1703/QĐ-TTg"], []]
