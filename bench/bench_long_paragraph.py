"""The cost of one long paragraph against the same sentences in short paragraphs.

A PDF or a page with no blank lines reaches ``ocwatch.nlp.analyze`` as one
paragraph; the link rules and the confidence features read a paragraph as a
whole, so a cost that grows with the square of a paragraph's mentions shows
here first. Baseline, measured in the same run: the same sentences with a blank
line after every fifth. Both are timed in alternating rounds and the best round
of each is kept; the ratio (one paragraph / short paragraphs) stays near 1 when
the cost grows with the text alone. Every sentence holds a commodity and two
places, the densest text the rules meet.

Run: ``python -m bench.bench_long_paragraph [--chars N] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import resource
import time

from ocwatch.nlp.analyze import DocInput, analyze

SENTENCE = "Traders smuggled gold from Ituri to Kampala. "


def texts(chars: int) -> tuple[str, str]:
    n = chars // len(SENTENCE)
    one = SENTENCE * n
    short = "".join(SENTENCE + ("\n\n" if i % 5 == 4 else "") for i in range(n))
    return one, short


def timed(text: str, times: list[float]) -> int:
    start = time.perf_counter()
    [result] = list(analyze([DocInput("long", text, "en")], use_gate=False))
    times.append(time.perf_counter() - start)
    return len(result.links)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000, help="characters of text (analyze cuts at 200,000)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timed rounds of each (best kept)")
    args = parser.parse_args()
    one, short = texts(args.chars)
    list(analyze([DocInput("warm", SENTENCE, "en")], use_gate=False))  # models load outside the timings
    t_one: list[float] = []
    t_short: list[float] = []
    for _ in range(args.rounds):
        links_short = timed(short, t_short)
        links_one = timed(one, t_one)
    print(f"text: {len(one)} characters, {len(one) // len(SENTENCE)} sentences")
    print(f"short paragraphs (baseline): {min(t_short):6.1f} s best round, {links_short} links  (rounds {t_short})")
    print(f"one paragraph:               {min(t_one):6.1f} s best round, {links_one} links  (rounds {t_one})")
    print(f"ratio one / short: {min(t_one) / min(t_short):.2f} (target <= 1.5)")
    print(f"peak memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
