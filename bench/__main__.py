"""`make bench`: run every bench/bench_*.py except the long scale run, one process each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SKIP = {"bench_scale"}  # an hour at full size: `make bench-scale N=...`


def main() -> int:
    failed = []
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        if path.stem in SKIP:
            continue
        print(f"== {path.stem}", flush=True)
        if subprocess.run([sys.executable, "-m", f"bench.{path.stem}"], check=False).returncode:
            failed.append(path.stem)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
