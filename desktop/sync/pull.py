"""Pull: the server's change feed, applied page by page with its cursor.

Each page is written with its cursor in a local transaction, which the next pages share
while they are already fetched (``GROUP_RECORDS``). A record with unsent local changes
is never overwritten (the push settles it); a delete from the server wins and erases the
record here (`desktop.sync.deletes`); a ``left`` entry hides a beneficiary reassigned
away from this caseworker.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from time import monotonic
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import cyclic_gc
from desktop.ahead import Ahead
from desktop.domain.enums import Entity, OutboxOp, SyncStatus
from desktop.store import deferred_indexes
from desktop.store.changes import Change, Stamp, diff, enqueue_all
from desktop.store.journal import get_state, set_state
from desktop.store.tables import BeneficiaryRow, OutboxRow
from desktop.sync import wire
from desktop.sync.client import ApiFailure, SyncCancelled, SyncError
from desktop.sync.deletes import deleted_on_server, departed
from desktop.sync.merged import forward
from desktop.sync.pulled import PulledWrites
from desktop.sync.records import (
    ROW_TYPES,
    UserMap,
    find,
    in_ids,
    known_record,
    load_records,
    local_canonical,
    write_fields,
)
from desktop.sync.run import SyncReport, SyncRun
from desktop.sync.wire import ProtocolError


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__,
# eight times slower (1.6 µs of every pulled record); nothing changes one once made.
@dataclass(slots=True)
class PulledChange:
    """One entry of the change feed.

    ``left``: the beneficiary left this caseworker's caseload (reassigned); such an entry
    carries no version or data. ``data`` holds canonical values, empty for a delete.
    """

    entity: Entity
    id: str
    version: int
    deleted: bool
    left: bool
    data: dict[str, Any]
    # The definition version the server's copy was written with (wire.FORM_VERSION).
    form_version: int = 0
    # A beneficiary's tombstone left by a merge: the survivor's id (desktop/sync/merged.py).
    merged_into: str | None = None

    @property
    def beneficiary_id(self) -> str | None:
        """The beneficiary a live session belongs to; None for anything else."""
        if self.entity != Entity.CASE_SESSION or self.deleted or self.left:
            return None
        return self.data["beneficiary_id"]


# Applies one change: (session, users, change, report, full=, known=, written=) -> received
# or not.
ApplyPulled = Callable[..., bool]


def pull(
    run: SyncRun,
    report: SyncReport,
    apply: ApplyPulled,
    *,
    since: int | None = None,
    full: bool = False,
    exclude_run: bool = False,
) -> set[tuple[str, str]]:
    """Applies the change feed; returns the (entity, id) pairs the server listed.

    ``full`` (a full resync) takes the server's version as the truth even where the
    local record claims a newer one. ``exclude_run`` leaves out what this run's
    pushes wrote: their results were applied here before the pull. The next page is
    fetched while this one is written (`PageFetcher`).
    """
    seen: set[tuple[str, str]] = set()
    if since is None:
        with run.db.read() as uow:
            since = int(get_state(uow.session, cursor_key(run)) or "0")
    params: dict[str, Any] = {"limit": run.page_size}
    if exclude_run and not full:
        params["exclude_run"] = run.run_id
    with contextlib.ExitStack() as stack:
        if since == 0 and not full and _holds_no_records(run):
            # A fresh laptop's first download: the indexes on random keys are made once
            # from the whole, not kept up row by row (deferred_indexes), and the ones
            # kept (ids, parents, bases) stay in memory while it lasts.
            stack.enter_context(run.db.larger_cache(FIRST_PULL_CACHE_MB))
            stack.enter_context(deferred_indexes.deferred(run.db, "first pull"))
        return _pull_pages(run, report, apply, since, params, full, seen)


def _pull_pages(
    run: SyncRun,
    report: SyncReport,
    apply: ApplyPulled,
    since: int,
    params: dict[str, Any],
    full: bool,
    seen: set[tuple[str, str]],
) -> set[tuple[str, str]]:
    counts = _Counts()
    with PageFetcher(run, since, params) as pages:
        page: dict[str, Any] | Exception | None = _next_page(run, pages)
        while True:
            if isinstance(page, ApiFailure):
                if page.status == 410 and since:
                    report.warnings.append("The server was restored from a backup: full resync.")
                    pages.close()
                    return pull(run, report, apply, since=0, full=True)
                raise SyncError(f"The server refused the change feed: {page.message}") from page
            if isinstance(page, Exception):
                raise page  # cancelled: what was written before is committed
            assert page is not None
            # Pages share this transaction (see GROUP_RECORDS): the indexes on random
            # (UUID) keys are rewritten once per commit, not once per page.
            with run.db.write() as uow:
                opened, grouped = monotonic(), 0
                while True:
                    changes = [parse_change(item) for item in page["changes"]]
                    absent = _absent_parents(uow.session, changes)
                    parents = []
                    if absent:
                        # The parents are asked for with no write transaction open: the
                        # group so far is committed first (each page with its cursor).
                        uow.commit()
                        parents = _fetch_parents(run, absent, pages.lock)
                        opened, grouped = monotonic(), 0  # a transaction of its own from here
                    with cyclic_gc.paused():
                        grouped += _write_page(
                            run, uow.session, page, changes, parents, report, apply, full, seen
                        )
                    since = page["next_since"]
                    counts.add(run, page)
                    if not page["has_more"]:
                        uow.commit()
                        return seen
                    full_enough = grouped >= GROUP_RECORDS or monotonic() - opened >= GROUP_SECONDS
                    if full_enough or not pages.ready():
                        # Never wait for the network with the write lock held: the next
                        # page is fetched once this transaction is committed.
                        page = None
                        break
                    page = _next_page(run, pages)
                    if isinstance(page, Exception):
                        break  # what this transaction holds is kept; the failure after
                uow.commit()
            if page is None:
                page = _next_page(run, pages)


# The page cache of a first pull's connections. At 100,000 beneficiaries / 1,000,000
# sessions the kept indexes on random keys (the sessions' ids and beneficiaries, the base
# copies' keys) outgrow the usual 32 MiB: each insert then read and decrypted index pages
# again. 256 MiB took a quarter off the laptop's CPU time there (docs/performance.md).
FIRST_PULL_CACHE_MB = 256

# A pull transaction closes after this many records or seconds, whichever comes first,
# or as soon as the next page is not here yet (the write lock a caseworker's save waits
# for is held that long at most, and never across a request).
GROUP_RECORDS = 10_000
GROUP_SECONDS = 2.0


def _holds_no_records(run: SyncRun) -> bool:
    with run.db.read() as uow:
        return uow.session.execute(select(BeneficiaryRow.pk).limit(1)).first() is None


def _next_page(run: SyncRun, pages: PageFetcher) -> dict[str, Any] | Exception:
    """The next page, or the server's refusal of it or a cancel (raised by the caller
    once the pages before it are committed)."""
    try:
        run.check_cancel()
        return pages.next()
    except (ApiFailure, SyncCancelled) as exc:
        return exc


def _write_page(
    run: SyncRun,
    session: Session,
    page: dict[str, Any],
    changes: list[PulledChange],
    parents: list[PulledChange],
    report: SyncReport,
    apply: ApplyPulled,
    full: bool,
    seen: set[tuple[str, str]],
) -> int:
    """One page's changes (and the missing ``parents`` of its sessions, fetched) written
    in the caller's transaction, with the cursor after it; returns how many feed entries
    it held."""
    departures = [c.id for c in changes if c.left]
    parsed = [c for c in changes if not c.left]
    users = UserMap(session, run.account_names)
    written = PulledWrites()
    ordered = [*parents, *sorted(parsed, key=lambda c: c.entity != Entity.BENEFICIARY)]
    pairs = [(c.entity, c.id) for c in ordered]
    known = load_records(session, pairs)
    written.load_queued(session, pairs)
    for change in ordered:
        if apply(session, users, change, report, full=full, known=known, written=written):
            report.received += 1
        seen.add((change.entity.value, change.id))
    written.flush_new(session)
    for beneficiary_id in departures:
        if departed(session, beneficiary_id, report):
            report.received += 1
    written.write(session)  # versions, audit events, sessions' next follow-ups
    set_state(session, cursor_key(run), str(page["next_since"]))  # with the page
    return len(changes)


@dataclass
class _Counts:
    """Feed entries received so far, and the total the server says remain."""

    fetched: int = 0
    total: int = 0

    def add(self, run: SyncRun, page: dict[str, Any]) -> None:
        self.fetched += len(page["changes"])
        remaining = page.get("remaining")
        if isinstance(remaining, int) and remaining >= 0:
            self.total = self.fetched + remaining
        self.total = self.fetched if not page["has_more"] else max(self.total, self.fetched)
        run.progress(self.fetched, self.total, "receiving")


class PageFetcher:
    """The change feed's pages fetched ahead on a thread (``Ahead``), at most AHEAD waiting.

    Each page names the cursor of the next, so the thread asks for it as soon as it has
    one page; the caller writes that page meanwhile. ``lock`` serialises the client's
    requests (the caller's own, for a missing parent, take it too). A failure is handed
    to the caller in the page's place; closing stops the thread.
    """

    AHEAD = 2

    def __init__(self, run: SyncRun, since: int, params: dict[str, Any]):
        self.lock = threading.Lock()
        self._run = run
        self._pages = Ahead(
            self._fetch_all(since, params),
            depth=self.AHEAD,
            name="sync-pull-fetch",
            waiting=run.check_cancel,
        )

    def __enter__(self) -> PageFetcher:
        self._pages.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._pages.close()

    def next(self) -> dict[str, Any]:
        return next(self._pages)

    def ready(self) -> bool:
        """Whether the next page (or its failure) is here already."""
        return self._pages.ready()

    def _fetch_all(self, since: int, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        first = True
        while True:
            asked = {**params, "since": since}
            if first:
                asked["count_remaining"] = 1
            with self.lock:
                data = self._run.client.request("GET", "/api/sync/changes", params=asked)
            page = wire.require_keys(
                data, "changes", "next_since", "has_more", what="the change feed"
            )
            next_since = page["next_since"]
            if (
                not isinstance(page["changes"], list)
                or not isinstance(next_since, int)
                or next_since < since
            ):
                raise ProtocolError("the change feed page is malformed")
            yield page
            if not page["has_more"]:
                return
            first = False
            since = next_since


def cursor_key(run: SyncRun) -> str:
    return f"pull_since:{run.server_user_id}"


# The record kinds that sync, by their text on the wire.
_SYNCED = {entity.value: entity for entity in ROW_TYPES}


def parse_change(item: Any) -> PulledChange:
    """A feed entry, checked for shape; data converted to canonical values."""
    if isinstance(item, dict) and item.get("left") is True and isinstance(item.get("id"), str):
        # A beneficiary left this caseworker's caseload: an id and nothing else.
        return PulledChange(Entity.BENEFICIARY, item["id"], 0, False, True, {})
    item = wire.require_keys(item, "entity", "id", "version", "deleted", "data", what="a change")
    entity = _SYNCED.get(item["entity"]) if isinstance(item["entity"], str) else None
    if entity is None or not isinstance(item["version"], int):
        raise ProtocolError("a change names an unknown entity or has no version")
    deleted = bool(item["deleted"])
    values = {} if deleted else wire.from_wire(entity, item["data"])
    data = item["data"] if isinstance(item["data"], dict) else {}
    merged_into = data.get("merged_into") if entity == Entity.BENEFICIARY and deleted else None
    return PulledChange(
        entity,
        str(item["id"]),
        item["version"],
        deleted,
        False,
        values,
        _form_version(item),
        merged_into if isinstance(merged_into, str) else None,
    )


def _form_version(item: dict[str, Any]) -> int:
    data = item.get("data")
    version = data.get(wire.FORM_VERSION) if isinstance(data, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else 0


def _absent_parents(session: Session, changes: list[PulledChange]) -> list[str]:
    """The beneficiaries of a page's sessions that are neither here (this transaction's
    earlier pages included) nor on the page, sorted."""
    on_page = {c.id for c in changes if c.entity == Entity.BENEFICIARY and not c.left}
    wanted = {c.beneficiary_id for c in changes if c.beneficiary_id is not None} - on_page
    if not wanted:
        return []
    statement = select(BeneficiaryRow.id).where(in_ids(BeneficiaryRow.id, wanted))
    present = set(session.execute(statement).scalars())
    return sorted(wanted - present)


def _fetch_parents(run: SyncRun, ids: list[str], lock: threading.Lock) -> list[PulledChange]:
    """The server's copies of these beneficiaries (never with the write transaction open)."""
    parents = []
    for beneficiary_id in ids:
        with lock:
            data = run.client.request("GET", f"/api/beneficiaries/{beneficiary_id}")
        data = wire.require_keys(data, "version", what="a beneficiary")
        parents.append(
            PulledChange(
                Entity.BENEFICIARY,
                beneficiary_id,
                data["version"],
                bool(data.get("deleted")),
                False,
                wire.from_wire(Entity.BENEFICIARY, data),
                _form_version({"data": data}),
            )
        )
    return parents


