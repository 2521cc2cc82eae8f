"""HTML rendering: one self-contained file (inline CSS, charts as data: URIs, no scripts)."""

from __future__ import annotations

import base64
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ocwatch.report.model import Report


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("ocwatch.report", "templates"),
        # Autoescape the .j2 template too: every string from the web is text, never markup.
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=False,
    )
    env.filters["b64"] = lambda data: base64.b64encode(data).decode("ascii")
    return env


def render_html(report: Report) -> str:
    return _env().get_template("report.html.j2").render(r=report, L=report.labels)
