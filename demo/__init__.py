"""The bundled demo: a generated multi-outlet news site and trade-data source, served on 127.0.0.1.

    with start_demo(Path("data/demo-site")) as demo:
        ...  # crawl demo.sources_path, pull trade data from demo.comtrade_url with demo.comtrade_key

Everything is produced by a seeded generator in this package (no copied
pages); `expected()` lists the signals it carries. See docs/DEMO.md.
"""

from __future__ import annotations

from ocwatch.demo.facts import expected
from ocwatch.demo.handle import DemoHandle, start_demo
from ocwatch.demo.outlets import DEMO_DATE, OUTLETS
from ocwatch.demo.trade import trade_records

__all__ = ["DEMO_DATE", "OUTLETS", "DemoHandle", "expected", "start_demo", "trade_records"]
