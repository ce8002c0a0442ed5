"""Our sentence splitter gives spaCy's sentencizer's sentences (spaCy is the reference here)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcdlcl_parse import read
from tcdlcl_parse.parsing.claims import _URL_RE, _paragraphs
from tcdlcl_parse.parsing.sentences import sentence_spans

from .conftest import CORPORA

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def spacy_sentences():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("sentencizer")
    def sentences(text):
        # Our spans leave out whitespace at a sentence's edges; spaCy opens a sentence with a
        # whitespace token ("\n" after "…bàn.)"), the same boundary.
        spans = [(s.start_char, s.end_char) for s in nlp(text).sents] if text.strip() else []
        return [(start + len(text[start:end]) - len(text[start:end].lstrip()), end) for start, end in spans]

    return sentences


def _corpus_paragraphs():
    set_aside = {"holdout", "holdout2", "holdout3", "holdout4"}  # corpora/holdout*/forms
    for path in sorted(p for p in CORPORA.rglob("*.txt") if not set_aside & set(p.parts)):
        text = read(path).text
        for start, end in _paragraphs(text, 0, len(text)):
            yield _URL_RE.sub(lambda m: "x" * len(m.group(0)), text[start:end])


def test_same_sentences_as_spacy_on_every_corpus_paragraph(spacy_sentences):
    paragraphs = list(_corpus_paragraphs())
    assert len(paragraphs) > 400
    differing = [p for p in paragraphs if sentence_spans(p) != spacy_sentences(p)]
    assert not differing, differing[:3]


@pytest.mark.parametrize(
    "text",
    [
        "Đã tổ chức 05 lớp. Tiếp tục tuyên truyền.",
        "UBND xã đã ban hành Kế hoạch số 113/KH-UBND ngày 25/11/2025. Công tác tiếp theo!",
        "Theo mục a. Nội dung; mục A. Nội dung; TM. UBND xã.",
        "Xong (TCĐL.CL). Tiếp theo: 1.408 tờ rơi, v.v. Hết.",
        "Cung cấp (sổ tay, infographic,...) đơn giản... Rồi sao? “Được” — tốt.",
        "xã.Tiếp tục; đã 95%. + Tuyên truyền. - Kiểm tra.",
    ],
)
def test_same_sentences_as_spacy_on_tricky_text(spacy_sentences, text):
    assert sentence_spans(text) == spacy_sentences(text)


@given(st.text(alphabet=st.sampled_from(list("aăâđêôơưAĐ Ư1.2!?()“”\"-+…,;:%\n ")), max_size=80))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    assert bool(spans) == bool(text.strip())
