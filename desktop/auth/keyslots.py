"""Key slots: the data key wrapped per user with a key derived from their password.

Argon2id (argon2-cffi's low-level raw hash, RFC 9106 low-memory profile: m=64 MiB,
t=3, p=4) derives a 256-bit key-encryption key from the password and a per-slot salt;
AES-256-GCM wraps the data key with it. The GCM tag proves the password: a wrong one
fails to unwrap, so nothing about the password is stored besides the salt.

Format 2 slots (see ``desktop.auth.rotation`` for why) hold an X25519 key pair instead:
the private key is what the password's key wraps, and the data key is sealed to the
public key. Anyone holding the data key can then seal a new one to every user without
knowing their passwords. Format 1 slots (the data key wrapped directly) stay readable and
are upgraded at that user's next login.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SLOT_FORMAT = 2  # format 1 files (no key pairs) are read as they are
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
class SealedKey:
    """A data key sealed to one user's public key (ephemeral X25519 + HKDF-SHA256 + AES-GCM).

    ``key_mac`` (HMAC-SHA256 under the sealed data key over the user id and public key)
    lets whoever rotates the key check that the public key was put there by someone who
    held that data key, not planted by a former user who can still write the file.
    """

    ephemeral: str
    nonce: str
    ciphertext: str
    key_mac: str


@dataclass(frozen=True)
class KeySlot:
    user_id: str
    salt: str
    nonce: str
    wrapped_key: str  # format 1: the data key; format 2: the X25519 private key
    kdf: KdfParams
    public_key: str = ""  # format 2 only, like the fields below
    sealed_key: SealedKey | None = None
    next_sealed_key: SealedKey | None = None  # during a rotation: the key being moved to
    stale: bool = False  # format 1 slot left behind by a rotation: its key opens nothing

    @property
    def has_key_pair(self) -> bool:
        return bool(self.public_key)

    @classmethod
    def from_json(cls, raw: dict) -> KeySlot:
        return cls(
            user_id=raw["user_id"],
            salt=raw["salt"],
            nonce=raw["nonce"],
            wrapped_key=raw["wrapped_key"],
            kdf=KdfParams(**raw["kdf"]),
            **_key_pair_fields(raw),
        )

    def to_json(self) -> dict:
        """Format 1 slots are written with format 1's fields only."""
        return {k: v for k, v in asdict(self).items() if v not in ("", None, False)}


def _key_pair_fields(raw: dict) -> dict:
    fields: dict = {}
    if "public_key" in raw:
        fields["public_key"] = _checked_text(raw["public_key"], "public_key")
        fields["sealed_key"] = _sealed_from_json(raw.get("sealed_key"), "sealed_key")
    if raw.get("next_sealed_key") is not None:
        fields["next_sealed_key"] = _sealed_from_json(raw["next_sealed_key"], "next_sealed_key")
    if raw.get("stale"):
        fields["stale"] = True
    return fields


def _checked_text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty text")
    return value


def _sealed_from_json(raw: object, name: str) -> SealedKey:
    if not isinstance(raw, dict):
        raise ValueError(f"{name} must be an object")
    return SealedKey(**{f: _checked_text(raw.get(f), f"{name}.{f}") for f in _SEALED_FIELDS})


_SEALED_FIELDS = ("ephemeral", "nonce", "ciphertext", "key_mac")


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
    if slot.has_key_pair:
        keys = unwrap_keys(slot, password)
        return keys.current if keys else None
    kek = derive_kek(password, _unb64(slot.salt), slot.kdf)
    try:
        return AESGCM(kek).decrypt(
            _unb64(slot.nonce), _unb64(slot.wrapped_key), slot.user_id.encode("utf-8")
        )
    except InvalidTag:
        return None


# -- format 2: a key pair per slot, the data key sealed to it ------------------------

_PRIVATE_KEY_AAD = b"caseload key slot 2 private key\x00"
_SEAL_INFO = b"caseload key slot 2 sealed data key\x00"
_MAC_LABEL = b"caseload key slot 2 public key\x00"


@dataclass(frozen=True)
class SlotKeys:
    """What a password opens: the data key, and during a rotation the next one too."""

    current: bytes | None  # None: a format 2 slot whose sealed key did not open
    next: bytes | None = None


def new_slot(
    user_id: str, password: str, data_key: bytes, params: KdfParams | None = None
) -> KeySlot:
    """A format 2 slot with a fresh key pair: the private key wrapped by the password's key."""
    params = params or KdfParams()
    private = X25519PrivateKey.generate()
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = derive_kek(password, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, private.private_bytes_raw(), _private_aad(user_id))
    public = private.public_key().public_bytes_raw()
    return KeySlot(
        user_id,
        _b64(salt),
        _b64(nonce),
        _b64(wrapped),
        params,
        public_key=_b64(public),
        sealed_key=seal(data_key, user_id, public),
    )


