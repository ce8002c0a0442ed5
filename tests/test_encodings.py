import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcdlcl_parse import read
from tcdlcl_parse.reading.legacy import convert_legacy, decode_text_bytes

from .conftest import CORPORA, REPO, SEED_TXT

sys.path.insert(0, str(REPO / "scripts"))
from make_encoding_variants import to_cp1258, to_tcvn3, to_vni

PARAGRAPH = (
    "Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ tỉnh "
    "Quảng Ngãi, Ủy ban nhân dân xã Ba Tô báo cáo kết quả như sau: đã tổ chức 03 lớp tập huấn."
)


def test_known_answers_independent_of_our_tables():
    # Classic strings as .VnTime (TCVN3) and VNI-Times users typed them.
    assert convert_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert convert_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert convert_legacy("Thöïc hieän Ñoäi", "vni") == "Thực hiện Đội"


@pytest.mark.parametrize(
    "data, label",
    [
        (PARAGRAPH.encode(), "utf-8"),
        (b"\xef\xbb\xbf" + PARAGRAPH.encode(), "utf-8-sig"),
        (PARAGRAPH.encode("utf-16"), "utf-16"),
        (PARAGRAPH.encode("utf-16-be"), "utf-16"),
        (PARAGRAPH.encode("utf-16-le"), "utf-16"),
        (to_cp1258(PARAGRAPH), "cp1258"),
        (to_vni(PARAGRAPH), "vni"),
        (unicodedata.normalize("NFD", PARAGRAPH).encode(), "utf-8"),
    ],
)
def test_each_encoding_is_detected_and_decoded(data, label):
    text, detected = decode_text_bytes(data)
    assert (text, detected) == (PARAGRAPH, label)


def test_tcvn3_loses_only_capitals():
    text, detected = decode_text_bytes(to_tcvn3(PARAGRAPH))
    assert detected == "tcvn3" and text.lower() == PARAGRAPH.lower()


def test_legacy_glyph_text_inside_utf8_is_converted():
    text, detected = decode_text_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam, ®éc lËp".encode())
    assert detected == "utf-8+tcvn3" and text == "Cộng hoà xã hội chủ nghĩa Việt Nam, độc lập"


def test_plain_ascii_and_western_text_stay_as_they_are():
    assert decode_text_bytes(b"Report 40/KH-UBND") == ("Report 40/KH-UBND", "utf-8")
    assert decode_text_bytes("Café à Paris".encode()) == ("Café à Paris", "utf-8")
    assert decode_text_bytes(b"") == ("", "utf-8")


def test_binary_noise_is_refused():
    noise = bytes((i * 37 + 11) % 256 for i in range(4096))
    with pytest.raises(ValueError, match="binary"):
        decode_text_bytes(noise)


@pytest.mark.parametrize("label", ["utf-8-sig", "utf-16", "nfd", "cp1258", "tcvn3", "vni"])
def test_corpus_variants_read_like_the_seed(label):
    seed = read(SEED_TXT)
    variant = read(CORPORA / "encodings" / f"bao-cao-ba-to-2025.{label}.txt")
    expected = seed.text.translate(str.maketrans({"“": '"', "”": '"'})) if label in ("cp1258", "tcvn3", "vni") else seed.text
    got = variant.text
    if label == "tcvn3":
        expected, got = expected.lower(), got.lower()
    assert got == expected
    assert variant.encoding == ("utf-8" if label == "nfd" else label)


LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


@given(st.text(alphabet=st.sampled_from(LETTERS + LETTERS.upper() + " ,.0123456789"), max_size=60))
def test_vni_round_trip(text):
    assert convert_legacy(to_vni(text).decode("cp1252"), "vni") == text


@given(st.text(alphabet=st.sampled_from(LETTERS + " ,.0123456789"), max_size=60))
def test_tcvn3_round_trip(text):
    assert convert_legacy(to_tcvn3(text).decode("latin-1"), "tcvn3") == text


@given(st.binary(max_size=300))
def test_decoding_never_crashes(data):
    try:
        text, _ = decode_text_bytes(data)
    except ValueError:
        return
    assert unicodedata.is_normalized("NFC", text)
