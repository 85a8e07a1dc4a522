"""Does `caseload demo`'s rate fall as the file grows? A short run that shows it.

    python -m tests.benchmarks.build_growth 60000 --cache-kib 2048
    python -m tests.benchmarks.build_growth 60000 --cache-kib 2048 --uuid5-task-ids

The 1M / 10M build shows a falling rate only after many minutes, once its indexes
outgrow the 32 MB page cache. Here the demo runs in process with a smaller page cache,
so a short load outgrows it the same way, and prints beneficiaries per CPU second for
each 10,000. ``--uuid5-task-ids`` gives every session's task the plain UUID-5 id (the
rule before session 11, see desktop/domain/tasks.py), for a baseline in the same
conditions. Not a `make bench` row: two such runs take minutes.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from .dataset import ADMIN, CASEWORKERS, PASSWORD, init_folder

STEP = 10_000


def run(beneficiaries: int, cache_kib: int, uuid5_task_ids: bool, root: Path) -> list[int]:
    """Beneficiaries per CPU second of each STEP, in order."""
    env = {**os.environ, "CASELOAD_PASSWORD": PASSWORD, "CASELOAD_NEW_PASSWORD": PASSWORD}
    init_folder(root, CASEWORKERS[:2], env)
    os.environ.update(CASELOAD_PASSWORD=PASSWORD)

    import desktop.services.bulk as bulk
    import desktop.store.changes as changes
    import desktop.store.db as db
    from desktop.__main__ import main
    from desktop.domain.tasks import SESSION_TASK_NAMESPACE

    db.PRAGMAS = tuple(
        f"PRAGMA cache_size = -{cache_kib}" if "cache_size" in pragma else pragma
        for pragma in db.PRAGMAS
    )
    if uuid5_task_ids:
        changes.session_task_id = lambda sid: str(uuid.uuid5(SESSION_TASK_NAMESPACE, sid))
    marks: list[tuple[int, float]] = [(0, time.process_time())]
    importing = bulk.BulkImporter.import_records

    def import_records(self, records, **kwargs):
        def progress(done: int, total: int) -> None:
            if done - marks[-1][0] >= STEP or done == total:
                marks.append((done, time.process_time()))

        kwargs["progress"] = progress
        return importing(self, records, **kwargs)

    bulk.BulkImporter.import_records = import_records
    demo = ["demo", "--beneficiaries", str(beneficiaries), "--sessions-per-beneficiary", "10"]
    main(["--data-dir", str(root), *demo, "--seed", "7", "--user", ADMIN])
    return [
        round((done - before) / (cpu - spent))
        for (before, spent), (done, cpu) in itertools.pairwise(marks)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("beneficiaries", type=int)
    parser.add_argument("--cache-kib", type=int, default=2048)
    parser.add_argument("--uuid5-task-ids", action="store_true")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="caseload-build-growth-"))
    try:
        rates = run(args.beneficiaries, args.cache_kib, args.uuid5_task_ids, root / "data")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rule = "UUID-5" if args.uuid5_task_ids else "time-ordered"
    print(f"{rule} task ids, page cache {args.cache_kib} KiB, beneficiaries per CPU second:")
    print(" ".join(f"{rate:,}" for rate in rates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
