"""A case to print, for the printing tests and the screenshots: an Arabic-named child in
the child-protection form with sessions, and a Latin-named one (module, not fixture, so
``tools``-style scripts can build the same case)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from desktop.services import Services
from desktop.services.forms import template_text

ARABIC_FIRST = "مريم"
ARABIC_LAST = "الحسيني"
ARABIC_SUMMARY = "زيارة منزلية مع الأم. الطفلة بخير وتذهب إلى المدرسة."


def publish_child_protection(admin: Services) -> None:
    admin.forms.import_text(template_text("child_protection"))
    admin.forms.publish()


def arabic_case(caseworker: Services, sessions: int = 3) -> str:
    """An Arabic-named beneficiary of ``caseworker`` with custom values and sessions."""
    beneficiary = caseworker.beneficiaries.create(
        {
            "first_name": ARABIC_FIRST,
            "last_name": ARABIC_LAST,
            "date_of_birth": "2014-03-14",
            "gender": "female",
            "phone": "+961 70 123 456",
            "address": "شارع الحمرا، بيروت",
            "preferred_language": "ar",
            "consent_given": True,
            "consent_date": "2026-01-10",
            "notes": "تعيش مع والدتها وجدتها.\nSecond line in English.",
            "custom": {
                "guardian_name": "فاطمة الحسيني",
                "guardian_relationship": "mother",
                "risk_level": "medium",
                "assessment_date": "2026-01-12",
                "siblings": 2,
                "in_school": True,
                "services_referred": ["health", "education"],
            },
        }
    )
    start = datetime(2022, 1, 15, 9, 30)
    for number in range(sessions):
        caseworker.case_sessions.create(
            beneficiary.id,
            {
                "starts_at": (start + timedelta(days=7 * number)).isoformat(),
                "duration_minutes": 45,
                "kind": "home_visit",
                "status": "done",
                "location": "بيروت",
                "summary": f"{ARABIC_SUMMARY} ({number + 1})",
                "outcome": "Follow-up agreed with the school.",
                "custom": {"child_seen": True, "wellbeing": 4},
            },
        )
    return beneficiary.id


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler's pdftotext reads it (logical order, reading order)."""
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    }


def pdf_page_png(path: Path, png: Path, dpi: int = 80) -> Path:
    """The PDF's first page rendered to ``png`` by poppler (pdftoppm)."""
    stem = png.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(path),
            str(stem),
        ],
        check=True,
    )
    return png


def have_poppler() -> bool:
    return all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm"))
