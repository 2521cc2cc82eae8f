"""`ocwatch demo`: serve the bundled demo sources on local ports and run the nightly pipeline on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ocwatch import stages
from ocwatch.settings import Settings


def serve_demo(settings: Settings) -> int:
    """Keep the demo sources up, so that Airflow (or `ocwatch run`) can crawl them."""
    import time

    from ocwatch.demo import start_demo

    with start_demo(settings.home / "demo-site") as demo:
        print(f"export OCWATCH_SOURCES={demo.sources_path.resolve()}")
        print(f"export OCWATCH_COMTRADE_URL={demo.comtrade_url}")
        print(f"export COMTRADE_API_KEY={demo.comtrade_key}  # the demo fake's key, not a secret")
        print("serving the demo sources; Ctrl-C to stop", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


def run_demo(settings: Settings, date: dt.date | None = None) -> int:
    from ocwatch.demo import DEMO_DATE, start_demo

    date = date or DEMO_DATE
    settings.ensure_dirs()
    with start_demo(settings.home / "demo-site") as demo:
        # The demo's registry and trade fake replace the configured ones: the
        # demo must never reach a real source.
        s = replace(settings, sources=demo.sources_path, comtrade_url=demo.comtrade_url,
                    comtrade_key=demo.comtrade_key)
        results = stages.run(s, date)
    for r in results:
        print(r.summary())
    print(f"warehouse: {settings.warehouse.resolve()}")
    for kind in ("html", "pdf"):
        if kind in results[-1].outputs:
            print(f"report ({kind}): {results[-1].outputs[kind]}")
    print(f'try: ocwatch query --home {settings.home} "select count(*) from documents"')
    print(f"workbench: ocwatch users add NAME --role admin --home {settings.home}; "
          f"ocwatch serve --home {settings.home}  (then open http://127.0.0.1:8765/)")
    from ocwatch.health import exit_code

    return exit_code([r.status for r in results])
