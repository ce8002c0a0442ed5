"""Batch checking: files/s, scaling from 1 to 2 jobs, and peak memory as the batch grows.

    python benchmarks/bench_batch.py [--count 1000] [--scaling-count 150] [--dir DIR]

Generates COUNT synthetic reports (txt/docx/pdf in turn, 2–6 pages) unless DIR already holds
them, then in the same run:
* checks a subset of SCALING_COUNT files with 1 job and with 2 jobs (the ratio is the scaling);
* checks a quarter of the files and then all of them with 2 jobs, recording the peak resident
  memory of the parent process and of the largest worker: flat memory means the second
  number is not larger than the first by more than noise.
Each measurement runs in a fresh process so peak memory is its own. Writes
benchmarks/results/batch.json.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--scaling-count", type=int, default=150)
    parser.add_argument("--dir", type=Path)
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
    subset = files[: args.scaling_count]
    one, two = measure(subset, 1), measure(subset, 2)
    quarter, full = measure(files[: len(files) // 4], 2), measure(files, 2)
    result = {
        "reports": len(files),
        "formats": {suffix: sum(1 for f in files if f.suffix == suffix) for suffix in (".txt", ".docx", ".pdf")},
        "scaling": {"jobs_1": one, "jobs_2": two, "speedup": round(two["files_per_s"] / one["files_per_s"], 2)},
        "full_run_jobs_2": full,
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
