"""The sources registry (``spiders/sources.yaml``): what to crawl, how, and how far to trust it.

Every entry is checked field by field so that ``ocwatch sources check`` can name
each bad entry and field at once instead of failing on the first.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

KINDS = ("feed", "sitemap", "listing", "document")
LANGUAGES = ("auto", "en", "fr", "es", "pt")
GRADES = ("A", "B", "C", "D", "E", "F")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
FIELDS = {"id", "name", "kind", "url", "language", "reliability", "countries", "follow",
          "allow_private", "crawl"}
FOLLOW_KEYS = {"allow", "deny", "max_depth", "listing"}
# Per-source overrides of the politeness defaults, with the type each must have.
CRAWL_KEYS: dict[str, type | tuple[type, ...]] = {
    "delay": (int, float), "concurrency": int, "max_pages": int, "max_bytes": int,
    "timeout": (int, float), "retries": int, "backoff": (int, float), "autothrottle": bool,
    "workers": int, "budget_s": (int, float), "extract_timeout": (int, float),
}


MAX_REGISTRY_BYTES = 1024 * 1024  # a registry of a thousand sources is under 200 KB
# Values quoted in messages are cut short: a value can be a structure of any size (an alias
# bomb is a few hundred bytes of YAML that prints as gigabytes).
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxstring, _REPR.maxother, _REPR.maxlong = 2, 4, 4, 80, 80, 40


def _r(value: Any) -> str:
    """A bounded repr of a registry value, for messages."""
    return _REPR.repr(value)


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: a registry never needs them, and an alias bomb
    (aliases of aliases) builds a value that is exponential in size once walked."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"line {event.start_mark.line + 1}: aliases (*{event.anchor}) are not "
                                 "allowed in a sources registry; write each value out")
        return super().compose_node(parent, index)


class RegistryError(ValueError):
    """A registry that cannot be used; the message lists every problem found."""

    def __init__(self, path: str | Path, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


@dataclass(frozen=True)
class Follow:
    """Link rules of a listing source: regexes over absolute URLs."""

    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    max_depth: int = 2
    # Pages reached by the rules that are indexes (pagination), not articles.
    listing: tuple[str, ...] = (r"[?&]page=\d+", r"/page/\d+/?$")


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    url: str
    language: str = "auto"
    reliability: str = "F"
    countries: tuple[str, ...] = ()
    follow: Follow = field(default_factory=Follow)
    allow_private: bool = False
    name: str = ""
    crawl: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (the warehouse's `sources` dimension reads this)."""
        d = asdict(self)
        d["countries"] = list(self.countries)
        d["follow"] = {k: list(v) if isinstance(v, tuple) else v for k, v in d["follow"].items()}
        d["crawl"] = dict(self.crawl)
        return d


def _check_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{_r(value)} is not an http(s) URL"
    return None


