"""``python -m ocwatch.processes.build --lake L --db F --date D [--sources-json FILE] [--full]``: one warehouse build.

The build as a process of its own, for callers that must be able to stop it
from outside (and for the crash tests that kill one mid-models). Exit 1 when
the build failed (the previous warehouse is kept), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ocwatch.lake.dates import parse_date
from ocwatch.lake.location import Lake


def main(argv: list[str] | None = None) -> int:
    from ocwatch.warehouse.build import BuildError, build_warehouse

    ap = argparse.ArgumentParser(prog="python -m ocwatch.processes.build", description=__doc__.split("\n")[0])
    ap.add_argument("--lake", required=True, help="lake root: a folder or s3://bucket/prefix")
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--date", required=True, type=parse_date)
    ap.add_argument("--sources-json", type=Path, help="JSON list of source dicts")
    ap.add_argument("--full", action="store_true", help="load the whole lake again instead of what changed")
    args = ap.parse_args(argv)
    sources = json.loads(args.sources_json.read_text()) if args.sources_json else []
    try:
        build_warehouse(Lake.at(args.lake), args.db, args.date, sources, full=args.full)
    except BuildError as exc:
        print(str(exc).splitlines()[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
