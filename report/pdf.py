"""PDF rendering with fpdf2 from the same report model as the HTML, so both say the same.

Fonts are the DejaVu TTFs that ship with matplotlib: French accents and most
scripts in source titles render without a system font.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from ocwatch.report import socta_section
from ocwatch.report.model import Evidence, MarketBlock, Report, Table
from ocwatch.report.weeks import parse_week

# fontTools logs every glyph of every subset at INFO: pages of noise in a stage log.
logging.getLogger("fontTools").setLevel(logging.WARNING)

_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FONT = "DejaVu"


def _clean(text: str) -> str:
    # Control characters from scraped pages would corrupt the text stream.
    return _CONTROL.sub(" ", text or "")


class ReportPDF(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(format="A4")
        self.report = report
        self.add_font(FONT, "", str(_FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(_FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=15)
        self.set_title(_clean(f"{report.title} {report.week}"))
        self.set_lang(report.lang)
        # The week's Monday, not now(): one warehouse renders the same bytes on every rerun.
        monday = parse_week(report.week)[0]
        self.set_creation_date(dt.datetime(monday.year, monday.month, monday.day, tzinfo=dt.UTC))

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(110)
        self.cell(0, 5, _clean(f"{self.report.week} · {self.report.labels['page'].format(n=self.page_no())}"),
                  align="C")
        self.set_text_color(0)

    def heading(self, text: str, size: float = 13, keep: float = 0) -> None:
        # No heading alone at a page's foot: keep room for what follows (``keep`` mm for a chart).
        if self.will_page_break(max(keep, 30 if size >= 12 else 20)):
            self.add_page()
        self.ln(2)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, _clean(text), new_x="LMARGIN", new_y="NEXT")
        if size >= 12:
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def para(self, text: str, size: float = 9.5, style: str = "", link: str | None = None) -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.48, _clean(text), new_x="LMARGIN", new_y="NEXT", link=link or "",
                        align="L")

    def note(self, text: str) -> None:
        self.set_text_color(110)
        self.para(text)  # grey, not italic: each TTF face costs a third of a second to load
        self.set_text_color(0)

    def data_table(self, tbl: Table | None, no_data: str, widths: tuple[int, ...] | None = None) -> None:
        if tbl is None or not tbl.rows:
            self.note(no_data)
            return
        self.set_font(FONT, "", 7)
        with self.table(headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
                           line_height=3.4, text_align="LEFT", col_widths=widths, padding=0.8) as out:
            out.row([_clean(h) for h in tbl.headers])
            for cells in tbl.rows:
                row = out.row()
                for c in cells:
                    row.cell(_clean(c.text), link=c.href)
        if tbl.more:
            self.note(self.report.labels["more_rows"].format(n=tbl.more))
        self.ln(2)

    def image_bytes(self, data: bytes | None, width: float = 105) -> None:
        if data:
            self.image(io.BytesIO(data), w=width)
            self.ln(1)


def _evidence(pdf: ReportPDF, e: Evidence) -> None:
    grade = pdf.report.labels["grade"]
    tail = f" — {e.title} ({e.source_id}, {grade} {e.reliability}{', ' + e.published if e.published else ''})"
    pdf.para(f"• “{e.sentence}”{tail}", size=7.5, link=e.href)
    if not e.href and e.url:
        pdf.para(e.url, size=7)


def _block(pdf: ReportPDF, b: MarketBlock) -> None:
    if pdf.will_page_break(60):  # keep a block's heading with its chart
        pdf.add_page()
    pdf.heading(("▲ " if b.is_spike else "") + b.heading, size=10)
    pdf.para(" · ".join(f"{k}: {v}" for k, v in b.facts), size=8)
    pdf.image_bytes(b.chart)
    for e in b.evidence:
        _evidence(pdf, e)
    if not b.evidence:
        pdf.note(pdf.report.labels["no_evidence"])


def _summary(pdf: ReportPDF, r: Report) -> None:
    L = r.labels
    pdf.heading(L["summary"])
    if r.empty_note:
        pdf.para(r.empty_note, style="B")
    for i, f in enumerate(r.findings, 1):
        pdf.para(f"{i}. {f.text}")
        pdf.set_text_color(80)
        pdf.para(f.confidence, size=8)
        pdf.set_text_color(0)
        pdf.ln(1)
    if not r.findings:
        pdf.note(L["no_findings"])


def render_pdf(r: Report) -> bytes:
    L = r.labels
    pdf = ReportPDF(r)
    pdf.add_page()
    pdf.heading(r.title, size=16)
    pdf.para(r.subtitle)
    pdf.para(r.built_from, size=8)
    _summary(pdf, r)
    pdf.heading(L["markets"])
    for b in r.markets or []:
        _block(pdf, b)
    if r.markets_more:
        pdf.note(L["more_rows"].format(n=r.markets_more))
    if not r.markets:
        pdf.note(L["no_data"] if r.markets is None else L["no_activity"])
    pdf.heading(L["actors"])
    pdf.data_table(r.actors, L["no_links"] if r.actors is not None else L["no_data"], (14, 12, 14, 14, 10, 12, 34))
    pdf.heading(L["geography"])
    pdf.data_table(r.geography, L["no_data"], (16, 40, 10, 8, 14))
    _trade_and_coverage(pdf, r)
    socta_section.to_pdf(pdf, r.socta, L["no_data"])
    return bytes(pdf.output())


def _trade_and_coverage(pdf: ReportPDF, r: Report) -> None:
    L = r.labels
    pdf.heading(L["trade"])
    pdf.heading(L["mirror_gaps"], size=10, keep=80 if r.trade_chart else 0)
    pdf.image_bytes(r.trade_chart)
    pdf.data_table(r.trade_gaps, L["no_data"])
    pdf.heading(L["uv_outliers"], size=10)
    pdf.data_table(r.trade_outliers, L["no_data"])
    pdf.heading(L["coverage"])
    pdf.para(L["silence"], style="B")
    pdf.para(r.coverage_window, size=8)
    pdf.data_table(r.coverage, L["no_data"])
    pdf.heading(L["gaps"], size=10)
    pdf.data_table(r.coverage_gaps, L["no_gaps"] if r.coverage_gaps is not None else L["no_data"])
    pdf.heading(L["stage_errors"], size=10)
    pdf.data_table(r.stage_errors, L["no_data"])
    for p in r.problems:
        pdf.note(p)
    pdf.heading(L["method"])
    for m in r.method:
        pdf.para(f"• {m}", size=8.5)
        pdf.ln(0.5)
