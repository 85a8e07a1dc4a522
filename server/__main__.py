"""`caseload-server`: serve the API, create accounts, apply database migrations."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

from server.config import (
    IDEMPOTENCY_KEEP_DAYS,
    LOG_FORMATS,
    ConfigError,
    ServerConfig,
    log_format_from_env,
)
from server.observability import configure_logging


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caseload-server", description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="where the database and the key live")
    parser.add_argument(
        "--dev", action="store_true", help="development mode: open registration, debug logs"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=5000, help="port to listen on")
    parser.add_argument("--threads", type=int, default=8, help="worker threads")
    parser.add_argument(
        "--log-format",
        choices=LOG_FORMATS,
        help="text lines or one JSON object a line (default: CASELOAD_LOG_FORMAT, else text)",
    )
    sub = parser.add_subparsers(dest="command")
    create = sub.add_parser("create-user", help="add an account")
    create.add_argument("username")
    create.add_argument("--role", choices=("caseworker", "supervisor", "admin"), required=True)
    create.add_argument("--display-name", default="")
    create.add_argument("--organisation", default="default")
    disable = sub.add_parser("disable-user", help="disable an account and end its sessions")
    disable.add_argument("username")
    dbcmd = sub.add_parser("db", help="database maintenance")
    dbcmd.add_argument(
        "action",
        choices=("upgrade", "purge"),
        help="upgrade: apply migrations; purge: delete expired tokens and old idempotency records",
    )
    dbcmd.add_argument(
        "--keep-days",
        type=int,
        default=IDEMPOTENCY_KEEP_DAYS,
        help=f"purge: days to keep idempotency records (default {IDEMPOTENCY_KEEP_DAYS})",
    )
    return parser


def _create_user(config: ServerConfig, args: argparse.Namespace) -> int:
    from server.auth import create_user
    from server.db import begin_write, make_engine, make_session_factory, upgrade
    from server.errors import ApiError

    password = os.environ.get("CASELOAD_NEW_PASSWORD")
    if not password:
        password = getpass.getpass(f"Password for {args.username}: ")
        if password != getpass.getpass("Repeat the password: "):
            print("The passwords differ.", file=sys.stderr)
            return 1
    engine = make_engine(config.database_url, config.db_key)
    upgrade(engine)
    with make_session_factory(engine)() as session:
        begin_write(session)
        try:
            user = create_user(
                session,
                args.username,
                password,
                role=args.role,
                display_name=args.display_name,
                organisation=args.organisation,
            )
        except ApiError as exc:
            details = "; ".join(f"{k} {v}" for k, v in (exc.fields or {}).items())
            print(f"{exc.message} {details}".strip(), file=sys.stderr)
            return 1
        session.commit()
        # One line that says what was made (the migrations' log lines go to stderr).
        print(
            f"Created {user.role} account {user.username} in organisation "
            f"{user.organisation} (id {user.id})."
        )
    engine.dispose()
    return 0


def _disable_user(config: ServerConfig, args: argparse.Namespace) -> int:
    from sqlalchemy import select, update

    from server.db import begin_write, make_engine, make_session_factory, upgrade, utcnow
    from server.models import TokenFamily, User

    engine = make_engine(config.database_url, config.db_key)
    upgrade(engine)
    with make_session_factory(engine)() as session:
        begin_write(session)
        user = session.execute(
            select(User).where(User.username_key == args.username.lower())
        ).scalar_one_or_none()
        if user is None:
            print(f"No user named {args.username}.", file=sys.stderr)
            return 1
        user.active = False
        session.execute(
            update(TokenFamily)
            .where(TokenFamily.user_id == user.id, TokenFamily.revoked_at.is_(None))
            .values(revoked_at=utcnow(), revoked_reason="account_disabled")
        )
        session.commit()
        print(user.id)
    engine.dispose()
    return 0


def _purge(config: ServerConfig, engine, keep_days: int) -> dict[str, int]:
    from server.db import begin_write, make_session_factory
    from server.maintenance import purge

    with make_session_factory(engine)() as session:
        begin_write(session)
        counts = purge(session, config, keep_days=keep_days)
        session.commit()
    return counts


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        log_format = args.log_format or log_format_from_env()
        configure_logging(logging.DEBUG if args.dev else logging.INFO, log_format)
        return _run(args)
    except ConfigError as exc:
        # A setting or the database key makes starting impossible (a wrong key included).
        print(f"caseload-server: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    config = ServerConfig.load(args.data_dir, dev=args.dev)
    if args.command == "create-user":
        return _create_user(config, args)
    if args.command == "disable-user":
        return _disable_user(config, args)
    if args.command == "db":
        from server.db import make_engine, upgrade
        from server.erasure import secure_delete

        engine = make_engine(config.database_url, config.db_key)
        secure_delete(engine)  # purge deletes rows: their bytes go too
        upgrade(engine)
        if args.action == "purge":
            if args.keep_days < 1:
                print("--keep-days must be at least 1.", file=sys.stderr)
                return 2
            counts = _purge(config, engine, args.keep_days)
            print(", ".join(f"{table}: {count} deleted" for table, count in counts.items()))
        else:
            print("database is up to date")
        engine.dispose()
        return 0

    import waitress

    from server.app import create_app

    app = create_app(config)
    # Housekeeping once per start; `caseload-server db purge` does it on demand (cron).
    _purge(config, app.extensions["caseload"].engine, IDEMPOTENCY_KEEP_DAYS)
    logging.getLogger(__name__).info(
        "serving on http://%s:%d (%s mode)",
        args.host,
        args.port,
        "development" if args.dev else "production",
    )
    waitress.serve(
        app,
        host=args.host,
        port=args.port,
        threads=args.threads,
        ident="caseload",
        # The app reads X-Forwarded-For itself, from CASELOAD_TRUSTED_PROXIES only
        # (server/proxies.py); waitress would drop it (it trusts one address, no CIDRs).
        clear_untrusted_proxy_headers=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
