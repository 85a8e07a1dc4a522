"""A form definition with every kind of custom field, for the UI tests (a FormSet, as
``services.forms.current()`` returns one)."""

from __future__ import annotations

import json

from desktop.domain import forms

EVERY_KIND = {
    "format": forms.FORMAT,
    "title": "Every kind",
    "version": 3,
    "languages": ["en", "fr"],
    "beneficiary": {
        "sections": [
            {"key": "household", "label": {"en": "Household", "fr": "Ménage"}},
            {"key": "needs", "label": {"en": "Needs", "fr": "Besoins"}},
        ],
        "fields": [
            {
                "key": "guardian",
                "kind": "text",
                "label": {"en": "Guardian", "fr": "Tuteur"},
                "help": {"en": "Who looks after the child", "fr": "Qui s'occupe de l'enfant"},
                "section": "household",
                "max_length": 30,
                "required": True,
            },
            {
                "key": "household_size",
                "kind": "integer",
                "label": {"en": "Household size", "fr": "Taille du ménage"},
                "section": "household",
                "minimum": 1,
                "maximum": 20,
            },
            {
                "key": "monthly_income",
                "kind": "decimal",
                "label": {"en": "Monthly income", "fr": "Revenu mensuel"},
                "section": "household",
                "minimum": "0",
            },
            {
                "key": "registered_on",
                "kind": "date",
                "label": {"en": "Registered on", "fr": "Inscrit le"},
                "section": "household",
            },
            {
                "key": "has_disability",
                "kind": "yes_no",
                "label": {"en": "Has a disability", "fr": "A un handicap"},
                "section": "needs",
            },
            {
                "key": "risk_level",
                "kind": "choice",
                "label": {"en": "Risk level", "fr": "Niveau de risque"},
                "section": "needs",
                "required": True,
                "choices": [
                    {"value": "low", "label": {"en": "Low", "fr": "Faible"}},
                    {"value": "high", "label": {"en": "High", "fr": "Élevé"}},
                ],
            },
            {
                "key": "services",
                "kind": "choices",
                "label": {"en": "Services referred to", "fr": "Services orientés"},
                "section": "needs",
                "choices": [
                    {"value": "health", "label": {"en": "Health", "fr": "Santé"}},
                    {"value": "school", "label": {"en": "School", "fr": "École"}},
                    {"value": "legal", "label": {"en": "Legal aid", "fr": "Aide juridique"}},
                ],
            },
            {
                "key": "situation",
                "kind": "long_text",
                "label": {"en": "Situation", "fr": "Situation"},
                "section": "needs",
            },
            {
                "key": "old_code",
                "kind": "text",
                "label": {"en": "Old code", "fr": "Ancien code"},
                "retired": True,
            },
        ],
    },
    "session": {
        "sections": [],
        "fields": [
            {
                "key": "visit_outcome",
                "kind": "choice",
                "label": {"en": "Visit outcome", "fr": "Résultat"},
                "choices": [
                    {"value": "met", "label": {"en": "Met", "fr": "Rencontré"}},
                    {"value": "absent", "label": {"en": "Absent", "fr": "Absent"}},
                ],
            }
        ],
    },
}


def every_kind() -> forms.FormSet:
    return forms.parse(json.dumps(EVERY_KIND))
