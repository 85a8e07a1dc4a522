"""Where a personal value still lies: raw files, decrypted SQLCipher pages, a logical dump.

A logical dump shows live rows only; the decrypted pages also show free space, old
search-index segments and WAL frames, which is where erased bytes linger.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096  # SQLCipher 4 default
RESERVE = 80  # per page: a 16-byte IV, then a 64-byte HMAC-SHA512
SALT = 16  # page 1 starts with the salt instead of the SQLite header
WAL_HEADER, FRAME_HEADER = 32, 24


def sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[SALT if first else 0 : PAGE_SIZE - RESERVE]) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> list[bytes]:
    """Every page of the database file and every frame of its WAL, decrypted."""
    pages = []
    data = path.read_bytes()
    for number in range(len(data) // PAGE_SIZE):
        pages.append(
            _decrypt(data[number * PAGE_SIZE : (number + 1) * PAGE_SIZE], key, number == 0)
        )
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        log = wal.read_bytes()
        position = WAL_HEADER
        while position + FRAME_HEADER + PAGE_SIZE <= len(log):
            page_number = struct.unpack(">I", log[position : position + 4])[0]
            frame = log[position + FRAME_HEADER : position + FRAME_HEADER + PAGE_SIZE]
            pages.append(_decrypt(frame, key, page_number == 1))
            position += FRAME_HEADER + PAGE_SIZE
    return pages


def _dump(connection) -> bytes:
    """Every value of every table (search-index shadow tables included), as bytes."""
    chunks = []
    tables = [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    for table in tables:
        try:
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
        except (sqlite3.DatabaseError, sqlcipher3.DatabaseError):
            continue  # an FTS5 virtual table over its content table: read its shadow tables
        for row in rows:
            for value in row:
                chunks.append(value if isinstance(value, bytes) else str(value).encode())
    return b"\n".join(chunks)


def _found(haystack: bytes, values: list[str]) -> set[str]:
    lowered = haystack.lower()  # the search index stores terms in lower case
    return {value for value in values if value.lower().encode() in lowered}


def laptop_leaks(path: Path, key: bytes, values: list[str]) -> dict[str, set[str]]:
    """Which values an encrypted database still holds, by where they were found."""
    found = {
        "raw files": _found(b"".join(p.read_bytes() for p in sidecars(path) if p.exists()), values)
    }
    found["decrypted pages"] = _found(b"".join(decrypted_pages(path, key)), values)
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        found["dump"] = _found(_dump(connection), values)
    finally:
        connection.close()
    return {where: hits for where, hits in found.items() if hits}


def server_leaks(path: Path, values: list[str]) -> dict[str, set[str]]:
    """Which values the server's SQLite database (file, WAL, live rows) still holds.

    An encrypted server database (a key file beside it) is decrypted like a laptop's.
    """
    key_file = path.with_name("db-key")
    if key_file.exists():
        return laptop_leaks(path, bytes.fromhex(key_file.read_text().strip()), values)
    found = {
        "raw files": _found(b"".join(p.read_bytes() for p in sidecars(path) if p.exists()), values)
    }
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found["dump"] = _found(_dump(connection), values)
    finally:
        connection.close()
    return {where: hits for where, hits in found.items() if hits}
