"""Paragraph breaks are hard sentence boundaries, and sentence offsets stay offsets into the stored text."""

from __future__ import annotations

import pytest

from ocwatch.demo.pdf_report import build_pdf
from ocwatch.nlp.analyze import SEGMENT_CHARS, DocInput, analyze
from ocwatch.nlp.pipeline import get_nlp
from ocwatch.spiders.documents.parse import extract_document

GLUED = ("It is consistent with large-scale gold smuggling.\n\n2. Coltan and cassiterite in North Kivu\n\n"
         "The M23 has controlled the coltan mines of Rubaya and collects a tax on each bag of coltan.")
FRENCH = ("Les ADF ont pris le contrôle de puits d'or près de Mambasa\n\n"
          "Les FARDC ont saisi de l'or à Mahagi. Les négociants de Bunia l'ont acheté.")


def _sentences(lang: str, text: str) -> list[str]:
    return [s.text for s in get_nlp(lang)(text).sents if not s.text.isspace()]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_heading_between_two_paragraphs_is_a_sentence_of_its_own(lang: str) -> None:
    assert _sentences(lang, GLUED) == [
        "It is consistent with large-scale gold smuggling.", "2. Coltan and cassiterite in North Kivu",
        "The M23 has controlled the coltan mines of Rubaya and collects a tax on each bag of coltan."]


def test_a_paragraph_without_final_punctuation_never_runs_into_the_next() -> None:
    assert _sentences("fr", FRENCH)[0] == "Les ADF ont pris le contrôle de puits d'or près de Mambasa"


def test_a_name_of_several_capitalised_words_is_never_cut_into_two_sentences() -> None:
    text = ("DOUALA — Trois trafiquants présumés, dont Emmanuel Tabi Ndip, ont été interpellés lundi à Douala en "
            "possession de 700 kilos d'écailles de pangolin, a annoncé la police.")
    assert _sentences("fr", text) == [text]


LINES = {
    "en": ("It is consistent with large-scale gold smuggling.\n2. Coltan and cassiterite in North Kivu\n"
           "The M23 has controlled the coltan mines of Rubaya.\nGold in Ituri\nThe ADF took gold pits near Mambasa.\n"
           "• CODECO escorts couriers to Mahagi\n• The ADF sells gold near Mambasa"),
    "fr": ("Les négociants achètent l'or.\nL'or en Ituri\nLes ADF ont pris des puits d'or près de Mambasa.\n"
           "a) les FARDC saisissent l'or\nb) les négociants l'achètent\n(iii) Les FARDC saisissent l'or à Mahagi."),
    "es": "El oro sale de Ituri.\n2. El coltán en Kivu del Norte\nEl M23 controla las minas de Rubaya.",
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_heading_or_list_item_on_its_own_line_is_a_sentence_even_after_a_single_newline(lang: str) -> None:
    # Text given to extract-text keeps its single newlines; the splitter crossed them (before: 2 sentences of 7 in en).
    assert _sentences(lang, LINES[lang]) == LINES[lang].split("\n")


def test_a_line_wrapped_mid_sentence_is_not_cut() -> None:
    wrapped = ("Gold from Ituri is smuggled to Kampala by traders who buy it from\nCODECO fighters at Mongbwalu and "
               "from the ADF near Mambasa, and the\nUnited Arab Emirates import more gold than DR Congo reports.\n")
    assert _sentences("en", wrapped) == [wrapped]
    dates = "The ADF killed\n12 people in Djugu on\n15 November, and\n- according to residents - took gold."
    assert _sentences("en", dates) == [dates]


def _rows(text: str, lang: str = "en") -> list[dict]:
    (result,) = analyze([DocInput("d1", text, lang)], use_gate=False)
    assert result.error_kind is None
    return result.sentences


def test_panel_report_sentences_never_cross_a_paragraph_and_offsets_round_trip() -> None:
    text = extract_document(build_pdf(), "application/pdf", "http://x/report.pdf").text
    sentences = _rows(text)
    assert len(sentences) > 10
    for s in sentences:
        assert "\n\n" not in s["text"]
        assert text[s["start_char"]: s["end_char"]] == s["text"]
    heads = [s["text"] for s in sentences if "Recommendations" in s["text"]]
    assert heads == []  # the heading has no mention: it is no longer glued to a sentence that has some
    recommended = [s["text"] for s in sentences if s["text"].startswith("It is recommended")]
    assert recommended and all(t.endswith("the ADF.") for t in recommended)


def test_offsets_round_trip_in_a_long_text_read_in_segments() -> None:
    para = "Gold from Ituri is smuggled to Kampala by CODECO couriers. " * 30
    text = "\n\n".join(f"{i}. Section {i}\n\n{para.strip()}" for i in range(1, 60))
    assert len(text) > SEGMENT_CHARS  # so analyze cuts it, at paragraph breaks
    sentences = _rows(text)
    assert len(sentences) > 59 * 30 * 0.9
    assert len({s["sent_idx"] for s in sentences}) == len(sentences)
    for s in sentences:
        assert "\n\n" not in s["text"] and text[s["start_char"]: s["end_char"]] == s["text"]


def test_a_lower_case_word_after_a_year_goes_on_the_sentence() -> None:
    # the French senter split "depuis avril 2024 | les mines de coltan", and the group lost its mines
    text = "GOMA — Le M23/AFC contrôle depuis avril 2024 les mines de coltan de Rubaya, selon des creuseurs."
    (res,) = analyze([DocInput("t", text, "fr")], use_gate=False)
    assert [s["text"] for s in res.sentences] == [text]


def test_no_sentence_starts_right_after_an_opening_quote() -> None:
    text = ("PORT-AU-PRINCE — Le gang Grand Ravine, dirigé par un homme surnommé « Ti Lapli », rançonne les "
            "commerçants du marché de Martissant.")
    (res,) = analyze([DocInput("t", text, "fr")], use_gate=False)
    assert not any(s["text"].startswith("Ti Lapli") for s in res.sentences)


def test_a_sentence_starts_after_a_closing_straight_quote() -> None:
    text = 'GOMA — "The M23 taxes every lorry in Rubaya." Police arrested two men in Goma on Monday.'
    (res,) = analyze([DocInput("t", text, "en")], use_gate=False)
    assert any(s["text"].startswith("Police arrested") for s in res.sentences)
