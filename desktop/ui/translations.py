"""The app's translations as plain ``translate(context, text)`` functions, for the layers
that take one passed in (imports read headers and choices in French whatever the
interface language). QtCore only: the CLI uses it without a QApplication."""

from __future__ import annotations

from collections.abc import Callable

from desktop.resources import resource_path

Translate = Callable[[str, str], str]
# The languages an import recognises headers and choice words in, besides English and
# the organisation's own labels (issue 13: French-speaking offices).
IMPORT_LANGUAGES = ("fr",)

_loaded: dict[str, object] = {}  # QTranslators kept alive, one per language


def translator(language: str) -> Translate | None:
    """``language``'s translation from resources/translations (None: there is none)."""
    from PySide6.QtCore import QTranslator

    found = _loaded.get(language)
    if found is None:
        candidate = QTranslator()
        if not candidate.load(f"caseload_{language}", str(resource_path("translations"))):
            return None
        _loaded[language] = found = candidate

    def translate(context: str, text: str) -> str:
        return found.translate(context, text) or text

    return translate


def import_translations() -> tuple[Translate, ...]:
    """The translations an import matches headers and choice words with."""
    return tuple(t for language in IMPORT_LANGUAGES if (t := translator(language)) is not None)
