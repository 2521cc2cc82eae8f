"""Stand-in stages for docker/airflow_e2e.py --stages fake: only when OCWATCH_FAKE_STAGES=1.

On PYTHONPATH, Python runs this at start-up in every Airflow process (and the
task processes forked from them), replacing the stage functions with small
ones that write a crawl_log part per source and a marker file per stage. It
checks the orchestration (scheduling, mapping, pools, executor, workers)
while the real crawler and NLP are absent; the real stages run with
--stages demo.
"""

import os

if os.environ.get("OCWATCH_FAKE_STAGES") == "1":
    import datetime as dt

    from ocwatch import stages
    from ocwatch.stages import StageResult

    def _crawl_one(settings, date, source_id):
        from ocwatch.lake.partitions import write_partition

        row = {"url": f"http://127.0.0.1/{source_id}", "source_id": source_id, "status": 200,
               "fetched_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}
        path = write_partition(str(settings.lake), "crawl_log", date, [row], part=source_id)
        return StageResult(f"crawl[{source_id}]", outputs={"crawl_log": path})

    def _stage(name):
        def run(settings, date=None, **kw):
            settings.home.mkdir(parents=True, exist_ok=True)
            (settings.home / f"{name}-{date}.txt").write_text(name)
            return StageResult(name)
        return run

    stages.list_source_ids = lambda settings: ["alpha", "beta"]
    stages.crawl_one = _crawl_one
    stages.extract, stages.build, stages.report = _stage("extract"), _stage("build"), _stage("report")
    stages.dedup = _stage("dedup")
    stages.rescore_stale = _stage("rescore")
