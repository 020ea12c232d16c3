"""Corpus scale on PolNeAR (train + dev texts): speed, scaling, equality, memory.

Measures, in one run so that ratios compare like with like:

1. words/s of the full pipeline (``analyze_article``) in one process, and of textstat's
   twelve readability functions alone on the same texts (the bar: pipeline >= 3x);
2. ``python -m analysis extract --out-dir`` with ``--jobs 1``, ``--jobs 2`` and on a new
   2-worker ``dask.distributed.LocalCluster`` (started beforehand with
   ``analysis.workers.start_local_cluster``; start-up timed apart),
   each in a fresh interpreter so that no run inherits warm caches, rounds alternated;
   Dask twice: on a cluster started apart (its start-up timed apart, not in the wall
   time) and end to end (``--engine dask --jobs N``: the command starts its own cluster);
   then that the three table sets and ``corpus.analyze`` on a pandas frame are identical;
3. peak RSS of ``python -m analysis extract`` on a generated JSON Lines corpus of 1x and
   10x PolNeAR (repeated texts with distinct ids, in a temporary folder), sampled from
   /proc for the main process and its workers.

Usage: ``python benchmarks/bench_corpus.py [--skip-speed] [--skip-scaling] [--skip-memory] [--multiplier 10]
[--jobs 2] [--rounds 2] [--copies 1]``.
Needs ../shared/benchmarks/polnear beside the repository; exits with a message if absent.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from _shared import REPO_ROOT, polnear_texts, require_polnear

from analysis import corpus  # noqa: E402
from analysis.load import from_text  # noqa: E402
from analysis.pipeline import analyze_article  # noqa: E402
from analysis.tables import TABLE_NAMES  # noqa: E402

TEXTSTAT_FUNCTIONS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score", "linsear_write_formula", "difficult_words",
    "lexicon_count", "sentence_count", "syllable_count",
)


def polnear_frame() -> pd.DataFrame:
    files = polnear_texts("train") + polnear_texts("dev")
    return pd.DataFrame({"id": [f.stem for f in files], "text": [f.read_text(encoding="utf-8") for f in files]})


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def stages_in_pipeline() -> list[str]:
    record = analyze_article(from_text(
        "The mayor of Springfield, Ann Lee, spoke on Monday. \u201cWe will vote next week,\u201d she said.\n", id="probe"
    ))
    present = ["segment"] if record["sentences"] else []
    return present + [key for key in ("quotes", "mentions", "readability") if record[key]]


def time_pipeline(texts: list[str]) -> float:
    articles = [from_text(text, id=str(n)) for n, text in enumerate(texts)]
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        analyze_article(article)
    print(f"  (pipeline CPU time: {time.process_time() - cpu_started:.1f} s)")
    return time.perf_counter() - started


def time_textstat(texts: list[str]) -> float | str:
    """Seconds for textstat's twelve functions on ``texts``, or why they could not run."""
    try:
        from analysis.syllables import use_cmudict_in_textstat
    except ImportError:
        # Without it textstat loads NLTK's cmudict and, when missing, tries to download it.
        return "skipped: analysis.syllables.use_cmudict_in_textstat is missing, textstat would download NLTK's cmudict"
    import textstat

    use_cmudict_in_textstat()
    functions = [getattr(textstat, name) for name in TEXTSTAT_FUNCTIONS]
    for text in texts[:20]:  # load the pronouncing dictionary and Pyphen before timing, as the pipeline's warm-up does
        for function in functions:
            function(text)
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        for function in functions:
            function(text)
    print(f"  (textstat CPU time: {time.process_time() - cpu_started:.1f} s)")
    return time.perf_counter() - started


def bench_speed(frame: pd.DataFrame) -> None:
    texts = frame["text"].tolist()
    words = sum(len(text.split()) for text in texts)
    time_pipeline(texts[:20])  # load data files and caches before timing
    pipeline_seconds = time_pipeline(texts)
    textstat_seconds = time_textstat(texts)
    print(f"speed: {len(texts)} articles, {words} words; load {load_average()}")
    print(f"  pipeline, one process: {pipeline_seconds:.1f} s = {words / pipeline_seconds:,.0f} words/s")
    if isinstance(textstat_seconds, str):
        print(f"  textstat: {textstat_seconds}")
    else:
        print(f"  textstat's 12 functions alone: {textstat_seconds:.1f} s = {words / textstat_seconds:,.0f} words/s")
        print(f"  pipeline / textstat speed: {textstat_seconds / pipeline_seconds:.2f}x")
    bench_stages(texts)


