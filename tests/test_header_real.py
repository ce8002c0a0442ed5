"""Header and closing on real and independently written texts (issue 17; issue 15 item 6)."""

import pytest

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.checking.rules.header import COMPLETE
from tcdlcl_parse.messages import localize
from tcdlcl_parse.parsing.report import parse

from .conftest import CORPORA
from .helpers import doc

REAL = CORPORA / "real"


def codes(text: str) -> list[str]:
    return [f.code for f in check(parse(doc(text)), "cv3078").findings]


@pytest.mark.parametrize(
    "name, symbol",
    [
        ("qd-06-2024-qd-ubnd-kon-tum", "06/2024/QĐ-UBND"),  # "Số:" / the number on the next line
        ("nq-653-2019-ubtvqh14", "653/2019/UBTVQH14"),  # "Nghị quyết số: …"
        ("kl-445-kl-tu-thua-thien-hue-2022", "445-KL/TƯ"),  # Party, "Số 445-KL/TƯ"
        ("cv-2917-sgddt-vp-ninh-thuan-2010", "2917/SGDĐT-VP"),  # "Số : 2917 /…" inside a flat line
        ("qd-23-2007-qd-bldtbxh", "23/2007/QĐ-BLĐTBXH"),  # the whole header on one line
        ("cv-21-ttvh-quan-9-2014", "21/TTVH"),  # one group
    ],
)
def test_own_number_as_real_documents_write_it(name, symbol):
    parsed = parse(REAL / f"{name}.txt", claims=False)
    assert parsed.metadata.symbol == symbol
    assert symbol not in [c.symbol for c in parsed.citations]


def test_own_number_is_no_citation_wherever_it_stands_but_the_rest_of_its_line_is():
    # cv-778: the site's title and the caption of the attached form repeat the own number.
    parsed = parse(REAL / "cv-778-tchq-gsql-2017.txt", claims=False)
    assert "778/TCHQ-GSQL" not in [c.symbol for c in parsed.citations]
    # cv-3397: a flattened "Số:" line runs into "Phúc đáp Công văn số 615/KVN-PC …".
    parsed = parse(REAL / "cv-3397-bkhdt-qlkttw-2019.txt", claims=False)
    assert [c.symbol for c in parsed.citations] == ["615/KVN-PC"]


def test_a_mention_of_the_own_symbol_with_another_date_is_another_document():
    text = (
        COMPLETE.replace("241/BC-UBND", "40/KH-UBND")
        .replace("BÁO CÁO", "KẾ HOẠCH")
        .replace(
            "UBND xã báo cáo",
            "và Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh, UBND xã báo cáo",
        )
    )
    parsed = parse(doc(text))
    assert parsed.metadata.symbol == "40/KH-UBND"
    assert [c.symbol for c in parsed.citations if c.symbol == "40/KH-UBND"] == ["40/KH-UBND"]


def test_blank_number_keeps_the_symbol_and_f002_says_so():
    parsed = parse(REAL / "tb-blank-ubnd-duc-hop-2021.txt", claims=False)
    metadata = parsed.metadata
    assert (metadata.symbol, metadata.symbol_code, metadata.number_missing) == (
        None,
        "TB-UBND",
        True,
    )
    (f002,) = [f for f in localize(check(parsed, "cv3078"), "en").findings if f.code == "F002"]
    assert "TB-UBND" in f002.message and "blank" in f002.message
    missing = check(parse(doc(COMPLETE.replace("Số: 241/BC-UBND", ""))), "cv3078")
    (f002,) = [f for f in localize(missing, "en").findings if f.code == "F002"]
    assert f002.message.startswith("No document number")


@pytest.mark.parametrize(
    "wrapped",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM",
        "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nXÃ SƠN HÀ\nVIỆT NAM",  # the other column's line between
    ],
)
def test_national_title_wrapped_by_a_narrow_column(wrapped):
    text = COMPLETE.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", wrapped)
    assert "F001" not in codes(text)
    assert "F001" in codes(
        COMPLETE.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI")
    )


