"""Each synthetic report against what the generator put in: outline, header, citations,
quantities, and findings — every deliberate defect flagged, nothing else."""

import json
from collections import Counter

import pytest

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.parsing.report import parse

from .conftest import CORPORA

REPORTS = sorted(p for p in (CORPORA / "synthetic").iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
# Defect code prefix → the finding code it must produce.
DEFECT_FINDINGS = {
    "missing-section": "S001", "reordered": "S002", "no-national-title": "F001", "no-number": "F002",
    "blank-number": "F002", "no-date-line": "F003", "date-leading-zero": "F011", "wrong-symbol": "C001",
    "type-mismatch": "C003", "impossible-date": "C004", "cited-after-report": "C005",
    "no-recipient-skhcn": "F006", "no-recipients": "F005", "no-signature": "F007",
}  # fmt: skip


def truth_of(path):
    return json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json").read_text("utf-8"))


def flat(sections):
    for section in sections:
        yield section.level, section.title
        yield from flat(section.children)


@pytest.fixture(scope="module", params=REPORTS, ids=lambda p: p.name)
def report(request):
    parsed = parse(request.param)
    return parsed, check(parsed, "cv3078"), truth_of(request.param)


def test_outline_matches_truth(report):
    parsed, _, truth = report
    assert list(flat(parsed.sections)) == [(s["level"], s["title"]) for s in truth["sections"]]


def test_header_matches_truth(report):
    parsed, _, truth = report
    metadata = parsed.metadata
    assert (metadata.symbol, metadata.date, metadata.place) == (truth["symbol"], truth["date"], truth["place"])
    assert metadata.national_title == truth["has_national_title"]
    assert metadata.issuer == "Ủy ban nhân dân " + truth["commune"]
    assert [r.name for r in metadata.recipients] == [r.split(" (")[0] for r in truth["recipients"]]
    signer = metadata.signer
    assert (signer and {"authority": signer.authority, "position": signer.position, "name": signer.name}) == (truth["signer"] or None)


def test_citations_match_truth(report):
    parsed, _, truth = report
    got = {(c.symbol, m.date) for c in parsed.citations for m in c.mentions}
    want = {(c["symbol"], c["date"]) for c in truth["citations"]}
    assert got == want


def test_quantities_match_truth(report):
    parsed, _, truth = report
    got = Counter((q.value, q.unit) for claim in parsed.claims for q in claim.quantities)
    assert got == Counter((float(q["value"]), q["unit"]) for q in truth["quantities"])


def test_every_defect_is_flagged_and_nothing_else(report):
    _, result, truth = report
    expected = {DEFECT_FINDINGS[d.split(":")[0]] for d in truth["defects"] if d.split(":")[0] in DEFECT_FINDINGS}
    assert {f.code for f in result.findings} == expected
    missing = sorted(d.split(":")[1] for d in truth["defects"] if d.startswith("missing-section:"))
    assert [s for s in result.missing_sections if "." not in s or s.split(".")[0] not in missing] == missing
    assert result.passed == (not any(f.severity == "error" for f in result.findings))