def bench_stages(texts: list[str]) -> None:
    """Seconds per stage, called in the order analyze_article calls them."""
    from analysis.entities import build_entity_index
    from analysis.mentions import find_mentions
    from analysis.quotes import find_quotes
    from analysis.readability import readability_record
    from analysis.segment import segment

    spent = dict.fromkeys(("segment", "entity index", "quotes", "mentions", "readability"), 0.0)
    cpu_started = time.process_time()
    for text in texts:
        started = time.perf_counter()
        segments = segment(text)
        spent["segment"] += time.perf_counter() - started
        started = time.perf_counter()
        entities = build_entity_index(text, segments)
        spent["entity index"] += time.perf_counter() - started
        started = time.perf_counter()
        attributions = find_quotes(text, segments, entities=entities)
        spent["quotes"] += time.perf_counter() - started
        started = time.perf_counter()
        find_mentions(text, segments, attributions, entities=entities)
        spent["mentions"] += time.perf_counter() - started
        started = time.perf_counter()
        readability_record(text, segments, quoted_spans=[span for a in attributions for span in a.content])
        spent["readability"] += time.perf_counter() - started
    print("  by stage: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in spent.items())
          + f" (wall; CPU time of the pass: {time.process_time() - cpu_started:.1f} s)")


def same_tables(left, right) -> bool:
    for name in TABLE_NAMES:
        try:
            pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))
        except AssertionError as exc:
            print(f"  DIFFERENT {name}: {str(exc).splitlines()[0]}")
            return False
    return True


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def cpu_seconds() -> float:
    """CPU time of this process and of its reaped children (the --jobs worker processes)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def dask_worker_cpu(client) -> float:
    import resource

    def worker_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    return sum(client.run(worker_cpu).values())


def extract_in_process(table: Path, out_dir: Path, options: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``python -m analysis extract`` in a fresh interpreter.

    The CPU time is that of the command and of its worker processes (reaped children).
    """
    import resource

    command = [sys.executable, "-m", "analysis", "extract", str(table), "--out-dir", str(out_dir), "--overwrite", *options]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def extract_on_dask(table: Path, out_dir: Path, *, workers: int) -> tuple[float, float, float]:
    """(start-up, wall, CPU) seconds of ``extract --engine dask`` on a new LocalCluster.

    The cluster is started (and timed) before the command, the kit's way
    (``analysis.workers.start_local_cluster``: a ``LocalCluster`` of one-thread worker
    processes forked from a forkserver that imported and warmed the pipeline and froze its
    objects out of the collector); its workers have analysed no article yet. The CPU time
    adds the command's, the workers' and this process's (the scheduler runs here).
    """
    from dask.distributed import Client

    from analysis.workers import start_local_cluster, stop_forkserver

    startup, cluster = timed(lambda: start_local_cluster(workers=workers))
    with cluster, Client(cluster) as client:
        own_before, workers_before = cpu_seconds(), dask_worker_cpu(client)
        seconds, command_cpu = extract_in_process(
            table, out_dir, ["--engine", "dask", "--scheduler", cluster.scheduler_address]
        )
        spent = cpu_seconds() - own_before - command_cpu + dask_worker_cpu(client) - workers_before
    stop_forkserver()
    return startup, seconds, command_cpu + spent


