"""The console's sign-in, cookie, CSRF, headers, roles and organisation scoping, in-process."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from server.app import create_app
from server.config import ServerConfig
from server.db import utcnow
from server.maintenance import purge
from server.models import Device, FormDefinition, SyncActivity, TokenFamily
from tests.console.conftest import PASSWORD, add_user, csrf_token, make_config, sign_in


def _report(app: Flask, user, device_id: str, **counts) -> None:
    """A laptop's report, as POST /api/sync/report stores it (the API is tested below)."""
    session = app.extensions["caseload"].session_factory()
    now = utcnow()
    session.add(
        Device(
            organisation=user.organisation,
            device_id=device_id,
            user_id=user.id,
            app_version="0.1.0",
            records_waiting=counts.get("waiting", 0),
            open_conflicts=counts.get("conflicts", 0),
            first_seen_at=now,
            last_sync_at=now,
            last_outcome="ok",
        )
    )
    session.add(
        SyncActivity(
            at=now,
            organisation=user.organisation,
            user_id=user.id,
            device_id=device_id,
            sent=counts.get("sent", 0),
            received=0,
            conflicts=0,
            errors=0,
            duration_ms=1200,
            outcome="ok",
        )
    )
    session.commit()
    session.close()


def test_signing_in_and_out(app, client):
    add_user(app, "ada", "admin")
    assert client.get("/").headers["Location"].endswith("/sign-in")
    assert client.get("/laptops").headers["Location"].endswith("/sign-in")
    wrong = sign_in(client, "ada", "not the password")
    assert wrong.status_code == 401 and "Wrong username or password" in wrong.text
    signed = sign_in(client, "ada")
    assert signed.status_code == 302
    page = client.get("/laptops")
    assert page.status_code == 200 and "ada · admin · default" in page.text
    out = client.post("/sign-out", data={"csrf_token": csrf_token(page.text)})
    assert out.headers["Location"].endswith("/sign-in")
    assert client.get("/laptops").status_code == 302


def test_a_signed_out_cookie_stays_signed_out(app, client):
    add_user(app, "ada", "admin")
    sign_in(client, "ada")
    stolen = client.get_cookie("caseload-console").value
    page = client.get("/laptops")
    client.post("/sign-out", data={"csrf_token": csrf_token(page.text)})
    client.set_cookie("caseload-console", stolen)
    assert client.get("/laptops").headers["Location"].endswith("/sign-in")


def test_caseworkers_cannot_sign_in(app, client):
    add_user(app, "cas", "caseworker")
    refused = sign_in(client, "cas")
    assert refused.status_code == 401
    assert "for organisation admins and supervisors" in refused.text
    assert client.get("/laptops").status_code == 302


def test_every_form_needs_its_csrf_token(app, client):
    add_user(app, "ada", "admin")
    no_token = client.post("/sign-in", data={"username": "ada", "password": PASSWORD})
    assert no_token.status_code == 400
    assert client.get("/laptops").status_code == 302  # not signed in
    sign_in(client, "ada")
    assert client.post("/sign-out").status_code == 400
    assert client.post("/sign-out", data={"csrf_token": "forged"}).status_code == 400
    assert client.get("/laptops").status_code == 200  # still signed in
    # Another browser's token is not this session's.
    other = app.test_client()
    other_token = csrf_token(other.get("/sign-in").text)
    assert client.post("/sign-out", data={"csrf_token": other_token}).status_code == 400


def test_the_api_takes_no_csrf_token(app, client):
    add_user(app, "ada", "admin")
    response = client.post("/api/auth/login", json={"username": "ada", "password": PASSWORD})
    assert response.status_code == 200


def test_headers_of_console_pages(app, client):
    for path in ("/sign-in", "/console/static/console.css"):
        response = client.get(path)
        assert response.status_code == 200
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        response.close()
    page = client.get("/sign-in").text
    assert "<script" not in page and "style=" not in page


def test_the_cookie_is_secure_httponly_and_strict(tmp_path):
    secure_app = create_app(make_config(tmp_path, console_plain_http=False))
    add_user(secure_app, "ada", "admin")
    client = secure_app.test_client()
    response = client.get("/sign-in", base_url="https://localhost")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-caseload-console=")
    for flag in ("Secure", "HttpOnly", "SameSite=Strict", "Path=/"):
        assert flag in cookie
    token = csrf_token(response.text)
    signed = client.post(
        "/sign-in",
        data={"username": "ada", "password": PASSWORD, "csrf_token": token},
        base_url="https://localhost",
        headers={"Referer": "https://localhost/sign-in"},
    )
    assert signed.status_code == 302
    assert "Secure" in signed.headers["Set-Cookie"]
    secure_app.extensions["caseload"].engine.dispose()


