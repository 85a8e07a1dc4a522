"""The console's account pages through server/admin.py: admins manage their own
organisation's accounts, supervisors only read, and every change is in the action log."""

from __future__ import annotations

from sqlalchemy import select

from server.models import AdminAction, User
from tests.console.conftest import PASSWORD, add_user, csrf_token, sign_in


def _post(client, path: str, **data):
    token = csrf_token(client.get("/users").text)
    return client.post(path, data={**data, "csrf_token": token})


def test_an_admin_adds_disables_and_enables_a_user(app, client):
    add_user(app, "ada", "admin", "north")
    sign_in(client, "ada")
    added = _post(
        client,
        "/users",
        username="new.worker",
        display_name="New Worker",
        role="caseworker",
        password=PASSWORD,
    )
    assert added.status_code == 302
    page = client.get("/users").text
    assert "Added new.worker (caseworker)." in page
    session = app.extensions["caseload"].session_factory()
    worker = session.execute(select(User).where(User.username == "new.worker")).scalar_one()
    assert worker.organisation == "north" and worker.active
    assert _post(client, f"/users/{worker.id}/active", active="0").status_code == 302
    assert _post(client, f"/users/{worker.id}/role", role="supervisor").status_code == 302
    assert _post(client, f"/users/{worker.id}/password", password="another long secret")
    session.rollback()  # a new snapshot
    assert not worker.active and worker.role == "supervisor"
    actions = [
        a.action for a in session.execute(select(AdminAction).order_by(AdminAction.id)).scalars()
    ]
    assert actions == ["user.add", "user.disable", "user.set_role", "user.reset_password"]
    session.close()
    log = client.get("/actions").text
    assert "added user" in log and "disabled user" in log and "caseworker → supervisor" in log
    assert "new.worker" in log and "ada" in log


def test_bad_input_names_the_field_and_adds_nothing(app, client):
    add_user(app, "ada", "admin")
    sign_in(client, "ada")
    refused = _post(client, "/users", username="x", role="caseworker", password="short")
    assert refused.status_code == 422
    assert "username" in refused.text and "password" in refused.text
    assert 'value="x"' in refused.text  # what was typed stays, but never the password
    session = app.extensions["caseload"].session_factory()
    assert session.execute(select(AdminAction)).first() is None
    session.close()


def test_adding_a_user_needs_the_csrf_token(app, client):
    add_user(app, "ada", "admin")
    sign_in(client, "ada")
    response = client.post(
        "/users", data={"username": "sneaky", "role": "admin", "password": PASSWORD}
    )
    assert response.status_code == 400
    session = app.extensions["caseload"].session_factory()
    assert session.execute(select(User).where(User.username == "sneaky")).first() is None
    session.close()


def test_supervisors_only_read(app, client):
    add_user(app, "sup", "supervisor")
    worker = add_user(app, "worker", "caseworker")
    sign_in(client, "sup")
    page = client.get("/users").text
    assert "worker" in page and "Add user" not in page and "Disable" not in page
    for path, data in (
        ("/users", {"username": "made.by.sup", "role": "caseworker", "password": PASSWORD}),
        (f"/users/{worker.id}/active", {"active": "0"}),
        (f"/users/{worker.id}/role", {"role": "admin"}),
        (f"/users/{worker.id}/password", {"password": "another long secret"}),
    ):
        assert _post(client, path, **data).status_code == 403, path
    assert client.get("/actions").status_code == 200
    session = app.extensions["caseload"].session_factory()
    assert session.get(User, worker.id).active
    assert session.execute(select(AdminAction)).first() is None
    session.close()


def test_an_admin_sees_and_changes_only_their_organisation(app, client):
    add_user(app, "ada", "admin", "north")
    stranger = add_user(app, "stranger", "caseworker", "south")
    sign_in(client, "ada")
    assert "stranger" not in client.get("/users").text
    refused = _post(client, f"/users/{stranger.id}/active", active="0")
    assert refused.status_code == 302
    assert "is not a user of your organisation" in client.get("/users").text
    session = app.extensions["caseload"].session_factory()
    assert session.get(User, stranger.id).active
    session.close()


def test_disabling_ends_the_console_session_of_that_account(app):
    add_user(app, "ada", "admin")
    add_user(app, "sup", "supervisor")
    admin_browser, supervisor_browser = app.test_client(), app.test_client()
    sign_in(admin_browser, "ada")
    sign_in(supervisor_browser, "sup")
    assert supervisor_browser.get("/laptops").status_code == 200
    session = app.extensions["caseload"].session_factory()
    sup = session.execute(select(User).where(User.username == "sup")).scalar_one()
    session.close()
    _post(admin_browser, f"/users/{sup.id}/active", active="0")
    assert supervisor_browser.get("/laptops").headers["Location"].endswith("/sign-in")
