"""Key slots: the data key wrapped per user with a key derived from their password.

Argon2id (argon2-cffi's low-level raw hash, RFC 9106 low-memory profile: m=64 MiB,
t=3, p=4) derives a 256-bit key-encryption key from the password and a per-slot salt;
AES-256-GCM wraps the data key with it. The GCM tag proves the password: a wrong one
fails to unwrap, so nothing about the password is stored besides the salt.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.errors import KeySlotFileError
from desktop.paths import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE

log = logging.getLogger(__name__)

SLOT_FORMAT = 1
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
class KeySlot:
    user_id: str
    salt: str
    nonce: str
    wrapped_key: str
    kdf: KdfParams

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
            wrapped_key=_checked_b64(raw, "wrapped_key", WRAPPED_KEY_BYTES, WRAPPED_KEY_BYTES),
            kdf=kdf_from_json(raw.get("kdf")),
        )


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
        raw[username_key] = asdict(slot)
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
        self._write({k: asdict(v) for k, v in slots.items()})

    def _write(self, raw_slots: dict[str, object]) -> None:
        atomic_write_json(self.path, {"format": SLOT_FORMAT, "slots": raw_slots})


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
