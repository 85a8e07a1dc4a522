"""What an authenticated request asks the database before its own work: one query.

The token check reads the token's family, its revocation and the user it names in one
statement (`auth._is_revoked`); the user lookup that follows must find that user in the
request's session instead of reading it again. Counted on an app in this process, on
its real (encrypted SQLite) database.
"""

from __future__ import annotations

import sqlalchemy as sa

from tests.server.test_observability import app, sign_in  # noqa: F401 (the app fixture)


def statements_of(app, call) -> list[str]:  # noqa: F811 (the fixture's name)
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_rest) -> None:
        seen.append(" ".join(statement.split()))

    engine = app.extensions["caseload"].engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return seen


def test_a_signed_in_request_reads_its_user_once(app):  # noqa: F811
    client = app.test_client()
    _user_id, headers = sign_in(client)
    answers = []
    seen = statements_of(
        app, lambda: answers.append(client.get("/api/auth/profile", headers=headers))
    )
    assert answers[0].status_code == 200, answers[0].get_data(as_text=True)
    reads_of_users = [s for s in seen if s.startswith("SELECT") and " users" in s]
    assert len(reads_of_users) == 1, reads_of_users
    assert "token_families" in reads_of_users[0]  # the token check's joined statement


def test_a_disabled_account_is_still_refused(app):  # noqa: F811
    client = app.test_client()
    user_id, headers = sign_in(client)
    engine = app.extensions["caseload"].engine
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE users SET active = 0 WHERE id = :id"), {"id": user_id})
    answer = client.get("/api/auth/profile", headers=headers)
    assert answer.status_code == 401
    assert answer.get_json()["error"]["code"] == "user_not_found"
