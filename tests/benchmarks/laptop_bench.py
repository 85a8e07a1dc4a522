"""The laptop rows on any demo data folder with the bench's admin, in process (issue 16):

    python -m tests.benchmarks.laptop_bench DATA_DIR

Login after an unclean exit (the clean-close stamp removed), the "of N" (the counter
against a count through the live index), search as you type with the count bounded and
counting every match, sort, pages on demand, open, RSS, then the deferred full check as
the main window's worker runs it. Prints JSON: wall and CPU milliseconds.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from .dataset import ADMIN, PASSWORD
from .report import Samples, load_average, median, p95
from .ui_bench import typed_prefixes


def _summary(samples: Samples) -> dict[str, float]:
    return {
        "wall_median": median(samples.wall),
        "wall_p95": p95(samples.wall),
        "cpu_median": median(samples.cpu),
        "cpu_p95": p95(samples.cpu),
    }


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(root: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from desktop.app import install_style
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services import Services
    from desktop.store.db import forget_clean_stamp
    from desktop.ui.caseload import CaseloadPanel
    from desktop.ui.detail import BeneficiaryDetail
    from desktop.ui.models import beneficiary_table

    app = QApplication.instance() or QApplication(["caseload-laptop-bench"])
    install_style(app)
    paths = DataPaths.resolve(root)
    out: dict[str, Any] = {"load_start": load_average()}
    forget_clean_stamp(paths.database)  # what a crash leaves
    accounts = LocalAccounts(paths)
    opened = Samples()
    login = opened.time(lambda: accounts.login(ADMIN, PASSWORD, defer_check=True))
    services = Services.for_session(login, accounts)
    model = beneficiary_table.BeneficiaryTableModel()
    panel = CaseloadPanel(model)
    panel.resize(1200, 800)
    panel.show()
    app.processEvents()
    shown = Samples()
    shown.time(lambda: (model.set_service(services.beneficiaries), panel.view.viewport().repaint()))
    out.update(
        unclean_login_ms=(opened.wall[0], opened.cpu[0]),
        first_page_ms=(shown.wall[0], shown.cpu[0]),
        check_pending=login.db.check_pending,
        total=model.total,
    )
    counter, counted = Samples(), Samples()
    with login.db.read() as uow:
        live = text("SELECT count(*) FROM beneficiaries WHERE deleted_at IS NULL")
        for _ in range(5):
            counter.time(services.beneficiaries.count_visible)
        for _ in range(3):
            counted.time(lambda: uow.session.execute(live).scalar())
    out["of_N_counter"] = _summary(counter)
    out["of_N_index_count"] = _summary(counted)

    prefixes = typed_prefixes(model.beneficiary_at(0).case_number)

    def typing(bound: int) -> dict[str, float]:
        beneficiary_table.COUNT_BOUND = bound
        keystrokes = Samples()
        panel.search.setText("warm")
        panel.apply_filters()
        for _ in range(2):
            for typed in prefixes:
                keystrokes.time(lambda t=typed: (panel.search.setText(t), panel.apply_filters()))
        panel.search.setText("")
        panel.apply_filters()
        return _summary(keystrokes)

    out["search_bounded"] = typing(1000)
    out["search_every_match"] = typing(10**9)
    beneficiary_table.COUNT_BOUND = 1000

    header = panel.view.horizontalHeader()
    sorted_ = Samples()
    for column in range(8):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorted_.time(lambda c=column, o=order: header.setSortIndicator(c, o))
    out["sort"] = _summary(sorted_)
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    pages = Samples()
    for row in range(100, min(model.total, 30_100), 100):
        pages.time(lambda r=row: model.index(r, 0).data())
    out["page"] = _summary(pages)

    rng = random.Random(11)
    with login.db.raw_connection() as connection:
        top = connection.execute("SELECT max(pk) FROM beneficiaries").fetchone()[0]
        pick = "SELECT id FROM beneficiaries WHERE pk = ?"
        ids = [connection.execute(pick, (rng.randint(1, top),)).fetchone()[0] for _ in range(30)]
    detail = BeneficiaryDetail()
    detail.resize(500, 800)
    detail.show()

    def open_one(beneficiary_id: str) -> None:
        detail.show_beneficiary(
            services.beneficiaries.get(beneficiary_id),
            services.case_sessions.timeline(beneficiary_id),
            services.audit.history(beneficiary_id),
            tasks=services.tasks.for_beneficiary(beneficiary_id),
        )

    open_one(ids[0])
    opens = Samples()
    for beneficiary_id in ids:
        opens.time(lambda b=beneficiary_id: open_one(b))
    out["open"] = _summary(opens)
    out["rss_mb_this_process"] = _rss_mb()
    # The rows so far, before the full check (at 1M / 10M it runs for many minutes).
    print(json.dumps(out, indent=1), file=sys.stderr, flush=True)
    check = Samples()
    out["problems"] = check.time(login.db.integrity_problems)  # the window's worker's job
    out["background_check_s"] = (check.wall[0] / 1000, check.cpu[0] / 1000)
    out["load_end"] = load_average()
    panel.close()
    detail.close()
    model.clear()
    login.close()
    out["clean_stamp_after_close"] = paths.database.with_name("caseload.db.clean").exists()
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1])), indent=1))
