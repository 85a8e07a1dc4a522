"""The client's address: X-Forwarded-For is believed only from the proxies named in settings.

werkzeug's ProxyFix trusts a fixed number of hops, so a client that reaches the server
directly (or sends its own header through the proxy) could pick its address. Here the
header is walked from the right, the end the nearest proxy wrote: each hop added by a
trusted proxy is accepted, and the first address that is not a trusted proxy is the client.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_trusted_proxies(raw: str) -> tuple[IpNetwork, ...]:
    """Addresses and CIDR blocks separated by commas or spaces; ValueError names a bad one."""
    networks = []
    for item in raw.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ValueError(f"{item!r} is not an IP address or CIDR block") from exc
    return tuple(networks)


def parse_address(raw: str) -> IpAddress | None:
    """One hop as proxies write it (bare, `[v6]:port` or `v4:port`); None when not an address."""
    text = raw.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: IpAddress, trusted: Iterable[IpNetwork]) -> bool:
    return any(address.version == net.version and address in net for net in trusted)


def client_address(
    peer: str | None, forwarded_for: Iterable[str], trusted: tuple[IpNetwork, ...]
) -> str:
    """The address to throttle by: the peer, or the nearest untrusted hop behind trusted ones.

    `forwarded_for` is every X-Forwarded-For header of the request, in order. A hop that is
    not an address ends the walk at the last trusted proxy: its clients then share one
    address, which is safer than letting a made-up value pass as a fresh client.
    """
    current = parse_address(peer or "")
    if current is None:
        return (peer or "unknown")[:64]
    hops = [hop for header in forwarded_for for hop in header.split(",") if hop.strip()]
    while hops and _trusted(current, trusted):
        hop = parse_address(hops.pop())
        if hop is None:
            break
        current = hop
    return str(current)
