"""Run-in lead-ins (a bold or italic heading opening its paragraph) never join the sentence after them.

Issue 15 item 2, what was left: "<p><strong>Gold smuggling</strong> The M23 has...",
a dateline "<b>Bunia</b> — Des hommes armés...", a label "<em>Background</em>: ...",
and in a PDF a bold run opening a line ("Coltan and cassiterite in North Kivu The
M23 has..."). Bold words in running prose and a bold subject the sentence goes on
from stay in their sentence.
"""

from __future__ import annotations

import pytest
from fpdf import FPDF
from lxml import html as lxml_html

from ocwatch.nlp.pipeline import get_nlp
from ocwatch.spiders.documents.leadins import leadin_cut
from ocwatch.spiders.documents.parse import extract_document
from tests.support.glued import glued_headings, html_headings, html_leadins

EN_BODY = "The M23 has controlled the coltan mines of Rubaya since April 2024 and taxes every bag sent to Goma."
FR_BODY = "Des hommes armés ont attaqué un convoi de cassitérite près de Mambasa, selon des sources locales."
EN_LEADS = [("<strong>Gold smuggling</strong> ", "Gold smuggling"), ("<b>Bunia</b> — ", "Bunia —"),
            ("<em>Background</em>: ", "Background:"), ("<strong>Coltan in North Kivu:</strong> ", "Coltan in North Kivu:"),
            ("<b>GOMA, DR Congo (Reuters)</b> – ", "GOMA, DR Congo (Reuters) –")]
FR_LEADS = [("<strong>Contrebande d'or</strong> ", "Contrebande d'or"), ("<b>Bunia</b> — ", "Bunia —"),
            ("<em>Contexte</em> : ", "Contexte :"), ("<strong>Le coltan du Nord-Kivu</strong> ", "Le coltan du Nord-Kivu")]


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"<html><head><title>Gold in Ituri</title></head><body><article><h1>Gold in Ituri</h1>\n{body}</article></body></html>"


def _extract(html: str, lang: str) -> str:
    return extract_document(html.encode(), "text/html", "https://example.org/a.html", lang).text


def _sentences(text: str, lang: str) -> list[str]:
    doc = get_nlp(lang)(text)
    assert all(text[s.start_char: s.end_char] == s.text for s in doc.sents)  # offsets into the stored text
    return [s.text for s in doc.sents if not s.text.isspace()]


@pytest.mark.parametrize(("leads", "body", "lang"), [(EN_LEADS, EN_BODY, "en"), (FR_LEADS, FR_BODY, "fr")])
def test_html_run_in_lead_ins_are_paragraphs_of_their_own_and_join_no_sentence(leads, body, lang):
    html = _page([f"{markup}{body} {body}" for markup, _ in leads])
    text = _extract(html, lang)
    paragraphs = text.split("\n\n")
    for _, lead in leads:
        assert lead in paragraphs, lead
    assert paragraphs.count(f"{body} {body}") == len(leads)  # the text after each lead-in, whole
    sentences = _sentences(text, lang)
    assert glued_headings(sentences, [*html_headings(html), *html_leadins(html)]) == []
    assert {lead for _, lead in leads} <= set(sentences)


BOLD_IN_PROSE = [
    "Witnesses said the <b>M23</b> controls the town of Rubaya and taxes every bag of coltan.",
    "<strong>Les FARDC</strong> ont saisi deux tonnes de cassitérite à Goma, selon un communiqué.",
    "<b>The M23</b> took the town of Rubaya in April 2024, witnesses said.",
    "<b>According to</b> UN experts, the ADF sells the gold of Mambasa in Kampala.",
    "<strong>The M23 took Rubaya in April 2024.</strong> The UN experts said so in their report.",
    "<em>Africa Confidential</em>, a newsletter, reported that gold leaves Bunia for Kampala.",
    "<b>Ivana Jelić</b> (Serbia) found gold near Mambasa and sold it in Kampala last year.",
    "<b>M</b>23 rebels took the town of Rubaya in April 2024, witnesses said again.",
    "<b>On Monday</b> M23 rebels took the town of Rubaya, witnesses said.",
]


@pytest.mark.parametrize("paragraph", BOLD_IN_PROSE)
def test_bold_words_in_prose_and_bold_subjects_stay_in_their_sentence(paragraph):
    html = _page([paragraph, EN_BODY])
    plain = " ".join(lxml_html.fragment_fromstring(paragraph, create_parent="p").text_content().split())
    assert plain in _extract(html, "en").split("\n\n")  # the paragraph whole, bold words and all
    assert html_leadins(html) == []  # nor does the evidence measure take it for a lead-in


@pytest.mark.parametrize("block", ["p", "div"])
def test_a_short_unpunctuated_line_before_a_line_break_is_a_paragraph_of_its_own(block):
    html = (f"<html><body><article><h1>Gold in Ituri</h1><p>{EN_BODY} {EN_BODY}</p>"
            f"<{block}>Gold smuggling in Ituri<br>{EN_BODY} {EN_BODY}</{block}></article></body></html>")
    text = _extract(html, "en")
    assert "Gold smuggling in Ituri" in text.split("\n\n")
    assert "Gold smuggling in Ituri" in _sentences(text, "en")


