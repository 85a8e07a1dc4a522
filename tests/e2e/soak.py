"""The soak test's parts (tests/e2e/test_soak.py drives them, one seed at a time).

- ``SoakServer``: the one real server process, SIGKILLed mid-push and restarted on its data.
- ``SoakLaptop``: a laptop (real encrypted database) with an office admin and one working
  user (caseworker or supervisor) linked to a server account; it syncs in this process,
  in a child process that is SIGKILLed mid-push, or while the server is killed.
- ``Model``: what the server must hold once a round has settled, record by record and
  field by field; ``Round``: what each laptop did offline in one round, from which the
  expected merges, conflicts and delete outcomes follow.
- ``Operations``: the seeded random work of one laptop, done through the services as the
  app does.
"""

from __future__ import annotations

import contextlib
import copy
import math
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

import httpx
from sqlalchemy import select

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.domain.enums import ClosureReason, Entity, Role
from desktop.errors import UserError
from desktop.paths import DataPaths
from desktop.services import Services
from desktop.services.conflicts import Conflict, ConflictService
from desktop.services.sync_account import SyncAccount
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, OutboxRow, UserRow
from desktop.sync import wire
from desktop.sync.client import SyncError
from desktop.sync.engine import SyncReport
from tests.e2e.conftest import FAST_RETRIES
from tests.e2e.test_sync_faults import Rewire, kill_server_after_push
from tests.processes import start_python
from tests.server.conftest import PASSWORD as SERVER_PASSWORD
from tests.server.conftest import REPO_ROOT, ServerFactory, ServerProcess, User

ADMIN_PASSWORD = "office admin passphrase"
USER_PASSWORD = "soak working passphrase"
# Small batches: a round's changes take several push requests, so a kill lands mid-push.
BATCH = 4
ROW_TYPES = {Entity.BENEFICIARY: BeneficiaryRow, Entity.CASE_SESSION: CaseSessionRow}
# The fields the random edits change (text: any value is valid; status via close/reopen).
EDITED = {
    Entity.BENEFICIARY: ("notes", "address", "email"),
    Entity.CASE_SESSION: ("summary", "outcome", "location"),
}


# -- the server and the laptops --------------------------------------------------------


class SoakServer:
    """One server process; after a SIGKILL it is started again on the same data."""

    def __init__(self, factory: ServerFactory):
        self.factory = factory
        self.process: ServerProcess = factory.start(dev=True)

    @property
    def url(self) -> str:
        return self.process.base_url

    def restart(self) -> None:
        assert self.process.process.poll() is not None, "the server was expected to be dead"
        self.process = self.factory.start(dev=True, like=self.process)


