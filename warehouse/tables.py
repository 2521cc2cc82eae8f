"""Query results as a table people can read: numbers in full with thousands separators, long text wrapped.

Rules (README.md, "Reading query results"):
- whole numbers of five digits or more get thousands separators (12,345; a year
  such as 2026 stays as it is), never scientific notation;
- other numbers (measures: money, weights, scores): 1,000 and above with
  separators and nothing after the point, from 1 two decimals, below 1 four
  significant digits (0.0001234), in full however large or small;
- NULL is shown as NULL; numbers are right-aligned;
- text longer than ``max_width`` is wrapped onto more lines in its column
  (``max_width`` 0 never wraps: the column is as wide as its longest value).
"""

from __future__ import annotations

import decimal
import math
import textwrap
from typing import Any

GROUPED_FROM = 10_000  # "2026" is a year more often than a count; "12,345" reads better than "12345"


def number(v: float | int | decimal.Decimal) -> str:
    """A number in full: never 1.2e+09, with thousands separators where they help."""
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return f"{v:,}" if abs(v) >= GROUPED_FROM else str(v)
    f = float(v)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "Infinity" if f > 0 else "-Infinity"
    if f == int(f) and abs(f) < 1000:
        return str(int(f))
    if abs(f) >= 1000:
        return f"{f:,.0f}"
    if abs(f) >= 1:
        return f"{f:,.2f}"
    decimals = min(20, 3 - math.floor(math.log10(abs(f))))  # four significant digits
    return f"{f:.{decimals}f}".rstrip("0").rstrip(".")


def cell(v: Any) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, int | float | decimal.Decimal) and not isinstance(v, bool):
        return number(v)
    return " ".join(str(v).split()) if isinstance(v, str) else str(v).replace("\n", " ")


def _is_numeric(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, int | float | decimal.Decimal) and not isinstance(v, bool)
                                 for v in present)


def _wrap(text: str, width: int) -> list[str]:
    if width <= 0 or len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def render(cols: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """An aligned text table; every value appears in full, on more lines when longer than ``max_width``."""
    numeric = [_is_numeric([r[i] for r in rows]) for i in range(len(cols))]
    cells = [[cell(v) for v in r] for r in rows]
    widths = []
    for i, c in enumerate(cols):
        longest = max([len(c)] + [len(r[i]) for r in cells])
        widths.append(longest if max_width <= 0 or numeric[i] else min(longest, max(max_width, len(c))))

    def fmt(values: list[str]) -> list[str]:
        wrapped = [_wrap(v, w) for v, w in zip(values, widths, strict=True)]
        lines = []
        for n in range(max(len(w) for w in wrapped)):
            parts = [(w[n] if n < len(w) else "") for w in wrapped]
            lines.append(" | ".join(p.rjust(w) if num else p.ljust(w)
                                    for p, w, num in zip(parts, widths, numeric, strict=True)).rstrip())
        return lines

    out = [" | ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(),
           "-+-".join("-" * w for w in widths)]
    for r in cells:
        out += fmt(r)
    out.append(f"({len(rows):,} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
