"""Rotating the data key when an admin deactivates a user or resets a password.

Why: a copy of the key-slot file and an old password open whatever data key they wrapped.
After a deactivation or a reset the database is re-encrypted under a new random key, so
such a copy opens only copies of the database taken before (which stay readable with it:
a backup is a snapshot, rotation cannot reach it).

The problem: re-wrapping every remaining user's slot needs their key-encryption keys,
which come from passwords the admin does not know. So each slot (format 2, see
``keyslots``) holds an X25519 key pair: the private key wrapped by the user's Argon2id key
(AES-256-GCM), the public key in clear, and the data key sealed to that public key
(ephemeral X25519, HKDF-SHA256, AES-256-GCM). Whoever holds the data key can seal a new
one to every public key. A reset user gets a new key pair (their old slot's private key
opens nothing sealed afterwards); a deactivated user's entry is removed. Each sealed key
carries an HMAC of the user id and public key under the data key it seals; rotation seals
only to public keys vouched for by the current key, so a former user who can still write
the slot file cannot plant a public key of their own and receive the next key.

Format 1 slots (the data key wrapped directly, no key pair) are upgraded at their user's
next login. One still on format 1 when the key is rotated cannot be re-wrapped: it is kept
but marked stale, and the admin is told which users need their password reset (their
login says so too). The acting admin's own slot must be re-wrappable, or nothing starts.

Crash safety. The steps, each durable before the next:

1. The slot file is rewritten atomically with, for every remaining user, the current
   sealed key and the "next" one (the reset user gets their new slot already, holding
   both), and a ``rotation`` plan: which slot goes, which become stale.
2. Under the database's exclusive lock (which also proves nobody else has it open), every
   page is copied into ``caseload.db.rotating`` encrypted under the new key; the admin's
   change (deactivation, reset) is committed into that copy; the copy is checked
   (cipher_integrity_check, quick_check) and fsynced.
3. The copy is renamed over ``caseload.db``: the key change and the admin's change become
   visible together, at one atomic step.
4. The slot file is rewritten with only the new sealed keys, the plan carried out.

A SIGKILL before 3 leaves the old database under the old key: the next login opens it
with the current sealed key, deletes the partial copy and drops the "next" keys (the
admin's change did not happen and is simply run again). A SIGKILL between 3 and 4 leaves
the new database: the next login finds that the current key no longer opens it, opens it
with the "next" key and finishes step 4 itself; that needs no password but its own,
because step 4 only moves sealed keys that are already there.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.auth import keyslots
from desktop.domain.validation import username_key
from desktop.errors import DatabaseError, UserError
from desktop.store.db import Database
from desktop.store.rekey import (
    ExclusiveHold,
    check_copy,
    remove_with_sidecars,
    rotating_path,
)

log = logging.getLogger(__name__)

# Phases reported through ``progress(done, total, phase)``, in order.
PREPARING = "preparing"
REENCRYPTING = "re-encrypting"
CHECKING = "checking"
FINISHING = "finishing"

RotationProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ResetSlot:
    """The user whose password an admin resets: they get a new slot with a new key pair."""

    user_id: str
    username: str
    password: str


@dataclass(frozen=True)
class RotationResult:
    """``must_reset``: users whose slot could not be re-wrapped (old format or unvouched)."""

    must_reset: tuple[str, ...]


def rotate_data_key(
    db: Database,
    slots: keyslots.KeySlotFile,
    *,
    acting_user_id: str,
    remaining: Sequence[tuple[str, str]],
    remove_username: str | None = None,
    reset: ResetSlot | None = None,
    apply: Callable[[Session], None] | None = None,
    progress: RotationProgress | None = None,
) -> RotationResult:
    """Re-encrypts ``db`` under a new key, re-wraps every remaining slot; see the module doc.

    ``remaining``: (user id, username) of every user active after the change; ``apply``
    makes the admin's change in the new database, in the same step as the new key.
    """

    def report(done: int, total: int, phase: str) -> None:
        if progress is not None:
            progress(done, total, phase)

    old_key = db.key
    report(0, 1, PREPARING)
    current = slots.load()
    removed = username_key(remove_username) if remove_username else None
    reset_name = username_key(reset.username) if reset else None
    skipped = {reset_name} if reset_name else set()
    rewrap, must_reset = _sort_slots(current, remaining, old_key, skip=skipped)
    acting = [username for user_id, username in remaining if user_id == acting_user_id]
    if set(acting) & set(must_reset):
        raise UserError(
            "Your own key slot cannot be re-wrapped; log out and in again, then retry. "
            "Nothing was changed."
        )

    new_key = secrets.token_bytes(32)
    next_slots: dict[str, keyslots.KeySlot] = {}
    for name, slot in current.items():
        if name in rewrap:
            next_slots[name] = keyslots.with_next_key(slot, new_key)
        else:
            next_slots[name] = replace(slot, next_sealed_key=None)
    if reset is not None:
        fresh = keyslots.new_slot(reset.user_id, reset.password, old_key)
        next_slots[reset_name] = keyslots.with_next_key(fresh, new_key)
    plan = {
        "remove": [removed] if removed else [],
        "stale": sorted(set(next_slots) - set(rewrap) - {removed, reset_name}),
        "started_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }

    target = rotating_path(db.path)
    db.engine.dispose()  # the hold must be the only connection
    hold = ExclusiveHold(db.path, old_key)
    swapped = False
    try:
        total = hold.page_count() + 2
        slots.save(next_slots, rotation=plan)  # step 1
        report(0, total, REENCRYPTING)
        hold.copy_to(target, new_key, lambda done, pages: report(done, total, REENCRYPTING))
        if apply is not None:
            _apply_in_copy(target, new_key, apply)
        report(total - 2, total, CHECKING)
        problems = check_copy(target, new_key)
        if problems:
            log.error("re-encrypted copy failed its check: %d problem(s)", len(problems))
            raise DatabaseError("The re-encrypted copy failed its check; nothing was changed.")
        hold.replace_with(target)  # step 3
        swapped = True
    except BaseException:
        if not swapped:
            hold.close()
            remove_with_sidecars(target)
            slots.save(current)  # as it was: nothing happened
        raise
    finally:
        db.switch_key(new_key if swapped else old_key)
    # Past the swap the rotation has happened: a cancel or a failing progress display
    # must not keep step 4 from running (a login would finish it, but why wait).
    with contextlib.suppress(Exception):
        report(total - 1, total, FINISHING)
    finish(slots)  # step 4
    with contextlib.suppress(Exception):
        report(total, total, FINISHING)
    log.info("data key rotated; %d slot(s) re-wrapped, %d left stale", len(rewrap), len(must_reset))
    return RotationResult(tuple(must_reset))


def must_reset_after(
    slots: keyslots.KeySlotFile,
    remaining: Sequence[tuple[str, str]],
    data_key: bytes,
    *,
    reset_username: str | None = None,
) -> list[str]:
    """Who a rotation now would leave needing a password reset (to warn before it runs)."""
    skipped = {username_key(reset_username)} if reset_username else set()
    return _sort_slots(slots.load(), remaining, data_key, skip=skipped)[1]


def _sort_slots(
    current: dict[str, keyslots.KeySlot],
    remaining: Sequence[tuple[str, str]],
    data_key: bytes,
    *,
    skip: set[str],
) -> tuple[dict[str, str], list[str]]:
    """({username key: user id} of the slots that can be re-wrapped, usernames that cannot)."""
    rewrap: dict[str, str] = {}
    must_reset: list[str] = []
    for user_id, username in remaining:
        name = username_key(username)
        if name in skip:
            continue
        slot = current.get(name)
        if (
            slot is not None
            and slot.user_id == user_id
            and not slot.stale
            and keyslots.public_key_vouched(slot, data_key)
        ):
            rewrap[name] = user_id
        else:
            must_reset.append(username)
    return rewrap, must_reset


def _apply_in_copy(target: Path, key: bytes, apply: Callable[[Session], None]) -> None:
    copy = Database(target, key)
    try:
        with copy.write() as uow:
            apply(uow.session)
            uow.commit()
    finally:
        copy.close()
    # The last connection's close checkpointed and removed the copy's WAL; one left over
    # would not follow the copy when it is renamed.
    if target.with_name(target.name + "-wal").exists():
        raise DatabaseError("The re-encrypted copy could not be completed; nothing was changed.")


def finish(slots: keyslots.KeySlotFile) -> None:
    """Step 4 (also run by a login that finds the database already under the next key)."""
    plan = slots.rotation() or {}
    finished: dict[str, keyslots.KeySlot] = {}
    for name, slot in slots.load().items():
        if name in plan.get("remove", []):
            continue
        if name in plan.get("stale", []):
            slot = replace(slot, stale=True, next_sealed_key=None)
        finished[name] = keyslots.promoted(slot)
    slots.save(finished)


def roll_back(slots: keyslots.KeySlotFile, database: Path) -> None:
    """After a rotation killed before its swap: the old database stands; forget the rest."""
    remove_with_sidecars(rotating_path(database))
    kept = {name: replace(slot, next_sealed_key=None) for name, slot in slots.load().items()}
    slots.save(kept)
    log.warning("an interrupted data-key rotation was rolled back; run the change again")


def is_being_removed(slots: keyslots.KeySlotFile, username: str) -> bool:
    plan = slots.rotation() or {}
    return username_key(username) in plan.get("remove", [])
