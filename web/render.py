"""Templates (Jinja2, autoescaped) and the filters that keep web strings inert."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ocwatch.web.i18n import LANGS, translator

TEMPLATES = Path(__file__).parent / "templates"


def safe_href(url: object) -> str | None:
    """The URL when it is http(s) with a host, else None: a source's
    `javascript:` or `data:` link is shown as text, never as a link."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def fmt(value: object, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "–"
        return f"{value:,.{digits}f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def qs(base: dict | None = None, **changes: object) -> str:
    """A query string: ``base`` with ``changes`` applied, empty values dropped."""
    values = dict(base or {})
    values.update(changes)
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["fmt"] = fmt
    env.globals["safe_href"] = safe_href
    env.globals["qs"] = qs
    return env


ENV = _env()


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or ""
    if lang in LANGS:
        return lang
    accept = request.headers.get("accept-language", "")
    return "fr" if accept.lower().startswith("fr") else "en"


def page(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    lang = lang_of(request)
    session = getattr(request.state, "session", None)
    html = ENV.get_template(template).render(
        request=request, t=translator(lang), lang=lang, session=session,
        csrf=session.csrf if session else "", params=dict(request.query_params),
        index_state=_index_state(request) if session else "ok", **context)
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def _index_state(request: Request) -> str:
    from ocwatch.web.search import index_state

    return index_state(request.app.state.warehouse)[1]


def json_script(value: object) -> Markup:
    """JSON for a <script type="application/json"> block: <, > and & escaped, so a
    string holding </script> cannot end the block."""
    import json

    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


ENV.filters["json_script"] = json_script


def _hl(text: object) -> Markup:
    from ocwatch.web.search import highlight

    return highlight(None if text is None else str(text))


ENV.filters["hl"] = _hl
