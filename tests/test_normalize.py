import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tcdlcl_parse.normalize import ascii_key, clean_text, fold_tone_placement, match_key

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
vietnamese_text = st.text(
    alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " -–/.,\n“”0123456789"), max_size=80
)


def test_clean_text_composes_and_removes_invisibles():
    nfd = unicodedata.normalize("NFD", "Ủy ban nhân dân")
    assert clean_text(nfd) == "Ủy ban nhân dân"
    assert clean_text("40/KH-\u200bUBND\r\n") == "40/KH-UBND\n"
    assert clean_text("a\u00a0b") == "a b"


def test_clean_text_restores_pdfium_line_end_hyphen():
    assert clean_text("40/KH\ufffeUBND") == "40/KH-UBND"


def test_tone_placement_variants_share_one_key():
    assert match_key("Uỷ ban") == match_key("Ủy ban") == "ủy ban"
    assert match_key("hoá") == match_key("hóa")
    assert match_key("khoẻ") == match_key("khỏe")
    assert match_key("CỘNG HOÀ") == match_key("Cộng hòa")


def test_tone_is_not_moved_inside_a_closed_syllable():
    assert fold_tone_placement("hoàn thành") == "hoàn thành"
    assert fold_tone_placement("khoảng") == "khoảng"


def test_match_key_folds_dashes_and_quotes():
    assert match_key("Kiến nghị – đề xuất “x”") == 'kiến nghị - đề xuất "x"'


def test_every_folded_character_is_folded_alone_in_a_line():
    # The keys skip folding when a search finds nothing to fold: that search must know them all.
    from tcdlcl_parse.normalize import _FOLD_TABLE

    for code, folded in _FOLD_TABLE.items():
        line = f"Kế hoạch {chr(code)} 2025"
        assert match_key(line) == f"kế hoạch {folded.lower()} 2025", hex(code)
        assert ascii_key(line) == f"ke hoach {'d' if folded == 'đ' else folded.lower()} 2025", hex(code)


def test_ascii_key_matches_headings_without_diacritics():
    assert ascii_key("KIẾN NGHỊ") == ascii_key("KIEN NGHI") == "kien nghi"
    assert ascii_key("Đề xuất") == "de xuat"


@given(vietnamese_text)
def test_keys_preserve_length(text):
    text = clean_text(text)
    assert len(match_key(text)) == len(text)
    assert len(ascii_key(text)) == len(text)


@given(vietnamese_text)
def test_match_key_is_idempotent(text):
    text = clean_text(text)
    assert match_key(match_key(text)) == match_key(text)


def test_ligature_glyphs_are_written_out_in_the_display_text():
    from tcdlcl_parse.normalize import clean_text, is_clean

    assert clean_text("\ufb01le, \ufb02ow, \ufb00, \ufb03, \ufb04, \ufb05, \ufb06") == "file, flow, ff, ffi, ffl, st, st"
    assert not is_clean("\ufb01") and is_clean("file")
