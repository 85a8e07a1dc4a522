"""Real TLS on loopback: a test certificate authority and a TLS front for the real server.

The server itself speaks plain HTTP (nginx terminates TLS in an office); here a small
TLS terminator in a thread plays nginx's part, so the laptop's client does a real
handshake and certificate check against certificates made for each test case.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

LOOPBACK_NAMES = ("localhost", "127.0.0.1")


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Caseload test office"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _alt_names(hosts: tuple[str, ...]) -> x509.SubjectAlternativeName:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return x509.SubjectAlternativeName(names)


@dataclass(frozen=True)
class Certificate:
    cert_file: Path
    key_file: Path


class TestAuthority:
    """An organisation's own certificate authority, made fresh in a folder."""

    __test__ = False  # not a test class, despite the name

    def __init__(self, folder: Path, name: str = "Caseload Test Root CA"):
        self.folder = folder
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name(name))
            .issuer_name(_name(name))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False
            )
            .sign(self.key, hashes.SHA256())
        )
        self.ca_file = folder / f"{name.replace(' ', '-').lower()}.pem"
        self.ca_file.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))

    def issue(
        self,
        label: str,
        hosts: tuple[str, ...] = LOOPBACK_NAMES,
        *,
        expired: bool = False,
        self_signed: bool = False,
    ) -> Certificate:
        """A server certificate for ``hosts``, signed by this authority (or by itself)."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        if expired:
            valid = (now - dt.timedelta(days=60), now - dt.timedelta(days=1))
        else:
            valid = (now - dt.timedelta(days=1), now + dt.timedelta(days=10))
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(hosts[0]))
            .issuer_name(_name(hosts[0]) if self_signed else self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(valid[0])
            .not_valid_after(valid[1])
            .add_extension(_alt_names(hosts), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
            )
        )
        if not self_signed:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
        cert = builder.sign(key if self_signed else self.key, hashes.SHA256())
        cert_file = self.folder / f"{label}.crt"
        key_file = self.folder / f"{label}.key"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return Certificate(cert_file, key_file)


class TlsFront:
    """Accepts TLS on a loopback port and relays the plain bytes to the upstream server."""

    def __init__(self, certificate: Certificate, upstream: tuple[str, int], host: str):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(certificate.cert_file, certificate.key_file)
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.url = f"https://{host}:{self.port}"
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.open_sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        # Counted before the handshake starts: a client that saw the certificate is counted.
        self.connections = 0
        self.acceptor = threading.Thread(target=self._accept, name="tls-front", daemon=True)
        self.acceptor.start()

    def _track(self, sock: socket.socket) -> None:
        with self.lock:
            self.open_sockets.add(sock)

    def _close(self, sock: socket.socket) -> None:
        with self.lock:
            self.open_sockets.discard(sock)
        # shutdown wakes a thread blocked in recv on it; close alone would not.
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with suppress(OSError):
            sock.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                raw, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._track(raw)
            thread = threading.Thread(target=self._serve, args=(raw,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, raw: socket.socket) -> None:
        raw.settimeout(30)
        try:
            tls = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            # The client refused the certificate: what the tests are about.
            self._close(raw)
            return
        with self.lock:
            self.open_sockets.discard(raw)
        self._track(tls)
        try:
            upstream = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            self._close(tls)
            return
        self._track(upstream)
        back = threading.Thread(target=self._pump, args=(upstream, tls), daemon=True)
        self.threads.append(back)
        back.start()
        self._pump(tls, upstream)

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while not self.stopping.is_set():
                chunk = source.recv(65536)
                if not chunk:
                    break
                target.sendall(chunk)
        except (OSError, ssl.SSLError):
            pass
        finally:
            # One side ended: the connection is over both ways.
            self._close(source)
            self._close(target)

    def stop(self) -> None:
        self.stopping.set()
        self.acceptor.join(timeout=10)
        self.listener.close()
        with self.lock:
            sockets = list(self.open_sockets)
        for sock in sockets:
            self._close(sock)
        for thread in self.threads:
            thread.join(timeout=10)


@contextmanager
def tls_front(
    certificate: Certificate, upstream_url: str, host: str = "127.0.0.1"
) -> Iterator[TlsFront]:
    """A TLS front serving ``certificate``; its ``url`` names it by ``host``."""
    parts = urlsplit(upstream_url)
    front = TlsFront(certificate, (parts.hostname, parts.port), host)
    try:
        yield front
    finally:
        front.stop()