class SoakLaptop:
    """A laptop's data folder: an office admin, and ``name`` who works and syncs on it.

    Every sync goes through a ``Rewire`` transport pointed at the server's current address
    (a restarted server listens on a new port; the laptops keep the address they linked).
    """

    def __init__(self, root: Path, name: str, role: Role, server: SoakServer, server_user: User):
        self.name = name
        self.role = role
        self.server = server
        self.server_user = server_user
        self.accounts = LocalAccounts(DataPaths.resolve(root / name))
        admin = self.accounts.initialize("admin", ADMIN_PASSWORD, "Office Admin")
        Services.for_session(admin, self.accounts).users.add(
            name, role, USER_PASSWORD, name.title()
        )
        admin.close()
        self.open()
        SyncAccount(self.login.db, self.login.actor).link(
            server.url, server_user.username, SERVER_PASSWORD
        )

    def open(self) -> None:
        self.login = self.accounts.login(self.name, USER_PASSWORD, check=False)
        self.services = Services.for_session(self.login, self.accounts)
        self._admin: LoginSession | None = None

    def close(self) -> None:
        if self._admin is not None:
            self._admin.close()
        self.login.close()

    @property
    def supervises(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)

    def _account(self, transport: Rewire) -> SyncAccount:
        return SyncAccount(self.login.db, self.login.actor, transport=transport)

    def sync(self) -> SyncReport:
        transport = Rewire(self.server.url)
        return self._account(transport).sync(policy=FAST_RETRIES, batch_size=BATCH)

    def pushes_certain(self) -> int:
        """Push requests the next sync makes at least, one per BATCH of pending upserts,
        unless its first pull settles some of them (a record deleted on the server)."""
        with self.login.db.read() as uow:
            upserts = len(
                uow.session.execute(
                    select(OutboxRow.id).where(
                        OutboxRow.state == "pending", OutboxRow.op.in_(("upsert", "resync"))
                    )
                ).all()
            )
        return math.ceil(upserts / BATCH)

    def sync_while_server_dies(self, push: int) -> bool:
        """The server commits push number ``push`` and is SIGKILLed before it answers;
        the sync stops (SyncError: unreachable), as it would with the office's server.
        False if the sync made fewer pushes (its first pull settled some changes)."""
        transport = Rewire(self.server.url)
        transport.after_push = kill_server_after_push(self.server.process, transport, push=push)
        with contextlib.suppress(SyncError):
            self._account(transport).sync(policy=FAST_RETRIES, batch_size=BATCH)
        return self.server.process.process.poll() is not None

    def sync_in_child_killed(self, point: str, push: int) -> bool:
        """A sync in a child process, SIGKILLed before sending or after the answer of
        push number ``push`` (as a crash or a power cut would stop the app). False if
        the sync ended before that push (its first pull settled some changes)."""
        self.close()
        try:
            child = start_python(
                f"import sys; sys.path.insert(0, {str(REPO_ROOT)!r}); "
                "from tests.e2e.soak import child_sync; child_sync()",
                str(self.accounts.paths.root),
                self.name,
                USER_PASSWORD,
                self.server.url,
                point,
                str(push),
            )
            try:
                line = child.stdout.readline().strip()
                if line == "MARK":
                    child.send_signal(signal.SIGKILL)
                child.wait(timeout=60)
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait(timeout=30)
                child.stdout.close()
        finally:
            self.open()
        if line == "MARK":
            assert child.returncode == -signal.SIGKILL
            return True
        assert (line, child.returncode) == ("DONE", 0), "the child's sync failed"
        return False

    def resolver(self) -> ConflictService:
        """Conflicts as the person allowed to decide sees them: the supervisor on their
        laptop, the office admin (supervisor rights) on a caseworker's laptop, who signs
        in there beside the caseworker (once: a sign-in costs an Argon2id hash)."""
        if self.supervises:
            return ConflictService(self.login.db, self.login.actor)
        if self._admin is None:
            self._admin = self.accounts.login("admin", ADMIN_PASSWORD, check=False)
        return ConflictService(self._admin.db, self._admin.actor)

    def open_conflicts(self) -> list[Conflict]:
        return self.resolver().open_conflicts()

    def conflicts_waiting(self) -> int:
        return SyncAccount(self.login.db, self.login.actor).overview().conflicts

    def live_records(self) -> dict[str, tuple[dict[str, Any], int | None]]:
        """Every live record here, by id: its fields in the wire's canonical form (owner
        as the server's user id) and the server version it was last synced at."""
        records: dict[str, tuple[dict[str, Any], int | None]] = {}
        with self.login.db.read() as uow:
            session = uow.session
            server_ids = dict(session.execute(select(UserRow.id, UserRow.server_user_id)).all())
            for entity, row_type in ROW_TYPES.items():
                rows = session.execute(select(row_type).where(row_type.deleted_at.is_(None)))
                for row in rows.scalars():
                    values = {name: getattr(row, name) for name in wire.FIELDS[entity]}
                    values["caseworker_id"] = server_ids.get(row.caseworker_id)
                    records[row.id] = (wire.canonical(entity, values), row.server_version)
        return records

    def outbox(self) -> list[tuple[str, str, str]]:
        with self.login.db.read() as uow:
            return [
                tuple(row)
                for row in uow.session.execute(
                    select(OutboxRow.entity_id, OutboxRow.op, OutboxRow.state)
                ).all()
            ]


def child_sync() -> None:
    """The child process of ``sync_in_child_killed``: prints MARK at the kill point and
    waits there to be killed; prints DONE if the sync ends first."""
    data_dir, username, password, url, point, push = sys.argv[1:7]
    login = LocalAccounts(DataPaths.resolve(data_dir)).login(username, password, check=False)
    transport = Rewire(url)

    def mark() -> None:
        print("MARK", flush=True)
        time.sleep(120)

    if point == "before_send":
        transport.before_push = lambda: mark() if transport.pushes + 1 == int(push) else None
    else:
        transport.after_push = lambda request, response: (
            mark() if transport.pushes == int(push) else None
        )
    SyncAccount(login.db, login.actor, transport=transport).sync(
        policy=FAST_RETRIES, batch_size=BATCH
    )
    print("DONE", flush=True)