def test_motto_and_date_wrapped_too():
    text = COMPLETE.replace("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do –\nHạnh phúc").replace(
        "Sơn Hà, ngày 14 tháng 12 năm 2025", "Sơn Hà, ngày 14\ntháng 12 năm 2025"
    )
    parsed = parse(doc(text))
    assert parsed.metadata.motto and parsed.metadata.date == "2025-12-14"
    assert not {"F001", "F003"} & set(codes(text))


@pytest.mark.parametrize(
    "name", ["A Thuấn", "Y Thị Hồng Nhung", "Đinh Văn Lên", "Hồ Thị Na", "Lò Văn Sáu"]
)
def test_signer_names_of_two_to_five_syllables(name):
    text = COMPLETE.replace("CHỦ TỊCH\n", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n").replace(
        "Trần Thị Bình", name
    )
    parsed = parse(doc(text))
    assert parsed.metadata.signer is not None and parsed.metadata.signer.name == name
    assert parsed.metadata.signer.position == "PHÓ CHỦ TỊCH"
    assert "F007" not in codes(text)


def test_a_title_line_in_capitals_is_not_a_name():
    text = COMPLETE.replace("Trần Thị Bình", "ĐÃ KÝ")
    assert "F007" in codes(text)


def test_nhu_tren_names_the_addressee_of_kinh_gui():
    text = COMPLETE.replace("- Như trên;", "- Như trên;\n- TT Đảng ủy xã;")
    assert "F006" not in codes(text)
    parsed = parse(doc(text))
    assert [a.name for a in parsed.metadata.addressees] == [
        "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi"
    ]
    without = text.replace(
        "Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.\n", "Kính gửi: Đảng ủy xã.\n"
    )
    assert "F006" in codes(without)


def test_no_false_f_or_c_findings_on_the_form_corpus():
    """corpora/forms: en dashes, ethnic-minority signers, "Như trên", a wrapped Quốc hiệu."""
    import json

    for path in sorted((CORPORA / "forms").glob("*.txt")):
        truth = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
        found = {f.code for f in check(parse(path), "cv3078").findings}
        assert not {"C001", "F006"} & found, path.name
        assert ("F007" in found) == (truth["header"]["signer"] is None), path.name
        assert ("F001" in found) == (not truth["header"]["national_title"]), path.name


def test_what_a_scan_leaves_around_the_closing():
    # OCR of corpora/forms/*.scan.pdf: a rule before "Nơi nhận", seal strokes before the
    # signer's name and title, a capital lost under the seal.
    text = COMPLETE.replace("Nơi nhận:", "_Nơi nhận:").replace(
        "CHỦ TỊCH\n", "KT. CHỦ TỊCH\n= HÓ, CHỦ TỊCH\n"
    )
    for name, written in [("Trường Công Hậu", "/ Trường Công Hậu"), ("Phàn ăn Khải", "Phàn ăn Khải")]:
        parsed = parse(doc(text.replace("Trần Thị Bình", written)))
        assert parsed.metadata.recipients and parsed.metadata.signer is not None
        assert parsed.metadata.signer.name == name
    assert "F007" in codes(COMPLETE.replace("Trần Thị Bình", "Phàn ăn"))


def ocr_codes(text: str) -> list[str]:
    return [f.code for f in check(parse(scanned(text)), "cv3078").findings]


def scanned(text: str):
    """``text`` as if Tesseract had read it from a scan."""
    return doc(text).model_copy(update={"extractor": "tesseract"})


# COMPLETE with a body long enough that its "Kính gửi" stays above the closing.
LETTER = COMPLETE.replace(
    "báo cáo như sau:\n",
    "báo cáo như sau:\n"
    + "".join(f"{i}. Nội dung {i}\nUBND xã đã thực hiện nội dung {i}.\n" for i in range(1, 6)),
)


