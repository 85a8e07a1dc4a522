"""Import: a CSV of beneficiaries (built-in and custom fields) into a fresh database.

The file is written here from the demo generator through ``tabular.to_cell`` (as an export
writes it), with the bench's form definition (20 custom beneficiary fields) published in
the fresh database first. The measured import is the whole path a person runs: encoding
detection, header mapping, date order, every row read, converted and checked, the
duplicate check, the bulk write and the audit event. The same-run baseline is the bulk
path alone fed the same records already parsed (what the import adds is the file and the
checks).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from time import perf_counter
from typing import Any

from .dataset import bench_forms
from .report import Row
from .write_bench import _fresh_accounts

LIMIT_S = 60.0


def _publish(login) -> Any:
    from desktop.domain import forms
    from desktop.services.forms import FormService

    service = FormService(login.db, login.actor)
    service.import_text(forms.dumps(bench_forms()))
    return service.publish()


def _write_file(path: Path, definition: Any, count: int, seed: int) -> list[tuple[dict, list]]:
    from desktop.domain import tabular
    from desktop.domain.enums import Entity
    from desktop.services.demo import demo_records
    from desktop.services.imports import importable_columns

    columns = importable_columns(Entity.BENEFICIARY, definition)
    default = definition.default_language
    records = [(fields, []) for fields, _ in demo_records(count, 0, seed, definition=definition)]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([column.english(default) for column in columns])
        for fields, _ in records:
            custom = fields.get("custom") or {}
            writer.writerow(
                [
                    tabular.neutralise(
                        tabular.to_cell(
                            column,
                            custom.get(column.custom.key)
                            if column.custom is not None
                            else fields.get(column.key),
                            as_labels=False,
                            choice_text=tabular.english_choice,
                        )
                    )
                    for column in columns
                ]
            )
    return records


def bench_import(dataset: Any, quick: bool, details: dict[str, Any]) -> Row:
    from desktop.services.bulk import BulkImporter
    from desktop.services.imports import Mode, run_import, settle_date_order
    from desktop.services.imports import plan_import as plan

    count = 10_000 if quick else 100_000
    work = dataset.root.parent / "import-bench"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    file = work / "beneficiaries.csv"

    _accounts, login = _fresh_accounts(work / "import")
    try:
        definition = _publish(login)
        records = _write_file(file, definition, count, dataset.seed)
        started = perf_counter()
        prepared = settle_date_order(plan(file, login.db))
        report = run_import(prepared, login.db, login.actor, mode=Mode.VALID_ROWS)
        seconds = perf_counter() - started
    finally:
        login.close()

    _accounts, login = _fresh_accounts(work / "baseline")
    try:
        _publish(login)
        started = perf_counter()
        BulkImporter(login.db, login.actor).import_records(records, total=count)
        baseline = perf_counter() - started
    finally:
        login.close()
    size = file.stat().st_size
    shutil.rmtree(work, ignore_errors=True)
    details["import"] = {
        "rows": count,
        "imported": report.imported,
        "rejected": report.rejected,
        "file_mb": round(size / 1e6, 1),
        "seconds": seconds,
        "bulk_baseline_seconds": baseline,
    }
    passed = report.imported == count and seconds <= LIMIT_S
    return Row(
        f"import {count:,} rows (CSV)",
        seconds,
        seconds,
        "s",
        baseline,
        seconds / baseline,
        f"≤ {LIMIT_S:.0f} s",
        passed,
        "of the bulk path fed parsed records",
    )
