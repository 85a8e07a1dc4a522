"""Issue 14 point 7: the office-wide "Possible duplicates" scan at 100,000 beneficiaries.

One run of `desktop.services.duplicate_scan.scan_duplicates` as the admin (the whole
office), with its progress reports counted. The baseline, in the same run, is reading
the columns the scan compares for every live record: what any scan must at least do.
"""

from __future__ import annotations

import time
from typing import Any

from .dataset import ADMIN, PASSWORD, Dataset
from .report import Row

TARGET_S = 60


def bench_duplicates(dataset: Dataset, quick: bool, details: dict[str, Any]) -> list[Row]:
    from sqlalchemy import select

    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services.common import visible_beneficiaries
    from desktop.services.duplicate_scan import scan_duplicates
    from desktop.services.duplicates import CANDIDATE_COLUMNS
    from desktop.store.tables import BeneficiaryRow, UserRow

    login = LocalAccounts(DataPaths.resolve(dataset.root)).login(
        ADMIN, PASSWORD
    )  # closed cleanly after
    try:
        begun = time.perf_counter()
        with login.db.read() as uow:
            read = uow.session.execute(
                select(*CANDIDATE_COLUMNS)
                .join(UserRow, UserRow.id == BeneficiaryRow.caseworker_id)
                .where(*visible_beneficiaries(login.actor))
            ).all()
        baseline = time.perf_counter() - begun
        reports: list[tuple[int, int]] = []
        begun = time.perf_counter()
        pairs = scan_duplicates(
            login.db, login.actor, progress=lambda done, total: reports.append((done, total))
        )
        seconds = time.perf_counter() - begun
    finally:
        login.close()
    details["duplicates"] = {
        "records": len(read),
        "pairs": len(pairs),
        "progress_reports": len(reports),
        "seconds": seconds,
        "read_all_seconds": baseline,
        "first_pairs": [{"reasons": list(p.reasons), "score": p.score} for p in pairs[:5]],
    }
    return [
        Row(
            f"possible duplicates scan ({len(read):,} records)",
            seconds,
            seconds,
            "s",
            baseline,
            seconds / baseline if baseline else None,
            f"≤ {TARGET_S} s, with progress",
            seconds <= TARGET_S and len(reports) > 1,
            "of reading every record's compared columns",
            notes=[f"{len(pairs):,} likely pairs; {len(reports)} progress reports"],
        )
    ]