def server_view(server: SoakServer, user: User) -> dict[str, tuple[dict[str, Any], int]]:
    """Every live record the server shows ``user``, by id: canonical fields and version.

    One pass over the change feed for both entities, with the user's token (signing in
    costs the server a password hash; it is done again only when the token has expired).
    """
    records: dict[str, tuple[dict[str, Any], int]] = {}
    since = 0
    with httpx.Client(base_url=server.url, timeout=30) as http:
        while True:
            params = {"since": since, "limit": 1000}
            response = http.get("/api/sync/changes", params=params, headers=user.headers)
            if response.status_code == 401:
                server.process.login(user)
                response = http.get("/api/sync/changes", params=params, headers=user.headers)
            assert response.status_code == 200, response.text
            page = response.json()["data"]
            for change in page["changes"]:
                if change["deleted"]:
                    records.pop(change["id"], None)
                else:
                    values = wire.from_wire(Entity(change["entity"]), change["data"])
                    records[change["id"]] = (values, change["version"])
            since = page["next_since"]
            if not page["has_more"]:
                return records


# -- the model -------------------------------------------------------------------------


@dataclass
class Record:
    entity: Entity
    id: str
    owner: str  # the laptop whose user created it (a session: whoever recorded it)
    values: dict[str, Any]  # canonical, as the server must hold them

    @property
    def parent(self) -> str | None:
        return self.values.get("beneficiary_id")


@dataclass
class Clash:
    """The same field changed on two laptops in one round, to different values."""

    record: str
    field: str
    values: dict[str, Any]  # laptop name -> its value


@dataclass
class DeleteUnit:
    """A supervisor's delete: a beneficiary with its sessions, or one session."""

    root: str
    members: set[str]
    by: str
    contested: bool  # another laptop changed or added a member meanwhile


class Model:
    """The server's expected content once a round has settled; the start of the next."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.gone: set[str] = set()  # deleted: never to come back
        self.owners: dict[str, str] = {}  # laptop name -> server user id

    def visible(self, laptop: SoakLaptop) -> dict[str, Record]:
        """The records a laptop holds: all for a supervisor, else its own caseload."""
        if laptop.supervises:
            return dict(self.records)
        mine = {r.id for r in self.records.values() if r.entity == Entity.BENEFICIARY}
        mine = {i for i in mine if self.records[i].owner == laptop.name}
        return {
            i: r
            for i, r in self.records.items()
            if i in mine or (r.entity == Entity.CASE_SESSION and r.parent in mine)
        }

    def expected(self, record: Record) -> dict[str, Any]:
        """The record as the server must hold it, its owner as the server's user id."""
        return {**record.values, "caseworker_id": self.owners[record.owner]}


