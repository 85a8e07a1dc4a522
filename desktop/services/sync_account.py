"""Linking a local user to a server account, and running a sync for them.

A service like the others (the UI is handed one through ``Services.sync``); the HTTP
client and the engine are imported on first use, so the main window opens without them.

Only the tokens are kept (inside the encrypted database, on the user's row), never the
server password; unlinking forgets them after asking the server to revoke them.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from desktop.auth.permissions import Permission, require
from desktop.domain.enums import Entity, OutboxOp, SyncStatus
from desktop.domain.records import Actor
from desktop.domain.validation import username_key
from desktop.services.common import describe_record
from desktop.store.changes import enqueue, record_audit
from desktop.store.db import Database
from desktop.store.journal import get_state, set_state
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    OutboxRow,
    SyncBaseRow,
    UserRow,
)

if TYPE_CHECKING:
    import httpx

    from desktop.services.conflicts import WaitingRecord
    from desktop.sync.client import ServerClient, Tokens
    from desktop.sync.engine import Progress, SyncReport

log = logging.getLogger(__name__)


# Seconds a sign-in waits for the server before it says that the server did not answer.
SIGN_IN_TIMEOUT = 15.0
PENDING_CAP = 10_000  # the status bar says "10,000+" beyond this
# {server base URL: certificate authority file}: a fact of this laptop, kept encrypted.
CA_FILES_STATE = "server_ca_files"


@dataclass(frozen=True)
class SyncOverview:
    """What the Sync panel and the status bar show."""

    server_url: str | None
    server_username: str | None
    signed_in: bool
    last_sync_at: str | None
    last_summary: str | None
    pending: int  # at most PENDING_CAP; pending_more says there are more
    errors: int
    conflicts: int
    pending_more: bool = False


@dataclass(frozen=True)
class ServerAccount:
    """An account of the organisation on the server (GET /api/users)."""

    id: str
    username: str
    display_name: str
    role: str
    active: bool

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.username})" if self.display_name else self.username


@dataclass(frozen=True)
class UserLink:
    """A local user and the server account their records belong to on the server."""

    user_id: str
    username: str
    display_name: str
    role: str
    server_user_id: str | None
    server_username: str | None


PLACEHOLDER_PREFIX = "server-"


def parse_accounts(data: Any) -> list[ServerAccount]:
    """The answer of GET /api/users, checked for shape."""
    from desktop.sync.wire import ProtocolError

    if not isinstance(data, list):
        raise ProtocolError("the account list is not a list")
    accounts = []
    for item in data:
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) for key in ("id", "username", "role")
        ):
            raise ProtocolError("an account in the list lacks id, username or role")
        accounts.append(
            ServerAccount(
                item["id"],
                item["username"],
                str(item.get("display_name") or ""),
                item["role"],
                bool(item.get("active", True)),
            )
        )
    return accounts


def adopt_server_account(
    session, user_id: str, server_user_id: str, server_username: str | None
) -> None:
    """Links a local user to a server account (the caller commits).

    A placeholder that held the account (records pulled before anyone here was linked
    to it) hands its records over. Another real local user holding it is an error.
    """
    from desktop.sync.client import SyncError

    taken = session.execute(
        select(UserRow).where(UserRow.server_user_id == server_user_id, UserRow.id != user_id)
    ).scalar()
    if taken is not None:
        if not (taken.username.startswith(PLACEHOLDER_PREFIX) and not taken.active):
            raise SyncError(
                f"Another local user ({taken.username}) is already linked to that server account."
            )
        for table in (BeneficiaryRow, CaseSessionRow):
            session.execute(
                update(table).where(table.caseworker_id == taken.id).values(caseworker_id=user_id)
            )
        taken.server_user_id = None
        session.flush()
    row = session.get(UserRow, user_id)
    row.server_user_id = server_user_id
    row.server_username = server_username
    _requeue_misowned(session, user_id, server_user_id)


def _requeue_misowned(session, user_id: str, server_user_id: str) -> None:
    """Records of this user that the server holds under another owner go out again.

    Earlier releases sent an unlinked owner's records without an owner, so the server
    made them the sender's; from the link on, the local owner is sent and wins.
    """
    for entity, table in (
        (Entity.BENEFICIARY, BeneficiaryRow),
        (Entity.CASE_SESSION, CaseSessionRow),
    ):
        rows = session.execute(
            select(table.id, table.server_version, SyncBaseRow.data)
            .join(
                SyncBaseRow,
                (SyncBaseRow.entity == entity.value) & (SyncBaseRow.entity_id == table.id),
            )
            .where(
                table.caseworker_id == user_id,
                table.deleted_at.is_(None),
                table.server_version.is_not(None),
            )
        ).all()
        for record_id, version, base in rows:
            if json.loads(base).get("caseworker_id") == server_user_id:
                continue
            enqueue(
                session,
                entity=entity.value,
                entity_id=record_id,
                op=OutboxOp.UPSERT,
                base_version=version,
            )
            session.execute(
                update(table)
                .where(table.id == record_id, table.sync_status != SyncStatus.CONFLICT.value)
                .values(sync_status=SyncStatus.PENDING.value)
            )


def apply_directory(session, accounts: list[ServerAccount], *, by: str) -> list[str]:
    """Links unlinked local users to the server account of the same username (any case),
    and names placeholders after their account. Returns the usernames linked now."""
    by_key = {username_key(account.username): account for account in accounts}
    by_id = {account.id: account for account in accounts}
    rows = session.execute(select(UserRow)).scalars().all()
    held = {
        row.server_user_id
        for row in rows
        if row.server_user_id and not row.username.startswith(PLACEHOLDER_PREFIX)
    }
    linked: list[str] = []
    for row in rows:
        if row.username.startswith(PLACEHOLDER_PREFIX):
            account = by_id.get(row.server_user_id or "")
            if account is not None:
                row.display_name = (account.display_name or account.username)[:100]
            continue
        account = by_key.get(row.username_key)
        if row.server_user_id or account is None or account.id in held or not account.active:
            continue
        adopt_server_account(session, row.id, account.id, account.username)
        held.add(account.id)
        record_audit(
            session,
            user_id=by,
            action="sync_link_user",
            entity="user",
            entity_id=row.id,
            changes={"server_username": [None, account.username]},
        )
        linked.append(row.username)
    session.flush()
    return linked


@dataclass(frozen=True)
class RecordProblem:
    entity: str
    entity_id: str
    label: str
    reason: str


class SyncAccount:
    def __init__(self, db: Database, actor: Actor, *, transport: httpx.BaseTransport | None = None):
        self._db = db
        self._actor = actor
        self._transport = transport

    def _row(self, session) -> UserRow:
        return session.get(UserRow, self._actor.id)

    def overview(self) -> SyncOverview:
        from desktop.sync.results import open_conflict_count

        with self._db.read() as uow:
            session = uow.session
            row = self._row(session)

            # The outbox holds a row per unsent record (a million after a big import):
            # counted through ix_outbox_state, the pending ones only up to a cap.
            waiting = (
                select(OutboxRow.id)
                .where(OutboxRow.state.in_(("pending", "uploading")))
                .limit(PENDING_CAP + 1)
                .subquery()
            )
            pending = session.execute(select(func.count()).select_from(waiting)).scalar_one()
            errors = session.execute(
                select(func.count()).where(OutboxRow.state == "error")
            ).scalar_one()
            return SyncOverview(
                server_url=row.server_url,
                server_username=row.server_username,
                signed_in=bool(row.refresh_token),
                last_sync_at=get_state(session, "last_sync_at"),
                last_summary=get_state(session, "last_sync_summary"),
                pending=min(pending, PENDING_CAP),
                pending_more=pending > PENDING_CAP,
                errors=errors,
                conflicts=open_conflict_count(session),
            )

    def problems(self, limit: int = 500) -> list[RecordProblem]:
        """Records the server refused, with its reason."""
        problems: list[RecordProblem] = []
        with self._db.read() as uow:
            rows = uow.session.execute(
                select(OutboxRow.entity, OutboxRow.entity_id, OutboxRow.last_error)
                .where(OutboxRow.state == "error")
                .order_by(OutboxRow.id)
                .limit(limit)
            ).all()
            for entity, entity_id, reason in rows:
                problems.append(
                    RecordProblem(
                        entity,
                        entity_id,
                        describe_record(uow.session, entity, entity_id),
                        reason or "",
                    )
                )
        return problems

    def _ca_files(self, session) -> dict[str, str]:
        value = get_state(session, CA_FILES_STATE)
        return json.loads(value) if value else {}

    def ca_file(self, server_url: str | None = None) -> str | None:
        """The certificate authority file trusted for a server (default: this user's)."""
        from desktop.sync.client import check_server_url

        with self._db.read() as uow:
            url = server_url or self._row(uow.session).server_url
            if not url:
                return None
            return self._ca_files(uow.session).get(check_server_url(url)[0])

    def set_ca_file(self, server_url: str | None, ca_file: str | None) -> None:
        """Trusts ``ca_file`` (PEM) for a server from now on; None or "" goes back to the
        usual authorities. A file that cannot be used is refused before anything is kept."""
        from desktop.sync.client import check_server_url, tls_context

        require(self._actor, Permission.SYNC)
        path = os.path.abspath(os.path.expanduser(ca_file)) if ca_file else None
        tls_context(path)  # raises CaFileError naming the file
        with self._db.write() as uow:
            session = uow.session
            url = server_url or self._row(session).server_url
            if not url:
                return
            base_url = check_server_url(url)[0]
            files = self._ca_files(session)
            if files.get(base_url) == path:
                return
            old = files.pop(base_url, None)
            if path:
                files[base_url] = path
            set_state(session, CA_FILES_STATE, json.dumps(files, sort_keys=True))
            record_audit(
                session,
                user_id=self._actor.id,
                action="sync_ca_file",
                entity="user",
                entity_id=self._actor.id,
                changes={"ca_file": [old, path]},
            )
            uow.commit()
        log.info("certificate authority file %s for a server", "set" if path else "cleared")

    def link(
        self,
        server_url: str,
        server_username: str,
        password: str,
        *,
        is_cancelled: Callable[[], bool] = lambda: False,
        **client_options: Any,
    ) -> str | None:
        """Signs in to the server once; keeps the tokens. Returns a warning to show, if any.

        Network: call it off the GUI thread. A person waits for a sign-in, so it is tried
        once with a short timeout (SIGN_IN_TIMEOUT) rather than with a sync's retries;
        after ``is_cancelled`` turns true nothing is kept, even if the server answers.
        """
        from desktop.sync.client import (
            RetryPolicy,
            ServerClient,
            SyncCancelled,
            check_server_url,
        )

        require(self._actor, Permission.SYNC)
        base_url, warning = check_server_url(server_url)
        client_options.setdefault("transport", self._transport)
        client_options.setdefault("timeout", SIGN_IN_TIMEOUT)
        client_options.setdefault("policy", RetryPolicy(attempts=1))
        with ServerClient(
            base_url, ca_file=self.ca_file(base_url), is_cancelled=is_cancelled, **client_options
        ) as client:
            data = client.login(server_username, password)
        if is_cancelled():
            raise SyncCancelled()
        server_user = data["user"]
        with self._db.write() as uow:
            session = uow.session
            adopt_server_account(session, self._actor.id, str(server_user["id"]), server_username)
            row = self._row(session)
            row.server_url = base_url
            row.server_role = str(server_user.get("role") or "")
            row.access_token = data["access_token"]
            row.refresh_token = data["refresh_token"]
            record_audit(
                session,
                user_id=self._actor.id,
                action="sync_link",
                entity="user",
                entity_id=self._actor.id,
                changes={"server_url": [None, base_url]},
            )
            uow.commit()
        log.info("user %s linked to a server account", self._actor.id)
        return warning

    def waiting_records(self) -> list[WaitingRecord]:
        """Records of this user's that a conflict holds back (the Sync panel lists them)."""
        from desktop.services.conflicts import waiting_records

        return waiting_records(self._db, self._actor)

    def deciders(self) -> list[str]:
        """Who may decide the conflicts held here (display names)."""
        from desktop.services.conflicts import deciders

        return deciders(self._db)

    def user_links(self) -> list[UserLink]:
        """The local users (placeholders for server accounts left out) and their links."""
        with self._db.read() as uow:
            rows = uow.session.execute(
                select(UserRow)
                .where(UserRow.username.not_like(PLACEHOLDER_PREFIX + "%"))
                .order_by(UserRow.username_key)
            ).scalars()
            return [
                UserLink(
                    row.id,
                    row.username,
                    row.display_name,
                    row.role,
                    row.server_user_id,
                    row.server_username,
                )
                for row in rows
            ]

    def organisation_accounts(self, **client_options: Any) -> list[ServerAccount]:
        """The server accounts of this organisation (network: call it off the GUI thread)."""
        require(self._actor, Permission.REASSIGN_RECORDS)
        with self.client(**client_options) as client:
            return parse_accounts(client.request("GET", "/api/users"))

    def link_user(self, user_id: str, account: ServerAccount) -> None:
        """A supervisor's choice: this local user's records belong to ``account`` on the server."""
        require(self._actor, Permission.REASSIGN_RECORDS)
        with self._db.write() as uow:
            session = uow.session
            row = session.get(UserRow, user_id)
            if row is None or row.username.startswith(PLACEHOLDER_PREFIX):
                raise ValueError("No such local user.")
            before = row.server_username
            adopt_server_account(session, user_id, account.id, account.username)
            record_audit(
                session,
                user_id=self._actor.id,
                action="sync_link_user",
                entity="user",
                entity_id=user_id,
                changes={"server_username": [before, account.username]},
            )
            uow.commit()
        log.info("local user %s linked to server account %s", user_id, account.id)

    def unlink(self) -> None:
        """Asks the server to revoke the tokens, then forgets them here."""
        from desktop.sync.client import CaFileError, ServerClient

        with self._db.read() as uow:
            row = self._row(uow.session)
            url, tokens = row.server_url, self._tokens(row)
        if url and tokens:
            try:
                client = ServerClient(
                    url, tokens, transport=self._transport, ca_file=self.ca_file(url)
                )
            except CaFileError:
                # Signing out must work even when the chosen CA file is gone.
                log.info("server logout skipped: the certificate authority file is unusable")
            else:
                with client:
                    client.logout()
        self._store_tokens(None)

    @staticmethod
    def _tokens(row: UserRow) -> Tokens | None:
        from desktop.sync.client import Tokens

        if row.access_token and row.refresh_token:
            return Tokens(row.access_token, row.refresh_token)
        return None

    def _store_tokens(self, tokens: Tokens | None) -> None:
        with self._db.write() as uow:
            row = self._row(uow.session)
            row.access_token = tokens.access if tokens else None
            row.refresh_token = tokens.refresh if tokens else None
            uow.commit()

    def client(self, **options: Any) -> ServerClient:
        # httpx and the engine load on first use, not with the main window.
        from desktop.sync.client import ServerClient, SignInRequired, SyncError

        with self._db.read() as uow:
            row = self._row(uow.session)
            url, tokens = row.server_url, self._tokens(row)
        if not url:
            raise SyncError("This account is not linked to a server yet.")
        if tokens is None:
            raise SignInRequired("Sign in to the server first.")
        options.setdefault("transport", self._transport)
        options.setdefault("ca_file", self.ca_file(url))
        return ServerClient(url, tokens, on_tokens=self._store_tokens, **options)

    def sync(
        self,
        *,
        full: bool = False,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
        batch_size: int = 100,
        **client_options: Any,
    ) -> SyncReport:
        from desktop.sync.engine import SyncEngine

        require(self._actor, Permission.SYNC)
        with self._db.read() as uow:
            row = self._row(uow.session)
            server_user_id, server_role = row.server_user_id, row.server_role or ""
        with self.client(is_cancelled=is_cancelled, **client_options) as client:
            engine = SyncEngine(
                self._db,
                self._actor,
                client,
                server_user_id=server_user_id or "",
                server_role=server_role,
                batch_size=batch_size,
                progress=progress,
                is_cancelled=is_cancelled,
            )
            return engine.run(full=full)
