"""Writes the record-field parts of server/openapi.yaml from server/schema.py.

`python -m server.openapi_gen` (`make openapi`) rewrites them in place and writes the whole
document as JSON beside it (server/openapi.json, what the server serves: it reads no YAML
at run time); `--check` exits 1 when either file is not what it would write
(tests/server/test_openapi_generated.py runs it).
Only the lines between a pair of marker comments are written:

    # >>> generated Beneficiary.properties (make openapi; edit server/schema.py)
    ...
    # <<< generated Beneficiary.properties

Everything else in the document (paths, the other components, prose, the cross-field
rules) is written by hand. The output depends only on the declarations, so it is the same
on every run.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from server import models, schema
from server.validation import EMAIL_PATTERN, NOT_BLANK_PATTERN, YEAR_PATTERN

DOCUMENT = Path(__file__).with_name("openapi.yaml")
WIDTH = 100
# Prose wraps a little shorter, as the hand-written descriptions do.
PROSE_WIDTH = 92
BEGIN = re.compile(r"^(?P<indent> *)# >>> generated (?P<name>[\w.]+)")
END = re.compile(r"^ *# <<< generated (?P<name>[\w.]+)\s*$")
MARK = "(make openapi; edit server/schema.py)"

TYPES = {
    "text": "string",
    "long_text": "string",
    "date": "string",
    "datetime": "string",
    "choice": "string",
    "uuid": "string",
    "integer": "integer",
    "yes_no": "boolean",
    "custom": "object",
}
FORMATS = {"date": "date", "datetime": "date-time", "uuid": "uuid"}


@dataclass(frozen=True)
class Record:
    """One record kind and the component schemas that describe it."""

    fields: tuple[schema.Field, ...]
    model: type[models.Base]
    stored: str  # a record as the server returns it
    writable: str  # the fields a body may send
    create: str  # what a create must send


RECORDS = (
    Record(
        schema.BENEFICIARY,
        models.Beneficiary,
        "Beneficiary",
        "BeneficiaryFields",
        "BeneficiaryInput",
    ),
    Record(
        schema.CASE_SESSION,
        models.CaseSession,
        "CaseSession",
        "CaseSessionFields",
        "CaseSessionCreate",
    ),
    Record(schema.TASK, models.Task, "Task", "TaskFields", "TaskCreate"),
    Record(
        schema.HOUSEHOLD_LINK,
        models.HouseholdLink,
        "HouseholdLink",
        "HouseholdLinkFields",
        "HouseholdLinkCreate",
    ),
    Record(schema.REFERRAL, models.Referral, "Referral", "ReferralFields", "ReferralCreate"),
    Record(schema.TRANSFER, models.Transfer, "Transfer", "TransferFields", "TransferCreate"),
)


class GenerateError(Exception):
    """The document's markers or the declarations do not allow writing the document."""


# --- what each field says ------------------------------------------------------------


# A custom value as server/forms.py takes it (text, a number, yes/no, choice values).
CUSTOM_VALUE = [
    {"type": "string"},
    {"type": "number"},
    {"type": "boolean"},
    {"type": "array", "items": {"type": "string"}},
]


def _common(f: schema.Field, *, sent: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"type": TYPES[f.kind]}
    if f.kind in FORMATS:
        out["format"] = FORMATS[f.kind]
    if f.kind == "custom":
        # Sent, a null (or empty) value clears the field; stored ones are never null.
        out["additionalProperties"] = {
            "anyOf": CUSTOM_VALUE,
            **({"nullable": True} if sent else {}),
        }
    return out


def _bounds(f: schema.Field) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if f.max_length is not None:
        out["maxLength"] = f.max_length
    if f.minimum is not None:
        out["minimum"] = f.minimum
    if f.maximum is not None:
        out["maximum"] = f.maximum
    if f.choices:
        out["enum"] = list(f.choices)
    return out


def _pattern(f: schema.Field) -> str | None:
    if f.not_blank:
        return NOT_BLANK_PATTERN
    if f.email:
        return EMAIL_PATTERN
    if f.kind in ("date", "datetime"):
        return YEAR_PATTERN
    return None


def writable_schema(f: schema.Field) -> dict[str, Any]:
    """The field as a body may send it (the rules of server/validation.py)."""
    out = _common(f, sent=True)
    if f.not_blank:
        out["minLength"] = 1
    out.update(_bounds(f))
    pattern = _pattern(f)
    if pattern is not None:
        out["pattern"] = pattern
    if f.nullable:
        out["nullable"] = True
    if f.default is not None:
        out["default"] = f.default
    if f.doc:
        out["description"] = f.doc
    return out


