"""The demo's PDF: an interim report of a (fictional) natural-resources monitoring panel, made with fpdf2.

It is the demo's `document` source: several pages of real prose about the
markets, the title, author and date in the PDF metadata, and the same
signals as the news (the gold surge in Ituri, Wazalendo at Rubaya).
fpdf2's core fonts are Latin-1, so the text stays within it.
"""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF

TITLE = "Interim report on natural resources and armed groups in eastern DR Congo"
AUTHOR = "Great Lakes Resource Monitoring Panel"
PUBLISHED = dt.datetime(2026, 11, 12, 9, 0, tzinfo=dt.UTC)

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Summary", (
        "This interim report covers the period from May to mid-November 2026. Its findings are that "
        "armed groups continue to finance themselves through the trade in gold, coltan and charcoal in "
        "Ituri and North Kivu, and that the gold trade in Ituri changed sharply in the first half of November.",
        "In the week of 9 November 2026 monitors received consistent reports of a surge in gold smuggling "
        "from Mongbwalu and Djugu through the Mahagi border post to Kampala, with CODECO fighters escorting "
        "couriers and the ADF selling gold from pits near Mambasa.",
    )),
    ("1. Gold in Ituri", (
        "Artisanal gold production in Ituri is estimated at several tonnes a year, while official exports "
        "of gold from the province remain marginal. The difference is smuggled, mostly to Uganda.",
        "CODECO controls gold mining sites around Mongbwalu and in Djugu territory and levies a fee on "
        "every gram of gold that leaves the pits. Monitors documented CODECO escorts accompanying gold "
        "couriers to Mahagi in November 2026.",
        "The ADF took control of gold pits near Mambasa in October 2026. Traders in Beni and Bunia buy "
        "the gold from the ADF and smuggle it to Kampala, from where it is flown to Dubai.",
        "Gold from Ituri reaches refineries in Dubai through traders in Kampala. United Arab Emirates "
        "import statistics record far larger imports of gold from DR Congo than DR Congo records as "
        "exports to the United Arab Emirates, a gap consistent with large-scale gold smuggling.",
    )),
    ("2. Coltan and cassiterite in North Kivu", (
        "The M23 has controlled the coltan mines of Rubaya in Masisi territory throughout the period and "
        "collects a tax on each bag of coltan. Coltan from Rubaya is exported through Rwanda, whose "
        "exports of tantalum ores exceed its known production.",
        "In November 2026 monitors received first reports that Wazalendo militias impose illegal taxes "
        "on coltan carried from Rubaya along paths outside M23 control. No earlier report had "
        "recorded any Wazalendo involvement in the coltan trade at Rubaya.",
        "Cassiterite from Masisi and Walikale continues to be sold through traders in Goma. Exports of "
        "tin ores declared by DR Congo are not matched by recorded imports in partner countries.",
    )),
    ("3. Charcoal in Virunga National Park", (
        "The illegal charcoal trade from Virunga National Park supplies most of the makala burned in "
        "Goma. The FDLR and other armed groups tax charcoal producers inside the park near Rutshuru.",
    )),
    ("4. Recommendations", (
        "It is recommended that the Government of DR Congo and its neighbours strengthen the "
        "traceability of gold, coltan and cassiterite, that refineries in the United Arab Emirates apply "
        "due diligence to gold from Uganda, and that the sanctions committee consider designating the "
        "traders who buy gold from CODECO and the ADF.",
    )),
)


class _Report(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 10, f"{AUTHOR} - interim report, November 2026 - page {self.page_no()}", align="C")


def build_pdf() -> bytes:
    """The report as PDF bytes; the same bytes on every run (fixed dates, no clock)."""
    pdf = _Report(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    pdf.set_subject("Natural resources, armed groups and criminal markets in Ituri and North Kivu")
    pdf.set_keywords("gold; coltan; charcoal; Ituri; North Kivu; CODECO; ADF; M23; Wazalendo")
    pdf.set_creator("ocwatch demo generator")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(PUBLISHED)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, f"{AUTHOR}\nPublished 12 November 2026\nReference GLRMP/2026/11", new_x="LMARGIN", new_y="NEXT")
    for i, (heading, paragraphs) in enumerate(SECTIONS):
        if i in (1, 3):  # a few pages, as a real report has
            pdf.add_page()
        pdf.ln(6)
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for text in paragraphs:
            pdf.ln(2)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
