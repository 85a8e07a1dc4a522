"""A file sealed with a 256-bit key, written and read as a stream: the PostgreSQL backups.

A `pg_dump` archive holds every record in plain text, and backups leave the server (a
USB drive, another host): sealed, a stolen copy reveals nothing without the key, and any
change to it, a truncation included, is refused on reading.

Layout: MAGIC (16 bytes), the key's id (8 bytes: HMAC-SHA-256 of a fixed label, so a
file sealed with another key is told apart from a damaged one), a random nonce prefix
(8 bytes), then chunks of at most CHUNK bytes of plain text, each written as its length
(4 bytes, big-endian) and its AES-256-GCM ciphertext. Chunk k's nonce is the prefix and
k; its associated data is the header and whether it is the last chunk, so chunks cannot
be reordered, dropped or cut off at the end without the reading failing. The last chunk
may be empty.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"CASELOAD-SEALED\x01"
KEY_BYTES = 32
CHUNK = 1 << 20
_ID_LABEL = b"caseload sealed file key id"
_LENGTH = struct.Struct(">I")
_TAG = 16
HEADER_BYTES = len(MAGIC) + 8 + 8


class SealError(Exception):
    """The file is not sealed, was sealed with another key, or was changed."""


def key_id(key: bytes) -> bytes:
    return hmac.new(key, _ID_LABEL, hashlib.sha256).digest()[:8]


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _associated(header: bytes, last: bool) -> bytes:
    return header + (b"\x01" if last else b"\x00")


def seal(chunks: Iterable[bytes], out: BinaryIO, key: bytes) -> None:
    """Writes `chunks` (any sizes) sealed with `key` to `out`."""
    aead = AESGCM(key)
    prefix = os.urandom(8)
    header = MAGIC + key_id(key) + prefix
    out.write(header)
    index = 0
    pending = bytearray()

    def write(block: bytes, last: bool) -> None:
        nonlocal index
        sealed = aead.encrypt(_nonce(prefix, index), block, _associated(header, last))
        out.write(_LENGTH.pack(len(sealed)))
        out.write(sealed)
        index += 1

    for chunk in chunks:
        pending += chunk
        # Up to a whole chunk stays pending: only the end of the input says which is last.
        while len(pending) > CHUNK:
            write(bytes(pending[:CHUNK]), last=False)
            del pending[:CHUNK]
    write(bytes(pending), last=True)


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def unseal(source: BinaryIO, key: bytes) -> Iterator[bytes]:
    """The plain text of a sealed file, chunk by chunk; SealError when it is not one,
    when `key` is not its key, or when it was changed (raised at the chunk concerned:
    use every chunk before trusting any)."""
    header = source.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES or not is_sealed(header):
        raise SealError("not a sealed file")
    if not hmac.compare_digest(header[len(MAGIC) : len(MAGIC) + 8], key_id(key)):
        raise SealError("sealed with another key")
    prefix = header[len(MAGIC) + 8 :]
    aead = AESGCM(key)
    index = 0
    length = _read_length(source)
    if length is None:
        raise SealError("damaged or cut short")
    while True:
        sealed = source.read(length)
        if len(sealed) != length or length < _TAG or length > CHUNK + _TAG:
            raise SealError("damaged or cut short")
        following = _read_length(source)
        last = following is None
        try:
            yield aead.decrypt(_nonce(prefix, index), sealed, _associated(header, last))
        except InvalidTag:
            raise SealError("damaged or cut short") from None
        if last:
            return
        index += 1
        length = following


def _read_length(source: BinaryIO) -> int | None:
    raw = source.read(_LENGTH.size)
    if not raw:
        return None
    if len(raw) != _LENGTH.size:
        raise SealError("damaged or cut short")
    return _LENGTH.unpack(raw)[0]
