"""Language routing: trust a source's declared language; detect it where the source says 'auto'."""

from __future__ import annotations

from functools import cache

from ocwatch.nlp import config

_UNDECLARED = {"", "auto", "und", "mul", "none"}


SHORT_TEXT = 300  # below this many characters only our own languages are candidates


@cache
def _identifier(only_supported: bool):  # py3langid has no public type for its identifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Restricting the candidates keeps a short text from landing on a rare language.
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    others = [] if only_supported else ["de", "it", "nl", "ar", "ru", "zh", "sw"]
    ident.set_languages([*config.SUPPORTED, *others])
    return ident


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    head = (text or "")[: config.LANGID_CHARS]
    if len(head.strip()) < 20:
        return None
    lang, _ = _identifier(len(head) < SHORT_TEXT).classify(head)
    return lang


def route(declared: str | None, text: str) -> str | None:
    """The language to process the text as: the declared one (first subtag), else detected."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if code not in _UNDECLARED:
        return code
    return detect(text)
