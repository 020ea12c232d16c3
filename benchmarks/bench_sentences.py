"""Benchmark analysis.sentences against pySBD: accuracy on the shared cases, agreement and speed on PolNeAR.

Run from the repo root: ``python benchmarks/bench_sentences.py`` (reports on PolNeAR dev).
``--split train --show 40`` also prints a sample of the boundaries where it and pySBD
disagree, for inspection. PolNeAR parts are skipped with a message when ../shared is absent; pySBD
(a dev dependency) is the reference splitter.
"""
from __future__ import annotations

import argparse
import random
import sys
import time

from _shared import POLNEAR, REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "tests"))

from analysis.sentences import sentence_spans  # noqa: E402
from sentence_cases import read_cases  # noqa: E402


def pysbd_segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def align(text: str, start: int, sentences: list[str]) -> list[tuple[int, int]] | None:
    """Offsets of pySBD's sentence strings in ``text`` from ``start``; None if one is not found."""
    spans, cursor = [], start
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        found = text.find(sentence, cursor)
        if found < 0:
            return None
        spans.append((found, found + len(sentence)))
        cursor = found + len(sentence)
    return spans


def case_accuracy(segmenter) -> None:
    cases = read_cases()
    ours = pysbd = 0
    by_category: dict[str, list[int]] = {}
    for case in cases:
        got = [case.text[s:e] for s, e in sentence_spans(case.text)]
        reference = [s.strip() for s in segmenter.segment(case.text) if s.strip()]
        tally = by_category.setdefault(case.category, [0, 0, 0])
        tally[0] += 1
        tally[1] += got == case.sentences
        tally[2] += reference == case.sentences
        ours += got == case.sentences
        pysbd += reference == case.sentences
    print(f"## Cases ({len(cases)} in tests/data/sentence_cases.txt): exact sentence lists")
    print(f"NewsLens {ours}/{len(cases)}   pySBD {pysbd}/{len(cases)}")
    for category, (n, o, p) in by_category.items():
        print(f"  {category:<14} n={n:<3} NewsLens {o:<3} pySBD {p}")


def paragraphs(split: str) -> list[tuple[str, str, int, int]]:
    """(file name, document text, start, end) of every non-blank line of a PolNeAR split."""
    found = []
    for path in sorted((POLNEAR / split / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                found.append((path.name, text, offset, offset + len(line)))
            offset += len(line) + 1
    return found


def polnear(split: str, segmenter, show: int, seed: int) -> None:
    if not (POLNEAR / split / "text").is_dir():
        print(f"## PolNeAR {split}: skipped, {POLNEAR / split / 'text'} is absent")
        return
    paras = paragraphs(split)
    words = sum(len(text[s:e].split()) for _, text, s, e in paras)

    started = time.perf_counter()
    reference_raw = [segmenter.segment(text[s:e]) for _, text, s, e in paras]
    pysbd_seconds = time.perf_counter() - started

    ours_seconds = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        ours = [sentence_spans(text, s, e) for _, text, s, e in paras]
        ours_seconds = min(ours_seconds, time.perf_counter() - started)

    same_paragraphs = unaligned = both = only_ours = only_pysbd = 0
    disagreements = []
    for (name, text, s, e), mine, raw in zip(paras, ours, reference_raw):
        reference = align(text, s, raw)
        if reference is None:
            unaligned += 1
            continue
        cuts_ours = {a for a, _ in mine[1:]}
        cuts_ref = {a for a, _ in reference[1:]}
        same_paragraphs += mine == reference
        both += len(cuts_ours & cuts_ref)
        only_ours += len(cuts_ours - cuts_ref)
        only_pysbd += len(cuts_ref - cuts_ours)
        for cut in cuts_ours ^ cuts_ref:
            disagreements.append((name, text, s, e, cut, "NewsLens" if cut in cuts_ours else "pySBD"))

    aligned = len(paras) - unaligned
    print(f"## PolNeAR {split}: {len(paras)} paragraphs, {words} words")
    print(f"pySBD    {pysbd_seconds:8.3f} s  {words / pysbd_seconds:12,.0f} words/s (one pass)")
    print(f"NewsLens {ours_seconds:8.3f} s  {words / ours_seconds:12,.0f} words/s (best of 5)")
    print(f"speed ratio NewsLens / pySBD: {pysbd_seconds / ours_seconds:.1f}x")
    print(f"paragraphs with identical sentences: {same_paragraphs}/{aligned}"
          f" ({same_paragraphs / max(aligned, 1):.1%}); pySBD output not alignable: {unaligned}")
    print(f"sentence boundaries: both {both}, only NewsLens {only_ours}, only pySBD {only_pysbd};"
          f" agreement {both / max(both + only_ours + only_pysbd, 1):.1%}")
    if show:
        random.Random(seed).shuffle(disagreements)
        for name, text, s, e, cut, side in sorted(disagreements[:show], key=lambda d: d[5]):
            left = text[max(s, cut - 70):cut].replace("\n", " ")
            right = text[cut:min(e, cut + 50)].replace("\n", " ")
            print(f"- cut only by {side:<8} {name}@{cut}: …{left} ‖ {right}…")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--show", type=int, default=0, help="print this many sampled disagreements")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    segmenter = pysbd_segmenter()
    case_accuracy(segmenter)
    polnear(args.split, segmenter, args.show, args.seed)


if __name__ == "__main__":
    main()
