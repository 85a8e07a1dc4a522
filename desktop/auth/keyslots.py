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
import binascii
import json
import logging
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

from desktop.errors import KeySlotFileError
from desktop.paths import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE

log = logging.getLogger(__name__)

SLOT_FORMAT = 2  # format 1 files (no key pairs) are read as they are
DEFAULT_TIME_COST = 3
DEFAULT_MEMORY_KIB = 64 * 1024
DEFAULT_PARALLELISM = 4
SALT_BYTES = 16
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = 32 + 16  # a 256-bit data key and its GCM tag
# What a slot read from disk may ask for (inclusive). Above: a damaged or hostile file
# would make login hang or exhaust memory (1 GiB, 20 passes, 16 lanes are far beyond any
# profile this app writes). Below: OWASP's Argon2id floor (19 MiB, 2 passes, 1 lane);
# a weaker slot would make the password cheap to guess from a copied file.
KDF_BOUNDS = {
    "time_cost": (2, 20),
    "memory_kib": (19 * 1024, 1024 * 1024),
    "parallelism": (1, 16),
}


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
    def from_json(cls, raw: object) -> KeySlot:
        """A slot read from the file; ValueError names the first field that is wrong."""
        if not isinstance(raw, dict):
            raise ValueError("the slot is not a JSON object")
        user_id = raw.get("user_id")
        if not isinstance(user_id, str) or not user_id:
            raise ValueError("user_id must be a non-empty text")
        return cls(
            user_id=user_id,
            salt=_checked_b64(raw, "salt", SALT_BYTES, None),
            nonce=_checked_b64(raw, "nonce", NONCE_BYTES, NONCE_BYTES),
            # Format 2 wraps a 32-byte private key the same way: the same size.
            wrapped_key=_checked_b64(raw, "wrapped_key", WRAPPED_KEY_BYTES, WRAPPED_KEY_BYTES),
            kdf=kdf_from_json(raw.get("kdf")),
            **_key_pair_fields(raw),
        )

    def to_json(self) -> dict:
        """Format 1 slots are written with format 1's fields only."""
        return {k: v for k, v in asdict(self).items() if v not in ("", None, False)}


def _key_pair_fields(raw: dict) -> dict:
    """Format 2's fields, checked like format 1's (ValueError naming the field)."""
    fields: dict = {}
    if "public_key" in raw:
        fields["public_key"] = _checked_b64(raw, "public_key", PUBLIC_KEY_BYTES, PUBLIC_KEY_BYTES)
        fields["sealed_key"] = _sealed_from_json(raw.get("sealed_key"), "sealed_key")
    if raw.get("next_sealed_key") is not None:
        fields["next_sealed_key"] = _sealed_from_json(raw["next_sealed_key"], "next_sealed_key")
    if raw.get("stale") is not None:
        if type(raw["stale"]) is not bool:
            raise ValueError("stale must be true or false")
        fields["stale"] = raw["stale"]
    return fields


PUBLIC_KEY_BYTES = 32
# Each field of a sealed key and the size it must decode to.
_SEALED_FIELDS = {
    "ephemeral": PUBLIC_KEY_BYTES,
    "nonce": NONCE_BYTES,
    "ciphertext": WRAPPED_KEY_BYTES,
    "key_mac": 32,
}


def _sealed_from_json(raw: object, name: str) -> SealedKey:
    if not isinstance(raw, dict):
        raise ValueError(f"{name} must be a JSON object")
    try:
        return SealedKey(**{f: _checked_b64(raw, f, n, n) for f, n in _SEALED_FIELDS.items()})
    except ValueError as exc:
        raise ValueError(f"{name}.{exc}") from None


def _checked_b64(raw: dict, field: str, least: int, most: int | None) -> str:
    """The base64 text of ``field``, checked to decode to ``least``..``most`` bytes."""
    text = raw.get(field)
    if not isinstance(text, str):
        raise ValueError(f"{field} must be base64 text")
    try:
        size = len(_unb64(text))
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError(f"{field} is not valid base64") from None
    if size < least or (most is not None and size > most):
        wanted = f"{least}" if most == least else f"at least {least}"
        raise ValueError(f"{field} holds {size} bytes, not {wanted}")
    return text


def kdf_from_json(raw: object) -> KdfParams:
    """Argon2id parameters read from a file, refused outside KDF_BOUNDS (see there why)."""
    if not isinstance(raw, dict):
        raise ValueError("kdf must be a JSON object")
    unknown = sorted(set(raw) - set(KDF_BOUNDS))
    if unknown:
        raise ValueError(f"kdf has unknown field {unknown[0]!r}")
    values: dict[str, int] = {}
    for name, (least, most) in KDF_BOUNDS.items():
        value = raw.get(name)
        if type(value) is not int:  # bool is an int subclass: refused too
            raise ValueError(f"kdf.{name} must be a whole number")
        if not least <= value <= most:
            raise ValueError(f"kdf.{name} is {value}, outside {least}..{most}")
        values[name] = value
    return KdfParams(**values)


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