class Round:
    """One offline period: every laptop works from the settled state, then all sync."""

    def __init__(self, number: int, model: Model, laptops: list[SoakLaptop]):
        self.number = number
        self.model = model
        self.start = copy.deepcopy(model.records)
        # Each laptop's own picture during the round: the start plus what it did.
        self.views: dict[str, dict[str, Record]] = {
            laptop.name: copy.deepcopy(model.visible(laptop)) for laptop in laptops
        }
        self.created: dict[str, str] = {}  # record id -> laptop
        self.values_made = 0
        self.deletes: dict[str, str] = {}  # record id the user deleted -> laptop
        self.deleted: dict[str, Record] = {}  # those records as they were
        # Beneficiaries one of whose sessions was deleted alone: not deleted whole in the
        # same round, so that every delete unit is one user action.
        self.session_deleted_under: set[str] = set()
        # (record, field) edited after the storm's syncs (while conflicts wait) -> laptop
        self.late: dict[tuple[str, str], str] = {}
        self._ranks: dict[str, int] = {}

    def remove(self, laptop: str, record: Record) -> None:
        """``laptop``'s user deleted ``record``: it leaves that laptop's picture."""
        del self.views[laptop][record.id]
        self.deletes.setdefault(record.id, laptop)
        self.deleted[record.id] = record

    def rank(self, record_id: str) -> int:
        """A record's place in the order it was made: the seed's choices follow it, not
        the random ids."""
        known = [*self.start, *self.created]
        for record_id_ in known[len(self._ranks) :]:
            self._ranks[record_id_] = len(self._ranks)
        return self._ranks[record_id]

    # What each laptop changed, compared with the start (a value set back is no change).
    def changes(self, laptop: str) -> dict[tuple[str, str], Any]:
        changed: dict[tuple[str, str], Any] = {}
        for record_id, record in self.views[laptop].items():
            before = self.start.get(record_id)
            for name, value in record.values.items():
                if before is None or before.values.get(name) != value:
                    changed[(record_id, name)] = value
        return changed

    def delete_units(self) -> list[DeleteUnit]:
        units: dict[str, DeleteUnit] = {}
        every = {**self.start, **self.deleted}
        for view in self.views.values():
            every.update(view)
        deleted_beneficiaries = {i for i in self.deletes if every[i].entity == Entity.BENEFICIARY}
        for record_id, by in self.deletes.items():
            record = every[record_id]
            root = record.parent if record.parent in deleted_beneficiaries else record_id
            unit = units.setdefault(root, DeleteUnit(root, {root}, by, False))
            unit.members.add(record_id)
        for unit in units.values():
            if unit.root in deleted_beneficiaries:
                unit.members |= {i for i, r in every.items() if r.parent == unit.root}
            for name in self.views:
                if name == unit.by:
                    continue
                touched = {record_id for record_id, _ in self.changes(name)}
                if unit.members & touched:
                    unit.contested = True
        return list(units.values())

    def clashes(self, units: list[DeleteUnit]) -> list[Clash]:
        in_units = set().union(*(u.members for u in units)) if units else set()
        by_field: dict[tuple[str, str], dict[str, Any]] = {}
        for name in self.views:
            for key, value in self.changes(name).items():
                if key[0] in self.start and key[0] not in in_units:
                    by_field.setdefault(key, {})[name] = value
        return [
            Clash(record, name, values)
            for (record, name), values in sorted(by_field.items())
            if len(values) > 1 and len(set(map(repr, values.values()))) > 1
        ]

    def settle(
        self,
        units: list[DeleteUnit],
        restored: set[str],
        resolutions: dict[tuple[str, str], Any],
    ) -> None:
        """The model after the round: each laptop's changes merged, each clash as it was
        resolved, each delete unit gone, or back (resolved "theirs") as the others left it."""
        records = copy.deepcopy(self.start)
        for record_id, by in self.created.items():
            if record_id in self.views[by]:  # made and deleted in the round: never sent
                records[record_id] = copy.deepcopy(self.views[by][record_id])
        for name in self.views:
            for (record_id, field_name), value in self.changes(name).items():
                records[record_id].values[field_name] = value
        for (record_id, field_name), value in resolutions.items():
            records[record_id].values[field_name] = value
        for (record_id, field_name), name in self.late.items():
            if (record_id, field_name) not in resolutions:  # a later edit wins over a merge
                value = self.views[name][record_id].values[field_name]
                records[record_id].values[field_name] = value
        for unit in units:
            for member in unit.members:
                # A restored unit keeps what the others had; what its deleter made is gone.
                if unit.root not in restored or self.created.get(member) == unit.by:
                    records.pop(member, None)
        for record_id in list(records):  # sessions go with their beneficiary
            parent = records[record_id].parent
            if parent is not None and parent not in records:
                del records[record_id]
        self.model.gone |= (set(self.start) | set(self.created)) - set(records)
        self.model.records = records


# -- the operations --------------------------------------------------------------------


