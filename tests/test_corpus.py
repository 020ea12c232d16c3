"""The corpus runner: pandas, --jobs and Dask agree; runs stream, keep bad articles, resume."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import corpus, extract
from analysis.__main__ import main
from analysis.load import LoadError
from analysis.tables import TABLE_NAMES, CorpusTables

from conftest import BUNDLED_ARTICLE, printed_by


def small_corpus() -> pd.DataFrame:
    texts = [
        f"Story {n} opens here. \u201cQuote number {n},\u201d the minister said on Monday.\n"
        f"A second paragraph follows. It has two sentences about item {n}.\n" * (1 + n % 3)
        for n in range(9)
    ]
    texts[4] = None  # missing text: an error row
    texts[6] = "   "  # only white space: an error row
    texts.append(BUNDLED_ARTICLE.read_text(encoding="utf-8"))
    ids = [f"story-{n}" if n % 2 == 0 else None for n in range(len(texts))]  # odd rows get row numbers
    return pd.DataFrame({"id": ids, "title": [f"Title {n}" for n in range(len(texts))], "text": texts})


def assert_same_tables(left: CorpusTables, right: CorpusTables) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)


@pytest.fixture(scope="module")
def pandas_tables() -> CorpusTables:
    return corpus.analyze(small_corpus())


def test_pandas_tables_key_every_article_and_keep_error_rows(pandas_tables):
    articles = pandas_tables.articles
    assert articles["article_id"].tolist()[:4] == ["story-0", "row-1", "story-2", "row-3"]
    assert articles["error"].notna().tolist() == [n in (4, 6) for n in range(10)]
    assert set(pandas_tables.sentences["article_id"]) == set(articles["article_id"][articles["error"].isna()])


def test_jobs_give_the_same_tables_as_one_process(pandas_tables):
    assert_same_tables(corpus.analyze(small_corpus(), jobs=2), pandas_tables)


def test_parquet_tables_read_back_equal(pandas_tables, tmp_path):
    corpus.analyze(small_corpus(), out_dir=tmp_path)
    assert_same_tables(corpus.read_tables(tmp_path), pandas_tables)


def test_pipeline_metrics_are_the_readability_columns_of_a_record():
    from analysis.load import from_text
    from analysis.pipeline import analyze_article
    from analysis.tables import readability_metrics

    record = analyze_article(from_text(BUNDLED_ARTICLE.read_text(encoding="utf-8"), id="bundled"))
    assert tuple(readability_metrics([record])) == corpus.pipeline_metrics()


def dask_frame_of(frame: pd.DataFrame, bounds: list[tuple[int, int]], reads: list[int]):
    """A Dask DataFrame whose partitions are ``frame`` sliced at ``bounds``; reads are logged."""
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")

    def read_partition(number: int) -> pd.DataFrame:
        reads.append(number)
        start, end = bounds[number]
        return frame.iloc[start:end]

    return dd.from_delayed([dask.delayed(read_partition)(number) for number in range(len(bounds))], meta=frame.iloc[:0])


def in_process_dask():
    dask = pytest.importorskip("dask")
    return dask.config.set(scheduler="synchronous")


def test_dask_analyses_each_partition_once_into_its_own_part(pandas_tables, tmp_path, monkeypatch):
    analysed: list[list[str]] = []
    real_analyze_batch = corpus.analyze_batch
    monkeypatch.setattr(corpus, "analyze_batch", lambda articles: analysed.append([a.id for a in articles]) or real_analyze_batch(articles))
    with in_process_dask():
        summary = corpus.write_dask_tables(dask_frame_of(small_corpus(), [(0, 4), (4, 7), (7, 10)], []), tmp_path)
    assert sorted(len(ids) for ids in analysed) == [3, 3, 4]
    assert summary == (10, 2, 0)
    assert [path.name for path in corpus.part_files(tmp_path / "articles")] == [f"part-00000{n}.parquet" for n in range(3)]
    assert_same_tables(corpus.read_tables(tmp_path), pandas_tables)


def test_dask_resume_analyses_only_the_unfinished_partition(pandas_tables, tmp_path, monkeypatch):
    bounds = [(0, 4), (4, 7), (7, 10)]
    with in_process_dask():
        corpus.write_dask_tables(dask_frame_of(small_corpus(), bounds, []), tmp_path)
        # An interruption after partition 1 wrote its other tables, before its articles part.
        article_parts = sorted((tmp_path / "articles").glob("*.parquet"))
        article_parts[1].unlink()
        (tmp_path / "quotes" / "part-000001.tmp").write_bytes(b"half a file")
        analysed: list[list[str]] = []
        real_analyze_batch = corpus.analyze_batch
        monkeypatch.setattr(corpus, "analyze_batch", lambda articles: analysed.append([a.id for a in articles]) or real_analyze_batch(articles))
        summary = corpus.write_dask_tables(dask_frame_of(small_corpus(), bounds, []), tmp_path, resume=True)
    assert analysed == [["story-4", "row-5", "story-6"]]
    assert summary == (3, 2, 7)  # rows 4 and 6 have no text
    assert not list((tmp_path / "quotes").glob("*.tmp"))
    assert_same_tables(corpus.read_tables(tmp_path), pandas_tables)


def test_dask_resume_with_other_partitions_rewrites_what_no_longer_lines_up(pandas_tables, tmp_path):
    with in_process_dask():
        corpus.write_dask_tables(dask_frame_of(small_corpus(), [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)], []), tmp_path)
        summary = corpus.write_dask_tables(dask_frame_of(small_corpus(), [(0, 2), (2, 10)], []), tmp_path, resume=True)
    assert summary == (8, 2, 2)
    assert len(list((tmp_path / "articles").glob("*.parquet"))) == 2
    assert_same_tables(corpus.read_tables(tmp_path), pandas_tables)


def test_dask_local_cluster_gives_the_same_tables_as_pandas(pandas_tables, tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    from dask.distributed import Client, LocalCluster

    table_file = tmp_path / "corpus.parquet"
    small_corpus().to_parquet(table_file)
    from analysis.workers import is_warm

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        result = corpus.analyze(dd.from_pandas(small_corpus(), npartitions=3), out_dir=tmp_path / "dask")
        assert result.articles.npartitions == 3
        assert_same_tables(result.compute(), pandas_tables)
        # The extract command on the same running cluster, reading the table file itself.
        summary = extract.run_extract(
            [table_file], out_dir=tmp_path / "cli", engine="dask", scheduler=cluster.scheduler_address, text_col="text"
        )
        rerun = extract.run_extract(
            [table_file], out_dir=tmp_path / "cli", engine="dask", scheduler=cluster.scheduler_address, text_col="text"
        )
        assert all(client.run(is_warm).values())  # extract registered the warm-up plugin on every worker
    assert (summary.n_articles, summary.n_errors, summary.n_skipped) == (10, 2, 0)
    assert (rerun.n_articles, rerun.n_skipped) == (0, 10)  # rerunning into the same output resumes
    expected = corpus.analyze(pd.read_parquet(table_file), source=str(table_file))
    assert_same_tables(corpus.read_tables(tmp_path / "cli"), expected)


def test_extract_own_cluster_forks_warm_workers_from_a_forkserver_it_stops(pandas_tables, tmp_path):
    import gc
    import os

    from dask.distributed import Client

    from analysis.workers import is_warm, start_local_cluster, stop_forkserver

    with start_local_cluster(workers=2) as cluster, Client(cluster) as client:
        assert all(client.run(is_warm).values())  # warm from the fork: no plugin was registered
        assert all(count > 0 for count in client.run(gc.get_freeze_count).values())  # frozen before the fork
        parents = set(client.run(os.getppid).values())
    stop_forkserver()
    assert len(parents) == 1 and os.getpid() not in parents  # both forked by one forkserver
    with pytest.raises(ProcessLookupError):
        os.kill(parents.pop(), 0)  # stopped and reaped
    table_file = tmp_path / "corpus.parquet"
    small_corpus().to_parquet(table_file)
    summary = extract.run_extract([table_file], out_dir=tmp_path / "cli", engine="dask", jobs=2, text_col="text")
    assert (summary.n_articles, summary.n_errors) == (10, 2)
    expected = corpus.analyze(pd.read_parquet(table_file), source=str(table_file))
    assert_same_tables(corpus.read_tables(tmp_path / "cli"), expected)


@pytest.mark.parametrize(("rows", "ranges", "most_rows", "expected"), [
    (10, 3, None, [(0, 3), (3, 6), (6, 10)]),
    (10, 1, None, [(0, 10)]),
    (3, 8, None, [(0, 1), (1, 2), (2, 3)]),  # never an empty range while rows remain
    (0, 4, None, [(0, 0)]),
    (10, 2, 3, [(0, 2), (2, 5), (5, 7), (7, 10)]),  # a big file gets more ranges, none over most_rows
    (10, 3, 5, [(0, 3), (3, 6), (6, 10)]),
])
def test_parquet_row_ranges_cover_the_file_in_order(tmp_path, rows, ranges, most_rows, expected):
    table_file = tmp_path / "corpus.parquet"
    pd.DataFrame({"text": [f"text {n}" for n in range(rows)]}).to_parquet(table_file, row_group_size=4)
    assert corpus.parquet_row_ranges(table_file, ranges=ranges, most_rows=most_rows) == expected


@pytest.mark.parametrize(("start", "stop"), [(0, 10), (0, 4), (3, 5), (4, 8), (5, 6), (7, 10), (9, 10), (6, 6)])
def test_parquet_rows_read_by_range_equal_the_rows_of_the_whole_file(tmp_path, start, stop):
    table_file = tmp_path / "corpus.parquet"
    small_corpus().to_parquet(table_file, row_group_size=4)
    whole = pd.read_parquet(table_file)
    expected = whole.iloc[start:stop].reset_index(drop=True)
    pd.testing.assert_frame_equal(corpus.read_parquet_rows(table_file, start, stop).reset_index(drop=True), expected)


class InProcessClient:
    """The two ``dask.distributed.Client`` calls the Parquet file path makes, run here and now."""

    def __init__(self) -> None:
        self.tasks = 0

    def submit(self, function, *args, pure: bool = True, **kwargs):
        self.tasks += 1
        return function(*args, **kwargs)

    def gather(self, results):
        return list(results)


def test_parquet_file_tasks_give_the_pandas_tables(pandas_tables, tmp_path):
    table_file = tmp_path / "corpus.parquet"
    small_corpus().to_parquet(table_file, row_group_size=4)
    client = InProcessClient()
    summary = corpus.write_parquet_file_tables(client, table_file, tmp_path / "out", ranges=3)
    assert (summary, client.tasks) == ((10, 2, 0), 3)
    assert len(corpus.part_files(tmp_path / "out" / "articles")) == 3
    assert_same_tables(corpus.read_tables(tmp_path / "out"), pandas_tables)


def test_parquet_file_resume_analyses_only_the_unfinished_range(pandas_tables, tmp_path, monkeypatch):
    table_file = tmp_path / "corpus.parquet"
    small_corpus().to_parquet(table_file, row_group_size=4)
    corpus.write_parquet_file_tables(InProcessClient(), table_file, tmp_path, ranges=3)
    corpus.part_files(tmp_path / "articles")[1].unlink()  # interrupted before range 1's articles part
    analysed: list[list[str]] = []
    real_analyze_batch = corpus.analyze_batch
    monkeypatch.setattr(corpus, "analyze_batch", lambda articles: analysed.append([a.id for a in articles]) or real_analyze_batch(articles))
    summary = corpus.write_parquet_file_tables(InProcessClient(), table_file, tmp_path, resume=True, ranges=3)
    assert analysed == [["row-3", "story-4", "row-5"]]
    assert summary == (3, 1, 7)  # row 4 has no text
    assert_same_tables(corpus.read_tables(tmp_path), pandas_tables)


@pytest.mark.parametrize("frame, expected", [
    (pd.DataFrame({"text": ["a"], "id": ["x"]}), ["text", "id"]),
    (pd.DataFrame({"text": ["a"], "id": ["x"]}, index=["r1"]), ["text", "id"]),  # a stored index is no column
    (pd.DataFrame({"text": ["a"], "id": ["x"]}).set_index("id"), ["text"]),
])
def test_parquet_columns_are_the_columns_pandas_reads(tmp_path, frame, expected):
    table_file = tmp_path / "corpus.parquet"
    frame.to_parquet(table_file)
    assert corpus.parquet_columns(table_file) == expected == list(pd.read_parquet(table_file).columns)


def test_parquet_file_without_the_text_column_fails_before_any_task(tmp_path):
    table_file = tmp_path / "corpus.parquet"
    pd.DataFrame({"body": ["A text."]}).to_parquet(table_file)
    client = InProcessClient()
    with pytest.raises(LoadError, match="no text column"):
        corpus.write_parquet_file_tables(client, table_file, tmp_path / "out", text_col="text", ranges=2)
    assert client.tasks == 0


def test_map_ordered_reads_only_a_bounded_window_ahead():
    consumed = []

    def numbers():
        for n in range(1000):
            consumed.append(n)
            yield -n

    results = corpus.map_ordered(abs, numbers(), jobs=2)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    assert len(consumed) <= 2 * corpus.TASKS_AHEAD_PER_JOB + 3
    results.close()


@pytest.fixture()
def corpus_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    small_corpus().to_json(path, orient="records", lines=True, force_ascii=False)
    return path


def test_extract_parquet_tables_equal_the_pandas_tables(corpus_file, tmp_path):
    assert main(["extract", str(corpus_file), "--out-dir", str(tmp_path / "tables"), "--jobs", "2"]) == 0
    expected = corpus.analyze(pd.read_json(corpus_file, lines=True, dtype=False), source=str(corpus_file))
    assert_same_tables(corpus.read_tables(tmp_path / "tables"), expected)


def test_extract_summary_counts_bad_articles(corpus_file, tmp_path):
    summary = extract.run_extract([corpus_file], out=tmp_path / "out.jsonl", jobs=1)
    assert (summary.n_articles, summary.n_errors) == (10, 2)
    assert "2 with errors" in summary.describe()


@pytest.mark.parametrize("keep_fraction", [0.0, 0.35, 0.5, 0.999])
def test_resumed_jsonl_run_equals_an_uninterrupted_run(corpus_file, tmp_path, keep_fraction):
    whole = tmp_path / "whole.jsonl"
    assert main(["extract", str(corpus_file), "--out", str(whole), "--jobs", "1"]) == 0
    interrupted = tmp_path / "interrupted.jsonl"
    content = whole.read_bytes()
    interrupted.write_bytes(content[: int(len(content) * keep_fraction)])  # mid-way, usually mid-line
    kept_lines = interrupted.read_bytes().count(b"\n")
    summary = extract.run_extract([corpus_file], out=interrupted, jobs=2)
    assert interrupted.read_bytes() == content
    assert (summary.n_skipped, summary.n_articles) == (kept_lines, 10 - kept_lines)


def test_rerunning_a_finished_jsonl_run_writes_nothing_new(corpus_file, tmp_path):
    out = tmp_path / "out.jsonl"
    extract.run_extract([corpus_file], out=out, jobs=1)
    before = out.read_bytes()
    summary = extract.run_extract([corpus_file], out=out, jobs=1)
    assert (summary.n_articles, summary.n_skipped, out.read_bytes()) == (0, 10, before)
    assert extract.run_extract([corpus_file], out=out, jobs=1, overwrite=True).n_articles == 10
    assert out.read_bytes() == before


def test_resumed_parquet_run_equals_an_uninterrupted_run(corpus_file, tmp_path, monkeypatch):
    monkeypatch.setattr(extract, "PART_ARTICLES", 2)
    monkeypatch.setattr(corpus, "BATCH_ARTICLES", 2)
    whole, interrupted = tmp_path / "whole", tmp_path / "interrupted"
    extract.run_extract([corpus_file], out_dir=whole, jobs=1)
    extract.run_extract([corpus_file], out_dir=interrupted, jobs=1)
    assert len(list((interrupted / "articles").glob("*.parquet"))) == 5
    # Interrupted while writing part 3: its other tables are written, its articles file is not.
    (interrupted / "articles" / "part-000003.parquet").unlink()
    (interrupted / "articles" / "part-000004.parquet").unlink()
    (interrupted / "articles" / "part-000003.tmp").write_bytes(b"PAR1 half a file")
    summary = extract.run_extract([corpus_file], out_dir=interrupted, jobs=1)
    assert (summary.n_skipped, summary.n_articles) == (6, 4)
    assert_same_tables(corpus.read_tables(interrupted), corpus.read_tables(whole))


def test_jsonl_records_and_parquet_tables_describe_the_same_articles(corpus_file, tmp_path):
    extract.run_extract([corpus_file], out=tmp_path / "out.jsonl", jobs=1)
    extract.run_extract([corpus_file], out_dir=tmp_path / "tables", jobs=1)
    ids = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert corpus.read_tables(tmp_path / "tables").articles["article_id"].tolist() == ids


def test_warm_up_runs_once_and_changes_no_record():
    from analysis.load import from_text
    from analysis.pipeline import analyze_article
    from analysis.workers import is_warm, warm_up

    article = from_text(BUNDLED_ARTICLE.read_text(encoding="utf-8"), id="bundled")
    before = analyze_article(article)
    warm_up()
    warm_up()  # a second call returns at once
    assert is_warm()
    assert analyze_article(article) == before


def test_warm_up_plugin_starts_in_the_background_and_survives_a_pickle():
    import pickle
    import threading

    from analysis.workers import WarmUp, is_warm

    plugin = pickle.loads(pickle.dumps(WarmUp()))
    plugin.setup(worker=None)  # returns at once; the warm-up runs in a daemon thread
    for thread in [t for t in threading.enumerate() if t.name == "newslens-warm-up"]:
        thread.join(timeout=30)
    assert is_warm()
    assert plugin.name == "newslens-warm-up"


def test_the_extract_command_plans_work_without_importing_the_pipeline_or_pandas():
    code = ("import sys, analysis.__main__; "
            "print(sorted(m for m in ('analysis.pipeline', 'textstat', 'nltk', 'pandas') if m in sys.modules))")
    assert printed_by(code) == "[]"


def test_forked_workers_keep_the_parents_objects_frozen_and_the_parent_does_not():
    code = ("import gc\nfrom analysis import corpus\n"
            "def frozen_in_worker(_):\n    return gc.get_freeze_count() > 0\n"
            "print(all(corpus.map_ordered(frozen_in_worker, range(4), jobs=2)), gc.get_freeze_count())")
    assert printed_by(code) == "True 0"


def test_objects_frozen_before_the_pool_stay_frozen():
    code = ("import gc\nfrom analysis import corpus\ngc.freeze()\nbefore = gc.get_freeze_count()\n"
            "list(corpus.map_ordered(abs, range(4), jobs=2))\nprint(gc.get_freeze_count() >= before > 0)")
    assert printed_by(code) == "True"


def test_the_extract_command_freezes_its_imports_only_for_the_run(tmp_path):
    import textwrap

    article = tmp_path / "a.txt"
    article.write_text("The mayor spoke on Monday. \u201cWe will vote,\u201d she said.\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import gc
        import analysis.__main__ as command
        frozen_during_run = []
        real_run = command.run_extract
        def watched_run(*args, **options):
            frozen_during_run.append(gc.get_freeze_count())
            return real_run(*args, **options)
        command.run_extract = watched_run
        command.main(["extract", {str(article)!r}, "--out", {str(tmp_path / "out.jsonl")!r}, "--jobs", "1"])
        print(frozen_during_run[0] > 10000, gc.get_freeze_count())
    """)
    assert printed_by(code) == "True 0"


def test_local_jobs_import_the_pipeline_before_forking_their_workers():
    code = ("import sys; from analysis import corpus; "
            "list(corpus.map_ordered(len, [[1], [1, 2]], jobs=2)); print('analysis.pipeline' in sys.modules)")
    assert printed_by(code) == "True"
