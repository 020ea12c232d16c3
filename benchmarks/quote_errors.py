"""Error analysis of quote attribution on a PolNeAR split (train by default).

Runs :func:`analysis.quotes.find_quotes` in-process on every article, scores the result with
the shared scorer (``../shared/tools/attribution_score.py``, same metrics as
``bench_quotes.py``), then buckets the errors:

- gold attributions not found, by cue (lower-cased; ``<none>`` when the gold has no cue),
  direct/indirect, and whether the cue lies in the sentence where the content starts;
- found but not attributed: what the gold source looks like (pronoun, name, absent) and
  where it is (in the content's sentence or elsewhere);
- predicted attributions not in the gold (false positives), by rule;
- direct gold attributions not found, by shape (``--direct``): a prediction covers part of
  the content (``partial``), the content is mostly a quotation no prediction covers
  (``quotation uncovered``), or a clause with a quoted phrase inside (``mixed clause``).

Usage: python benchmarks/quote_errors.py [--split train|dev] [--examples N] [--top N]
       [--cue WORD] (only print examples for that gold cue) [--fp] (print false positives)
       [--direct] (print examples of each shape of direct miss)
"""
from __future__ import annotations

import argparse
import bisect
import collections
import sys

from _shared import POLNEAR, load_scorer, require_polnear

from analysis.quotes import find_quotes
from analysis.segment import segment

_PRONOUNS = frozenset("he she it they we i you who which".split())


def _predictions(text: str) -> list[dict]:
    segments = segment(text)
    out = []
    for a in find_quotes(text, segments):
        out.append({
            "cue": [(a.cue.start, a.cue.end)] if a.cue else None,
            "source": [(a.speaker.start, a.speaker.end)] if a.speaker else None,
            "content": [(s.start, s.end) for s in a.content],
            "rule": a.rule,
        })
    return out, segments


def _span_text(text: str, frags) -> str:
    return " … ".join(text[s:e] for s, e in frags or ()).replace("\n", " ⏎ ")


def _source_shape(text: str, frags) -> str:
    if not frags:
        return "no source"
    words = _span_text(text, frags).split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    if words and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an"):
        return "name"
    return "description"


def _direct_shape(doc, content, content_tokens: set, predicted: list[set]) -> str:
    """Why a direct gold content was missed: partly covered, an uncovered quotation, or a
    clause around a quoted phrase."""
    if any(content_tokens & tokens for tokens in predicted):
        return "partial (a prediction covers under half)"
    quoted = doc.tokens([(s, e) for s, e in _quoted_parts(doc.text, content)])
    if len(quoted & content_tokens) >= 0.5 * len(content_tokens):
        return "quotation uncovered"
    return "mixed clause (quoted phrase in a longer content)"


