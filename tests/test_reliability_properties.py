"""Property-based and fuzz tests (hypothesis) on every parser that reads what the web sends.

The property each time: whatever the input, the parser answers with a value or with its own
named error type, never with anything else (an uncaught exception kills an index page, a
pull or a run). Where the input is well formed, what goes in comes out.
"""

from __future__ import annotations

import datetime as dt
import json
from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from ocwatch.spiders.documents.parse import parse_when
from ocwatch.spiders.feeds import FeedError, parse_feed, parse_sitemap
from ocwatch.spiders.urls import canonical_url, doc_id
from ocwatch.trade.fields import RecordError, to_flow_row
from ocwatch.trade.outcomes import parse_body, records_to_rows

FAST = settings()  # examples and seed come from the profile loaded in conftest.py
NOW = dt.datetime(2026, 6, 10, tzinfo=dt.UTC)

# --- feeds and sitemaps -------------------------------------------------------------------------

xmlish = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: f"<rss version='2.0'><channel><item>{t}</item></channel></rss>".encode()),
    st.text(max_size=500).map(lambda t: f'{{"version": "https://jsonfeed.org/version/1.1", "items": {t}}}'.encode()),
    st.text(max_size=300).map(lambda t: f"<urlset><url><loc>{t}</loc><lastmod>{t}</lastmod></url></urlset>".encode()),
)


@FAST
@given(xmlish)
def test_any_bytes_give_feed_entries_or_a_feed_error(body: bytes):
    for parse in (parse_feed, lambda b: parse_sitemap(b)[1]):
        try:
            entries = parse(body)
        except FeedError:
            continue
        assert all(isinstance(e.url, str) and e.url for e in entries)
        assert all(e.published_at is None or e.published_at.tzinfo is not None for e in entries)


paths = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12),
                 min_size=1, max_size=8, unique=True)
titles = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@FAST
@given(paths, titles, st.datetimes(min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2099, 1, 1)))
def test_well_formed_rss_gives_back_every_link_title_and_date(names: list[str], title: str, when: dt.datetime):
    stamp = when.replace(microsecond=0, tzinfo=dt.UTC)
    items = "".join(f"<item><title>{escape(title)}</title><link>https://a.example/{n}</link>"
                    f"<pubDate>{stamp.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>" for n in names)
    entries = parse_feed(f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode())
    assert [e.url for e in entries] == [f"https://a.example/{n}" for n in names]
    assert {e.published_at for e in entries} == {stamp}
    assert all((e.title or "") == as_feedparser_repairs(title.strip()) or not title.strip() for e in entries)


def as_feedparser_repairs(text: str) -> str:
    """The title feedparser gives back: it deliberately repairs UTF-8 that was read as Latin-1
    and encoded again ('Â¡' becomes '¡'), a common fault of real feeds; found by hypothesis."""
    try:
        return text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


# --- URLs ---------------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=200))
def test_any_text_gives_a_canonical_url_or_a_value_error(text: str):
    try:
        canon = canonical_url(text)
    except ValueError:
        return
    assert isinstance(canon, str) and "#" not in canon.split("?")[0][-1:]


hosts = st.from_regex(r"[a-z][a-z0-9-]{0,10}\.(org|int|example)", fullmatch=True)
params = st.lists(st.tuples(st.sampled_from(["id", "page", "lang", "q"]), st.text("abc123", max_size=4)),
                  max_size=3, unique_by=lambda p: p[0])


@FAST
@given(hosts, paths, params, st.sampled_from(["utm_source=rss", "fbclid=x1", "gclid=9", "utm_medium=a&utm_campaign=b"]),
       st.text("abc", max_size=5))
def test_identity_ignores_tracking_fragment_host_case_and_parameter_order(host, segs, query, tracking, frag):
    base = f"https://{host}/{'/'.join(segs)}"
    plain = base + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")
    noisy = (f"HTTPS://{host.upper()}:443/{'/'.join(segs)}?"
             + "&".join([tracking] + [f"{k}={v}" for k, v in reversed(query)]) + f"#{frag}")
    assert doc_id(noisy) == doc_id(plain)
    assert canonical_url(canonical_url(noisy)) == canonical_url(noisy)


