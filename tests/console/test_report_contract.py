"""The laptop's report, the server's parser and the document name the same fields."""

from __future__ import annotations

from pathlib import Path

import yaml

from desktop.sync.run import SyncReport
from server.api import devices

DOCUMENT = Path(devices.__file__).parents[1] / "openapi.yaml"


def _schema() -> dict:
    document = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return document["components"]["schemas"]["SyncReportInput"]


def test_the_server_reads_what_the_document_describes():
    schema = _schema()
    assert set(schema["properties"]) == set(devices.PARSERS)
    assert set(schema["required"]) == set(devices.REQUIRED)
    assert set(devices.PARSERS) == set(devices.REQUIRED) | set(devices.DEFAULTS)
    for name, default in devices.DEFAULTS.items():
        assert schema["properties"][name].get("default") == default, name
    assert schema["properties"]["outcome"]["enum"] == list(devices.OUTCOMES)


def test_the_laptop_sends_what_the_document_describes(tmp_path, monkeypatch):
    from desktop.sync import report

    monkeypatch.setattr(report, "laptop_counts", lambda db: (3, 1))
    monkeypatch.setattr(report, "device_id", lambda db: "0f1e2d3c-aaaa-bbbb-cccc-000011112222")
    body = report.report_body(None, SyncReport(sent=2), 1.5, RuntimeError("Amina's record"))
    assert set(body) == set(_schema()["properties"])
    assert devices.parse_report(body)["records_waiting"] == 3
    # A bug's own message may hold personal data: only its kind leaves the laptop.
    assert body["error"] == "internal error (RuntimeError)" and body["outcome"] == "failed"


def test_a_laptop_keeps_one_id_per_data_folder(tmp_path):
    from sqlalchemy import delete

    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.store.tables import SyncStateRow
    from desktop.sync.report import DEVICE_STATE, device_id, laptop_counts

    accounts = LocalAccounts(DataPaths.resolve(tmp_path / "laptop"))
    login = accounts.initialize("admin", "laptop admin passphrase", "Laptop Admin")
    try:
        made = device_id(login.db)
        assert made == device_id(login.db)
        assert laptop_counts(login.db) == (0, 0)
        with login.db.write() as uow:  # a data folder from before the ids
            uow.session.execute(delete(SyncStateRow).where(SyncStateRow.key == DEVICE_STATE))
            uow.commit()
        again = device_id(login.db)
        assert again != made and device_id(login.db) == again
    finally:
        login.close()
    login = accounts.login("admin", "laptop admin passphrase")
    try:
        assert device_id(login.db) == again  # kept in the (encrypted) database
    finally:
        login.close()
