"""The detail pane's small texts: language names, and follow-ups that are not yet due."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.ui.detail import language_name
from tests.desktop.ui.test_windows import log_in


def test_language_codes_are_shown_by_name():
    assert language_name("sw") == "Kiswahili (sw)"
    # Led by a left-to-right mark in a left-to-right window: the line reads
    # "العربية (ar)" from its start, not "(ar) العربية" at the far edge.
    assert language_name("ar") == "\u200eالعربية (ar)"
    assert language_name("en") == "English (en)"
    assert language_name("Swahili") == "Swahili"  # typed as a name: kept
    assert language_name("xx") == "xx"  # no such language: as typed
    assert language_name("") == "–"


def test_follow_ups_say_overdue_due_today_or_upcoming(qtbot, controller, office):
    cara = office.services("cara")
    amina = cara.beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad", "preferred_language": "sw"}
    )
    today = date.today()
    for days in (-3, 0, 5):
        cara.case_sessions.create(
            amina.id,
            {
                "kind": "office",
                "status": "planned",
                "starts_at": f"{today - timedelta(days=10)}T10:00",
                "follow_up_on": (today + timedelta(days=days)).isoformat(),
            },
        )
    window = log_in(qtbot, controller, "cara")
    window.caseload.select_row(0)
    items = [
        window.detail.follow_ups.item(i).text() for i in range(window.detail.follow_ups.count())
    ]
    by_date = {text[:10]: text for text in items}
    assert "(overdue)" in by_date[(today - timedelta(days=3)).isoformat()]
    assert "(due today)" in by_date[today.isoformat()]
    assert "(upcoming)" in by_date[(today + timedelta(days=5)).isoformat()]
    assert window.detail.values["preferred_language"].text() == "Kiswahili (sw)"
