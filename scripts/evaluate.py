"""Measure the checker against hand-written truth: missing sections, Q001, citations, header.

    python scripts/evaluate.py corpora/forms                 # the tuning set
    python scripts/evaluate.py corpora/holdout/forms         # the set-aside set, once, at the end
    python scripts/evaluate.py corpora/holdout2/forms        # the second set-aside set, likewise
    python scripts/evaluate.py corpora/holdout3/forms        # the third set-aside set, likewise
    python scripts/evaluate.py corpora/holdout4/forms        # the fourth set-aside set, likewise

Each report X.txt has X.truth.json (schema: corpora/forms/README.md), written by reading the
report before any run; every rendering of it beside it (X.docx, X.lo.pdf, X.scan.pdf) is judged
against the same truth. Prints one line per file that is not exactly right, then the figures.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.errors import ReadError
from tcdlcl_parse.models import CheckResult, ParsedReport
from tcdlcl_parse.normalize import match_key
from tcdlcl_parse.parsing.report import parse

RENDERINGS = (".txt", ".docx", ".lo.pdf", ".scan.pdf")


def _renderings(truth_path: Path) -> list[Path]:
    stem = truth_path.name.removesuffix(".truth.json")
    files = [truth_path.with_name(stem + suffix) for suffix in RENDERINGS]
    ocr = shutil.which("tesseract") is not None
    return [f for f in files if f.is_file() and (ocr or not f.name.endswith(".scan.pdf"))]


def evaluate(folder: Path) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for truth_path in sorted(folder.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text("utf-8"))
        for path in _renderings(truth_path):
            kind = "scan" if path.name.endswith(".scan.pdf") else path.suffix.lstrip(".")
            counts["files"] += 1
            counts[f"files:{kind}"] += 1
            try:
                parsed = parse(path)
            except ReadError as error:
                print(f"{path.name}: unreadable ({error.code})")
                continue
            result = check(parsed, truth.get("profile", "cv3078"))
            if set(result.missing_sections) == set(truth["missing_sections"]):
                counts["missing_exact"] += 1
                counts[f"missing_exact:{kind}"] += 1
            problems = _compare(truth, parsed, result, counts, kind)
            if problems:
                print(f"{path.name}: " + "; ".join(problems))
    return _figures(counts)


def _compare(
    truth: dict[str, Any], parsed: ParsedReport, result: CheckResult, counts: Counter[str], kind: str
) -> list[str]:
    problems = []
    expected, found = set(truth["missing_sections"]), set(result.missing_sections)
    present = set(truth["sections"])
    false_missing = found & present
    counts["missing_reported"] += len(found)
    counts["missing_false"] += len(false_missing)
    counts["missing_expected"] += len(expected)
    counts["missing_found"] += len(found & expected)
    if expected != found:
        problems.append(f"missing {sorted(found)} expected {sorted(expected)}")
    q001 = {f.section for f in result.findings if f.code == "Q001"}
    wanted = set(truth.get("q001", []))
    counts["q001_tp"] += len(q001 & wanted)
    counts["q001_fp"] += len(q001 - wanted)
    counts["q001_fn"] += len(wanted - q001)
    if q001 != wanted:
        problems.append(f"Q001 {sorted(q001)} expected {sorted(wanted)}")
    codes = {f.code for f in result.findings}
    header = truth.get("header", {})
    for code, wrong in (
        ("F001", header.get("national_title", True)),
        ("F007", bool(header.get("signer"))),
        ("F006", True),
        ("C001", True),
    ):
        if code in codes and wrong:
            counts[f"false_{code}"] += 1
            problems.append(f"false {code}")
    # Errors the truth does not speak to (S001 and the date codes it does): each listed, to be
    # read against the report; the forms' headers and closings are correct unless "form" says.
    judged = {"S001", "C004", "Q002", "F001", "F006", "F007", "C001"}
    others = sorted({f.code for f in result.findings if f.severity == "error"} - judged)
    counts["other_errors"] += len(others)
    if others:
        problems.append("other errors " + ", ".join(others))
    cited = {match_key(c["symbol"]) for c in truth.get("citations", [])}
    got = {match_key(c.symbol) for c in parsed.citations}
    counts["cit_tp"] += len(cited & got)
    counts["cit_fp"] += len(got - cited)
    counts["cit_fn"] += len(cited - got)
    if cited != got:
        problems.append(f"citations +{sorted(got - cited)} -{sorted(cited - got)}")
    return problems


def _figures(counts: Counter[str]) -> dict[str, float]:
    def ratio(a: float, b: float) -> float:
        return round(a / b, 3) if b else 1.0

    figures = {
        "files": counts["files"],
        "missing list exactly right": ratio(counts["missing_exact"], counts["files"]),
        "precision of missing": ratio(counts["missing_reported"] - counts["missing_false"], counts["missing_reported"]),
        "recall of missing": ratio(counts["missing_found"], counts["missing_expected"]),
        "Q001 precision": ratio(counts["q001_tp"], counts["q001_tp"] + counts["q001_fp"]),
        "Q001 recall": ratio(counts["q001_tp"], counts["q001_tp"] + counts["q001_fn"]),
        "citation precision": ratio(counts["cit_tp"], counts["cit_tp"] + counts["cit_fp"]),
        "citation recall": ratio(counts["cit_tp"], counts["cit_tp"] + counts["cit_fn"]),
        **{f"false {code}": counts[f"false_{code}"] for code in ("F001", "F006", "F007", "C001")},
        "other errors (to read)": counts["other_errors"],
    }
    for kind in ("txt", "docx", "pdf", "scan"):
        if counts[f"files:{kind}"]:
            figures[f"missing exact ({kind})"] = ratio(counts[f"missing_exact:{kind}"], counts[f"files:{kind}"])
    return figures


if __name__ == "__main__":
    for argument in sys.argv[1:] or ["corpora/forms"]:
        print(f"== {argument}")
        for name, value in evaluate(Path(argument)).items():
            print(f"{name:>28}: {value}")