def stored_schema(f: schema.Field, model: type[models.Base]) -> dict[str, Any]:
    """The field in a returned record: null where the stored column may be null."""
    columns = model.__table__.columns
    if f.name not in columns:
        raise GenerateError(
            f"server/models.py: {model.__name__} has no column {f.name!r} "
            "(declared in server/schema.py)"
        )
    out = _common(f)
    out.update(_bounds(f))
    if columns[f.name].nullable:
        out["nullable"] = True
    notes = [f.doc_stored] if f.doc_stored else []
    if f.personal and f.cleared is not None:
        cleared = "Empty" if f.cleared == "" else f"`{json.dumps(f.cleared)}`"
        notes.append(f"{cleared} on a tombstone.")
    if notes:
        out["description"] = " ".join(notes)
    return out


# --- YAML text -------------------------------------------------------------------------


def _loads_as(text: str, expected: Any) -> bool:
    try:
        return yaml.safe_load(text) == expected
    except yaml.YAMLError:
        return False


def _scalar(value: Any, flow: bool, quote: bool = False) -> str:
    """`value` as YAML: plain where that reads back the same, else quoted (always when
    `quote`: a pattern reads as one, whatever its first character)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item, True) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v, True)}" for k, v in value.items()) + "}"
    text = str(value)
    probe = f"{{k: {text}}}" if flow else f"k: {text}"
    plain = text == text.strip() and "\\" not in text and not quote
    if plain and _loads_as(probe, {"k": text}):
        return text
    return "'" + text.replace("'", "''") + "'"


def _flow_list(key: str, items: list[str], indent: int) -> list[str]:
    """`key: [a, b, ...]`, wrapped under the key as the hand-written parts are."""
    words = [_scalar(item, True) for item in items]
    wrapped = textwrap.wrap(
        f"{key}: [" + ", ".join(words) + "]",
        width=WIDTH - indent,
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped


def _property(name: str, spec: dict[str, Any], indent: int) -> list[str]:
    """One property: on one line when it fits, else one keyword a line."""
    flow = (
        f"{name}: {{"
        + ", ".join(f"{k}: {_scalar(v, True, k == 'pattern')}" for k, v in spec.items())
        + "}"
    )
    if indent + len(flow) <= WIDTH and _loads_as(flow, {name: spec}):
        return [flow]
    lines = [f"{name}:"]
    for key, value in spec.items():
        if key == "description" and isinstance(value, str):
            text = _scalar(value, False)
            lines.extend(
                textwrap.wrap(
                    f"  {key}: {text}",
                    width=PROSE_WIDTH - indent,
                    subsequent_indent="    ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        elif isinstance(value, list):
            lines.extend("  " + line for line in _flow_list(key, value, indent + 2))
        else:
            lines.append(f"  {key}: {_scalar(value, False, key == 'pattern')}")
    if not _loads_as("\n".join(lines), {name: spec}):
        # Text the plain style cannot carry: one JSON string (valid YAML) per keyword.
        lines = [
            f"{name}:",
            *(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in spec.items()),
        ]
    return lines


# --- the regions -------------------------------------------------------------------------

Content = Callable[[dict[str, Any], int], list[str]]


def _properties(specs: dict[str, dict[str, Any]]) -> Content:
    def lines(_doc: dict[str, Any], indent: int) -> list[str]:
        return [line for name, spec in specs.items() for line in _property(name, spec, indent)]

    return lines


def _required(names: Callable[[dict[str, Any]], list[str]]) -> Content:
    return lambda doc, indent: _flow_list("required", names(doc), indent)


def _all_properties(component: str) -> Callable[[dict[str, Any]], list[str]]:
    # A returned record always has every key, null or not (server/records.py writes them all).
    return lambda doc: list(doc["components"]["schemas"][component]["properties"]) if doc else []


def _list_search(_doc: dict[str, Any], indent: int) -> list[str]:
    fields = ", ".join(f"`{name}`" for name in schema.searchable(schema.BENEFICIARY))
    text = f"Case-insensitive substring of {fields} or the full name (first and last name)."
    return textwrap.wrap(f"description: {text}", width=PROSE_WIDTH - indent, subsequent_indent="  ")


def _list_status(_doc: dict[str, Any], indent: int) -> list[str]:
    return _flow_list("enum", list(schema.BENEFICIARY_STATUSES), indent)


def regions() -> dict[str, Content]:
    """Each generated region of the document, by the name its markers give."""
    out: dict[str, Content] = {
        "listBeneficiaries.search": _list_search,
        "listBeneficiaries.status": _list_status,
    }
    for record in RECORDS:
        stored = {f.name: stored_schema(f, record.model) for f in record.fields}
        writable = {f.name: writable_schema(f) for f in record.fields}
        on_create = [n for n in schema.required(record.fields) if n != schema.SESSION_PARENT]
        out[f"{record.stored}.required"] = _required(_all_properties(record.stored))
        out[f"{record.stored}.properties"] = _properties(stored)
        out[f"{record.writable}.properties"] = _properties(writable)
        out[f"{record.create}.required"] = _required(lambda _doc, names=on_create: names)
    return out


def _splice(text: str, contents: dict[str, Content], doc: dict[str, Any]) -> str:
    lines = text.split("\n")
    out: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        begin = BEGIN.match(lines[i])
        if begin is None:
            if END.match(lines[i]):
                raise GenerateError(f"line {i + 1}: an end marker without its begin marker")
            out.append(lines[i])
            i += 1
            continue
        name, indent = begin["name"], len(begin["indent"])
        if name not in contents:
            raise GenerateError(f"line {i + 1}: no generated region is called {name!r}")
        if name in seen:
            raise GenerateError(f"line {i + 1}: region {name!r} appears twice")
        seen.add(name)
        end = i + 1
        while end < len(lines) and not END.match(lines[end]):
            if BEGIN.match(lines[end]):
                raise GenerateError(f"line {end + 1}: region {name!r} is not closed")
            end += 1
        if end == len(lines) or END.match(lines[end])["name"] != name:  # type: ignore[index]
            raise GenerateError(f"line {i + 1}: region {name!r} has no end marker")
        pad = " " * indent
        out.append(f"{pad}# >>> generated {name} {MARK}")
        out.extend(pad + line for line in contents[name](doc, indent))
        out.append(f"{pad}# <<< generated {name}")
        i = end + 1
    missing = set(contents) - seen
    if missing:
        raise GenerateError("the document has no markers for: " + ", ".join(sorted(missing)))
    return "\n".join(out)


def render(text: str) -> str:
    """The document with every generated region written from the declarations."""
    contents = regions()
    # The regions' old content is never read: first write them all (the lists of keys
    # empty), then the lists of keys from the document that results.
    first = _splice(text, contents, {})
    doc = yaml.safe_load(first)
    result = _splice(first, contents, doc)
    _verify(yaml.safe_load(result))
    return result


def _verify(doc: dict[str, Any]) -> None:
    """The written text reads back as the declarations say (the YAML quoting held)."""
    schemas = doc["components"]["schemas"]
    for record in RECORDS:
        for f in record.fields:
            if schemas[record.writable]["properties"][f.name] != writable_schema(f):
                raise GenerateError(f"{record.writable}.{f.name} does not read back as written")
            if schemas[record.stored]["properties"][f.name] != stored_schema(f, record.model):
                raise GenerateError(f"{record.stored}.{f.name} does not read back as written")


def json_path(document: Path) -> Path:
    """Where the JSON rendering of `document` goes: beside it, named alike."""
    return document.with_suffix(".json")


def as_json(text: str) -> str:
    """The document as the server serves it: JSON, keys in the YAML's order."""
    return json.dumps(yaml.safe_load(text), indent=2, ensure_ascii=False) + "\n"