def repaired(text: str) -> list[tuple[str, str]]:
    """The recipients OCR tolerance took for another: (name, as read)."""
    recipients = parse(scanned(text)).metadata.recipients
    return [(r.name, r.read_as) for r in recipients if r.read_as is not None]


@pytest.mark.parametrize("read", ["Nlư trên;", "Như tiên;", "Nhu trcn,", "- Nhir tren;"])
def test_ocr_distortions_of_nhu_tren_still_name_the_addressee(read):
    text = LETTER.replace("- Như trên;", read if read.startswith("-") else f"- {read}")
    assert repaired(text) == [("Như trên", read.strip("-;, "))]
    assert "F006" not in ocr_codes(text)
    assert "F006" in codes(text)  # typed text is not read with OCR's tolerance


@pytest.mark.parametrize(
    "item", ["Thủ trưởng;", "Nhà trường;", "Như sau;", "Các thôn;", "TT Đảng ủy xã;", "Lưu: VT;"]
)
def test_ocr_tolerance_takes_no_other_recipient_for_nhu_tren(item):
    text = LETTER.replace("- Như trên;", f"- {item}")
    assert repaired(text) == []
    assert "F006" in codes(text)


# corpora/forms/son-tay-letter-qh-split-missing.scan.pdf: OCR reads "- Như trên;" as "PP biện,".
_DASH_LOST = LETTER.replace("- Như trên;", "PP biện,")


def test_an_unreadable_first_item_of_a_scanned_letter_is_taken_for_nhu_tren():
    assert repaired(_DASH_LOST) == [("Như trên", "PP biện")]
    assert "F006" not in ocr_codes(_DASH_LOST)
    assert "F006" in codes(_DASH_LOST)  # typed: no OCR to blame, the item is not there


@pytest.mark.parametrize(
    "text",
    [
        # No "Kính gửi": there is no addressee for "Như trên" to name.
        pytest.param(
            _DASH_LOST.replace("Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.\n", ""),
            id="no-addressee",
        ),
        # A whole recipient that lost its dash; an unreadable line after the first item.
        pytest.param(
            LETTER.replace("- Như trên;", "Thường trực Hội đồng nhân dân xã;"), id="long"
        ),
        pytest.param(
            LETTER.replace("- Như trên;", "- Thường trực Đảng ủy;\nPP biện,"), id="not-first"
        ),
    ],
)
def test_a_dashless_line_is_taken_for_nhu_tren_only_as_a_letters_first_item(text):
    assert repaired(text) == []


def test_on_a_scan_kinh_gui_is_enough_and_a_missing_recipient_is_a_warning():
    # The seal covers the first item, where "Như trên" stands: OCR may drop it altogether.
    lost = LETTER.replace("- Như trên;", "           ")
    assert "F006" in codes(lost) and "F006" not in ocr_codes(lost)
    # Without "Kính gửi" nothing stands for the department: F006, a warning on a scan.
    unaddressed = lost.replace("Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi.\n", "")
    scanned_findings = check(parse(scanned(unaddressed)), "cv3078").findings
    assert [f.severity for f in scanned_findings if f.code == "F006"] == ["warning"]
    assert [f.severity for f in check(parse(doc(unaddressed)), "cv3078").findings
            if f.code == "F006"] == ["error"]  # fmt: skip

# corpora/forms/binh-minh-decimal3-baddate.scan.pdf: the seal covers the name's first letters.
_NAME_UNDER_SEAL = COMPLETE.replace("CHỦ TỊCH\n", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n").replace(
    "Trần Thị Bình", "\\ | 'uyễn m Kim Loan"
)


