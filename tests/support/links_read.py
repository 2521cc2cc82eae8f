"""What the pipeline reads from one text: its result, and the links an indicator would count."""

from __future__ import annotations

from ocwatch.nlp.analyze import DocInput, DocResult, analyze


def read(text: str, lang: str = "en") -> DocResult:
    """The pipeline's result for one text, relevance gate off."""
    (res,) = analyze([DocInput("t", text, lang)], use_gate=False)
    return res


def counted(text: str, lang: str = "en") -> set[tuple[str | None, str, str]]:
    """(actor words, market, place words) of the asserted links whose actor takes part or is none."""
    return {(x["actor_surface"], x["market"], x["place_surface"]) for x in read(text, lang).links
            if x["status"] == "asserted" and x["role"] in (None, "participant")}


def mentioned(text: str, kind: str, lang: str = "en") -> set[str]:
    """The words of the mentions of one kind ("actor", "location", "commodity") the pipeline finds in one text."""
    return {m["surface"] for m in read(text, lang).mentions if m["kind"] == kind}


def markets(text: str, lang: str = "en") -> set[str]:
    """The markets of the goods and activity mentions the pipeline finds in one text."""
    return {m["market"] for m in read(text, lang).mentions if m["kind"] == "commodity"}


def has_link(keys: set[tuple[str | None, str, str]], actor: str | None, market: str, place: str) -> bool:
    """A counted key of the market at the place whose actor holds ``actor``'s words, or none for None."""
    return any(k[1] == market and k[2] == place and (k[0] is None if actor is None else actor in (k[0] or ""))
               for k in keys)
