"""The PyInstaller bundle in dist/caseload/: it starts, and holds what the app needs and
only that (build.spec's filters)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.packaging.artifacts import BUNDLE, ROOT, app_version, need, requires_package, run_frozen

pytestmark = [requires_package, pytest.mark.slow]

INTERNAL = BUNDLE / "_internal"
QT = INTERNAL / "PySide6" / "Qt"


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _needed(path: Path) -> set[str]:
    out = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))


def test_frozen_self_test_passes(tmp_path):
    executable = need(BUNDLE / "caseload", "the bundle")
    result = run_frozen(executable, "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout


def test_version_comes_from_the_package(tmp_path):
    result = run_frozen(need(BUNDLE / "caseload", "the bundle"), "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["caseload", app_version()]


def test_resources_and_migrations_are_shipped():
    need(BUNDLE, "the bundle")
    source = ROOT / "resources"
    for pattern in ("*.qss", "*.txt", "icons/*.svg", "translations/*.qm", "manual/*.md"):
        for path in source.glob(pattern):
            shipped = INTERNAL / "resources" / path.relative_to(source)
            assert shipped.is_file(), f"{shipped} is missing"
    migrations = ROOT / "desktop" / "store" / "migrations"
    shipped_migrations = INTERNAL / "desktop" / "store" / "migrations"
    assert (shipped_migrations / "env.py").is_file()
    assert (shipped_migrations / "script.py.mako").is_file()
    versions = {p.name for p in (migrations / "versions").glob("[0-9]*.py")}
    assert versions
    assert versions == {p.name for p in (shipped_migrations / "versions").glob("[0-9]*.py")}


def test_native_parts_are_shipped():
    need(BUNDLE, "the bundle")
    assert list((INTERNAL / "_argon2_cffi_bindings").glob("_ffi*.so"))
    assert list((INTERNAL / "sqlcipher3").glob("_sqlite3*.so"))
    assert list((INTERNAL / "cryptography" / "hazmat" / "bindings").glob("_rust*.so"))
    # ICU data: QtCore needs it (collation, text boundaries).
    assert (QT / "lib" / "libicudata.so.73").exists() or list((QT / "lib").glob("libicudata*"))


def test_qt_is_trimmed_to_what_the_app_uses():
    need(BUNDLE, "the bundle")
    plugins = QT / "plugins"
    platforms = {p.name for p in (plugins / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so"}
    assert (plugins / "imageformats" / "libqsvg.so").exists()
    assert (plugins / "iconengines" / "libqsvgicon.so").exists()
    kept_folders = {p.name for p in plugins.iterdir()}
    assert kept_folders <= {
        "platforms",
        "platforminputcontexts",
        "imageformats",
        "iconengines",
        "xcbglintegrations",
        "styles",
        "printsupport",
    }
    # Qt's own translations: only the standard buttons' (qtbase) of the languages shipped.
    shipped = {p.stem.removeprefix("caseload_") for p in ROOT.glob("resources/translations/*.qm")}
    kept = {p.name for p in (QT / "translations").iterdir()}
    assert kept == {f"qtbase_{language}.qm" for language in shipped}
    libs = {p.name for p in (QT / "lib").iterdir()}
    qt_libs = {name for name in libs if name.startswith("libQt6")}
    assert qt_libs == {
        f"libQt6{m}.so.6"
        for m in ("Core", "Gui", "Widgets", "Svg", "DBus", "XcbQpa", "PrintSupport")
    }
    bindings = {p.name for p in (INTERNAL / "PySide6").glob("Qt*.so")}
    assert bindings == {
        "QtCore.abi3.so",
        "QtGui.abi3.so",
        "QtWidgets.abi3.so",
        "QtPrintSupport.abi3.so",
    }
    assert (QT / "plugins" / "printsupport" / "libcupsprintersupport.so").exists()


def test_server_and_dev_tools_are_not_shipped():
    need(BUNDLE, "the bundle")
    toc = need(ROOT / "build" / "build" / "PYZ-00.toc", "PyInstaller's work folder").read_text()
    modules = set(re.findall(r"\('([A-Za-z0-9_.]+)',", toc))
    top_level = {name.split(".")[0] for name in modules}
    for absent in ("server", "tests", "flask", "psycopg", "pytest", "hypothesis", "click"):
        assert absent not in top_level, absent
        assert not (INTERNAL / absent).exists(), absent
    assert "desktop.store.schema" in modules


def test_every_linked_library_is_shipped_or_comes_from_an_installed_package():
    """What the bundle does not ship must come from a Debian package (build-deb.sh's
    dpkg-shlibdeps turns those into the .deb's Depends); anything else would fail to
    load on a user's machine."""
    need(BUNDLE, "the bundle")
    elfs = _elf_files(BUNDLE)
    shipped = {p.name for p in elfs} | {p.name for p in BUNDLE.rglob("*") if p.is_symlink()}
    unpackaged = {}
    for path in elfs:
        for lib in sorted(_needed(path) - shipped - set(unpackaged)):
            found = subprocess.run(
                ["dpkg-query", "--search", f"*/{lib}"], capture_output=True, text=True
            )
            if found.returncode != 0:
                unpackaged[lib] = path.relative_to(BUNDLE)
    assert not unpackaged, unpackaged