def test_a_name_the_seal_hides_on_a_scan_is_a_warning_to_look_not_an_error():
    found = ocr_codes(_NAME_UNDER_SEAL)
    assert "F012" in found and "F007" not in found
    # Typed, the same closing has no name: an error. On a scan without any signature block,
    # there is nothing to have misread: an error too.
    assert "F007" in codes(_NAME_UNDER_SEAL) and "F012" not in codes(_NAME_UNDER_SEAL)
    unsigned = COMPLETE.replace("TM. ỦY BAN NHÂN DÂN\n", "").replace("CHỦ TỊCH\n", "")
    unsigned = unsigned.replace("Trần Thị Bình", "")
    assert "F007" in ocr_codes(unsigned) and "F012" not in ocr_codes(unsigned)
    assert not {"F007", "F012"} & set(ocr_codes(COMPLETE))


# corpora/holdout3 lan-phong scan: the seal left "` Xs KT KT,CÍỦ TỊCH" / "—PHÓ€HỦ TỊCH".
_BLOCK_UNDER_SEAL = COMPLETE.replace("TM. ỦY BAN NHÂN DÂN", "` Xs KT KT,CÍỦ").replace(
    "CHỦ TỊCH\n", "—PHÓ€HỦ\n"
)


def test_a_title_block_the_seal_hides_leaves_the_name_as_signer_with_a_warning():
    signer = parse(scanned(_BLOCK_UNDER_SEAL)).metadata.signer
    assert signer is not None and (signer.name, signer.position) == ("Trần Thị Bình", None)
    found = ocr_codes(_BLOCK_UNDER_SEAL)
    assert "F013" in found and "F007" not in found
    assert "F007" in codes(_BLOCK_UNDER_SEAL) and "F013" not in codes(_BLOCK_UNDER_SEAL)


def test_a_position_with_strokes_of_the_seal_around_it_is_read_on_a_scan():
    # corpora/holdout3 thanh-bong scan: "[ịí CHỦ TỊCH" under "/“TM:ỦY BAN NHÂN DÂN".
    text = COMPLETE.replace("TM. ỦY BAN NHÂN DÂN", "/“TM:ỦY BAN NHÂN DÂN").replace(
        "CHỦ TỊCH\n", "[ịí CHỦ TỊCH\n"
    )
    signer = parse(scanned(text)).metadata.signer
    assert signer is not None and (signer.position, signer.name) == ("CHỦ TỊCH", "Trần Thị Bình")
    assert not {"F007", "F012", "F013"} & set(ocr_codes(text))


def test_a_first_item_the_seal_turned_to_noise_costs_no_f006_on_a_scan():
    # corpora/holdout3 truong-quang-trong scan: "- Như trên;" read as "=RNE HE". The noise is
    # not taken for any recipient; the Kính gửi above names the department.
    text = LETTER.replace("- Như trên;", "=RNE HE")
    assert repaired(text) == []
    assert "F006" not in ocr_codes(text) and "F006" in codes(text)


def test_a_date_whose_year_the_other_column_pushed_two_lines_down():
    text = COMPLETE.replace(
        "Số: 241/BC-UBND                 Sơn Hà, ngày 14 tháng 12 năm 2025",
        "Sơn Hà, ngày 14 tháng 12 năm\nSố: 241/BC-UBND\n2025",
    )
    parsed = parse(doc(text))
    metadata, shown = parsed.metadata, parsed.document.text
    assert metadata.date == "2025-12-14" and metadata.place == "Sơn Hà"
    assert shown[metadata.date_span.start : metadata.date_span.end] == "Sơn Hà, ngày 14 tháng 12 năm"
    assert "F003" not in codes(text)


def test_a_seal_stroke_inside_the_name_and_a_lost_position_on_a_scan():
    # corpora/holdout4 long-phung scan: "CHỦ TỊCH" lost under the seal, "Trần/Văn Bảy".
    text = COMPLETE.replace("CHỦ TỊCH\n", "\n").replace("Trần Thị Bình", "Trần/Thị Bình")
    signer = parse(scanned(text)).metadata.signer
    assert signer is not None and (signer.authority, signer.position, signer.name) == (
        "TM.", None, "Trần Thị Bình"
    )
    found = ocr_codes(text)
    assert "F013" in found and "F007" not in found
    assert "F007" in codes(text)  # typed, the block has no position and no name
