"""Client side of sync: wire format, HTTP client, push/pull engine, conflicts (no Qt)."""
