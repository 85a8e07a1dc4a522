"""The whole day of a caseworker, driven through the real widgets on a real encrypted DB."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.domain.enums import Role
from desktop.ui.forms import BeneficiaryForm
from desktop.ui.login import LoginDialog, SetupWizard
from desktop.ui.models.beneficiary_table import COL_FIRST_NAME, COL_LAST_NAME, BeneficiaryRole
from desktop.ui.session_form import CaseSessionForm
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import closed, save_ended, submit_login

ADMIN_PASSWORD = "correct horse battery"
LEFT = Qt.MouseButton.LeftButton


def names_in(window) -> list[str]:
    model = window.model
    return [model.index(r, 0).data(BeneficiaryRole).full_name for r in range(model.rowCount())]


def click_header(qtbot, window, column: int) -> None:
    header = window.caseload.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


def test_setup_login_create_search_sort_lock_unlock_switch(qtbot, controller, shown_messages):
    # -- first start: the setup wizard, with the same rules as `caseload init`
    controller.start()
    wizard = controller.dialog
    assert isinstance(wizard, SetupWizard)
    wizard.fields["username"].setText("admin")
    wizard.fields["display_name"].setText("Ada Admin")
    wizard.fields["password"].setText("short")
    wizard.fields["password_repeat"].setText("short")
    qtbot.mouseClick(wizard.create_button, LEFT)
    qtbot.waitUntil(lambda: wizard.errors["password"].isVisible())
    assert "at least 8" in wizard.errors["password"].text()
    assert not controller.paths.database.exists()
    wizard.fields["password"].setText(ADMIN_PASSWORD)
    wizard.fields["password_repeat"].setText(ADMIN_PASSWORD)
    qtbot.mouseClick(wizard.create_button, LEFT)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.paths.database.exists()
    window = controller.window
    window.services.users.add("cara", Role.CASEWORKER, PASSWORDS["cara"], "Cara Caseworker")

    # -- log out and in again through the login dialog (wrong password first)
    window.switch_user()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    dialog = controller.dialog
    assert dialog.username.text() == "admin"  # remembered
    submit_login(qtbot, dialog, "admin", "not the password")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Wrong username or password."
    assert controller.window is None
    submit_login(qtbot, dialog, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    assert window.user_label.text() == "Ada Admin · admin"
    assert window.caseload.count_label.text() == "0 beneficiaries"

    # -- a new beneficiary: the core's messages appear beside the fields, then it saves
    assert window.new_beneficiary_action.shortcut().toString() == "Ctrl+N"
    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    assert isinstance(form, BeneficiaryForm)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("date_of_birth"), "2999-01-01")
    qtbot.keyClicks(form.field("email"), "amina-at-example")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible()
    assert form.error_text("last_name") == "Last name is required."
    assert form.error_text("date_of_birth") == "Date of birth cannot be in the future."
    assert "not a valid address" in form.error_text("email")
    assert form.error_text("first_name") == ""
    assert form.field("last_name").property("invalid") is True
    assert window.services.beneficiaries.count_visible() == 0  # nothing half-written
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    form.field("date_of_birth").setText("1984-03-27")
    form.field("email").setText("amina@example.org")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form.field("email"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: closed(form))
    assert window.detail.beneficiary.full_name == "Amina Haddad"
    assert window.caseload.count_label.text() == "1 beneficiary"
    assert window.pending_label.text() == "1 change waiting to sync"

    # -- a session with her
    assert window.new_session_action.shortcut().toString() == "Ctrl+Shift+N"
    window.new_session_action.trigger()
    session_form = window.open_forms()[-1]
    assert isinstance(session_form, CaseSessionForm)
    qtbot.keyClicks(session_form.field("kind"), "Office")
    qtbot.keyClicks(session_form.field("status"), "Done")
    qtbot.keyClicks(session_form.field("summary"), "Housing situation reviewed.")
    session_form.field("follow_up_on").setText("2000-01-01")  # before the session
    qtbot.mouseClick(session_form.save_button, LEFT)
    save_ended(qtbot, session_form)
    assert "cannot be before" in session_form.error_text("follow_up_on")
    session_form.field("follow_up_on").clear()
    assert session_form.error_text("follow_up_on") == ""  # gone once the field is valid
    qtbot.mouseClick(session_form.save_button, LEFT)
    qtbot.waitUntil(lambda: closed(session_form))
    assert window.detail.sessions_model.rowCount() == 1
    assert window.detail.sessions_model.index(0, 6).data() == "Housing situation reviewed."
    # The case's history: the beneficiary's creation and the session's, newest first.
    history = window.detail.audit_model._rows
    assert [(e.entity, e.action) for e in history] == [
        ("case_session", "create"),
        ("beneficiary", "create"),
    ]

    # -- search finds her among others (debounced, in SQL)
    for first, last in (("Zara", "Abboud"), ("Olena", "Kovalenko"), ("Yusuf", "Haddock")):
        window.services.beneficiaries.create({"first_name": first, "last_name": last})
    window.refresh()
    assert window.model.total == 4
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    window.search_action.trigger()
    qtbot.keyClicks(window.caseload.search, "amin hadd")
    qtbot.waitUntil(lambda: window.model.total == 1)
    assert names_in(window) == ["Amina Haddad"]
    assert window.caseload.count_label.text() == "1 of 4"
    window.caseload.search.clear()
    qtbot.waitUntil(lambda: window.model.total == 4)

    # -- sort by clicking the headers (SQL ORDER BY through the model)
    assert names_in(window) == ["Zara Abboud", "Amina Haddad", "Yusuf Haddock", "Olena Kovalenko"]
    click_header(qtbot, window, COL_FIRST_NAME)
    assert names_in(window) == ["Amina Haddad", "Olena Kovalenko", "Yusuf Haddock", "Zara Abboud"]
    click_header(qtbot, window, COL_LAST_NAME)
    click_header(qtbot, window, COL_LAST_NAME)
    assert window.model.query.descending
    assert names_in(window) == ["Olena Kovalenko", "Yusuf Haddock", "Amina Haddad", "Zara Abboud"]

    # -- lock: content hidden, key dropped; the same user's password unlocks
    window.caseload.select_row(2)
    assert window.detail.beneficiary.full_name == "Amina Haddad"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_action.trigger()
    assert window.locked
    assert window.stack.currentWidget() is window.lock_screen
    assert window.services is None
    assert window.model.rowCount() == 0 and window.detail.beneficiary is None
    window.lock_screen.password.setText("wrong password")
    qtbot.mouseClick(window.lock_screen.unlock_button, LEFT)
    qtbot.waitUntil(lambda: window.lock_screen.error.isVisible(), timeout=10_000)
    assert window.locked
    window.lock_screen.password.setText(ADMIN_PASSWORD)
    qtbot.mouseClick(window.lock_screen.unlock_button, LEFT)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert window.stack.currentWidget() is window.splitter
    assert window.model.total == 4
    assert window.model.query.descending  # the list comes back as it was

    # -- switch user: a caseworker sees only her own caseload (none yet)
    window.lock_action.trigger()
    qtbot.mouseClick(window.lock_screen.switch_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    submit_login(qtbot, controller.dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    cara_window = controller.window
    assert cara_window is not window
    assert cara_window.user_label.text() == "Cara Caseworker · caseworker"
    assert cara_window.model.total == 0
    assert not cara_window.delete_action.isVisible()
    assert not cara_window.reassign_action.isVisible()
    assert not cara_window.users_action.isVisible()
    assert not cara_window.caseload.caseworker_filter.isVisibleTo(cara_window)
    assert shown_messages == []