def _stale(path: Path, current: str, wanted: str) -> bool:
    """Says (on stderr) how `path` differs from what would be written; True if it does."""
    if wanted == current:
        return False
    if not current:
        print(f"{path} is missing: run `make openapi`.", file=sys.stderr)
        return True
    diff = difflib.unified_diff(
        current.splitlines(), wanted.splitlines(), str(path), "generated", lineterm=""
    )
    print("\n".join(diff), file=sys.stderr)
    print(f"{path} is out of date with server/schema.py: run `make openapi`.", file=sys.stderr)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.openapi_gen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    parser.add_argument("path", nargs="?", type=Path, default=DOCUMENT, help="the document")
    args = parser.parse_args(argv)
    current = args.path.read_text(encoding="utf-8")
    try:
        wanted = render(current)
    except GenerateError as exc:
        print(f"{args.path}: {exc}", file=sys.stderr)
        return 2
    rendered = json_path(args.path)
    wanted_json = as_json(wanted)
    current_json = rendered.read_text(encoding="utf-8") if rendered.exists() else ""
    if args.check:
        stale = _stale(args.path, current, wanted)
        stale_json = _stale(rendered, current_json, wanted_json)
        return 1 if stale or stale_json else 0
    for path, old, new in ((args.path, current, wanted), (rendered, current_json, wanted_json)):
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
