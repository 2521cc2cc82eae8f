"""Start the demo: bind a server per outlet, generate the sites, start the Comtrade fake, write sources.yaml."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml

from ocwatch.demo.outlets import OUTLETS, Outlet
from ocwatch.demo.server import SiteServer
from ocwatch.demo.site import generate
from ocwatch.demo.trade import trade_records

COMTRADE_KEY = "demo-key"


@dataclass
class DemoHandle:
    """The running demo: where its registry is, how to reach its sites and trade API, how to stop it."""

    workdir: Path
    sources_path: Path
    comtrade_url: str
    comtrade_key: str
    site_urls: dict[str, str]
    servers: dict[str, SiteServer] = field(default_factory=dict, repr=False)
    comtrade_server: Any = field(default=None, repr=False)

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()
        self.servers.clear()
        if self.comtrade_server is not None:
            self.comtrade_server.stop()
            self.comtrade_server = None

    def __enter__(self) -> DemoHandle:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def source_entry(outlet: Outlet, origin: str) -> dict[str, Any]:
    """One registry entry; crawl overrides make a ~300-page local crawl take seconds, not minutes."""
    entry: dict[str, Any] = {
        "id": outlet.id, "name": outlet.name, "kind": outlet.kind, "url": origin + outlet.entry_path,
        # The wire outlet declares no language, so detection is exercised too.
        "language": "auto" if outlet.id == "continental-wire" else outlet.language,
        "reliability": outlet.reliability, "countries": list(outlet.countries),
    }
    if outlet.kind == "listing":
        entry["follow"] = outlet.follow
    entry["allow_private"] = True
    entry["crawl"] = {"delay": 0, "concurrency": 8}
    return entry


def write_sources(path: Path, origins: dict[str, str]) -> Path:
    sources = [source_entry(o, origins[o.id]) for o in OUTLETS]
    header = "# The bundled demo's sources, served on 127.0.0.1 by `ocwatch demo` (generated).\n"
    path.write_text(header + yaml.safe_dump({"sources": sources}, sort_keys=False, allow_unicode=True))
    return path


def start_demo(workdir: Path) -> DemoHandle:
    """Generate the demo into workdir and serve it on 127.0.0.1; stop it with .stop() or `with`."""
    from ocwatch.demo.comtrade_fake import serve

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    servers = {o.id: SiteServer().start() for o in OUTLETS}
    handle = DemoHandle(workdir, workdir / "sources.yaml", "", COMTRADE_KEY,
                        {k: s.origin for k, s in servers.items()}, servers)
    try:
        manifest = generate(workdir, handle.site_urls)
        for outlet_id, server in servers.items():
            server.load(workdir / "sites" / outlet_id, manifest[outlet_id])
        records = trade_records()
        (workdir / "comtrade-records.json").write_text(json.dumps(records, indent=1))
        handle.comtrade_server, handle.comtrade_url = serve(records, api_key=COMTRADE_KEY)
        write_sources(handle.sources_path, handle.site_urls)
    except BaseException:
        handle.stop()  # never leave servers running behind a failed start
        raise
    return handle
