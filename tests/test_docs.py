"""The README's and docs' links lead to files inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)")
CODE_PATH = re.compile(r"`(\.\./[^`]+)`")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_links_stay_inside_the_repository(document):
    text = document.read_text(encoding="utf-8")
    targets = [t for t in LINK.findall(text) if "://" not in t]
    for target in targets:
        resolved = (document.parent / target).resolve()
        assert resolved.is_relative_to(ROOT), f"{document.name} links outside: {target}"
        assert resolved.exists(), f"{document.name} links to a missing file: {target}"
    assert not CODE_PATH.findall(text), f"{document.name} points outside the repository"