def apply_pulled(
    run: SyncRun,
    session: Session,
    users: UserMap,
    change: PulledChange,
    report: SyncReport,
    *,
    full: bool = False,
    known: dict[tuple[Entity, str], Any] | None = None,
    written: PulledWrites | None = None,
) -> bool:
    """Writes one pulled change here; True when it changed something.

    Its version and audit event go to ``written``, for the page (without: at once).
    """
    entity, record_id, version = change.entity, change.id, change.version
    page = written if written is not None else PulledWrites()
    if page.is_new(entity, record_id):  # twice on one page: the first goes in first
        page.flush_new(session)
        record = find(session, entity, record_id)
    else:
        record = known_record(session, known or {}, entity, record_id)
    held = None if record is None else record.server_version
    if held is not None and (held == version or (held > version and not full)):
        return False
    pending = page.has_queued(session, entity, record_id)
    if record is None and not pending and not change.deleted and change.merged_into is None:
        # New here: inserted with the page (desktop/sync/pulled.py).
        # A plain namespace, not an ORM object: the columns it is given go to one
        # insert, which fills in the others' defaults. It is inserted as the first
        # version, synced (`Stamp.NEW`: the bookkeeping does not write the row again).
        made = page.now
        record = SimpleNamespace(
            id=record_id,
            created_at=made,
            created_by=run.actor.id,
            updated_at=made,
            updated_by=run.actor.id,
            version=1,
            sync_status=SyncStatus.SYNCED.value,
        )
        write_fields(session, users, entity, record, change.data, fallback_owner=run.actor.id)
        record.form_version = change.form_version
        record.server_version = version
        record.deleted_at = None
        page.add_new(entity, record)
        page.set_base(entity, record_id, version, change.data)
        page.add(
            entity,
            "sync_create",
            Change(
                record_id,
                page.created(version),
                beneficiary_id=getattr(record, "beneficiary_id", None),
            ),
            Stamp.NEW,
        )
        if written is None:
            page.write(session)
        return True
    page.flush_new(session)  # what follows reads and writes through the ORM
    if change.merged_into is not None:
        # Merged away on the server: what links to it here follows the survivor.
        page.outbox_may_change()
        return forward(session, record_id, change.merged_into, report, version=version)
    if change.deleted:
        if record is None or (record.deleted_at is not None and not pending):
            if record is not None:
                record.server_version = version
            return False
        page.outbox_may_change()
        deleted_on_server(session, entity, record, version, report, had_local_changes=pending)
        return True
    if pending:
        return False  # unsent local changes win until the push settles them
    values = change.data
    old = local_canonical(entity, record, users)
    write_fields(session, users, entity, record, values, fallback_owner=run.actor.id)
    record.form_version = change.form_version
    record.server_version = version
    record.deleted_at = None
    page.set_base(entity, record_id, version, values)
    page.add(
        entity,
        "sync_update",
        Change(
            record_id, diff(old, values), beneficiary_id=getattr(record, "beneficiary_id", None)
        ),
    )
    if written is None:
        page.write(session)
    return True


def full_resync(run: SyncRun, report: SyncReport, apply: ApplyPulled) -> None:
    """Pull everything again; synced records the server does not have are queued again."""
    seen = pull(run, report, apply, since=0, full=True)
    with run.db.write() as uow:
        session = uow.session
        for entity, row_type in ROW_TYPES.items():
            rows = session.execute(
                select(row_type).where(
                    row_type.server_version.is_not(None), row_type.deleted_at.is_(None)
                )
            ).scalars()
            again = []
            for row in rows:
                if (entity.value, row.id) in seen:
                    continue
                has_outbox = session.execute(
                    select(func.count()).where(
                        OutboxRow.entity == entity.value, OutboxRow.entity_id == row.id
                    )
                ).scalar_one()
                if has_outbox:
                    continue
                row.server_version = None
                row.sync_status = SyncStatus.PENDING.value
                again.append((row.id, None))
            enqueue_all(session, entity=entity, ids=again, op=OutboxOp.RESYNC)
        uow.commit()
