"""server/openapi.yaml's record schemas are written from server/schema.py (`make openapi`).

The first check runs the command `make openapi` runs, in a subprocess; the others run its
main() on a copy of the document.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from server import openapi_gen
from server.validation import READ_ONLY_FIELDS

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = REPO_ROOT / "server" / "openapi.yaml"


def run_generator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server.openapi_gen", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def generate(capsys):
    """Runs the generator's command line in this process: (exit status, what it printed)."""

    def run(*args: str) -> tuple[int, str]:
        status = openapi_gen.main(list(args))
        return status, capsys.readouterr().err

    return run


@pytest.fixture
def copy(tmp_path) -> Path:
    path = tmp_path / "openapi.yaml"
    path.write_text(DOCUMENT.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_the_document_is_up_to_date():
    result = run_generator("--check")
    assert result.returncode == 0, result.stderr


def test_an_outdated_document_fails_the_check_and_writing_repairs_it(copy, generate):
    text = copy.read_text(encoding="utf-8")
    # The desktop's old phone bound, edited by hand inside a generated region.
    stale = "        phone: {type: string, maxLength: 50, nullable: true}"
    assert text.count(stale) == 2
    copy.write_text(text.replace(stale, stale.replace("50", "32"), 1), encoding="utf-8")

    status, said = generate("--check", str(copy))
    assert status == 1
    assert "run `make openapi`" in said
    assert "-        phone: {type: string, maxLength: 32, nullable: true}" in said

    assert generate(str(copy))[0] == 0
    assert copy.read_text(encoding="utf-8") == DOCUMENT.read_text(encoding="utf-8")
    assert generate("--check", str(copy))[0] == 0


def test_a_region_left_in_any_state_is_written_again(copy, generate):
    """What a merge leaves between the markers (both sides' lines, conflict marks) does not
    matter: the generator writes the region from the declarations alone."""
    text = copy.read_text(encoding="utf-8")
    begin = "        # >>> generated CaseSessionFields.properties"
    end = "        # <<< generated CaseSessionFields.properties"
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    mangled = f"{head}{begin}\n<<<<<<< HEAD\n  kind: [\n=======\n>>>>>>> theirs\n{end}{tail}"
    copy.write_text(mangled, encoding="utf-8")

    assert generate(str(copy))[0] == 0
    assert copy.read_text(encoding="utf-8") == DOCUMENT.read_text(encoding="utf-8")


def test_hand_written_parts_are_kept_as_written():
    text = DOCUMENT.read_text(encoding="utf-8")
    edited = (
        text.replace("  title: Caseload central server", "  title: Caseload central server (x)")
        .replace("Sorted by last name, first name, id.", "Sorted by last name.")
        .replace("        id: {description: Server-owned; any value is ignored.}", "        id: {}")
    )
    assert edited.count("(x)") == 1 and "Sorted by last name." in edited
    assert openapi_gen.render(edited) == edited


def test_no_record_field_is_written_by_hand():
    """Without the generated regions, the record schemas hold only the server-owned fields."""
    kept: list[str] = []
    inside = False
    for line in DOCUMENT.read_text(encoding="utf-8").splitlines():
        if openapi_gen.BEGIN.match(line):
            inside = True
        elif openapi_gen.END.match(line):
            inside = False
        elif not inside:
            kept.append(line)
    schemas = yaml.safe_load("\n".join(kept))["components"]["schemas"]
    for record in openapi_gen.RECORDS:
        for name in (record.stored, record.writable):
            assert set(schemas[name]["properties"]) <= READ_ONLY_FIELDS, name
            assert "required" not in schemas[name], name


def test_broken_markers_are_named_and_nothing_is_written(copy, generate):
    broken = copy.read_text(encoding="utf-8").replace(
        "          # <<< generated BeneficiaryInput.required\n", ""
    )
    copy.write_text(broken, encoding="utf-8")
    status, said = generate(str(copy))
    assert status == 2
    assert "'BeneficiaryInput.required' is not closed" in said
    assert copy.read_text(encoding="utf-8") == broken
