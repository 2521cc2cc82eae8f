"""The analyst workbench: a web application over the warehouse (``ocwatch serve``).

Server-rendered pages (Starlette + Jinja2, autoescaped) over the warehouse opened
read-only; the only file it writes is its users/sessions store beside the
warehouse (and the search index it derives from the warehouse). docs/WORKBENCH.md.
"""

from ocwatch.web.app import create_app

__all__ = ["create_app"]