# --- dates --------------------------------------------------------------------------------------

date_texts = st.one_of(
    st.text(max_size=40),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S %z")),
    st.sampled_from(["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "2024-02-30", "Z", "T"]),
)


@FAST
@given(st.one_of(date_texts, st.datetimes(timezones=st.timezones()), st.dates(), st.integers(), st.none()))
def test_any_date_becomes_an_aware_utc_time_or_none(value: object):
    when = parse_when(value)
    assert when is None or (isinstance(when, dt.datetime) and when.utcoffset() == dt.timedelta(0))


@FAST
@given(st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(9998, 12, 30)),
       st.integers(-14 * 60, 14 * 60))
def test_an_iso_timestamp_keeps_its_instant(local: dt.datetime, offset_minutes: int):
    # Fixed offsets, as written in feeds: a zone's nonexistent DST-gap times have no one instant.
    when = local.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes)))
    assert parse_when(when.isoformat()) == when


# --- Comtrade -----------------------------------------------------------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
FIELDS = ["period", "refPeriodId", "reporterCode", "partnerCode", "flowCode", "cmdCode", "primaryValue",
          "cifvalue", "fobvalue", "netWgt", "qty", "qtyUnitAbbr", "partner2Code", "motCode", "customsCode"]
records = st.dictionaries(st.sampled_from([*FIELDS, "junk"]), json_values, max_size=12)


@FAST
@given(records)
def test_any_record_becomes_a_trade_row_or_a_record_error(record: dict):
    try:
        row = to_flow_row(record, "comtrade-api", NOW)
    except RecordError:
        return
    assert row["hs_code"].isdigit() and 2 <= len(row["hs_code"]) <= 6
    assert len(row["reporter_iso3"]) == 3 and len(row["partner_iso3"]) == 3
    assert row["flow"] in {"X", "M", "RX", "RM"}


@FAST
@given(st.one_of(st.binary(max_size=500), st.lists(records, max_size=5).map(
    lambda rs: json.dumps({"count": len(rs), "data": rs}).encode())))
def test_any_answer_body_gives_rows_or_a_named_failure(body: bytes):
    data, kind, error = parse_body(body)
    if data is None:
        assert kind in {"malformed", "api_error"} and error
        return
    rows, bad = records_to_rows(data, NOW)
    assert len(rows) + len(bad) <= len(data)


@FAST
@given(st.sampled_from(["7108", "2615", "4403"]), st.sampled_from(["X", "M"]),
       st.floats(min_value=0, max_value=1e12, allow_nan=False), st.one_of(st.none(), st.floats(0, 1e9)))
def test_a_valid_record_maps_its_values(hs: str, flow: str, value: float, kg: float | None):
    rec = {"period": "2023", "reporterCode": 180, "partnerCode": 784, "flowCode": flow, "cmdCode": hs,
           "primaryValue": value, "netWgt": kg}
    row = to_flow_row(rec, "comtrade-api", NOW)
    assert (row["hs_code"], row["flow"], row["value_usd"], row["net_kg"]) == (hs, flow, value, kg)
    assert (row["reporter_iso3"], row["partner_iso3"]) == ("COD", "ARE")


# --- extract-text input -------------------------------------------------------------------------


@FAST
@given(st.one_of(st.text(max_size=300), json_values.map(json.dumps),
                 st.dictionaries(st.sampled_from(["id", "text", "lang"]), json_values).map(json.dumps)))
def test_any_extract_text_line_is_an_input_or_an_error_naming_the_line(line: str):
    from ocwatch.nlp.analyze import DocInput
    from ocwatch.nlp.extract_text import parse_line

    parsed = parse_line(line, 7)
    assert isinstance(parsed, DocInput) or ("line 7" in parsed["error"] and parsed["error_kind"])


def test_deeply_nested_extract_text_line_is_a_named_error():
    from ocwatch.nlp.extract_text import parse_line

    parsed = parse_line("[" * 100_000, 3)
    assert parsed["error_kind"] == "bad_json" and "line 3" in parsed["error"]
