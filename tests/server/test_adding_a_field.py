"""Adding a field on the server is server/schema.py, server/models.py, one migration and
`make openapi` (docs/server-fields.md, which writes openapi.yaml and openapi.json), nothing
else in server/.

On a copy of the server's source, the test makes exactly those changes for an optional
text field (at most 50 characters, personal data, searchable), runs the generator, starts
that copy as a real server on SQLite and on PostgreSQL, and checks that the field is
accepted, checked, stored, returned, searched, synced and cleared from a tombstone.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from tests.server.conftest import REPO_ROOT, beneficiary_body
from tests.server.test_sync import change, pull_all, push

NAME = "probe_number"  # not a real field: the copy is thrown away
DECLARATION = f'    Field("{NAME}", "text", max_length=50, personal=True, searchable=True),\n'
COLUMN = f"    {NAME}: Mapped[str | None] = mapped_column(String(50), nullable=True)\n"
MIGRATION = '''"""A probe field (tests/server/test_adding_a_field.py)."""

import sqlalchemy as sa
from alembic import op

revision = "probe"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("beneficiaries") as batch:
        batch.add_column(sa.Column("{name}", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("beneficiaries") as batch:
        batch.drop_column("{name}")
'''


def _insert_after(path: Path, anchor: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count(anchor) == 1, f"{path.name}: {anchor!r}"
    path.write_text(source.replace(anchor, anchor + text), encoding="utf-8")


def _changed(left: Path, right: Path, under: str = "") -> list[str]:
    """Files added or changed from `left` to `right`, caches left out."""
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    out = [f"{under}{name}" for name in (*compared.right_only, *compared.diff_files)]
    for name in compared.common_dirs:
        out.extend(_changed(left / name, right / name, f"{under}{name}/"))
    return sorted(out)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """A copy of server/ with the field added the documented way."""
    root = tmp_path_factory.mktemp("tree")
    server = root / "server"
    shutil.copytree(REPO_ROOT / "server", server, ignore=shutil.ignore_patterns("__pycache__"))
    _insert_after(server / "schema.py", "BENEFICIARY: tuple[Field, ...] = (\n", DECLARATION)
    _insert_after(server / "models.py", '    __tablename__ = "beneficiaries"\n', COLUMN)
    head = ScriptDirectory(str(server / "migrations")).get_current_head()
    migration = MIGRATION.format(head=head, name=NAME)
    (server / "migrations" / "versions" / "9999_probe.py").write_text(migration, encoding="utf-8")
    generated = subprocess.run(
        [sys.executable, "-m", "server.openapi_gen"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert generated.returncode == 0, generated.stderr
    assert _changed(REPO_ROOT / "server", server) == [
        "migrations/versions/9999_probe.py",
        "models.py",
        "openapi.json",
        "openapi.yaml",
        "schema.py",
    ]
    return root


@pytest.fixture(scope="module")
def probe_server(servers, tree):
    return servers.start(dev=True, root=tree)


def test_the_new_field_works_end_to_end(probe_server):
    http = probe_server.client()
    user = probe_server.new_user("caseworker")
    schemas = http.get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["BeneficiaryFields"]["properties"][NAME] == {
        "type": "string",
        "maxLength": 50,
        "nullable": True,
    }
    assert NAME in schemas["Beneficiary"]["required"]

    created = http.post(
        "/api/beneficiaries", json=beneficiary_body(**{NAME: "P-123456"}), headers=user.headers
    )
    assert created.status_code == 201, created.text
    record_id = created.json()["data"]["id"]
    url = f"/api/beneficiaries/{record_id}"
    assert http.get(url, headers=user.headers).json()["data"][NAME] == "P-123456"

    for bad, problem in (("x" * 51, "must be at most 50 characters"), (7, "must be a string")):
        refused = http.put(url, json={NAME: bad}, headers=user.headers)
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["fields"] == {NAME: problem}
    assert http.get(url, headers=user.headers).json()["data"][NAME] == "P-123456"
    updated = http.put(url, json={NAME: "Q-7"}, headers=user.headers)
    assert updated.status_code == 200 and updated.json()["data"][NAME] == "Q-7"

    found = http.get("/api/beneficiaries", params={"search": "q-7"}, headers=user.headers)
    assert [b["id"] for b in found.json()["data"]] == [record_id]

    pushed_id = str(uuid.uuid4())
    [applied, rejected] = push(
        http,
        user,
        change("beneficiary", pushed_id, beneficiary_body(**{NAME: "ID-9"})),
        change("beneficiary", str(uuid.uuid4()), beneficiary_body(**{NAME: "y" * 51})),
    )
    assert applied["status"] == "applied" and applied["record"][NAME] == "ID-9", applied
    assert rejected["status"] == "rejected" and NAME in rejected["errors"], rejected
    feed, _ = pull_all(http, user)
    assert {c["id"]: c["data"][NAME] for c in feed} == {record_id: "Q-7", pushed_id: "ID-9"}

    [deleted] = push(http, user, change("beneficiary", pushed_id, op="delete", base_version=1))
    assert deleted["status"] == "applied", deleted
    feed, _ = pull_all(http, user)
    assert {c["id"]: c["data"][NAME] for c in feed}[pushed_id] is None