@pytest.mark.parametrize(("lead", "after", "cut"), [
    ("Gold smuggling", " The M23 has", 1), ("Bunia", " — Des hommes", 3), ("Background", ": The ADF", 2),
    ("Coltan:", " The M23", 1), ("2. Coltan and cassiterite", " The M23", 1), ("« Or de l'Ituri »", " Les ADF", 1),
    ("Les FARDC", " ont saisi", None), ("M23", " controls", None), ("According to", " UN experts", None),
    ("The M23 took Goma.", " The UN", None), ("2.", " Coltan", None), ("•", " The M23", None),
    ("Gold smuggling", "", None), ("M", "23 rebels", None), ("Ivana Jelić", " (Serbia) found", None),
    ('Read the book about alien life, "', 'Out There" now', None), ('"Gold rush"', " The ADF", 1),
    ("a very long bold run that goes on and on well past what any heading holds in words", " The", None),
    # a run that says when opens the sentence: a name after it does not make it a heading, a separator does
    ("On Monday", " M23 rebels took", None), ("Last week", " The FARDC said", None),
    ("Lundi matin", " Les ADF ont", None), ("In brief", " The M23 has", 1), ("On Monday", " — M23 rebels", 3),
])
def test_a_lead_in_is_short_unfinished_not_open_ended_and_followed_by_a_sentence_start(lead, after, cut):
    assert leadin_cut(lead, after) == cut


def _pdf(lines: list[str]) -> bytes:
    """Body-font paragraphs with a gap between them; ``**...**`` is set in bold, as fpdf2's markdown does."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT", markdown=True)
        pdf.ln(4)
    return bytes(pdf.output())


# Paragraphs of several lines, as in a report: the usual line spacing is then the one inside them.
PDF_EN = ("The ADF took control of gold pits near Mambasa in October 2026. Traders in Beni buy the gold and smuggle "
          "it to Kampala. From there it is flown to Dubai, where refiners buy it without asking where it was mined.")
PDF_FR = ("Les ADF ont pris le contrôle de puits d'or près de Mambasa en octobre 2026. Des négociants de Beni "
          "achètent l'or et le font passer à Kampala, d'où il part vers Dubaï sans que personne ne demande d'où il vient.")


@pytest.mark.parametrize(("lead", "body", "lang"), [
    ("Coltan and cassiterite in North Kivu", EN_BODY, "en"), ("Le coltan du Nord-Kivu", FR_BODY, "fr")])
def test_a_bold_run_opening_a_pdf_paragraph_is_a_paragraph_of_its_own(lead, body, lang):
    first = PDF_EN if lang == "en" else PDF_FR
    # The lead-in's paragraph wraps: its second line starts with a capital in the body font.
    text = extract_document(_pdf([first, f"**{lead}** {body} {body}", first]),
                            "application/pdf", "http://x/report.pdf", lang).text
    paragraphs = text.split("\n\n")
    assert paragraphs == [first, lead, f"{body} {body}", first]
    sentences = _sentences(text, lang)
    assert glued_headings(sentences, [lead]) == []
    assert lead in sentences


def test_a_bold_heading_that_wraps_onto_the_line_of_its_text_stays_whole():
    head = "Transnational coltan, cassiterite and wolframite smuggling networks operating in North Kivu's highlands"
    text = extract_document(_pdf([PDF_EN, f"**{head}** {EN_BODY} {EN_BODY}", PDF_EN]),
                            "application/pdf", "http://x/report.pdf", "en").text
    assert text.split("\n\n") == [PDF_EN, head, f"{EN_BODY} {EN_BODY}", PDF_EN]


PDF_PROSE = [  # a word in a font of its own, not a lead-in
    "Witnesses said that the **M23** controls the town and taxes every bag of coltan.",
    "**Les FARDC** ont saisi deux tonnes de cassitérite à Goma, selon un communiqué de l'armée.",
    "Witnesses in Rubaya told **UN Experts** that the M23 taxes every bag of coltan carried out of the mines.",
]


def test_bold_words_inside_pdf_prose_and_a_bold_subject_are_no_lead_in():
    filler = f"{PDF_EN} {PDF_EN}"
    text = extract_document(_pdf([filler, *PDF_PROSE, filler]), "application/pdf", "http://x/report.pdf", "en").text
    assert text.split("\n\n") == [filler, *(line.replace("**", "") for line in PDF_PROSE), filler]


def test_the_glued_counter_catches_a_run_in_lead_in_and_not_bold_prose():
    html = _page(["<strong>Gold smuggling</strong> The M23 has taken Rubaya.", "The <b>M23</b> has taken Rubaya.",
                  "<b>Les FARDC</b> ont saisi de l'or."])
    leads = html_leadins(html)
    assert [h.text for h in leads] == ["Gold smuggling"]
    assert glued_headings(["Gold smuggling The M23 has taken Rubaya."], leads) != []
    assert glued_headings(["Gold smuggling", "The M23 has taken Rubaya."], leads) == []
