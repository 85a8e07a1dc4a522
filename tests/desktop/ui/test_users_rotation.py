"""Issue 10 point 17 in the GUI: the Users dialog runs the key change on the worker with a bar."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from desktop.auth import keyslots
from desktop.auth.keyslots import KeySlotFile
from desktop.store.rekey import key_opens
from tests.conftest import ADMIN_PASSWORD, PASSWORDS
from tests.desktop.ui.test_windows import log_in


def test_deactivation_in_the_users_dialog_shows_progress_and_rotates_the_key(
    qtbot, controller, office, monkeypatch, shown_messages, tmp_path
):
    from desktop.ui.users_dialog import UsersDialog

    saved = tmp_path / "keyslots-before.json"
    shutil.copyfile(office.paths.keyslots, saved)
    # sam's slot as an older release wrote it: the admin must be told to reset him
    slot = office.accounts.slots.get("sam")
    _user_id, data_key = office.accounts.unwrap_data_key("admin", ADMIN_PASSWORD)
    office.accounts.slots.put("sam", keyslots.wrap(slot.user_id, PASSWORDS["sam"], data_key))

    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    dialog = UsersDialog(window.services.users, window.actor, window)
    qtbot.addWidget(dialog)
    asked: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.users_dialog.QMessageBox.question",
        lambda _parent, _title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    dialog.select_username("colin")
    dialog.deactivate()
    assert "they will need a password reset afterwards: sam" in asked[0]  # told before
    assert dialog.rotation_worker is not None  # on the worker, the dialog stays responsive
    bar = dialog.progress_dialog
    seen: list[tuple[int, int]] = []
    dialog.rotation_worker.signals.progress.connect(
        lambda done, total, _phase: seen.append((bar.value(), bar.maximum()))
    )
    qtbot.waitUntil(lambda: dialog.rotation_worker is None, timeout=60_000)

    assert seen and seen[-1][1] > 1 and seen[-1][0] == seen[-1][1]  # the bar reached its end
    assert {a.username: a.active for a in dialog.accounts}["colin"] is False
    _user_id, old_key = office.accounts.unwrap_data_key(
        "colin", PASSWORDS["colin"], slots=KeySlotFile(saved)
    )
    assert not key_opens(office.paths.database, old_key)
    assert shown_messages == [
        (
            "user",
            "The data key was changed, but the key slots of these users could not be "
            "re-wrapped (old format or missing): they cannot log in until you reset their "
            "password: sam",
        )
    ]
    # The admin's window goes on under the new key.
    assert window.services.users.list()
    office.accounts.login("cara", PASSWORDS["cara"], check=False).close()
