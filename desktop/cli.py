"""The ``caseload`` command line for admins and scripts (no Qt imported here)."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop import __version__
from desktop.cli_export import add_arguments as add_export_arguments
from desktop.cli_export import cmd_export
from desktop.domain.enums import Role
from desktop.errors import UserError, ValidationError
from desktop.paths import PRIVATE_FILE_MODE, make_private, make_private_dir

log = logging.getLogger(__name__)

PASSWORD_ENV = "CASELOAD_PASSWORD"
NEW_PASSWORD_ENV = "CASELOAD_NEW_PASSWORD"
SERVER_PASSWORD_ENV = "CASELOAD_SERVER_PASSWORD"
RESTORE_HINT = "Restore a backup with 'caseload restore FILE'."


class CommandFailed(UserError):
    """A command ran but its result is a failure (e.g. an integrity check)."""


def _password(prompt: str, env: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UserError(f"No password given: set {env} or run in a terminal to be asked.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise UserError("The two passwords differ; nothing was changed.")
    return first


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseload",
        description="Caseload: offline-first case management. With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"caseload {__version__}")
    parser.add_argument(
        "--data-dir",
        help="folder of the database and key slots (default: the platform's user data folder; "
        "also CASELOAD_DATA_DIR)",
    )
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, handler: Callable) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def acting_user(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--user", help="local user running the command (default: the admin named at init)"
        )

    init = command("init", "create the encrypted database and its first admin", cmd_init)
    init.add_argument("--admin", required=True, metavar="USERNAME")
    init.add_argument("--display-name", default="")
    init.add_argument(
        "--form-template",
        metavar="NAME",
        help="publish an example form definition as version 1 "
        "(child_protection, cash_assistance: see docs/forms.md)",
    )

    users = command("users", "manage local users", None)
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_commands.add_parser("add", help="add a local user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=cmd_users_add)
    listing = users_commands.add_parser("list", help="list local users")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_users_list)
    deactivate = users_commands.add_parser(
        "deactivate", help="deactivate a user (removes their key slot, changes the data key)"
    )
    deactivate.add_argument("username")
    deactivate.set_defaults(handler=cmd_users_deactivate)
    reset = users_commands.add_parser(
        "reset-password", help="set a new password for a user (changes the data key)"
    )
    reset.add_argument("username")
    reset.set_defaults(handler=cmd_users_reset)
    role = users_commands.add_parser("set-role", help="change a user's role")
    role.add_argument("username")
    role.add_argument("--role", required=True, choices=[role.value for role in Role])
    role.set_defaults(handler=cmd_users_role)
    for sub in (add, listing, deactivate, reset, role):
        acting_user(sub)

    demo = command("demo", "add realistic, deterministic demo data", cmd_demo)
    demo.add_argument("--beneficiaries", type=int, required=True, metavar="N")
    demo.add_argument("--sessions-per-beneficiary", type=int, default=5, metavar="M")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--form-template",
        metavar="NAME",
        help="publish this example form definition first (default: the published one "
        "fills the custom fields)",
    )
    acting_user(demo)

    forms_command = command(
        "forms", "the organisation's own fields: export, import, publish (docs/forms.md)", None
    )
    forms_actions = forms_command.add_subparsers(
        dest="forms_command", metavar="ACTION", required=True
    )
    export = forms_actions.add_parser("export", help="write the definition's file")
    export.add_argument("file", help="where to write it ('-': standard output)")
    export.add_argument("--draft", action="store_true", help="the unpublished draft instead")
    export.set_defaults(handler=cmd_forms_export)
    load = forms_actions.add_parser(
        "import", help="check a definition file and save it as the draft"
    )
    load.add_argument("file", type=Path)
    load.add_argument("--dry-run", action="store_true", help="only check it; save nothing")
    load.set_defaults(handler=cmd_forms_import)
    publish = forms_actions.add_parser("publish", help="publish the draft as the next version")
    publish.set_defaults(handler=cmd_forms_publish)
    for sub in (export, load, publish):
        acting_user(sub)

    status = command(
        "status", "counts of records, pending changes, users; schema revision", cmd_status
    )
    status.add_argument("--json", action="store_true")
    acting_user(status)

    check = command(
        "check", "verify the database (quick_check + cipher_integrity_check)", cmd_check
    )
    acting_user(check)

    backup = command("backup", "write an encrypted backup of the database", cmd_backup)
    backup.add_argument("file", type=Path)
    acting_user(backup)

    restore = command("restore", "replace the database with a verified backup", cmd_restore)
    restore.add_argument("file", type=Path)
    acting_user(restore)

    from desktop import cli_import

    importing = command(
        "import", "import beneficiaries or sessions from CSV or XLSX (docs/imports.md)", cmd_import
    )
    cli_import.add_arguments(importing)
    acting_user(importing)
    from desktop import cli_reports

    report = command("report", "counts for supervisors (docs/reports.md)", cli_reports.cmd_report)
    cli_reports.add_arguments(report)
    acting_user(report)

    sync = command("sync", "push and pull changes with the central server", cmd_sync)
    sync.add_argument("--server", required=True, metavar="URL", help="the server's address")
    sync.add_argument("--server-user", metavar="NAME", help="server account (default: --user)")
    sync.add_argument("--full", action="store_true", help="full resync (keeps unsent changes)")
    sync.add_argument(
        "--ca-file",
        metavar="FILE",
        help="trust this certificate authority (PEM file) for the server, e.g. an "
        "organisation's own; remembered for this server ('' forgets it)",
    )
    acting_user(sync)

    from desktop.cli_print import add_arguments as print_arguments  # no Qt imported there

    printing = command("print", "a case summary or referral letter as PDF", cmd_print)
    print_arguments(printing)
    acting_user(printing)
    from desktop import cli_tasks

    cli_tasks.add_parser(command)
    from desktop import cli_households

    cli_households.add_parser(command)
    from desktop import cli_merge

    cli_merge.add_parser(command)
    from desktop import cli_referrals

    cli_referrals.add_parser(command)
    from desktop import cli_transfers

    cli_transfers.add_parser(command)
    export = command("export", "write records to CSV or XLSX (docs/exports.md)", cmd_export)
    add_export_arguments(export)
    acting_user(export)
    return parser


# -- helpers ------------------------------------------------------------------------


def _accounts(args):
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    return LocalAccounts(DataPaths.resolve(args.data_dir))


def _username(args, accounts) -> str:
    username = getattr(args, "user", None) or accounts.default_admin()
    if not username:
        raise UserError("Name the acting user with --user USERNAME.")
    return username


def _login(args, *, check: bool | None = None):
    """Logs the acting user in; returns (login session, services)."""
    from desktop.services import Services

    accounts = _accounts(args)
    username = _username(args, accounts)
    password = _password(f"Password for {username}: ", PASSWORD_ENV)
    login = accounts.login(username, password, check=check)
    return login, Services.for_session(login, accounts)


# -- commands -----------------------------------------------------------------------


def cmd_init(args) -> int:
    accounts = _accounts(args)
    if accounts.database_exists():
        raise UserError(
            f"A Caseload database already exists in {accounts.paths.root}; nothing changed."
        )
    template = None
    if args.form_template:  # checked before anything is made
        from desktop.domain import forms
        from desktop.services.forms import template_text

        template = template_text(args.form_template)
        forms.parse(template)
    password = _password(f"New password for {args.admin}: ", PASSWORD_ENV, confirm=True)
    login = accounts.initialize(args.admin, password, args.display_name)
    try:
        if template is not None:
            published = _publish_template(login, template)
    finally:
        login.close()
    print(f"Created the encrypted database in {accounts.paths.root} with admin {args.admin!r}.")
    if template is not None:
        print(f"Published the {args.form_template} form definition as version {published.version}.")
    return 0


def _publish_template(login, text: str):
    """Imports an example definition and publishes it (unless it is the current one)."""
    from desktop.domain import forms
    from desktop.services.forms import FormService

    service = FormService(login.db, login.actor)
    current = service.current()
    wanted = forms.parse(text)
    if current.version and wanted.with_version(0) == current.with_version(0):
        return current
    service.import_text(text)
    return service.publish()


def _print_definition_problems(source: str, exc) -> int:
    for problem in exc.problems:
        print(str(problem), file=sys.stderr)
    count = len(exc.problems)
    print(
        f"caseload: {source}: {count} problem{'s' if count != 1 else ''}; nothing was saved.",
        file=sys.stderr,
    )
    return 2


def cmd_forms_export(args) -> int:
    login, services = _login(args)
    try:
        text = services.forms.export_text(draft=args.draft)
    finally:
        login.close()
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    path = Path(args.file)
    path.write_text(text, encoding="utf-8")
    what = "draft" if args.draft else "current definition"
    print(f"Wrote the {what} to {path}.")
    return 0


def cmd_forms_import(args) -> int:
    from desktop.domain.forms import DefinitionError

    try:
        text = args.file.read_bytes()
    except OSError as exc:
        raise UserError(f"Cannot read {args.file}: {exc.strerror or exc}.") from None
    login, services = _login(args)
    try:
        definition = services.forms.import_text(text, dry_run=args.dry_run)
    except DefinitionError as exc:
        return _print_definition_problems(str(args.file), exc)
    finally:
        login.close()
    counts = (
        f"{len(definition.beneficiary.fields)} beneficiary and "
        f"{len(definition.session.fields)} session fields"
    )
    if args.dry_run:
        print(f"{args.file} is a valid definition ({counts}); nothing was saved (--dry-run).")
    else:
        print(f"Saved {args.file} as the draft ({counts}).")
        print("Publish it with 'caseload forms publish'.")
    return 0


def cmd_forms_publish(args) -> int:
    from desktop.domain.forms import DefinitionError

    login, services = _login(args)
    try:
        published = services.forms.publish()
    except DefinitionError as exc:
        return _print_definition_problems("the draft", exc)
    finally:
        login.close()
    print(f"Published the form definition as version {published.version}.")
    return 0


def cmd_import(args) -> int:
    from desktop.cli_import import cmd_import as run

    return run(args, _login)


def cmd_users_add(args) -> int:
    login, services = _login(args)
    try:
        password = _password(
            f"Password for new user {args.username}: ", NEW_PASSWORD_ENV, confirm=True
        )
        account = services.users.add(args.username, args.role, password, args.display_name)
    finally:
        login.close()
    print(f"Added {account.role.value} {account.username!r}.")
    return 0


def cmd_users_list(args) -> int:
    login, services = _login(args)
    try:
        accounts = services.users.list()
    finally:
        login.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "username": a.username,
                        "display_name": a.display_name,
                        "role": a.role.value,
                        "active": a.active,
                        "last_login_at": a.last_login_at.isoformat() if a.last_login_at else None,
                    }
                    for a in accounts
                ],
                indent=2,
            )
        )
        return 0
    print(f"{'USERNAME':<24} {'ROLE':<11} {'ACTIVE':<7} DISPLAY NAME")
    for a in accounts:
        print(
            f"{a.username:<24} {a.role.value:<11} {'yes' if a.active else 'no':<7} {a.display_name}"
        )
    return 0


def cmd_users_deactivate(args) -> int:
    login, services = _login(args)
    try:
        result = services.users.deactivate(args.username, progress=_rotation_progress)
        print(file=sys.stderr)
    finally:
        login.close()
    print(f"Deactivated {args.username!r}; their key slot is removed and the data key changed.")
    _warn_must_reset(result)
    return 0


def cmd_users_reset(args) -> int:
    login, services = _login(args)
    try:
        password = _password(f"New password for {args.username}: ", NEW_PASSWORD_ENV, confirm=True)
        result = services.users.reset_password(args.username, password, progress=_rotation_progress)
        print(file=sys.stderr)
    finally:
        login.close()
    print(f"Password of {args.username!r} reset; the data key changed.")
    _warn_must_reset(result)
    return 0


def _rotation_progress(done: int, total: int, phase: str) -> None:
    percent = 100 * done // max(1, total)
    print(f"\rchanging the data key: {phase} {percent:3d}%   ", end="", file=sys.stderr, flush=True)


def _warn_must_reset(result) -> None:
    for username in result.must_reset:
        print(
            f"caseload: warning: the key slot of {username!r} could not be re-wrapped "
            f"(old format or missing); they cannot log in until an admin resets their "
            f"password (caseload users reset-password {username}).",
            file=sys.stderr,
        )


def cmd_users_role(args) -> int:
    login, services = _login(args)
    try:
        account = services.users.change_role(args.username, args.role)
    finally:
        login.close()
    print(f"{account.username!r} is now {account.role.value}.")
    return 0


def cmd_demo(args) -> int:
    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records

    if args.beneficiaries < 0 or args.sessions_per_beneficiary < 0:
        raise ValidationError({"beneficiaries": "Counts must not be negative."})
    template = None
    if args.form_template:
        from desktop.services.forms import template_text

        template = template_text(args.form_template)
    login, services = _login(args)
    try:
        definition = services.forms.current()
        if template is not None:
            from desktop.domain.forms import DefinitionError

            try:
                definition = _publish_template(login, template)
            except DefinitionError as exc:  # e.g. it would remove a published field
                return _print_definition_problems(args.form_template, exc)
        caseworkers = [u.id for u in services.users.caseworkers() if u.role == Role.CASEWORKER]
        owners = caseworkers or [login.actor.id]
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            print(f"\r{done:,} / {total:,} beneficiaries", end="", file=sys.stderr, flush=True)

        result = BulkImporter(login.db, login.actor, defer_indexes=True).import_records(
            demo_records(
                args.beneficiaries,
                args.sessions_per_beneficiary,
                args.seed,
                definition=definition,
            ),
            total=args.beneficiaries,
            caseworker_ids=owners,
            progress=progress,
        )
        print(file=sys.stderr)
    finally:
        login.close()
    seconds = time.perf_counter() - started
    print(
        f"Added {result.beneficiaries:,} beneficiaries and {result.case_sessions:,} sessions "
        f"in {seconds:.1f} s."
    )
    return 0


def cmd_status(args) -> int:
    login, services = _login(args, check=False)
    try:
        status = services.maintenance.status()
    finally:
        login.close()
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        for key, value in status.items():
            print(f"{key.replace('_', ' '):<16} {value if value is not None else '-'}")
    return 0


def cmd_check(args) -> int:
    from desktop.errors import DatabaseCorrupt

    try:
        login, services = _login(args, check=False)
    except DatabaseCorrupt as exc:
        # Damage found while opening (the file itself, or a page the login reads).
        found = f"{exc.problem}: {exc.detail}" if exc.detail else exc.problem
        raise CommandFailed(f"check failed: {found}. {RESTORE_HINT}") from None
    try:
        problems = services.maintenance.check()
    finally:
        login.close()
    if problems:
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        raise CommandFailed(
            f"check failed: {problems[0]} ({len(problems)} problem(s) in all). {RESTORE_HINT}"
        )
    print("Database check passed: quick_check ok, cipher_integrity_check ok.")
    return 0


def cmd_backup(args) -> int:
    login, services = _login(args)
    try:
        path = services.maintenance.backup(args.file)
    finally:
        login.close()
    print(f"Backup written to {path}.")
    return 0


def cmd_restore(args) -> int:
    from desktop.services.maintenance import restore_backup

    accounts = _accounts(args)
    username = _username(args, accounts)
    password = _password(f"Password for {username}: ", PASSWORD_ENV)
    kept = restore_backup(accounts, username, password, args.file)
    print(f"Database restored from {args.file}; the replaced file is kept as {kept}.")
    return 0


def cmd_print(args) -> int:
    from desktop.cli_print import cmd_print as run  # Qt is started there, not here

    return run(args)


SYNC_DONE = 0  # everything synced
SYNC_FAILED = 1  # refused records, records that differ from the server's, no connection
SYNC_WAITING = 3  # done, but records wait for a supervisor's decision on a conflict


def cmd_sync(args) -> int:
    from desktop.services.conflicts import deciders, waiting_records
    from desktop.services.sync_account import SyncAccount
    from desktop.sync.client import SignInRequired, check_server_url

    login, _services = _login(args)
    try:
        account = SyncAccount(login.db, login.actor)
        server_url, _warning = check_server_url(args.server)
        if args.ca_file is not None:
            account.set_ca_file(server_url, args.ca_file)
        server_user = args.server_user or login.actor.username
        overview = account.overview()
        linked = (
            overview.signed_in
            and overview.server_url == server_url
            and overview.server_username == server_user
        )

        def sign_in() -> None:
            password = _password(f"Server password for {server_user}: ", SERVER_PASSWORD_ENV)
            account.link(server_url, server_user, password)

        if not linked:
            sign_in()
        try:
            report = account.sync(full=args.full, progress=_sync_progress)
        except SignInRequired:
            if SERVER_PASSWORD_ENV not in os.environ and not sys.stdin.isatty():
                raise
            sign_in()
            report = account.sync(full=args.full, progress=_sync_progress)
        print(file=sys.stderr)
        waiting = waiting_records(login.db, login.actor) if report.waiting else []
        who = ", ".join(deciders(login.db)) if waiting else ""
    finally:
        login.close()
    for warning in report.warnings:
        print(f"caseload: warning: {warning}", file=sys.stderr)
    for record in waiting:
        # Case numbers only: the terminal (and its scrollback) gets no names.
        print(
            f"caseload: {record.case_number} waits for a supervisor"
            + (f" ({who})" if who else "")
            + f": {record.reason}",
            file=sys.stderr,
        )
    print(f"Sync: {report.summary()}.")
    if report.failed:
        return SYNC_FAILED
    return SYNC_WAITING if report.waiting else SYNC_DONE


def _sync_progress(done: int, total: int, text: str) -> None:
    print(f"\r{text} {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are 0600 whatever the umask: they name users and records."""

    def _open(self):  # called for the first file and after every rollover
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
        make_private(Path(self.baseFilename))  # a log made by an earlier version
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(verbose: bool, log_dir: Path | None = None) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    handlers[0].setLevel(logging.DEBUG if verbose else logging.WARNING)
    if log_dir is not None:
        make_private_dir(log_dir)
        file_handler = PrivateRotatingFileHandler(
            log_dir / "caseload.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setLevel(logging.INFO)
        handlers.append(file_handler)
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
    # httpx logs every request at INFO (a thousand lines per big sync); the sync client
    # logs one line per batch instead.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def run(argv: Sequence[str] | None = None, *, gui: Callable[[argparse.Namespace], int]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None or args.self_test:
        return gui(args)
    from desktop.paths import DataPaths

    setup_logging(args.verbose, DataPaths.resolve(args.data_dir).logs)
    try:
        code = args.handler(args)
        sys.stdout.flush()  # here, so that a closed pipe is seen inside this try
        return code
    except BrokenPipeError:
        # The reader went away (``caseload status --json | head -1``): stop quietly. As the
        # Python docs advise, point stdout at devnull so the exit's flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except ValidationError as exc:
        for field, message in exc.errors.items():
            print(f"caseload: {field}: {message}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"caseload: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("caseload: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from desktop.store.db import damage_detail

        detail = damage_detail(exc)
        if detail is None:
            raise  # a bug: its traceback is wanted
        # A damaged page met mid-command (after the checks at open): one line, no traceback.
        log.info("database damaged: %s", detail)
        print(f"caseload: the database is damaged ({detail}). {RESTORE_HINT}", file=sys.stderr)
        return 1
