"""The ID document number, added as one field on each side (issue 11's proof), works end
to end: checked the same way by the laptop and the server, synced, searched and used by the
duplicate check. Two real encrypted laptops and a real server process on loopback."""

from __future__ import annotations

import httpx
import pytest

from desktop.domain.records import BeneficiaryQuery
from desktop.errors import ValidationError
from desktop.services.conflicts import ConflictService
from desktop.services.duplicates import SAME_VALUE
from tests.e2e.conftest import server_records


def test_the_id_number_travels_is_searched_and_finds_the_duplicate(laptops, sync_server):
    a, b = laptops(), laptops()
    amina = a.services.beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad", "id_number": " UG-CM 8821 0045 "}
    )
    assert amina.id_number == "UG-CM 8821 0045"  # trimmed, as every text field
    assert a.sync().errors == 0
    on_server = server_records(sync_server, a.server_user, "beneficiary")[amina.id]["data"]
    assert on_server["id_number"] == "UG-CM 8821 0045"

    b.sync()
    assert b.services.beneficiaries.get(amina.id).id_number == "UG-CM 8821 0045"
    # Search as you type finds the record by a part of its number.
    found = b.services.beneficiaries.list_page(BeneficiaryQuery(search="8821"), 0, 20)
    assert [r.id for r in found.rows] == [amina.id]
    # Someone registering the same document under another spelling of the name is told.
    matches = b.services.beneficiaries.possible_duplicates(
        {"first_name": "Aminah", "last_name": "Hadad-Said", "id_number": "ug-cm 8821 0045"}
    )
    assert [m.id for m in matches] == [amina.id]
    assert SAME_VALUE + "id_number" in matches[0].reasons

    # An edit of the number on one laptop reaches the other one.
    b.services.beneficiaries.update(amina.id, {"id_number": "UG-CM 8821 0046"})
    assert b.sync().errors == 0
    a.sync()
    assert a.services.beneficiaries.get(amina.id).id_number == "UG-CM 8821 0046"

    # Two different corrections of the number, one on each laptop: a conflict holding both.
    a.services.beneficiaries.update(amina.id, {"id_number": "UG-CM 8821 0047"})
    b.services.beneficiaries.update(amina.id, {"id_number": "UG-CM 8821 0048"})
    b.sync()
    assert a.sync().conflicts == 1
    (conflict,) = ConflictService(a.login.db, a.login.actor).open_conflicts()
    assert (conflict.field, conflict.local_value, conflict.server_value) == (
        "id_number",
        "UG-CM 8821 0047",
        "UG-CM 8821 0048",
    )


def test_the_laptop_and_the_server_refuse_the_same_too_long_number(laptops, sync_server):
    a = laptops()
    too_long = "X" * 51
    with pytest.raises(ValidationError) as refused:
        a.services.beneficiaries.create(
            {"first_name": "Omar", "last_name": "Said", "id_number": too_long}
        )
    assert set(refused.value.errors) == {"id_number"}
    assert a.services.beneficiaries.list_page(BeneficiaryQuery(), 0, 5).total == 0

    user = a.server_user
    sync_server.login(user)
    with httpx.Client(base_url=sync_server.base_url, timeout=30) as http:
        answer = http.post(
            "/api/beneficiaries",
            json={"first_name": "Omar", "last_name": "Said", "id_number": too_long},
            headers=user.headers,
        )
        assert answer.status_code == 422, answer.text
        assert "id_number" in answer.text
        fits = http.post(
            "/api/beneficiaries",
            json={"first_name": "Omar", "last_name": "Said", "id_number": "X" * 50},
            headers=user.headers,
        )
        assert fits.status_code == 201, fits.text
        assert fits.json()["data"]["id_number"] == "X" * 50
