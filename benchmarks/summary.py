"""One Markdown table of the latest results against their targets, from benchmarks/results/*.json.

    python benchmarks/summary.py      # also run at the end of benchmarks/run.py

Writes benchmarks/results/summary.md. A result whose JSON is missing (e.g. the batch, which
run.py runs only with --batch) is left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _rows(results: dict[str, dict[str, Any]]) -> list[tuple[str, str, str, str, str]]:
    """(what, measured, same-run baseline, target, met)."""
    rows = []
    if citations := results.get("citations"):
        rows.append((
            "Citations: `extract_citations`",
            f"{citations['extract_citations_mb_per_s']} MB/s",
            f"`re.findall` of bare symbols {citations['plain_regex_mb_per_s']} MB/s: ratio {citations['ratio_ours_to_plain']}",
            f"ratio ≥ {citations['target_ratio']}",
            _met(citations["ratio_ours_to_plain"] >= citations["target_ratio"]),
        ))  # fmt: skip
    if pipeline := results.get("pipeline"):
        text, pdf, startup = pipeline["text_path"], pipeline["pdf_path"], pipeline["startup"]
        rows.append((
            "Text path: read + parse + check",
            (f"{text['parse_check_mb_per_s']} MB/s, {text['ms_per_report']} ms a generated report; "
             f"the real seed report {text['seed_report_ms']} ms ({text['seed_report_mb_per_s']} MB/s)"),
            f"one plain regex pass {text['plain_regex_mb_per_s']} MB/s: ratio {text['ratio_to_plain']}",
            f"ratio ≥ {text['target_ratio_to_plain']}",
            _met(text["ratio_to_plain"] >= text["target_ratio_to_plain"]),
        ))  # fmt: skip
        rows.append((
            "PDF, layout (default): read + parse + check",
            f"{pdf['ours_layout_pages_per_s']} pages/s",
            f"pdfplumber `extract_text` {pdf['pdfplumber_pages_per_s']} pages/s: overhead {pdf['overhead_over_pdfplumber_pct']} %",
            f"overhead ≤ {pdf['target_overhead_pct']} %",
            _met(pdf["overhead_over_pdfplumber_pct"] <= pdf["target_overhead_pct"]),
        ))  # fmt: skip
        rows.append((
            "PDF, `--fast`: read + parse + check",
            f"{pdf['ours_fast_pages_per_s']} pages/s",
            (f"pypdfium2 text {pdf['pypdfium2_pages_per_s']} pages/s: overhead {pdf['overhead_over_pypdfium2_pct']} % "
             f"(reading {pdf['of_which_reading_pct']} %, parse + check {pdf['of_which_parse_check_pct']} %)"),
            f"reading ≤ {pdf['target_fast_reading_overhead_pct']} % (parse + check: the text path's target)",
            _met(pdf["of_which_reading_pct"] <= pdf["target_fast_reading_overhead_pct"]),
        ))  # fmt: skip
        if "ours_layout_again_pages_per_s" in pdf:
            rows.append((
                "PDF, layout, checked again (read cache)",
                f"{pdf['ours_layout_again_pages_per_s']} pages/s",
                f"the same files read afresh {pdf['ours_layout_pages_per_s']} pages/s",
                "—", "—",
            ))  # fmt: skip
        if docx := pipeline.get("docx_path"):
            rows.append((
                "DOCX: reading (`read`)",
                f"{docx['our_read_ms_per_file']} ms a report (the reader alone {docx['our_reader_ms_per_file']} ms)",
                f"bare python-docx paragraph loop {docx['bare_python_docx_ms_per_file']} ms: ratio {docx['read_ratio_to_bare']}",
                f"ratio ≤ {docx['target_ratio']}",
                _met(docx["read_ratio_to_bare"] <= docx["target_ratio"]),
            ))  # fmt: skip
        rows.append((
            "Start-up: `tcdlcl --version`",
            f"{startup['tcdlcl_version_s']} s",
            f"bare Python {startup['python_bare_s']} s, `import tcdlcl_parse` {startup['import_tcdlcl_parse_s']} s",
            f"< {startup['target_s']} s",
            _met(startup["tcdlcl_version_s"] < startup["target_s"]),
        ))  # fmt: skip
        if memory := pipeline.get("peak_memory"):
            for name, label in (("pdf_300_pages", "300-page PDF"), ("text_10_mb", "10 MB text")):
                run = memory[name]
                rows.append((
                    f"Peak memory: {label}",
                    f"{run['peak_mb']} MB in {run['seconds']} s ({run['outcome']})",
                    f"interpreter with the package {memory['interpreter_with_package_mb']} MB",
                    "—", "—",
                ))  # fmt: skip
    if batch := results.get("batch"):
        full, scaling, flat = batch["full_run_jobs_2"], batch["scaling"], batch["memory_flat"]
        rows.append((
            f"Batch: {full['files']} reports, 2 jobs",
            f"{full['files_per_s']} files/s ({full['seconds']} s)",
            (f"1 → 2 jobs: {scaling['speedup']}×; parent {flat['quarter_parent_mb']} → {flat['full_parent_mb']} MB "
             "from a quarter to all of the batch"),
            "—", "—",
        ))  # fmt: skip
    return rows


def summary(results_dir: Path = RESULTS) -> str:
    results = {path.stem: json.loads(path.read_text("utf-8")) for path in sorted(results_dir.glob("*.json"))}
    lines = ["| What | Measured | Same-run baseline | Target | Met |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in _rows(results)]
    if stages := results.get("pipeline", {}).get("text_path", {}).get("stages_ms_per_report"):
        lines += ["", "Text path, ms a report by stage:", "", "| Stage | ms |", "|---|---|"]
        lines += [f"| {name.strip()} | {value} |" for name, value in stages.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    table = summary()
    (RESULTS / "summary.md").write_text(table, encoding="utf-8")
    print(table, end="")


if __name__ == "__main__":
    main()
