"""Verify: counts and a digest of (id, version) per entity, compared with the server's.

Records held back by a conflict (and those held with them) differ from the server's on
purpose until a supervisor decides: they enter the comparison at the version the server
holds, so only a real difference is reported as one.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.domain.enums import Entity
from desktop.store.journal import get_state
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, UserRow
from desktop.sync import wire
from desktop.sync.client import ApiFailure, SyncError
from desktop.sync.outbox import Held, held_back
from desktop.sync.pull import cursor_key
from desktop.sync.records import find
from desktop.sync.run import SyncReport, SyncRun, waiting_text
from desktop.sync.wire import ProtocolError

log = logging.getLogger(__name__)

HELD_FETCH_LIMIT = 100  # requests the digest check may make for records held by conflicts
# Pulls the check may make to catch up with a server that other laptops keep writing to.
CATCH_UP_TRIES = 3


# Record kinds the server's digest does not count (their own feed keeps them).
OUTSIDE_DIGEST = (Entity.TASK, Entity.HOUSEHOLD_LINK, Entity.REFERRAL)


def verify(run: SyncRun, report: SyncReport, catch_up: Callable[[], object]) -> None:
    """Compares this laptop's digest with the server's; a difference is a warning.

    The server's digest is of its records at sequence number `seq`. When another laptop
    wrote after this laptop's last pull, the two are of different moments and would
    differ for no fault: this laptop pulls up to that point (`catch_up`) and asks again.
    A server that keeps moving past CATCH_UP_TRIES pulls leaves the check to the next run.
    """
    for _ in range(CATCH_UP_TRIES):
        data = wire.require_keys(
            run.client.request("GET", "/api/sync/digest"), "entities", what="the digest"
        )
        with run.db.read() as uow:
            pulled_to = int(get_state(uow.session, cursor_key(run)) or "0")
        server_seq = data.get("seq")
        if not isinstance(server_seq, int) or server_seq <= pulled_to:
            break
        catch_up()
    else:
        log.info("digest check left to the next sync: the server kept changing during it")
        return
    _compare(run, report, data["entities"])


def _compare(run: SyncRun, report: SyncReport, entities: Any) -> None:
    with run.db.read() as uow:
        pairs = _local_pairs(run, uow.session)
        held = held_back(uow.session, run.owners(uow.session))
    if held:
        on_server = _server_versions(run, held)
        held_ids = {(h.entity.value, h.entity_id) for h in held}
        for entity, entity_pairs in pairs.items():
            entity_pairs[:] = [p for p in entity_pairs if (entity, p[0]) not in held_ids]
        for (entity, record_id), version in on_server.items():
            pairs[entity].append((record_id, version))
        report.waiting = len(held)
        report.warnings.append(
            waiting_text(len(held)) + "; the other changes were synced. "
            "Supervisors resolve conflicts in the Sync panel."
        )
        log.info("%d record(s) wait for a conflict's decision", len(held))
    local = {entity: digest(entity_pairs) for entity, entity_pairs in pairs.items()}
    mismatched = [
        entity
        for entity, ours in local.items()
        if not isinstance(entities, dict) or entities.get(entity) != ours
    ]
    report.digest_ok = not mismatched
    if mismatched:
        report.warnings.append(
            "The records here differ from the server's ("
            + ", ".join(mismatched)
            + "). Run a full resync; unsent changes are kept."
        )
        log.warning("digest mismatch after sync: %s", ", ".join(mismatched))


def local_digest(run: SyncRun) -> dict[str, dict[str, Any]]:
    with run.db.read() as uow:
        pairs = _local_pairs(run, uow.session)
    return {entity: digest(entity_pairs) for entity, entity_pairs in pairs.items()}


def digest(pairs: Iterable[tuple[str, int]]) -> dict[str, Any]:
    lines = sorted(f"{record_id}:{version}" for record_id, version in pairs)
    return {"count": len(lines), "sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()}


def _server_versions(run: SyncRun, held: list[Held]) -> dict[tuple[str, str], int]:
    """The server's versions of held records that are live there (absent: deleted).

    One request per held beneficiary and per beneficiary of held sessions; beyond
    HELD_FETCH_LIMIT requests the versions last seen here are used instead.
    """
    wanted_sessions: dict[str, set[str]] = {}
    wanted_beneficiaries: set[str] = set()
    for h in held:
        if h.entity in OUTSIDE_DIGEST:
            continue  # the server's digest covers beneficiaries and sessions only
        if h.entity == Entity.BENEFICIARY:
            wanted_beneficiaries.add(h.entity_id)
        else:
            wanted_sessions.setdefault(h.beneficiary_id, set()).add(h.entity_id)
    found: dict[tuple[str, str], int] = {}
    if len(wanted_beneficiaries) + len(wanted_sessions) > HELD_FETCH_LIMIT:
        with run.db.read() as uow:
            for h in held:
                if h.entity in OUTSIDE_DIGEST:
                    continue
                row = find(uow.session, h.entity, h.entity_id)
                if row is not None and row.server_version is not None:
                    found[(h.entity.value, h.entity_id)] = row.server_version
        return found
    for beneficiary_id in sorted(wanted_beneficiaries):
        run.check_cancel()
        try:
            data = run.client.request("GET", f"/api/beneficiaries/{beneficiary_id}")
        except ApiFailure as exc:
            if exc.status in (403, 404):
                continue  # deleted on the server, or no longer this account's
            raise SyncError(f"The server refused a record check: {exc.message}") from exc
        data = wire.require_keys(data, "version", what="a beneficiary")
        if not data.get("deleted"):
            found[(Entity.BENEFICIARY.value, beneficiary_id)] = data["version"]
    for beneficiary_id, session_ids in sorted(wanted_sessions.items()):
        run.check_cancel()
        try:
            listed = run.client.request("GET", f"/api/beneficiaries/{beneficiary_id}/sessions")
        except ApiFailure as exc:
            if exc.status in (403, 404):
                continue
            raise SyncError(f"The server refused a record check: {exc.message}") from exc
        if not isinstance(listed, list):
            raise ProtocolError("the session list is not a list")
        for item in listed:
            item = wire.require_keys(item, "id", "version", what="a session")
            if item["id"] in session_ids and not item.get("deleted"):
                found[(Entity.CASE_SESSION.value, item["id"])] = item["version"]
    return found


def _local_pairs(run: SyncRun, session: Session) -> dict[str, list[tuple[str, int]]]:
    """(id, server version) of the synced live records this account's digest covers.

    Read from two indexes (migration 0020), not the records' rows: the sessions of live
    beneficiaries as ``beneficiary_id IN (…)``, which the planner fills from the
    beneficiaries' index, where a join probed each session's beneficiary row.
    """
    live = BeneficiaryRow.deleted_at.is_(None)
    if not run.sees_all:
        owners = select(UserRow.id).where(UserRow.server_user_id == run.server_user_id)
        live = and_(live, BeneficiaryRow.caseworker_id.in_(owners))
    beneficiaries = select(BeneficiaryRow.id, BeneficiaryRow.server_version).where(
        BeneficiaryRow.server_version.is_not(None), live
    )
    case_sessions = select(CaseSessionRow.id, CaseSessionRow.server_version).where(
        CaseSessionRow.server_version.is_not(None),
        CaseSessionRow.deleted_at.is_(None),
        CaseSessionRow.beneficiary_id.in_(select(BeneficiaryRow.id).where(live)),
    )
    return {
        Entity.BENEFICIARY.value: [tuple(r) for r in session.execute(beneficiaries)],
        Entity.CASE_SESSION.value: [tuple(r) for r in session.execute(case_sessions)],
    }
