"""Local accounts: Argon2id key slots wrapping the data key, throttling, roles."""
