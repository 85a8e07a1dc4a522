"""Export → import into a fresh database gives the same records, custom fields included
(issue 13, "done means"): CSV and XLSX, choices as labels or as stored values, headers in
English or French; beneficiaries keep their case numbers, and their sessions find them."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import text

from desktop.auth.accounts import LocalAccounts
from desktop.domain.enums import Entity
from desktop.domain.validation import BENEFICIARY_FIELDS, CASE_SESSION_FIELDS
from desktop.paths import DataPaths
from desktop.services import Services
from desktop.services.exports import ExportFormat, ExportKind, ExportRequest
from desktop.services.forms import template_text
from desktop.services.imports import settle_date_order
from desktop.ui.translations import import_translations, translator
from tests.conftest import ADMIN_PASSWORD

PEOPLE = [
    {
        "first_name": "Zoë",
        "last_name": "N'Diaye",
        "date_of_birth": date(2012, 3, 14),
        "gender": "female",
        "phone": "+221 77 000 11 22",
        "email": "zoe@example.org",
        "address": "12 rue des Écoles\nDakar",
        "preferred_language": "fr",
        "consent_given": True,
        "consent_date": date(2025, 1, 2),
        "notes": '=not a formula; "quoted", commas',
        "custom": {
            "guardian_name": "Awa N'Diaye",
            "guardian_relationship": "mother",
            "risk_level": "high",
            "assessment_date": "2026-01-10",
            "siblings": 3,
            "weight_kg": "31.5",
            "in_school": True,
            "services_referred": ["health", "legal"],
            "assessment_notes": "Line one\nLine two",
        },
    },
    {
        "first_name": "محمد",
        "last_name": "الحسن",
        "gender": "male",
        "custom": {"risk_level": "low", "assessment_date": "2025-12-01", "in_school": False},
    },
]


def publish(services: Services) -> None:
    services.forms.import_text(template_text("child_protection"))
    services.forms.publish()


def records(login) -> list[dict]:
    names = ", ".join(BENEFICIARY_FIELDS)
    with login.db.read() as uow:
        rows = uow.session.execute(
            text(f"SELECT case_number, {names}, custom FROM beneficiaries ORDER BY last_name")
        ).mappings()
        return [{**row, "custom": json.loads(row["custom"] or "{}")} for row in rows]


def sessions(login) -> list[dict]:
    names = ", ".join(f"s.{name}" for name in CASE_SESSION_FIELDS)
    with login.db.read() as uow:
        rows = uow.session.execute(
            text(
                f"SELECT b.case_number, {names}, s.custom FROM case_sessions s "
                "JOIN beneficiaries b ON b.id = s.beneficiary_id ORDER BY s.starts_at"
            )
        ).mappings()
        return [{**row, "custom": json.loads(row["custom"] or "{}")} for row in rows]


@pytest.fixture
def exported_from(office):
    services = office.services("admin")
    publish(services)
    created = [services.beneficiaries.create(person) for person in PEOPLE]
    services.case_sessions.create(
        created[0].id,
        {
            "starts_at": datetime(2026, 1, 5, 9, 30),
            "duration_minutes": 45,
            "kind": "home_visit",
            "location": "Home, Dakar",
            "status": "done",
            "summary": "First visit; met the guardian",
            "follow_up_on": date(2026, 2, 1),
            "custom": {
                "child_seen": True,
                "wellbeing": 4,
                "safety_concern": "suspected",
                "actions_taken": ["safety_plan", "referral_made"],
                "next_steps": "Call the school",
            },
        },
    )
    services.case_sessions.create(
        created[1].id,
        {
            "starts_at": datetime(2026, 1, 6, 14, 0),
            "kind": "phone",
            "custom": {"child_seen": False},
        },
    )
    closed = services.beneficiaries.create(
        {
            "first_name": "Omar",
            "last_name": "Farah",
            "custom": {"risk_level": "medium", "assessment_date": "2025-05-05"},
        }
    )
    services.beneficiaries.close(closed.id, "moved_away", "")
    return services, office.login("admin")


@pytest.fixture
def fresh(tmp_path):
    accounts = LocalAccounts(DataPaths.resolve(tmp_path / "fresh"))
    login = accounts.initialize("admin", ADMIN_PASSWORD, "New Office")
    services = Services.for_session(login, accounts)
    publish(services)
    yield services, login
    login.close()


@pytest.mark.parametrize(
    ("format", "as_labels", "language"),
    [
        (ExportFormat.CSV, True, "en"),
        (ExportFormat.CSV, False, "en"),
        (ExportFormat.XLSX, True, "fr"),
        (ExportFormat.XLSX, False, "en"),
    ],
)
def test_export_then_import_gives_the_same_records(
    exported_from, fresh, tmp_path, format, as_labels, language
):
    source, source_login = exported_from
    path = tmp_path / f"beneficiaries.{format.value}"
    translate = translator(language) if language != "en" else (lambda _c, t: t)
    session_path = tmp_path / f"sessions.{format.value}"
    for kind, where in ((ExportKind.BENEFICIARIES, path), (ExportKind.SESSIONS, session_path)):
        source.exports.export(
            ExportRequest(
                (kind,),
                format,
                where,
                as_labels=as_labels,
                language=language,
                translate=translate,
            )
        )
    target, target_login = fresh
    plan = settle_date_order(target.imports.plan(path, translations=import_translations()))
    report = target.imports.run(plan)
    assert (report.imported, report.rejected) == (3, 0), report.problems
    plan = settle_date_order(
        target.imports.plan(
            session_path, entity=Entity.CASE_SESSION, translations=import_translations()
        )
    )
    report = target.imports.run(plan)
    assert (report.imported, report.rejected) == (2, 0), report.problems
    assert sessions(target_login) == sessions(source_login)
    assert sessions(target_login)[0]["custom"]["actions_taken"] == ["safety_plan", "referral_made"]
    imported = records(target_login)
    assert imported == records(source_login)
    by_name = {record["first_name"]: record for record in imported}
    assert by_name["Zoë"]["custom"] == PEOPLE[0]["custom"]
    assert by_name["Zoë"]["notes"] == PEOPLE[0]["notes"]  # the apostrophe taken off again
    assert (by_name["Omar"]["status"], by_name["Omar"]["closure_reason"]) == (
        "closed",
        "moved_away",
    )
