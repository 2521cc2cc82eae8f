"""The demo's story material, read from the YAML files in demo/text/ (prose is data, reviewed as text).

``<kind>-<theme>.<lang>.yaml`` holds one theme's pools (slots, titles, leads,
bodies, quotes, closes) in one language; ``context.yaml`` the background
sentences per country and language. Crime themes carry the demo's signals;
daily themes are the noise around them. Order inside each file matters: the
demo's seeded generator draws from these lists by position.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

TEXT_DIR = Path(__file__).resolve().parent / "text"
Pool = dict[str, Any]


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def themes(kind: str) -> dict[str, dict[str, Pool]]:
    """theme -> language -> pool, for kind ``crime`` or ``daily``, in file-name order."""
    out: dict[str, dict[str, Pool]] = {}
    for path in sorted(TEXT_DIR.glob(f"{kind}-*.yaml")):
        theme, lang = path.name.removeprefix(f"{kind}-").removesuffix(".yaml").rsplit(".", 1)
        out.setdefault(theme, {})[lang] = _read(path)
    if not out:
        raise FileNotFoundError(f"no {kind} story material in {TEXT_DIR}")
    return out


@cache
def context() -> dict[str, dict[str, list[str]]]:
    """Background sentences: country ISO3 -> language -> sentences."""
    return _read(TEXT_DIR / "context.yaml")
