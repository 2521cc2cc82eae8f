"""The weekly Serious and Organized Crime trend report (HTML and PDF) from the warehouse.

Public entry point: :func:`render_report`. :func:`build_report` gives the same
content as data (for tests, notebooks or another renderer).
"""

from ocwatch.report.assemble import build_report
from ocwatch.report.render import render_report
from ocwatch.report.weeks import parse_week

__all__ = ["build_report", "parse_week", "render_report"]
