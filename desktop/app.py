"""Composition root of the GUI: logging, Qt application, style, then setup or login.

Only what the login window needs is imported before it is shown; SQLAlchemy, the
services and the main window come after (see ``desktop.ui.controller``).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from desktop.ui.binding import stop_source_caching

log = logging.getLogger(__name__)

# Every GUI process (the app, its self-test, the tools) imports this module before
# SQLAlchemy and the rest: from here on PySide6's import hook no longer keeps their source.
stop_source_caching()

ORGANIZATION = "Caseload"


def _make_application(argv: list[str]):
    from PySide6.QtWidgets import QApplication

    from desktop import APP_ID, APP_NAME, __version__

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def install_translations(app, language: str = "") -> str:
    """Installs the interface language: ``language`` (a code from Settings) or, when
    empty, the system's. Returns the language code in use.

    English plural forms (caseload_en.qm) are always installed underneath, so a language
    without a translation, and English itself, say "1 beneficiary". Qt's own texts
    (standard buttons) come from its qtbase_<lang>.qm. Right-to-left languages mirror
    the layout. Calling it again replaces what an earlier call installed.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator

    from desktop.resources import resource_path

    for old in getattr(app, "_caseload_translators", ()):
        app.removeTranslator(old)
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)  # numbers, dates and %Ln follow the chosen language
    folder = str(resource_path("translations"))
    installed = []
    english = QTranslator(app)
    if english.load("caseload_en", folder):
        installed.append(english)
    qt_own = QTranslator(app)
    if qt_own.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        installed.append(qt_own)
    translator = QTranslator(app)
    code = "en"
    if translator.load(locale, "caseload", "_", folder):
        installed.append(translator)
        code = Path(translator.filePath()).stem.removeprefix("caseload_")
        app._caseload_translator = translator
    elif hasattr(app, "_caseload_translator"):
        del app._caseload_translator
    for each in installed:
        app.installTranslator(each)  # the last installed is asked first
    app._caseload_translators = installed  # keep them alive
    rtl = QLocale(code).textDirection() == Qt.LayoutDirection.RightToLeft
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    log.info("interface language %s", code)
    return code


def install_style(app) -> None:
    from PySide6.QtGui import QIcon

    from desktop.resources import resource_path

    app.setStyle("Fusion")
    style = resource_path("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(resource_path("icons", "caseload.svg"))))


def open_main_window(login, accounts, settings):
    """The composition of a logged-in session: its services, and the main window they
    are handed to (with the way back to them after a lock). The window never sees the
    database; closing the services closes it."""
    from desktop.services import Services
    from desktop.ui.main_window import MainWindow

    def unlock(actor, password: str) -> Services:  # in a worker: Argon2id, unwrap, open
        return Services.for_session(accounts.unlock(actor, password), accounts)

    return MainWindow(Services.for_session(login, accounts), settings, unlock=unlock)


def main(args) -> int:
    if getattr(args, "self_test", False):
        return self_test(verbose=getattr(args, "verbose", False))
    started = time.perf_counter()
    from desktop.cli import setup_logging
    from desktop.paths import DataPaths

    paths = DataPaths.resolve(getattr(args, "data_dir", None))
    setup_logging(getattr(args, "verbose", False), paths.logs)
    app = _make_application(sys.argv[:1])
    from desktop.ui.errors import install_excepthook, install_qt_message_handler

    install_qt_message_handler()
    install_excepthook()
    from desktop.ui.settings import LANGUAGE, Settings

    settings = Settings()
    install_translations(app, settings.get(LANGUAGE))
    install_style(app)

    from desktop.ui.controller import AppController

    # Quitting is explicit (Quit, closing the window, Quit in the login dialog): switching
    # user closes the window before the login dialog opens, which must not end the app.
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(
        paths, settings, open_window=open_main_window, apply_language=install_translations
    )
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    log.info("first window shown after %.0f ms", (time.perf_counter() - started) * 1000)
    return app.exec()


def self_test(*, verbose: bool = False) -> int:
    """Starts Qt offscreen, creates a temporary encrypted database, derives a key,
    writes and reads a beneficiary through the services, builds the main window; exit 0.
    """
    import secrets
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING)
    started = time.perf_counter()
    try:
        app = _make_application(sys.argv[:1])
        from desktop.ui.errors import install_qt_message_handler

        install_qt_message_handler()
        install_style(app)
        from desktop.auth.accounts import LocalAccounts
        from desktop.paths import DataPaths
        from desktop.services import Services

        with tempfile.TemporaryDirectory(prefix="caseload-self-test-") as folder:
            paths = DataPaths.resolve(Path(folder) / "data")
            accounts = LocalAccounts(paths)
            password = secrets.token_urlsafe(16)
            first = accounts.initialize("selftest", password, "Self Test")
            first.close()
            login = accounts.login("selftest", password)  # Argon2id + unwrap + open
            services = Services.for_session(login, accounts)
            created = services.beneficiaries.create(
                {"first_name": "Self", "last_name": "Test", "date_of_birth": "1990-01-02"}
            )
            read = services.beneficiaries.get(created.id)
            if read.full_name != "Self Test" or str(read.date_of_birth) != "1990-01-02":
                raise AssertionError("the beneficiary read back differs from the one written")
            from desktop.domain.records import BeneficiaryQuery

            # A misspelling found: the matching libraries (rapidfuzz, doublemetaphone) are
            # native modules a bundle must carry.
            if services.beneficiaries.count(BeneficiaryQuery(search="Tesst")) != 1:
                raise AssertionError("the typo-tolerant search does not find the test record")
            problems = services.maintenance.check()
            if problems:
                raise AssertionError(f"database check failed: {problems[:3]}")
            from PySide6.QtGui import QImageReader

            # Icons fail silently without the SVG plugin: a trimmed bundle must keep it.
            if b"svg" not in [bytes(f) for f in QImageReader.supportedImageFormats()]:
                raise AssertionError("the Qt SVG image plugin is missing")
            from PySide6.QtCore import QSettings

            from desktop.ui.settings import Settings

            settings = Settings(
                QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            )
            window = open_main_window(login, accounts, settings)  # it takes over the login
            window.show()
            app.processEvents()
            if window.model.total != 1:
                raise AssertionError("the main window does not list the test beneficiary")
            window.shutdown()
            window.deleteLater()
            app.processEvents()
    except Exception as exc:  # report anything: this runs on freshly installed builds
        import traceback

        traceback.print_exc()
        print(f"caseload self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"caseload self-test OK: Qt, Argon2id, SQLCipher, services, main window ({elapsed:.1f} s)"
    )
    return 0
