"""A schemathesis check loaded by test_openapi_fuzz (SCHEMATHESIS_HOOKS): `state_rules_only`.

positive_data_acceptance is told, per operation, that the statuses listed in the
document's `x-state-rules` may answer a schema-valid request. This check keeps that
narrow: such an answer must be one of those rules exactly (its status, its `error.code`,
and each field it names with the rule's message), so a field rule the document does not
state (a year bound, a pattern) still fails the run.
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis


def state_rules(case: Any) -> list[dict[str, Any]]:
    return case.operation.definition.raw.get("x-state-rules", [])


def _allows(stated: str, messages: Any, name: str, message: str) -> bool:
    """A rule's field: a name, or a template such as `custom.<key>` (the organisation's own
    fields, whatever their key), with its message or a list of them."""
    if message not in (messages if isinstance(messages, list) else [messages]):
        return False
    if "<key>" in stated:
        return name.startswith(stated.split("<key>", 1)[0])
    return name == stated


def explained(rules: list[dict[str, Any]], status: int, error: dict[str, Any]) -> bool:
    matching = [r for r in rules if r["status"] == status and r["code"] == error.get("code")]
    if not matching:
        return False
    allowed = [pair for rule in matching for pair in rule.get("fields", {}).items()]
    named = error.get("fields") or {}
    return all(
        any(_allows(stated, messages, name, message) for stated, messages in allowed)
        for name, message in named.items()
    )


@schemathesis.check
def state_rules_only(ctx: Any, response: Any, case: Any) -> bool | None:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    rules = state_rules(case)
    if response.status_code not in {rule["status"] for rule in rules}:
        return None
    try:
        error = json.loads(response.content)["error"]
    except (ValueError, KeyError, TypeError) as exc:
        raise AssertionError(f"{response.status_code} without the error envelope") from exc
    if not explained(rules, response.status_code, error):
        raise AssertionError(
            f"A schema-valid request got {response.status_code} for a reason the document's "
            f"x-state-rules do not list: {json.dumps(error)[:500]}"
        )
    return None
