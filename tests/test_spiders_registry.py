"""The sources registry: validation that names each bad entry and field, and per-source crawl overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocwatch.spiders.registry import RegistryError, check_sources, load_sources
from ocwatch.spiders.run import crawl_settings
from ocwatch.spiders.settings import USER_AGENT

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    return path


def test_default_registry_is_valid_and_holds_reliefweb_country_feeds():
    sources = load_sources(ROOT / "spiders" / "sources.yaml")
    ids = {s.id for s in sources}
    assert {"reliefweb-cod", "reliefweb-hti", "reliefweb-mli", "reliefweb-caf", "reliefweb-ssd",
            "un-news-africa"} <= ids
    assert all(not s.allow_private and s.reliability in "ABCDEF" for s in sources)


def test_as_dict_is_plain_json_with_the_fields_the_warehouse_reads(tmp_path):
    (src,) = load_sources(write(tmp_path, """sources:
  - {id: a-1, kind: listing, url: 'https://example.org/news', reliability: A, countries: [COD],
     follow: {allow: ['/news/'], deny: ['/tag/']}, crawl: {delay: 0, concurrency: 8}}
"""))
    d = json.loads(json.dumps(src.as_dict()))
    assert {k: d[k] for k in ("id", "name", "kind", "url", "language", "reliability", "countries")} == {
        "id": "a-1", "name": "a-1", "kind": "listing", "url": "https://example.org/news",
        "language": "auto", "reliability": "A", "countries": ["COD"]}
    assert d["follow"]["allow"] == ["/news/"] and d["crawl"] == {"delay": 0, "concurrency": 8}


def test_check_names_each_bad_entry_and_field(tmp_path):
    path = write(tmp_path, """sources:
  - {id: Bad_ID, kind: feed, url: 'https://x.org/f', reliability: B}
  - {id: two, kind: torrent, url: 'ftp://x.org', reliability: Z, language: de, countries: [Congo]}
  - {id: three, kind: feed, url: 'https://x.org/f', reliability: B, follow: {allow: ['(']}}
  - {id: four, kind: feed, url: 'https://x.org/f', reliability: B, crawl: {delay: -1, speed: 3}}
  - {id: four, kind: feed, url: 'https://x.org/g', reliability: B, colour: red}
""")
    problems = check_sources(path)
    text = "\n".join(problems)
    assert "source #1 (Bad_ID): id:" in text
    for field in ("kind:", "url:", "reliability:", "language:", "countries:"):
        assert f"source #2 (two): {field}" in text
    assert "source #3 (three): follow: only listing" in text and "follow.allow: bad regular" in text
    assert "crawl.delay" in text and "crawl.speed: unknown key" in text
    assert "source #5 (four): id: duplicate" in text and "colour: unknown field" in text
    with pytest.raises(RegistryError) as err:
        load_sources(path)
    assert err.value.problems == problems


def test_unreadable_or_misshapen_registry_is_one_clear_problem(tmp_path):
    assert "cannot read registry" in check_sources(tmp_path / "absent.yaml")[0]
    assert "`sources:` list" in check_sources(write(tmp_path, "- just a list"))[0]
    assert "cannot read registry" in check_sources(write(tmp_path, "sources: [unclosed"))[0]


def test_politeness_defaults_apply_unless_the_source_overrides_them(tmp_path):
    polite, fast = load_sources(write(tmp_path, """sources:
  - {id: polite, kind: feed, url: 'https://example.org/f', reliability: B}
  - {id: fast, kind: feed, url: 'http://127.0.0.1/f', reliability: B, allow_private: true,
     crawl: {delay: 0, concurrency: 8, max_bytes: 1000, timeout: 5, retries: 1}}
"""))
    s = crawl_settings(polite)
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert s["USER_AGENT"] == USER_AGENT == "ocwatch/0.1 (+https://github.com/ocwatch/ocwatch)"
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2 and s.getfloat("DOWNLOAD_DELAY") >= 1
    assert 429 in s.getlist("RETRY_HTTP_CODES") and s.getint("DOWNLOAD_MAXSIZE") > 0
    assert s.getint("DOWNLOAD_TIMEOUT") == 30 and s.getint("RETRY_TIMES") == 3
    f = crawl_settings(fast)
    assert f.getfloat("DOWNLOAD_DELAY") == 0 and not f.getbool("AUTOTHROTTLE_ENABLED")
    assert f.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 8 and f.getint("DOWNLOAD_MAXSIZE") == 1000
    assert f.getint("DOWNLOAD_TIMEOUT") == 5 and f.getint("RETRY_TIMES") == 1
    assert f.getbool("ROBOTSTXT_OBEY")  # overrides speed a crawl up, never make it ignore robots.txt