def _check_regexes(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "must be a list of regular expressions"
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"bad regular expression {_r(pattern)}: {exc}"
    return None


def _check_follow(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return ["follow: must be a mapping of allow, deny, max_depth, listing"]
    problems = [f"follow.{k}: unknown key" for k in value if k not in FOLLOW_KEYS]
    for key in ("allow", "deny", "listing"):
        if key in value and (msg := _check_regexes(value[key])):
            problems.append(f"follow.{key}: {msg}")
    depth = value.get("max_depth", 2)
    if not isinstance(depth, int) or isinstance(depth, bool) or not 0 <= depth <= 10:
        problems.append(f"follow.max_depth: {_r(depth)} must be an integer 0..10")
    return problems


def _check_crawl(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return ["crawl: must be a mapping"]
    problems = []
    for key, val in value.items():
        want = CRAWL_KEYS.get(key)
        if want is None:
            problems.append(f"crawl.{key}: unknown key (known: {', '.join(CRAWL_KEYS)})")
        elif (isinstance(val, bool) and want is not bool) or not isinstance(val, want):
            problems.append(f"crawl.{key}: {_r(val)} has the wrong type")
        elif not isinstance(val, bool) and val < 0:
            problems.append(f"crawl.{key}: {_r(val)} must not be negative")
    return problems


def _check_simple(entry: Mapping[str, Any]) -> list[str]:
    problems = [f"{k}: unknown field" for k in entry if k not in FIELDS]
    if not isinstance(entry.get("id"), str) or not ID_RE.match(entry["id"]):
        problems.append(f"id: {_r(entry.get('id'))} must match [a-z0-9-] (at most 64 chars)")
    if entry.get("kind") not in KINDS:
        problems.append(f"kind: {_r(entry.get('kind'))} must be one of {', '.join(KINDS)}")
    if msg := _check_url(entry.get("url")):
        problems.append(f"url: {msg}")
    if entry.get("language", "auto") not in LANGUAGES:
        problems.append(f"language: {_r(entry.get('language'))} must be one of {', '.join(LANGUAGES)}")
    if entry.get("reliability") not in GRADES:
        problems.append(f"reliability: {_r(entry.get('reliability'))} must be an Admiralty grade A..F")
    countries = entry.get("countries", [])
    if not isinstance(countries, list) or not all(isinstance(c, str) and ISO3_RE.match(c) for c in countries):
        problems.append(f"countries: {_r(countries)} must be a list of ISO3 codes like COD")
    if not isinstance(entry.get("allow_private", False), bool):
        problems.append("allow_private: must be true or false")
    if "name" in entry and not isinstance(entry["name"], str):
        problems.append("name: must be a string")
    return problems


def check_entry(entry: Any) -> list[str]:
    """Problems of one registry entry, each naming its field; empty when valid."""
    if not isinstance(entry, dict):
        return ["entry must be a mapping"]
    problems = _check_simple(entry)
    if "follow" in entry:
        if entry.get("kind") != "listing":
            problems.append("follow: only listing sources follow links")
        problems += _check_follow(entry["follow"])
    if "crawl" in entry:
        problems += _check_crawl(entry["crawl"])
    return problems


def _read_entries(path: str | Path) -> list[Any]:
    try:
        size = Path(path).stat().st_size
        if size > MAX_REGISTRY_BYTES:
            raise RegistryError(path, [f"cannot read registry: {size} bytes is more than the "
                                       f"{MAX_REGISTRY_BYTES} a registry may hold"])
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_NoAliasLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RegistryError(path, [f"cannot read registry: {_one_line(exc)}"]) from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise RegistryError(path, ["the top level must be a mapping with a `sources:` list"])
    return data["sources"]


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:500]


def _label(i: int, entry: Any) -> str:
    sid = entry.get("id") if isinstance(entry, dict) else None
    return f"source #{i + 1}" + (f" ({sid})" if isinstance(sid, str) else "")


def check_sources(path: str | Path) -> list[str]:
    """One message per problem in the registry, naming the entry and field; empty when valid."""
    try:
        entries = _read_entries(path)
    except RegistryError as exc:
        return exc.problems
    problems: list[str] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        problems += [f"{_label(i, entry)}: {p}" for p in check_entry(entry)]
        sid = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(sid, str) and sid in seen:
            problems.append(f"{_label(i, entry)}: id: duplicate id {_r(sid)}")
        if isinstance(sid, str):
            seen.add(sid)
    return problems


def _build(entry: Mapping[str, Any]) -> Source:
    f = entry.get("follow") or {}
    follow = Follow(tuple(f.get("allow", ())), tuple(f.get("deny", ())), f.get("max_depth", 2),
                    tuple(f.get("listing", Follow.listing)))
    return Source(id=entry["id"], kind=entry["kind"], url=entry["url"],
                  language=entry.get("language", "auto"), reliability=entry["reliability"],
                  countries=tuple(entry.get("countries", ())), follow=follow,
                  allow_private=entry.get("allow_private", False),
                  name=entry.get("name") or entry["id"], crawl=dict(entry.get("crawl") or {}))


def load_sources(path: str | Path) -> list[Source]:
    """Every source of a registry; RegistryError names each bad entry and field."""
    problems = check_sources(path)
    if problems:
        raise RegistryError(path, problems)
    return [_build(e) for e in _read_entries(path)]


def get_source(path: str | Path, source_id: str) -> Source:
    """One source by id; KeyError names the unknown id."""
    for src in load_sources(path):
        if src.id == source_id:
            return src
    raise KeyError(f"no source {_r(source_id)} in {path}")