class Operations:
    """Seeded random work of one laptop in one round, through the services."""

    def __init__(self, rng: Random, round_: Round, laptop: SoakLaptop, hot: list[str], log: list):
        self.rng = rng
        self.round = round_
        self.laptop = laptop
        self.view = round_.views[laptop.name]
        self.hot = hot  # records the round's laptops are steered to, so edits collide
        self.log = log

    def _note(self, text: str) -> None:
        self.log.append(f"r{self.round.number} {self.laptop.name}: {text}")

    def value(self, name: str) -> str:
        """A value no one has written before, saying who wrote it in which round."""
        self.round.values_made += 1
        tag = f"{self.laptop.name}-r{self.round.number}-{self.round.values_made}"
        return f"{tag}@example.org" if name == "email" else f"{name} {tag}"

    def _pick(self, entity: Entity, *, active_only: bool = False) -> Record | None:
        candidates = [
            r
            for r in self.view.values()
            if r.entity == entity
            and (not active_only or r.values.get("status") == "active")
            and (r.entity == Entity.BENEFICIARY or self.view.get(r.parent, None) is not None)
        ]
        if not candidates:
            return None
        hot = [r for r in candidates if r.id in self.hot or r.parent in self.hot]
        if hot and self.rng.random() < 0.7:
            return self.rng.choice(hot)
        return self.rng.choice(candidates)

    def run(self, count: int) -> None:
        kinds = ["create_beneficiary", "create_session", "edit", "edit", "edit", "status"]
        if self.laptop.supervises:
            kinds += ["delete_beneficiary", "delete_session"]
        for _ in range(count):
            getattr(self, self.rng.choice(kinds))()

    def create_beneficiary(self) -> None:
        made = self.laptop.services.beneficiaries.create(
            {"first_name": self.value("first_name"), "last_name": "Soak", "notes": "new"}
        )
        self._add(Entity.BENEFICIARY, made)

    def create_session(self) -> None:
        parent = self._pick(Entity.BENEFICIARY, active_only=True)
        if parent is None:
            return self.create_beneficiary()
        starts = datetime(2026, 3, 1, 9) + timedelta(hours=self.rng.randrange(2000))
        made = self.laptop.services.case_sessions.create(
            parent.id, {"starts_at": starts, "summary": self.value("summary")}
        )
        self._add(Entity.CASE_SESSION, made)

    def _add(self, entity: Entity, made: Any) -> None:
        values = {name: getattr(made, name) for name in wire.FIELDS[entity]}
        values = wire.canonical(entity, values)
        values.pop("caseworker_id")  # the owner is kept as the laptop's name
        record = Record(entity, made.id, self.laptop.name, values)
        self.view[made.id] = record
        self.round.created[made.id] = self.laptop.name
        self._note(f"created {entity.value} {made.id}")

    def edit(self) -> None:
        entity = self.rng.choice([Entity.BENEFICIARY, Entity.BENEFICIARY, Entity.CASE_SESSION])
        record = self._pick(entity)
        if record is None:
            return self.create_beneficiary()
        self.edit_field(record, self.rng.choice(EDITED[entity]))

    def edit_field(self, record: Record, name: str) -> None:
        value = self.value(name)
        service = (
            self.laptop.services.beneficiaries
            if record.entity == Entity.BENEFICIARY
            else self.laptop.services.case_sessions
        )
        service.update(record.id, {name: value})
        record.values[name] = value
        self._note(f"set {record.entity.value} {record.id} {name}")

    def status(self) -> None:
        record = self._pick(Entity.BENEFICIARY)
        if record is None:
            return self.create_beneficiary()
        beneficiaries = self.laptop.services.beneficiaries
        if record.values["status"] == "active":
            # One reason for every close: two laptops closing a case agree on why.
            beneficiaries.close(record.id, ClosureReason.GOALS_MET)
            record.values.update(status="closed", closure_reason="goals_met")
        else:
            beneficiaries.reopen(record.id)
            record.values.update(status="active", closure_reason=None)
        self._note(f"{record.values['status']} beneficiary {record.id}")

    def delete_beneficiary(self) -> None:
        record = self._pick(Entity.BENEFICIARY)
        if record is None or record.id in self.round.session_deleted_under:
            return
        self.delete(record)

    def delete(self, record: Record) -> None:
        """A beneficiary's delete, with its sessions."""
        self.laptop.services.beneficiaries.delete(record.id)
        for member in [r for r in self.view.values() if r.parent == record.id]:
            self.round.remove(self.laptop.name, member)
        self.round.remove(self.laptop.name, record)
        self._note(f"deleted beneficiary {record.id}")

    def delete_session(self) -> None:
        record = self._pick(Entity.CASE_SESSION)
        if record is None:
            return
        self.laptop.services.case_sessions.delete(record.id)
        self.round.remove(self.laptop.name, record)
        self.round.session_deleted_under.add(record.parent)
        self.round.deletes[record.id] = self.laptop.name
        self._note(f"deleted session {record.id}")

    def late_edit(self, record_id: str, name: str) -> bool:
        """An edit of a record whose conflict waits for a decision: either refused with a
        message, or kept (a later "keep mine" must then keep this value)."""
        record = self.view[record_id]
        before = record.values[name]
        try:
            self.edit_field(record, name)
        except UserError as exc:
            assert str(exc), "a refused edit must say why"
            record.values[name] = before
            self._note(f"late edit of {record_id} {name} refused: {exc}")
            return False
        self.round.late[(record_id, name)] = self.laptop.name
        return True


@dataclass
class Faults:
    """What the soak actually did, so that a seed cannot pass without its faults."""

    child_kills: int = 0
    server_kills: int = 0
    concurrent_syncs: int = 0
    field_conflicts: int = 0  # decided: a field changed on two laptops
    kept_mine_after_a_later_edit: int = 0
    deletes_contested: int = 0  # decided: a delete against another laptop's change
    deletes_undone: int = 0  # of those, resolved "theirs": the unit comes back
    late_edits: int = 0