_KEEP = object()  # "keep the rotation plan the file has"


class KeySlotFile:
    """The small JSON file beside the database: one slot per username key.

    Usernames are stored as slot names so that login can find the slot before the
    database is open; they are staff account names, never beneficiaries' data.
    """

    def __init__(self, path: Path):
        self.path = Path(path)

    def load(self) -> dict[str, KeySlot]:
        """Every well-formed slot. A damaged entry is left out (and logged), so that one bad
        slot does not lock the other users out; ``get`` names its problem to its user."""
        slots = {}
        for name, raw in self._read().items():
            try:
                slots[name] = KeySlot.from_json(raw)
            except ValueError as exc:
                log.warning("a damaged key slot in %s is skipped: %s", self.path, exc)
        return slots

    def get(self, username_key: str) -> KeySlot | None:
        raw = self._read().get(username_key)
        if raw is None:
            return None
        try:
            return KeySlot.from_json(raw)
        except ValueError as exc:
            raise KeySlotFileError(
                f"The key slot of {username_key!r} in {self.path} is damaged: {exc}. "
                "Ask an admin to reset your password."
            ) from None

    def put(self, username_key: str, slot: KeySlot) -> None:
        # Raw entries are kept as they are: a damaged slot is never dropped by a write.
        raw = self._read()
        raw[username_key] = slot.to_json()
        self._write(raw)

    def remove(self, username_key: str) -> None:
        raw = self._read()
        if raw.pop(username_key, None) is not None:
            self._write(raw)

    def _read(self) -> dict[str, object]:
        """The raw slots by name. Raises KeySlotFileError, naming the file and what is
        wrong, when the file as a whole is unusable (then nothing may overwrite it)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise KeySlotFileError(
                f"The key-slot file {self.path} cannot be read: {exc.strerror}."
            ) from None
        except UnicodeDecodeError:
            raise KeySlotFileError(f"The key-slot file {self.path} is not UTF-8 text.") from None
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise KeySlotFileError(
                f"The key-slot file {self.path} is not valid JSON "
                f"(line {exc.lineno}, column {exc.colno}: {exc.msg})."
            ) from None
        except RecursionError:
            raise KeySlotFileError(
                f"The key-slot file {self.path} is not valid JSON (nested too deeply)."
            ) from None
        slots = payload.get("slots", {}) if isinstance(payload, dict) else None
        if not isinstance(slots, dict):
            raise KeySlotFileError(
                f"The key-slot file {self.path} is damaged: it has no 'slots' object."
            )
        return slots

    def _save(self, slots: dict[str, KeySlot]) -> None:
        self._write({k: v.to_json() for k, v in slots.items()})

    def _write(self, raw_slots: dict[str, object], rotation: object = _KEEP) -> None:
        # Writes keep the plan of a rotation under way unless they are the rotation's own.
        plan = self.rotation() if rotation is _KEEP else rotation
        payload: dict = {"format": SLOT_FORMAT, "slots": raw_slots}
        if plan is not None:
            payload["rotation"] = plan
        atomic_write_json(self.path, payload)

    def save(self, slots: dict[str, KeySlot], *, rotation: dict | None = None) -> None:
        """Replaces every well-formed slot with ``slots`` at once (a damaged entry not named
        in ``slots`` is kept as it is); ``rotation``: the plan of a data-key rotation."""
        raw = self._read()
        kept: dict[str, object] = {n: e for n, e in raw.items() if not _well_formed(e)}
        kept.update({name: slot.to_json() for name, slot in slots.items()})
        self._write(kept, rotation=rotation)

    def rotation(self) -> dict | None:
        """The plan of a rotation that has not finished (see ``desktop.auth.rotation``)."""
        try:
            plan = json.loads(self.path.read_text(encoding="utf-8")).get("rotation")
        except (OSError, ValueError, AttributeError, RecursionError):
            return None  # no file, or one that _read reports
        return plan if isinstance(plan, dict) else None


def _well_formed(raw: object) -> bool:
    try:
        KeySlot.from_json(raw)
    except ValueError:
        return False
    return True


def atomic_write_json(path: Path, payload: object) -> None:
    """Write to a temp file in the same folder, fsync, rename: never a half-written file.

    mkstemp makes the file 0600 whatever the umask; a folder made here is 0700."""
    path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, PRIVATE_FILE_MODE)
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
