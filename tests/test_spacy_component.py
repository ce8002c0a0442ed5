"""The `tcdlcl` spaCy component in a real blank Vietnamese pipeline (no pyvi)."""

from __future__ import annotations

import importlib
import importlib.util
import re
import tomllib

import pytest

spacy = pytest.importorskip("spacy")

from spacy import displacy
from spacy.language import Language

from tcdlcl_parse.models import Citation, Claim, ParsedReport, Section
from tcdlcl_parse.nlp import component  # registers the factory, as the entry point does
from tcdlcl_parse.nlp.component import OffsetMap

from .conftest import CORPORA, REPO

SON_HA = (CORPORA / "synthetic" / "son-ha-clean.txt").read_text("utf-8")
# Kiến nghị dropped: "Nhiệm vụ năm 2026" is numbered IV but satisfies the profile's section V.
SON_HA_RENUMBERED = SON_HA.replace(
    "IV. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị Sở Khoa học và Công nghệ tiếp tục mở các lớp tập huấn nghiệp "
    "vụ cho công chức cấp\nxã.\nV. NHIỆM VỤ",
    "IV. NHIỆM VỤ",
)


def blank_vi(**config: object) -> Language:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("tcdlcl", config=config)
    return nlp


@pytest.fixture(scope="module")
def checked() -> spacy.tokens.Doc:
    return blank_vi(profile="cv3078")(SON_HA_RENUMBERED)


def _aligned(span: spacy.tokens.Span) -> bool:
    doc = span.doc
    last = doc[span.end - 1]
    return span.start_char == doc[span.start].idx and span.end_char == last.idx + len(last)


def test_citations_are_token_spans_carrying_the_citation_model(checked):
    spans = list(checked.spans["citations"])
    assert [span.label_ for span in spans] == [
        "3078/SKHCN-TĐC", "40/KH-UBND", "51/KH-UBND", "40/KH-UBND", "100/QĐ-TTg"
    ]
    assert all(isinstance(span._.citation, Citation) for span in spans)
    assert [span.text for span in spans] == [span._.citation.symbol for span in spans]
    assert all(_aligned(span) for span in spans)
    # the report's own number ("Số: 241/BC-UBND") is not a citation
    assert "241/BC-UBND" not in {span.label_ for span in spans}


def test_sections_are_labelled_with_the_profile_section_they_satisfied(checked):
    spans = {span._.section.title: span for span in checked.spans["sections"]}
    tasks = spans["NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026"]
    assert (tasks._.section.number, tasks.label_, tasks._.profile_id) == ("IV", "V", "V")
    assert tasks.text.startswith("IV. NHIỆM VỤ") and tasks.text.endswith("1.256\ncơ sở.")
    inspection = spans["Kiểm tra, giám sát"]
    assert (inspection.label_, inspection._.profile_id) == ("II.4", "II.4")
    assert all(isinstance(span._.section, Section) and _aligned(span) for span in spans.values())
    assert checked._.check.missing_sections == ["IV"]
    assert checked._.check.sections["V"].number == "IV"


def test_without_a_profile_sections_carry_their_number_path_and_there_is_no_check():
    doc = blank_vi()(SON_HA)
    labels = [(span.label_, span._.profile_id) for span in doc.spans["sections"]]
    assert labels[:3] == [("I", None), ("I.1", None), ("I.2", None)]
    assert doc._.check is None and isinstance(doc._.report, ParsedReport)


def test_claims_and_dates(checked):
    claims = list(checked.spans["claims"])
    assert claims and all(isinstance(span._.claim, Claim) for span in claims)
    assert [span.label_ for span in claims] == [span._.claim.status for span in claims]
    assert {"done", "planned"} <= {span.label_ for span in claims}
    first = claims[0]
    assert first.text.split() == first._.claim.text.split()
    dates = [(span.label_, span.text) for span in checked.spans["dates"]]
    assert dates[:3] == [("2025-12-14", "ngày 14 tháng 12 năm 2025"), ("2025-11-25", "25/11/2025"),
                         ("2025-09-09", "09/9/2025")]


def test_the_check_result_and_its_messages_in_the_language_asked_for():
    doc = blank_vi(profile="cv3078", lang="en")(SON_HA_RENUMBERED)
    (missing,) = [f for f in doc._.check.findings if f.code == "S001"]
    assert missing.message is not None and missing.message.startswith("Required section IV")


# displaCy writes each span's label once, in a small absolutely positioned box.
_LABEL_RE = re.compile(r"font-size: 0\.6em[^>]*>([^<]+)</span>")


def test_displacy_renders_the_citations(checked):
    html = displacy.render(checked, style="span", options={"spans_key": "citations"}, page=True)
    labels = [" ".join(label.split()) for label in _LABEL_RE.findall(html)]
    assert labels == [span.label_ for span in checked.spans["citations"]]
    assert "<!DOCTYPE html>" in html and '<html lang="vi">' in html


def test_docs_travel_through_docbin_and_worker_processes(checked):
    from spacy.tokens import DocBin

    nlp = blank_vi(profile="cv3078")
    (again,) = DocBin(docs=[checked], store_user_data=True).get_docs(nlp.vocab)
    assert again._.check == checked._.check and again._.report == checked._.report
    assert [span._.citation for span in again.spans["citations"]] == [
        span._.citation for span in checked.spans["citations"]
    ]
    (piped,) = nlp.pipe([SON_HA_RENUMBERED], n_process=2)
    assert piped._.check == checked._.check
    assert [s._.profile_id for s in piped.spans["sections"]] == [
        s._.profile_id for s in checked.spans["sections"]
    ]


def test_a_blank_doc_gets_empty_span_groups():
    doc = blank_vi(profile="cv3078")("   \n")
    assert all(len(doc.spans[key]) == 0 for key in component.SPAN_KEYS)
    assert doc._.report is None and doc._.check is None


def test_offsets_survive_what_the_reader_changes():
    """Stripped lines, a dropped page number and split columns still land on the Doc's words."""
    original = "  Kế hoạch   \n\n- 2 -\nsố 40/KH-UBND     ngày 09/9/2025"
    display = "Kế hoạch\nsố 40/KH-UBND\nngày 09/9/2025"
    offsets = OffsetMap(display, original)
    for word in ("Kế hoạch", "40/KH-UBND", "09/9/2025"):
        start = display.index(word)
        assert original[offsets.start(start) : offsets.end(start + len(word))] == word


def test_the_readme_sample_gives_what_its_comments_say(monkeypatch):
    script = REPO / "scripts" / "readme_block.py"
    spec = importlib.util.spec_from_file_location("readme_block", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.chdir(REPO)
    names: dict[str, object] = {}
    sample = module.readme_block("test:spacy-sample")
    exec(compile(sample, "README.md", "exec"), names)  # noqa: S102
    citation, section, doc = names["citation"], names["section"], names["doc"]
    assert (citation.text, citation._.citation.date) == ("3078/SKHCN-TĐC", "2025-11-25")
    assert (section.label_, section._.section.title) == ("I.1", "Việc ban hành Kế hoạch")
    assert doc._.check.passed and "<!DOCTYPE html>" in names["html"]


def test_the_spacy_factories_entry_point_names_the_factory():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    target = project["project"]["entry-points"]["spacy_factories"]["tcdlcl"]
    module, name = target.split(":")
    assert getattr(importlib.import_module(module), name) is component.make_component
    assert Language.has_factory("tcdlcl")
    assert project["project"]["optional-dependencies"]["spacy"] == ["spacy>=3.7,<4"]
