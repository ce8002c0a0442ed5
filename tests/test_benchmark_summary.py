"""benchmarks/summary.py: the table of results against targets."""

import importlib.util
import json
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("summary", Path(__file__).parent.parent / "benchmarks" / "summary.py")
summary = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(summary)

PIPELINE = {
    "text_path": {"parse_check_mb_per_s": 2.9, "ms_per_report": 5.1, "plain_regex_mb_per_s": 75.0,
                  "ratio_to_plain": 0.0387, "target_ratio_to_plain": 0.04, "seed_report_ms": 4.2,
                  "seed_report_mb_per_s": 2.5,
                  "stages_ms_per_report": {"read": 0.9, "  of which Line models": 0.3}},
    "pdf_path": {"ours_layout_pages_per_s": 9.0, "pdfplumber_pages_per_s": 10.0, "overhead_over_pdfplumber_pct": 11.1,
                 "ours_fast_pages_per_s": 380.0, "pypdfium2_pages_per_s": 760.0, "overhead_over_pypdfium2_pct": 100.0,
                 "of_which_reading_pct": 40.5, "of_which_parse_check_pct": 70.0, "target_overhead_pct": 25.0,
                 "target_fast_reading_overhead_pct": 40.0},
    "startup": {"tcdlcl_version_s": 0.09, "python_bare_s": 0.05, "import_tcdlcl_parse_s": 0.08, "target_s": 0.5},
}  # fmt: skip


def test_each_target_is_marked_met_or_not(tmp_path):
    (tmp_path / "pipeline.json").write_text(json.dumps(PIPELINE))
    rows = {line.split(" | ")[0].strip("| "): line for line in summary.summary(tmp_path).splitlines() if line.startswith("| ")}
    # Each just short of its target: the ratio and the reading share are what is judged.
    assert rows["Text path: read + parse + check"].endswith("| **no** |")
    assert "the real seed report 4.2 ms" in rows["Text path: read + parse + check"]
    assert rows["PDF, layout (default): read + parse + check"].endswith("| yes |")
    assert "reading 40.5 %, parse + check 70.0 %" in rows["PDF, `--fast`: read + parse + check"]
    assert rows["PDF, `--fast`: read + parse + check"].endswith("| **no** |")
    assert rows["Start-up: `tcdlcl --version`"].endswith("| yes |")
    assert rows["read"] == "| read | 0.9 |" and rows["of which Line models"] == "| of which Line models | 0.3 |"


def test_text_and_fast_targets_met(tmp_path):
    pipeline = json.loads(json.dumps(PIPELINE))
    pipeline["text_path"]["ratio_to_plain"] = 0.041
    pipeline["pdf_path"]["of_which_reading_pct"] = 39.0  # the total overhead (100 %) is not judged
    (tmp_path / "pipeline.json").write_text(json.dumps(pipeline))
    table = summary.summary(tmp_path)
    assert "| ratio ≥ 0.04 | yes |" in table
    assert "| reading ≤ 40.0 % (parse + check: the text path's target) | yes |" in table


def test_missing_results_are_left_out(tmp_path):
    (tmp_path / "citations.json").write_text(json.dumps({
        "extract_citations_mb_per_s": 20.0, "plain_regex_mb_per_s": 70.0, "ratio_ours_to_plain": 0.29, "target_ratio": 0.333,
    }))  # fmt: skip
    table = summary.summary(tmp_path)
    assert "Citations" in table and "| **no** |" in table
    assert "Text path" not in table and "Batch" not in table