def bench_scaling(frame: pd.DataFrame, workdir: Path, *, jobs: int, rounds: int, copies: int = 1) -> None:
    """One process against ``--jobs N`` and Dask, each run in a fresh interpreter, rounds alternated.

    ``copies`` > 1 repeats the corpus under distinct ids (later copies meet warm word
    caches in every configuration alike), to see the runs' fixed start-up costs amortised.
    """
    table = workdir / "polnear.parquet"
    if copies > 1:
        frame = pd.concat([frame.assign(id=frame["id"] + f"#{copy}") for copy in range(copies)], ignore_index=True)
    frame.to_parquet(table, row_group_size=100)
    print(f"scaling: {len(frame)} articles ({copies}x PolNeAR); each run a fresh `python -m analysis extract TABLE "
          f"--out-dir`; load before {load_average()}")
    ratios: dict[str, list[float]] = {f"--jobs {jobs}": [], f"Dask {jobs} workers": [], "Dask end to end": []}
    for number in range(1, rounds + 1):
        one_wall, one_cpu = extract_in_process(table, workdir / "jobs1", ["--jobs", "1"])
        many_wall, many_cpu = extract_in_process(table, workdir / f"jobs{jobs}", ["--jobs", str(jobs)])
        startup, dask_wall, dask_cpu = extract_on_dask(table, workdir / "dask", workers=jobs)
        # End to end: the command starts and stops its own LocalCluster; the CPU time
        # includes the cluster's processes (reaped grandchildren).
        whole_wall, whole_cpu = extract_in_process(table, workdir / "dask_own", ["--engine", "dask", "--jobs", str(jobs)])
        print(f"  round {number}: --jobs 1 {one_wall:.1f} s wall ({one_cpu:.1f} s CPU); "
              f"--jobs {jobs} {many_wall:.1f} s ({many_cpu:.1f} s CPU) = {one_wall / many_wall:.2f}x; "
              f"Dask {jobs} workers {dask_wall:.1f} s ({dask_cpu:.1f} s CPU) = {one_wall / dask_wall:.2f}x "
              f"(cluster start-up {startup:.1f} s apart, not included); "
              f"Dask end to end {whole_wall:.1f} s ({whole_cpu:.1f} s CPU) = {one_wall / whole_wall:.2f}x; "
              f"load {load_average()}")
        for label, wall in zip(ratios, (many_wall, dask_wall, whole_wall)):
            ratios[label].append(one_wall / wall)
    print("  median of the rounds: " + "; ".join(
        f"{label} {statistics.median(values):.2f}x (range {min(values):.2f}-{max(values):.2f}x)" for label, values in ratios.items()
    ))
    reference = corpus.read_tables(workdir / "jobs1")
    pandas_tables = corpus.analyze(pd.read_parquet(table), source=str(table), jobs=jobs)
    checks = {
        f"--jobs {jobs}": corpus.read_tables(workdir / f"jobs{jobs}"),
        "dask": corpus.read_tables(workdir / "dask"),
        "dask end to end": corpus.read_tables(workdir / "dask_own"),
        "corpus.analyze(pandas)": pandas_tables,
    }
    rows = {name: len(getattr(reference, name)) for name in TABLE_NAMES}
    print(f"  rows: {rows}")
    for label, tables in checks.items():
        print(f"  {label} tables identical to --jobs 1: {same_tables(reference, tables)}")


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found.append(int(child))
                found.extend(_children(int(child)))
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss(command: list[str]) -> tuple[float, int, int, int]:
    """(seconds, peak main-process RSS, peak single-worker RSS, peak total RSS) in KiB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main_peak = worker_peak = total_peak = 0
    while process.poll() is None:
        main = _rss_kib(process.pid)
        workers = [_rss_kib(child) for child in _children(process.pid)]
        main_peak = max(main_peak, main)
        worker_peak = max([worker_peak, *workers])
        total_peak = max(total_peak, main + sum(workers))
        time.sleep(0.1)
    if process.returncode != 0:
        raise RuntimeError(process.stderr.read().decode())
    return time.perf_counter() - started, main_peak, worker_peak, total_peak


def bench_memory(frame: pd.DataFrame, workdir: Path, *, multiplier: int, jobs: int) -> None:
    print(f"memory: extract on generated JSON Lines corpora, --jobs {jobs}; load before {load_average()}")
    for times in (1, multiplier):
        source = workdir / f"polnear_x{times}.jsonl"
        copies = [frame.assign(id=frame["id"] + f"#{copy}") for copy in range(times)]
        pd.concat(copies, ignore_index=True).to_json(source, orient="records", lines=True, force_ascii=False)
        for flag, target in (("--out-dir", workdir / f"tables_x{times}"), ("--out", workdir / f"records_x{times}.jsonl")):
            command = [sys.executable, "-m", "analysis", "extract", str(source), flag, str(target), "--jobs", str(jobs)]
            seconds, main, worker, total = peak_rss(command)
            print(
                f"  {times:>2}x ({times * len(frame)} articles, {source.stat().st_size / 1e6:.0f} MB) {flag}: "
                f"{seconds:.0f} s; peak RSS main {main / 1024:.0f} MiB, largest worker {worker / 1024:.0f} MiB, "
                f"all processes {total / 1024:.0f} MiB"
            )
    print(f"  load after {load_average()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--multiplier", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2, help="scaling rounds, alternating the three runs")
    parser.add_argument("--copies", type=int, default=1, help="scaling on the corpus repeated this many times")
    args = parser.parse_args()
    require_polnear()
    frame = polnear_frame()
    print(f"stages in the pipeline: {', '.join(stages_in_pipeline())}; cores: {os.cpu_count()}")
    if not args.skip_speed:
        bench_speed(frame)
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as tmp:
        if not args.skip_scaling:
            bench_scaling(frame, Path(tmp), jobs=args.jobs, rounds=args.rounds, copies=args.copies)
        if not args.skip_memory:
            bench_memory(frame, Path(tmp), multiplier=args.multiplier, jobs=args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
