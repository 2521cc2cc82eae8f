"""Texts in, sentence, mention and link rows out: routing, the relevance gate, batching.

This is the one entry point the stage (extract.py), the ad-hoc command
(extract_text.py) and the evaluation share, so all three see the same output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ocwatch.nlp import config, gate, lang, rows
from ocwatch.nlp.links import build_links, one_sentence_parser
from ocwatch.nlp.links.confidence import with_confidence
from ocwatch.nlp.pipeline import get_nlp, get_parser, model_version

# Texts longer than this are cut at paragraph breaks: spaCy's max_length guards
# memory, and a 300-page PDF report must still be read to the end.
SEGMENT_CHARS = 100_000
# The models read at most this much of one text (about 60 pages): memory and time grow with
# the text (measured 0.6 GB and a minute a 200,000 characters of entity-dense text on top of
# the models; 5 million took 15 GB), so a bigger text is cut, at a paragraph break when one is
# near, and the result says so (``cut``). docs/GUARANTEES.md.
MAX_TEXT_CHARS = 200_000
_BREAK = re.compile(r"\n\s*\n")


@dataclass
class DocInput:
    doc_id: str
    text: str | None
    lang: str | None = None


@dataclass
class DocResult:
    doc_id: str
    lang: str | None = None
    relevant: bool = False
    model_version: str | None = None
    sentences: list[rows.Row] = field(default_factory=list)
    mentions: list[rows.Row] = field(default_factory=list)
    links: list[rows.Row] = field(default_factory=list)
    error_kind: str | None = None
    error: str | None = None
    cut: int | None = None  # the text's length when only its first MAX_TEXT_CHARS were read


def segments(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a text, at paragraph breaks where possible, each at most ``limit`` long."""
    out, start = [], 0
    while len(text) - start > limit:
        cut = start + limit
        breaks = [m.end() for m in _BREAK.finditer(text, start + limit // 2, cut)]
        cut = breaks[-1] if breaks else cut
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def bounded(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """The first ``limit`` characters of a text, ending at a paragraph break in its last tenth if any."""
    if len(text) <= limit:
        return text
    breaks = [m.start() for m in _BREAK.finditer(text, limit - limit // 10, limit)]
    return text[: breaks[-1] if breaks else limit]


def _triage(item: DocInput, use_gate: bool) -> DocResult:
    """Route and gate one input; an unusable one comes back with its error set."""
    result = DocResult(item.doc_id)
    if not item.text or not item.text.strip():
        result.error_kind, result.error = "empty_text", f"document {item.doc_id}: no text to read"
        return result
    result.lang = lang.route(item.lang, item.text)
    if result.lang is None:  # too short for the detector, and nothing declared
        result.error_kind = "unknown_language"
        result.error = (f"document {item.doc_id}: cannot tell the language of {len(item.text.strip())} characters "
                        f"of text; declare it (\"lang\": one of {', '.join(config.SUPPORTED)})")
        return result
    if result.lang not in config.SUPPORTED:
        result.error_kind = "unsupported_language"
        result.error = (f"document {item.doc_id}: language {result.lang!r} is not supported "
                        f"(supported: {', '.join(config.SUPPORTED)})")
        return result
    result.relevant = not use_gate or gate.is_relevant(item.text, result.lang)
    return result


def _process(nlp: Language, item: DocInput, result: DocResult) -> None:
    sent_offset = 0
    texts = segments(item.text or "")
    for (offset, _), doc in zip(texts, nlp.pipe([t for _, t in texts]), strict=True):
        sentences, mentions, n = rows.doc_rows(doc, offset, sent_offset)
        result.sentences += sentences
        result.mentions += mentions
        sent_offset += n
    result.sentences, result.mentions = rows.resolve_context(result.sentences, result.mentions)
    _links(result, item.text or "")
    result.model_version = model_version(nlp)


def _links(result: DocResult, text: str) -> None:
    """Links from the parse of the sentences that can hold one, each with the link-confidence model's
    ``confidence`` (which only reads them: the links are the rules'); mentions get their status."""
    parser = get_parser(result.lang or "")
    result.links = build_links(text, result.sentences, result.mentions, one_sentence_parser(parser) if parser else None,
                               rows.dominant_country(result.mentions), lang=result.lang or "en")
    if parser is not None:  # rules-only languages keep plain co-occurrence, with no confidence
        result.links = with_confidence(text, result.sentences, result.mentions, result.links, result.lang or "en")


def _fill(nlp: Language, result: DocResult, doc: Doc) -> None:
    result.sentences, result.mentions, _ = rows.doc_rows(doc)
    result.sentences, result.mentions = rows.resolve_context(result.sentences, result.mentions)
    _links(result, doc.text)
    result.model_version = model_version(nlp)


Todo = list[tuple[DocInput, DocResult]]


def _process_parallel(nlp: Language, todo: Todo, n_process: int, batch_size: int) -> Todo:
    """One nlp.pipe over several processes; returns what is left for the batch path.

    Left: texts long enough to be cut in segments, or everything when a document
    fails (in batches one bad document costs only itself).
    """
    short = [(item, result) for item, result in todo if len(item.text or "") <= SEGMENT_CHARS]
    try:
        docs = nlp.pipe([item.text for item, _ in short], n_process=n_process, batch_size=batch_size)
        for (_, result), doc in zip(short, docs, strict=True):
            _fill(nlp, result, doc)
    except Exception:
        return todo
    return [(item, result) for item, result in todo if len(item.text or "") > SEGMENT_CHARS]


def _process_batch(nlp: Language, batch: Todo) -> None:
    if all(len(item.text or "") <= SEGMENT_CHARS for item, _ in batch):
        try:
            for (_item, result), doc in zip(batch, nlp.pipe([i.text for i, _ in batch]), strict=True):
                _fill(nlp, result, doc)
            return
        except Exception:  # one bad document must not cost the batch: redo it one by one
            pass
    for item, result in batch:
        result.sentences, result.mentions, result.links = [], [], []
        try:
            _process(nlp, item, result)
        except Exception as exc:
            result.sentences, result.mentions, result.links = [], [], []
            result.error_kind = "nlp_error"
            result.error = f"document {item.doc_id}: {type(exc).__name__}: {exc}"


def analyze(inputs: Iterable[DocInput], use_gate: bool = True, batch_size: int = config.BATCH_SIZE,
            n_process: int = 1) -> Iterator[DocResult]:
    """Results in input order; documents the gate finds irrelevant skip the model entirely.

    ``n_process > 1`` spreads a language's documents over that many processes
    (spaCy's own pool, forked with the loaded models) when there are more than
    ``config.PARALLEL_MIN_DOCS`` of them: below that, starting processes costs more than it saves.
    """
    items, cuts = [], []
    for item in inputs:
        text = item.text or ""
        cuts.append(len(text) if len(text) > MAX_TEXT_CHARS else None)
        items.append(DocInput(item.doc_id, bounded(text), item.lang) if cuts[-1] else item)
    results = [_triage(item, use_gate) for item in items]
    for result, cut in zip(results, cuts, strict=True):
        result.cut = cut
    by_lang: dict[str, list[tuple[DocInput, DocResult]]] = {}
    for item, result in zip(items, results, strict=True):
        if result.relevant and result.error_kind is None:
            by_lang.setdefault(result.lang or "", []).append((item, result))
    for code, todo in by_lang.items():
        nlp = get_nlp(code)
        if nlp is None:
            continue
        if n_process > 1 and len(todo) > config.PARALLEL_MIN_DOCS:
            todo = _process_parallel(nlp, todo, n_process, batch_size)
        for i in range(0, len(todo), batch_size):
            _process_batch(nlp, todo[i: i + batch_size])
    yield from results
