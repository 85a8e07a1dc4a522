"""Key slots: the data key wrapped per user with a key derived from their password.

Argon2id (argon2-cffi's low-level raw hash, RFC 9106 low-memory profile: m=64 MiB,
t=3, p=4) derives a 256-bit key-encryption key from the password and a per-slot salt;
AES-256-GCM wraps the data key with it. The GCM tag proves the password: a wrong one
fails to unwrap, so nothing about the password is stored besides the salt.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SLOT_FORMAT = 1
DEFAULT_TIME_COST = 3
DEFAULT_MEMORY_KIB = 64 * 1024
DEFAULT_PARALLELISM = 4
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = DEFAULT_TIME_COST
    memory_kib: int = DEFAULT_MEMORY_KIB
    parallelism: int = DEFAULT_PARALLELISM


@dataclass(frozen=True)
class KeySlot:
    user_id: str
    salt: str
    nonce: str
    wrapped_key: str
    kdf: KdfParams

    @classmethod
    def from_json(cls, raw: dict) -> KeySlot:
        return cls(
            user_id=raw["user_id"],
            salt=raw["salt"],
            nonce=raw["nonce"],
            wrapped_key=raw["wrapped_key"],
            kdf=KdfParams(**raw["kdf"]),
        )


def derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def wrap(user_id: str, password: str, data_key: bytes, params: KdfParams | None = None) -> KeySlot:
    params = params or KdfParams()
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = derive_kek(password, salt, params)
    # The user id is bound as associated data: a slot copied onto another user fails.
    wrapped = AESGCM(kek).encrypt(nonce, data_key, user_id.encode("utf-8"))
    return KeySlot(user_id, _b64(salt), _b64(nonce), _b64(wrapped), params)


def decoy_slot(params: KdfParams | None = None) -> KeySlot:
    """Random salt, nonce and ciphertext under the real parameters: no password opens it."""
    return KeySlot(
        "decoy",
        _b64(secrets.token_bytes(SALT_BYTES)),
        _b64(secrets.token_bytes(NONCE_BYTES)),
        _b64(secrets.token_bytes(32 + 16)),  # a wrapped 256-bit key and its GCM tag
        params or KdfParams(),
    )


def unwrap(slot: KeySlot, password: str) -> bytes | None:
    """The data key, or None when the password is wrong (the tag does not verify)."""
    kek = derive_kek(password, _unb64(slot.salt), slot.kdf)
    try:
        return AESGCM(kek).decrypt(
            _unb64(slot.nonce), _unb64(slot.wrapped_key), slot.user_id.encode("utf-8")
        )
    except InvalidTag:
        return None


class KeySlotFile:
    """The small JSON file beside the database: one slot per username key.

    Usernames are stored as slot names so that login can find the slot before the
    database is open; they are staff account names, never beneficiaries' data.
    """

    def __init__(self, path: Path):
        self.path = Path(path)

    def load(self) -> dict[str, KeySlot]:
        if not self.path.exists():
            return {}
        raw = json.loads(self.path.read_text(encoding="utf-8"))
        return {name: KeySlot.from_json(slot) for name, slot in raw.get("slots", {}).items()}

    def get(self, username_key: str) -> KeySlot | None:
        return self.load().get(username_key)

    def put(self, username_key: str, slot: KeySlot) -> None:
        slots = self.load()
        slots[username_key] = slot
        self._save(slots)

    def remove(self, username_key: str) -> None:
        slots = self.load()
        if slots.pop(username_key, None) is not None:
            self._save(slots)

    def _save(self, slots: dict[str, KeySlot]) -> None:
        payload = {"format": SLOT_FORMAT, "slots": {k: asdict(v) for k, v in slots.items()}}
        atomic_write_json(self.path, payload)


def atomic_write_json(path: Path, payload: object) -> None:
    """Write to a temp file in the same folder, fsync, rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
