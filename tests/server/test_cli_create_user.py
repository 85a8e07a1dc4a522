"""`caseload-server create-user` says what it created, on one line of its own (issue 17,
point 14); the migrations' log lines stay out of it unless --verbose (issue 15)."""

from __future__ import annotations

import re

from tests.server.test_cli import PASSWORD, run


def test_create_user_prints_what_was_created(tmp_path):
    made = run(
        "--data-dir",
        str(tmp_path / "data"),
        "create-user",
        "Office.Lead",
        "--role",
        "supervisor",
        "--organisation",
        "north-office",
        env={"CASELOAD_NEW_PASSWORD": PASSWORD},
    )
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""  # a fresh database: migrations ran, quietly
    (line,) = made.stdout.splitlines()
    assert re.fullmatch(
        r"Created supervisor account Office\.Lead in new organisation north-office "
        r"\(id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)\.",
        line,
    ), line
