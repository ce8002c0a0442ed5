"""Run the benchmarks and print their tables; each writes its JSON to benchmarks/results/, and
all of them end in one table against the targets, benchmarks/results/summary.md.

    python benchmarks/run.py            # citations + pipeline (about 5 minutes here)
    python benchmarks/run.py --batch    # and the 1,000-report batch (about 5 more)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", action="store_true", help="also run bench_batch.py")
    args = parser.parse_args()
    scripts = ["bench_citations.py", "bench_pipeline.py"] + (["bench_batch.py"] if args.batch else [])
    for script in scripts:
        print(f"== {script}", flush=True)
        if subprocess.run([sys.executable, str(HERE / script)], check=False).returncode != 0:
            return 1
    print("== summary (benchmarks/results/summary.md)", flush=True)
    return subprocess.run([sys.executable, str(HERE / "summary.py")], check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