def _quoted_parts(text: str, content) -> list[tuple[int, int]]:
    """The stretches of ``content`` between double quotation marks (unclosed runs to the end)."""
    parts = []
    for start, end in content:
        inside, opened = False, start
        for position in range(start, end):
            if text[position] in '"“”„‟«»':
                if inside:
                    parts.append((opened, position + 1))
                inside, opened = not inside, position
        if inside:
            parts.append((opened, end))
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cue", help="print more examples of misses with this gold cue")
    parser.add_argument("--fp", action="store_true", help="print false-positive examples")
    parser.add_argument("--direct", action="store_true", help="print examples of direct misses by shape")
    args = parser.parse_args(argv)
    require_polnear()
    scorer = load_scorer()
    gold = scorer.load_gold(str(POLNEAR / args.split))

    missed = collections.Counter()
    missed_examples = collections.defaultdict(list)
    unattributed = collections.Counter()
    unattributed_examples = collections.defaultdict(list)
    false_pos = collections.Counter()
    false_pos_examples = collections.defaultdict(list)
    by_cue = collections.defaultdict(lambda: [0, 0])  # predicted cue -> [predicted, attributed]
    direct_missed = collections.Counter()
    direct_examples = collections.defaultdict(list)
    predictions = {}
    for stem, (text, gold_atts) in gold.items():
        preds, segments = _predictions(text)
        predictions[stem] = [{k: p[k] for k in ("cue", "source", "content")} for p in preds]
        doc = scorer.Doc(text)
        sentence_starts = [s.start for s in segments.sentences]
        sentence_of = lambda pos: bisect.bisect_right(sentence_starts, pos) - 1  # noqa: E731
        pred_tokens = [(p, doc.tokens(p["content"]), doc.tokens(p["source"])) for p in preds]
        for g in gold_atts:
            content_tokens = doc.tokens(g["content"])
            if not content_tokens:
                continue
            source_tokens = doc.tokens(g["source"])
            kind = "direct" if doc.is_direct(g["content"]) else "indirect"
            hits = [(p, ps) for p, pc, ps in pred_tokens if len(content_tokens & pc) >= 0.5 * len(content_tokens)]
            cue = _span_text(text, g["cue"]).lower() or "<none>"
            if g["cue"]:
                where = "same-sentence" if sentence_of(g["cue"][0][0]) == sentence_of(g["content"][0][0]) else "other-sentence"
            else:
                where = "no-cue"
            example = (stem, _span_text(text, g["source"]), _span_text(text, g["cue"]), _span_text(text, g["content"])[:160])
            if not hits and kind == "direct":
                shape = _direct_shape(doc, g["content"], content_tokens, [pc for _, pc, _ in pred_tokens])
                direct_missed[shape] += 1
                if len(direct_examples[shape]) < args.examples * 5:
                    direct_examples[shape].append(example)
            if not hits:
                key = (cue if len(cue) < 25 else cue[:22] + "...", kind, where)
                missed[key] += 1
                if len(missed_examples[key]) < args.examples or (args.cue and cue == args.cue):
                    missed_examples[key].append(example)
                continue
            ok = any((bool(ps & source_tokens) if source_tokens else not ps) for p, ps in hits)
            if not ok:
                shape = _source_shape(text, g["source"])
                if g["source"]:
                    where_source = "same-sentence" if sentence_of(g["source"][0][0]) == sentence_of(g["content"][0][0]) else "other-sentence"
                else:
                    where_source = "-"
                key = (shape, where_source, "pred-has-source" if any(ps for _, ps in hits) else "pred-no-source")
                unattributed[key] += 1
                if len(unattributed_examples[key]) < args.examples:
                    predicted = _span_text(text, hits[0][0]["source"])
                    unattributed_examples[key].append(example + (f"PRED SOURCE: {predicted}",))
        gold_tokens = [(doc.tokens(g["content"]), doc.tokens(g["source"])) for g in gold_atts]
        for p, pc, ps in pred_tokens:
            if not pc:
                continue
            cue_key = _span_text(text, p["cue"]).lower() or "<none>"
            by_cue[cue_key][0] += 1
            by_cue[cue_key][1] += any(
                len(pc & gc) >= 0.5 * len(pc) and (bool(ps & gs) if gs else not ps) for gc, gs in gold_tokens
            )
            if any(len(pc & gc) >= 0.5 * len(pc) for gc, _ in gold_tokens):
                continue
            false_pos[p["rule"]] += 1
            if len(false_pos_examples[p["rule"]]) < args.examples * 3:
                false_pos_examples[p["rule"]].append((stem, _span_text(text, p["source"]), _span_text(text, p["cue"]), _span_text(text, p["content"])[:160]))

    results = scorer.score(gold, predictions)
    scorer.print_table(results)

    print(f"\n== gold attributions not found ({sum(missed.values())}), by (cue, kind, cue sentence) ==")
    for key, count in missed.most_common(args.top):
        print(f"{count:5d}  {key}")
        if args.cue is None or key[0] == args.cue:
            for example in missed_examples[key][: (50 if args.cue else args.examples)]:
                print("         ", " | ".join(example))
    print(f"\n== found but not attributed ({sum(unattributed.values())}), by gold source shape ==")
    for key, count in unattributed.most_common(args.top):
        print(f"{count:5d}  {key}")
        for example in unattributed_examples[key][: args.examples]:
            print("         ", " | ".join(example))
    print("\n== predicted attributions by cue: predicted, attributed, precision (worst first) ==")
    ranked = sorted(by_cue.items(), key=lambda item: (item[1][1] / item[1][0], -item[1][0]))
    for cue, (n_pred, n_ok) in [item for item in ranked if item[1][0] >= 5][: args.top]:
        print(f"{n_pred:5d} {n_ok:5d}  {n_ok / n_pred:.2f}  {cue}")
    _print_buckets("direct gold attributions not found", "shape", direct_missed, direct_examples if args.direct else None)
    _print_buckets("predicted, not in gold", "rule", false_pos, false_pos_examples if args.fp else None)
    return 0


def _print_buckets(title: str, by: str, counts: collections.Counter, examples: dict | None) -> None:
    print(f"\n== {title} ({sum(counts.values())}), by {by} ==")
    for key, count in counts.most_common():
        print(f"{count:5d}  {key}")
        for example in (examples or {}).get(key, []):
            print("         ", " | ".join(example))


if __name__ == "__main__":
    sys.exit(main())