def unwrap_keys(slot: KeySlot, password: str) -> SlotKeys | None:
    """Every data key the password opens in ``slot``; None when the password is wrong."""
    if not slot.has_key_pair:
        data_key = unwrap(slot, password)
        return SlotKeys(data_key) if data_key is not None else None
    kek = derive_kek(password, _unb64(slot.salt), slot.kdf)
    try:
        raw_private = AESGCM(kek).decrypt(
            _unb64(slot.nonce), _unb64(slot.wrapped_key), _private_aad(slot.user_id)
        )
    except InvalidTag:
        return None
    private = X25519PrivateKey.from_private_bytes(raw_private)
    return SlotKeys(
        open_sealed(slot.sealed_key, slot.user_id, private),
        open_sealed(slot.next_sealed_key, slot.user_id, private),
    )


def seal(data_key: bytes, user_id: str, public_key: bytes) -> SealedKey:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    nonce = secrets.token_bytes(NONCE_BYTES)
    box_key = _box_key(shared, ephemeral_public, public_key)
    ciphertext = AESGCM(box_key).encrypt(nonce, data_key, user_id.encode("utf-8"))
    return SealedKey(
        _b64(ephemeral_public),
        _b64(nonce),
        _b64(ciphertext),
        _b64(_public_key_mac(data_key, user_id, public_key)),
    )


def open_sealed(sealed: SealedKey | None, user_id: str, private: X25519PrivateKey) -> bytes | None:
    if sealed is None:
        return None
    ephemeral_public = _unb64(sealed.ephemeral)
    public = private.public_key().public_bytes_raw()
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    box_key = _box_key(shared, ephemeral_public, public)
    try:
        return AESGCM(box_key).decrypt(
            _unb64(sealed.nonce), _unb64(sealed.ciphertext), user_id.encode("utf-8")
        )
    except InvalidTag:
        return None


def public_key_vouched(slot: KeySlot, data_key: bytes) -> bool:
    """True when the slot's public key was written by someone who held ``data_key``."""
    if not slot.has_key_pair or slot.sealed_key is None:
        return False
    checker = hmac.HMAC(data_key, hashes.SHA256())
    checker.update(_mac_message(slot.user_id, _unb64(slot.public_key)))
    try:
        checker.verify(_unb64(slot.sealed_key.key_mac))
    except InvalidSignature:
        return False
    return True


def with_next_key(slot: KeySlot, next_key: bytes) -> KeySlot:
    """The slot with ``next_key`` sealed beside its current one (step 1 of a rotation)."""
    sealed = seal(next_key, slot.user_id, _unb64(slot.public_key))
    return replace(slot, next_sealed_key=sealed)


def promoted(slot: KeySlot) -> KeySlot:
    """After a rotation: the next key becomes the current one."""
    if slot.next_sealed_key is None:
        return slot
    return replace(slot, sealed_key=slot.next_sealed_key, next_sealed_key=None)


def _private_aad(user_id: str) -> bytes:
    # Domain-separated from format 1's associated data (the bare user id): a format 1
    # ciphertext relabelled as format 2 does not open.
    return _PRIVATE_KEY_AAD + user_id.encode("utf-8")


def _box_key(shared: bytes, ephemeral_public: bytes, public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=_SEAL_INFO + ephemeral_public + public
    ).derive(shared)


def _mac_message(user_id: str, public: bytes) -> bytes:
    return _MAC_LABEL + user_id.encode("utf-8") + b"\x00" + public


def _public_key_mac(data_key: bytes, user_id: str, public: bytes) -> bytes:
    mac = hmac.HMAC(data_key, hashes.SHA256())
    mac.update(_mac_message(user_id, public))
    return mac.finalize()


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
        self.save(slots, rotation=self.rotation())

    def save(self, slots: dict[str, KeySlot], *, rotation: dict | None = None) -> None:
        """Replaces every slot at once; ``rotation``: the plan of a data-key rotation under way."""
        payload: dict = {"format": SLOT_FORMAT, "slots": {k: v.to_json() for k, v in slots.items()}}
        if rotation is not None:
            payload["rotation"] = rotation
        atomic_write_json(self.path, payload)

    def rotation(self) -> dict | None:
        """The plan of a rotation that has not finished (see ``desktop.auth.rotation``)."""
        if not self.path.exists():
            return None
        plan = json.loads(self.path.read_text(encoding="utf-8")).get("rotation")
        return plan if isinstance(plan, dict) else None


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
