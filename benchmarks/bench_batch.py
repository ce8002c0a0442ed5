"""Batch checking: files/s, scaling from 1 to 2 jobs, and peak memory as the batch grows.

    python benchmarks/bench_batch.py [--count 1000] [--scaling-count 150] [--dir DIR] [--only-summary]

Generates COUNT synthetic reports (txt/docx/pdf in turn, 2–6 pages) unless DIR already holds
them, then in the same run:
* checks a subset of SCALING_COUNT files with 1 job and with 2 jobs (the ratio is the scaling);
* checks a quarter of the files and then all of them with 2 jobs, recording the peak resident
  memory of the parent process and of the largest worker: flat memory means the second
  number is not larger than the first by more than noise.
* runs ``tcdlcl check`` over all of them with and without ``--summary`` (the department's
  desk: grouping, roster-free summary JSON), in turns, after a run that fills the read cache so
  checking is as fast as it gets and the summary's share shows (target: ≤ 10 % more time).
Each measurement runs in a fresh process so peak memory is its own. Writes
benchmarks/results/batch.json (``--only-summary`` runs the last measurement alone, unsaved).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
from tcdlcl_parse.running.batch import check_batch
files = json.loads(sys.argv[1]); jobs = int(sys.argv[2])
start = time.perf_counter()
count = errors = 0
for result in check_batch(files, "cv3078", jobs=jobs):
    count += 1
    errors += result.error is not None
elapsed = time.perf_counter() - start
print(json.dumps({
    "files": count, "jobs": jobs, "seconds": round(elapsed, 2), "files_per_s": round(count / elapsed, 2),
    "unreadable": errors,
    "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
}))
"""


def measure(files: list[Path], jobs: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-c", _MEASURE, json.dumps([str(f) for f in files]), str(jobs)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def summary_overhead(files: list[Path], rounds: int = 3) -> dict[str, float]:
    """Seconds of ``tcdlcl check FILES --format jsonl`` without and with ``--summary`` (best
    of ``rounds``, alternating), the read cache filled first by an untimed run."""
    import time

    cache = Path(tempfile.mkdtemp(prefix="tcdlcl-bench-cache-"))
    out = Path(tempfile.mkdtemp(prefix="tcdlcl-bench-out-"))
    base = [sys.executable, "-m", "tcdlcl_parse", "check", *map(str, files), "--format", "jsonl",
            "-o", str(out / "r.jsonl"), "--jobs", "2", "--cache-dir", str(cache)]  # fmt: skip

    def run(extra: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(base + extra, check=False, capture_output=True)
        return time.perf_counter() - start

    run([])
    times: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(rounds):
        times["without"].append(run([]))
        times["with"].append(run(["--summary", str(out / "summary.json")]))
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    best = {name: min(values) for name, values in times.items()}
    # The wall times differ by the machine's noise as much as by the summary: time the
    # summary's own work (grouping, counting, the JSON) over the same results, in this process.
    from tcdlcl_parse.checking.profile import load_profile
    from tcdlcl_parse.output.aggregate import Aggregate
    from tcdlcl_parse.output.files import read_jsonl

    results = list(read_jsonl(out / "r.jsonl"))
    start = time.perf_counter()
    aggregate = Aggregate(load_profile("cv3078"))
    for result in results:
        aggregate.add(result)
    aggregate.summary().model_dump_json(indent=2)
    own = time.perf_counter() - start
    return {
        "files": summary["files"], "reports": summary["reports"],
        "seconds_without": round(best["without"], 2), "seconds_with": round(best["with"], 2),
        "overhead_pct": round(100 * (best["with"] / best["without"] - 1), 1),
        "summary_own_seconds": round(own, 3),
        "summary_own_pct": round(100 * own / best["without"], 1),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--scaling-count", type=int, default=150)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--only-summary", action="store_true", help="only time --summary, unsaved")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="tcdlcl-bench-"))
    files = sorted(p for p in folder.glob("report-*") if p.suffix in (".txt", ".docx", ".pdf"))
    if len(files) < args.count:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "generate_reports.py"), "--out", str(folder),
             "--count", str(args.count), "--pages-min", "2", "--pages-max", "6"],
            check=True,
        )  # fmt: skip
        files = sorted(p for p in folder.glob("report-*") if p.suffix in (".txt", ".docx", ".pdf"))
    files = files[: args.count]
    if args.only_summary:
        print(json.dumps(summary_overhead(files), indent=2))
        return
    subset = files[: args.scaling_count]
    one, two = measure(subset, 1), measure(subset, 2)
    quarter, full = measure(files[: len(files) // 4], 2), measure(files, 2)
    result = {
        "reports": len(files),
        "formats": {suffix: sum(1 for f in files if f.suffix == suffix) for suffix in (".txt", ".docx", ".pdf")},
        "scaling": {"jobs_1": one, "jobs_2": two, "speedup": round(two["files_per_s"] / one["files_per_s"], 2)},
        "full_run_jobs_2": full,
        "summary": summary_overhead(files),
        "memory_flat": {
            "quarter_parent_mb": quarter["parent_peak_mb"], "full_parent_mb": full["parent_peak_mb"],
            "quarter_worker_mb": quarter["worker_peak_mb"], "full_worker_mb": full["worker_peak_mb"],
        },
    }  # fmt: skip
    out = ROOT / "benchmarks" / "results" / "batch.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
