"""A form's save is an Operation on the worker pool: the form stays open and busy while the
record is written, closes once it is, and comes back with what was typed when refused."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from tests.desktop.ui.conftest import changes_applied, closed, save_ended
from tests.desktop.ui.test_operations import beneficiary_row_click
from tests.desktop.ui.test_windows import log_in, names_in

CTRL = Qt.KeyboardModifier.ControlModifier


def keyboard_form(qtbot, window):
    form = window.open_forms()[-1]
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def recording_threads(monkeypatch, service, name: str, release: threading.Event | None = None):
    """Wraps the real ``service.<name>``: the threads it ran in; with ``release``, each call
    waits (bounded) for it before writing, so the test acts while the save runs."""
    real = getattr(service, name)
    threads: list[threading.Thread] = []

    def wrapper(*args, **kwargs):
        threads.append(threading.current_thread())
        if release is not None:
            assert release.wait(10), "the test never released the save"
        return real(*args, **kwargs)

    monkeypatch.setattr(service, name, wrapper)
    return threads


def test_a_new_beneficiary_is_written_off_the_gui_thread_and_shown_after(
    qtbot, controller, office, monkeypatch
):
    window = log_in(qtbot, controller, "cara")
    threads = recording_threads(monkeypatch, window.services.beneficiaries, "create")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = keyboard_form(qtbot, window)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    with changes_applied(qtbot) as blocker:
        qtbot.keyClick(form.field("last_name"), Qt.Key.Key_S, CTRL)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: closed(form))
    assert names_in(window) == {"Amina Haddad"}
    assert window.detail.beneficiary.id == blocker.args[0].show_id  # the saved one, shown
    assert window.detail.beneficiary.full_name == "Amina Haddad"
    assert window.statusBar().currentMessage() == (
        f"Saved {window.detail.beneficiary.case_number}."
    )


def test_a_refused_edit_keeps_the_text_and_shows_the_message_beside_its_field(
    qtbot, controller, office, monkeypatch
):
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    threads = recording_threads(monkeypatch, window.services.beneficiaries, "update")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = keyboard_form(qtbot, window)
    qtbot.keyClicks(form.field("email"), "amina-at-example")
    qtbot.keyClick(form.field("email"), Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)
    assert threads and threads[0] is not threading.main_thread()  # refused by the service
    assert form.isVisible()
    assert form.field("email").text() == "amina-at-example"
    assert "not a valid address" in form.error_text("email")
    assert form.save_button.isEnabled() and form.field("email").isEnabled()
    assert window.services.beneficiaries.get(window.detail.beneficiary.id).version == 1


def test_another_error_is_shown_and_the_form_keeps_what_was_typed(
    qtbot, controller, office, shown_messages
):
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = keyboard_form(qtbot, window)
    # Edited elsewhere meanwhile: the form's save is refused as stale, not a field's fault.
    office.services("cara").beneficiaries.update(
        window.detail.beneficiary.id, {"phone": "+256 700 123456"}
    )
    qtbot.keyClicks(form.field("notes"), "Moved to Kira.")
    qtbot.keyClick(form.field("notes"), Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)
    assert form.isVisible() and form.field("notes").toPlainText() == "Moved to Kira."
    assert [kind for kind, _text in shown_messages] == ["user"]
    assert form.save_button.isEnabled()


def test_a_second_ctrl_s_enter_or_escape_while_saving_saves_once(
    qtbot, controller, office, monkeypatch
):
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    release = threading.Event()
    threads = recording_threads(monkeypatch, window.services.case_sessions, "create", release)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = keyboard_form(qtbot, window)
    qtbot.keyClicks(form.field("kind"), "Home")
    qtbot.keyClicks(form.field("status"), "Planned")
    qtbot.keyClicks(form.field("location"), "Kira")
    qtbot.keyClick(form.field("location"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(threads) == 1)  # the first save is writing
    assert form.saving and not form.save_button.isEnabled()
    assert form.save_button.text() == "Saving…"
    qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(form, Qt.Key.Key_Return)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # does not drop the save in flight
    form.close()
    assert form.isVisible()
    with changes_applied(qtbot):
        release.set()
    qtbot.waitUntil(lambda: closed(form))
    assert len(threads) == 1
    beneficiary_id = window.detail.beneficiary.id
    (saved,) = window.services.case_sessions.timeline(beneficiary_id)
    assert saved.location == "Kira"
    assert window.detail.sessions_model.rowCount() == 1  # the detail shows it
    assert window.statusBar().currentMessage() == "Session saved."
