"""Language routing: trust a source's declared language; detect it where the source says 'auto'."""

from __future__ import annotations

from functools import cache

from nlp import config

_UNDECLARED = {"", "auto", "und", "mul", "none"}


@cache
def _identifier():  # py3langid has no public type for its identifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Restricting to languages we route keeps a short text from landing on a rare language.
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    ident.set_languages([*config.SUPPORTED, "de", "it", "nl", "ar", "ru", "zh", "sw"])
    return ident


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    head = (text or "")[: config.LANGID_CHARS]
    if len(head.strip()) < 20:
        return None
    lang, _ = _identifier().classify(head)
    return lang


def route(declared: str | None, text: str) -> str | None:
    """The language to process the text as: the declared one (first subtag), else detected."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if code not in _UNDECLARED:
        return code
    return detect(text)
