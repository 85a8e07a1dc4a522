"""`caseload-server`: serve the API; manage accounts and organisations; back up and restore
the database; apply migrations. Each command prints one line that says what it did."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from server.config import (
    IDEMPOTENCY_KEEP_DAYS,
    LOG_FORMATS,
    ConfigError,
    ServerConfig,
    log_format_from_env,
)
from server.observability import configure_logging
from server.validation import ROLES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caseload-server", description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="where the database and the key live")
    parser.add_argument(
        "--dev", action="store_true", help="development mode: open registration, debug logs"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="commands: show the log (migrations and others)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=5000, help="port to listen on")
    parser.add_argument("--threads", type=int, default=8, help="worker threads")
    parser.add_argument(
        "--log-format",
        choices=LOG_FORMATS,
        help="text lines or one JSON object a line (default: CASELOAD_LOG_FORMAT, else text)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    users = sub.add_parser("users", help="accounts: list, add, disable, enable, ...")
    users_sub = users.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = users_sub.add_parser("list", help="every account (or one organisation's)")
    listing.add_argument("--organisation")
    _add_user_arguments(users_sub.add_parser("add", help="add an account (password prompted)"))
    for action, text in (
        ("disable", "disable an account and end its sessions"),
        ("enable", "enable a disabled account"),
        ("reset-password", "set a new password (prompted) and end the account's sessions"),
    ):
        users_sub.add_parser(action, help=text).add_argument("username")
    role = users_sub.add_parser("set-role", help="change an account's role")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)

    orgs = sub.add_parser("organisations", help="organisations: list, add, rename")
    orgs_sub = orgs.add_subparsers(dest="action", required=True, metavar="ACTION")
    orgs_sub.add_parser("list", help="every organisation with its number of accounts")
    orgs_sub.add_parser("add", help="add an organisation").add_argument("name")
    rename = orgs_sub.add_parser("rename", help="rename it in every account and record")
    rename.add_argument("name")
    rename.add_argument("new_name")

    sub.add_parser("backup", help="write a backup of the database to FILE").add_argument(
        "file", type=Path
    )
    sub.add_parser(
        "restore", help="replace the database with a backup (stop the server first)"
    ).add_argument("file", type=Path)

    # The first names of two commands, kept for scripts and older notes.
    _add_user_arguments(sub.add_parser("create-user", help="the same as `users add`"))
    sub.add_parser("disable-user", help="the same as `users disable`").add_argument("username")

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


def _add_user_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("username")
    command.add_argument("--role", choices=ROLES, required=True)
    command.add_argument("--display-name", default="")
    command.add_argument("--organisation", default="default")


class CommandFailed(Exception):
    """A command refused: the message goes to stderr, the exit status is 1."""


def _new_password(username: str) -> str:
    """From CASELOAD_NEW_PASSWORD, else asked twice (never from the command line)."""
    password = os.environ.get("CASELOAD_NEW_PASSWORD")
    if password:
        return password
    password = getpass.getpass(f"Password for {username}: ")
    if password != getpass.getpass("Repeat the password: "):
        raise CommandFailed("The passwords differ.")
    return password


@contextlib.contextmanager
def _writing(config: ServerConfig) -> Iterator[Session]:
    """A session in a write transaction on the migrated database, committed at the end."""
    from server.db import begin_write, make_engine, make_session_factory, upgrade
    from server.errors import ApiError

    engine = make_engine(config.database_url, config.db_key)
    try:
        upgrade(engine)
        with make_session_factory(engine)() as session:
            begin_write(session)
            try:
                yield session
            except ApiError as exc:
                session.rollback()
                details = "; ".join(f"{k} {v}" for k, v in (exc.fields or {}).items())
                message = f"{exc.message} ({details})" if details else exc.message
                raise CommandFailed(message) from None
            session.commit()
    finally:
        engine.dispose()


def _account(user) -> str:
    return f"{user.role} account {user.username} of organisation {user.organisation}"


def _users(config: ServerConfig, args: argparse.Namespace) -> str:
    from server import admin

    action = args.action
    if action == "list":
        with _writing(config) as session:
            users = admin.list_users(session, args.organisation)
        rows = [
            (
                u.username,
                u.role,
                u.organisation,
                "active" if u.active else "disabled",
                u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "never",
            )
            for u in users
        ]
        return _table(("USERNAME", "ROLE", "ORGANISATION", "STATE", "LAST SIGN-IN"), rows)
    if action == "add":
        password = _new_password(args.username)
        with _writing(config) as session:
            new = not any(o.name == args.organisation for o in admin.list_organisations(session))
            user = admin.add_user(
                session,
                None,
                args.username,
                password,
                args.role,
                args.display_name,
                args.organisation,
            )
        where = "new organisation" if new else "organisation"
        return (
            f"Created {user.role} account {user.username} in {where} {user.organisation} "
            f"(id {user.id})."
        )
    password = _new_password(args.username) if action == "reset-password" else None
    with _writing(config) as session:
        user = admin.find_user(session, None, args.username)
        before = (user.active, user.role)
        if action in ("disable", "enable"):
            admin.set_active(session, None, user, action == "enable")
            if before[0] == user.active:
                return f"The {_account(user)} was already {action}d; nothing changed."
            ended = _sessions_ended(session, admin)
            tail = f"; {ended} session(s) ended" if action == "disable" else ""
            return f"{action.capitalize()}d the {_account(user)}{tail}."
        if action == "reset-password":
            admin.reset_password(session, None, user, password)
            ended = _sessions_ended(session, admin)
            return f"Set a new password for the {_account(user)}; {ended} session(s) ended."
        admin.set_role(session, None, user, args.role)
        if before[1] == user.role:
            return f"The {_account(user)} has that role already; nothing changed."
        return (
            f"{user.username} of organisation {user.organisation} is now {user.role} "
            f"(was {before[1]})."
        )


def _sessions_ended(session: Session, admin) -> int:
    (entry,) = admin.list_actions(session, None, limit=1)
    return int(entry.detail.get("sessions_ended", 0))


def _organisations(config: ServerConfig, args: argparse.Namespace) -> str:
    from server import admin

    with _writing(config) as session:
        if args.action == "list":
            rows = [
                (o.name, str(o.users), str(o.active_users))
                for o in admin.list_organisations(session)
            ]
            return _table(("ORGANISATION", "ACCOUNTS", "ACTIVE"), rows)
        if args.action == "add":
            made = admin.add_organisation(session, None, args.name)
            return f"Added organisation {made.name}."
        done = admin.rename_organisation(session, None, args.name, args.new_name)
        return (
            f"Renamed organisation {done.old} to {done.new}: {done.users} account(s) and "
            f"{done.rows} row(s) in all changed; {done.resent} record(s) go to the laptops again."
        )


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    if not rows:
        return "None found."
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    )


def _backup_or_restore(config: ServerConfig, args: argparse.Namespace) -> str:
    from server.backup import BackupError, backup, restore

    try:
        if args.command == "backup":
            return backup(config, args.file.absolute())
        return restore(config, args.file.absolute())
    except BackupError as exc:
        raise CommandFailed(f"{args.command.capitalize()} refused: {exc}.") from exc


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
    level = logging.INFO
    if args.dev:
        level = logging.DEBUG
    elif args.command is not None and not args.verbose:
        level = logging.WARNING  # a command's own line is its output; --verbose shows the log
    try:
        log_format = args.log_format or log_format_from_env()
        configure_logging(level, log_format)
        return _run(args)
    except ConfigError as exc:
        # A setting or the database key makes starting impossible (a wrong key included).
        print(f"caseload-server: {exc}", file=sys.stderr)
        return 2
    except CommandFailed as exc:
        print(exc, file=sys.stderr)
        return 1


COMMANDS: dict[str, Callable[[ServerConfig, argparse.Namespace], str]] = {
    "users": _users,
    "organisations": _organisations,
    "backup": _backup_or_restore,
    "restore": _backup_or_restore,
}
ALIASES = {"create-user": "add", "disable-user": "disable"}


def _run(args: argparse.Namespace) -> int:
    config = ServerConfig.load(args.data_dir, dev=args.dev)
    if args.command in ALIASES:
        args.command, args.action = "users", ALIASES[args.command]
    if args.command in COMMANDS:
        print(COMMANDS[args.command](config, args))
        return 0
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
    from server.backup import serving_lock

    with serving_lock(config):  # `restore` refuses while a server holds it
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