def test_plain_http_is_for_loopback_only(app, client):
    assert "Secure" not in client.get("/sign-in").headers["Set-Cookie"]
    elsewhere = client.get("/sign-in", base_url="http://console.example.org")
    assert "Secure" in elsewhere.headers["Set-Cookie"]
    remote = client.get("/sign-in", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert "Secure" in remote.headers["Set-Cookie"]


def test_the_api_login_and_the_console_share_the_throttling(tmp_path):
    app = create_app(make_config(tmp_path))
    settings: ServerConfig = app.extensions["caseload"].config
    settings.login_free_attempts = 2
    settings.login_first_delay = timedelta(minutes=5)
    add_user(app, "ada", "admin")
    client = app.test_client()
    for _ in range(2):
        assert sign_in(client, "ada", "wrong").status_code == 401
    throttled = sign_in(client, "ada", "wrong")
    assert "Too many failed sign-ins" in throttled.text
    assert sign_in(client, "ada").status_code == 401  # even the right password waits
    api = client.post("/api/auth/login", json={"username": "ada", "password": PASSWORD})
    assert api.status_code == 429
    app.extensions["caseload"].engine.dispose()


def test_pages_show_only_the_organisation_s_laptops_and_activity(app, client):
    mine = add_user(app, "sup", "supervisor", "north")
    theirs = add_user(app, "other", "supervisor", "south")
    _report(app, mine, "aaaaaaaa-north-laptop", waiting=3, conflicts=2, sent=17)
    _report(app, theirs, "bbbbbbbb-south-laptop", waiting=9, sent=99)
    sign_in(client, "sup")
    laptops = client.get("/laptops").text
    assert "aaaaaaaa" in laptops and "bbbbbbbb" not in laptops
    assert "<td>sup</td>" in laptops and "other" not in laptops
    activity = client.get("/activity").text
    assert "aaaaaaaa" in activity and ">17<" in activity
    assert "bbbbbbbb" not in activity and ">99<" not in activity


def test_forms_page(app, client):
    admin = add_user(app, "ada", "admin")
    session = app.extensions["caseload"].session_factory()
    session.add(
        FormDefinition(
            organisation="default",
            version=1,
            body={
                "format": "caseload-forms/1",
                "title": "Cash assistance",
                "languages": ["en"],
                "beneficiary": {
                    "fields": [
                        {
                            "key": "household_size",
                            "kind": "integer",
                            "label": {"en": "Household size"},
                            "required": True,
                        }
                    ]
                },
                "version": 1,
            },
            published_at=utcnow(),
            published_by=admin.id,
        )
    )
    session.commit()
    session.close()
    sign_in(client, "ada")
    page = client.get("/forms").text
    assert "Household size" in page and "household_size" in page and "required" in page
    assert "Cash assistance" in page


def test_a_disabled_or_demoted_account_is_signed_out(app, client):
    sup = add_user(app, "sup", "supervisor")
    sign_in(client, "sup")
    assert client.get("/laptops").status_code == 200
    session = app.extensions["caseload"].session_factory()
    row = session.get(type(sup), sup.id)
    row.role = "caseworker"
    session.commit()
    session.close()
    assert client.get("/laptops").status_code == 302


def test_console_sessions_end_after_their_lifetime(app, client):
    add_user(app, "ada", "admin")
    sign_in(client, "ada")
    session = app.extensions["caseload"].session_factory()
    for family in session.execute(select(TokenFamily)).scalars():
        family.created_at -= timedelta(hours=9)
    session.commit()
    session.close()
    assert client.get("/laptops").status_code == 302


# --- the laptops' report (the API) -------------------------------------------------------


def _token(client, username: str) -> dict[str, str]:
    data = client.post("/api/auth/login", json={"username": username, "password": PASSWORD})
    return {"Authorization": "Bearer " + data.json["data"]["access_token"]}


def test_the_report_keeps_the_last_one_per_laptop(app, client):
    add_user(app, "cas", "caseworker", "north")
    headers = _token(client, "cas")
    body = {
        "device_id": "0f1e2d3c-aaaa-bbbb-cccc-000011112222",
        "app_version": "0.1.0",
        "records_waiting": 4,
        "open_conflicts": 1,
        "sent": 10,
        "received": 3,
    }
    for waiting in (4, 2):
        response = client.post(
            "/api/sync/report", json={**body, "records_waiting": waiting}, headers=headers
        )
        assert response.status_code == 200, response.text
    session = app.extensions["caseload"].session_factory()
    devices = session.execute(select(Device)).scalars().all()
    assert [(d.organisation, d.records_waiting, d.open_conflicts) for d in devices] == [
        ("north", 2, 1)
    ]
    assert session.execute(select(func.count()).select_from(SyncActivity)).scalar_one() == 2
    session.close()


def test_a_bad_report_names_its_fields(app, client):
    add_user(app, "cas", "caseworker")
    headers = _token(client, "cas")
    response = client.post(
        "/api/sync/report",
        json={
            "device_id": "x",
            "app_version": "0.1.0",
            "records_waiting": -1,
            "open_conflicts": True,
            "surprise": 1,
        },
        headers=headers,
    )
    assert response.status_code == 422
    assert set(response.json["error"]["fields"]) == {
        "device_id",
        "records_waiting",
        "open_conflicts",
        "surprise",
    }
    session = app.extensions["caseload"].session_factory()
    assert session.execute(select(func.count()).select_from(Device)).scalar_one() == 0
    session.close()


def test_db_purge_trims_the_activity(app):
    user = add_user(app, "cas", "caseworker")
    for number in range(5):
        _report(app, user, f"device-{number:04d}")
    session = app.extensions["caseload"].session_factory()
    old = session.execute(select(SyncActivity).order_by(SyncActivity.id)).scalars().first()
    old.at = utcnow() - timedelta(days=400)
    session.commit()
    counts = purge(session, app.extensions["caseload"].config, activity_rows=3)
    session.commit()
    assert counts["sync_activity"] == 2
    left = session.execute(select(SyncActivity.device_id).order_by(SyncActivity.id)).scalars()
    assert list(left) == ["device-0002", "device-0003", "device-0004"]
    assert session.execute(select(func.count()).select_from(Device)).scalar_one() == 5
    session.close()


def test_every_kind_of_field_has_a_label():
    from server.console.pages import KIND_LABELS
    from server.forms import KINDS

    assert set(KIND_LABELS) == set(KINDS)
