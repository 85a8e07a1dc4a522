"""Local accounts: key slots, login errors, throttling, password rules, slot lifecycle."""

from __future__ import annotations

import json
import statistics
import time

import pytest

from desktop.auth import keyslots
from desktop.auth.passwords import check_password, common_passwords
from desktop.auth.throttle import MAX_FAILURES_PER_WINDOW, LoginThrottle, delay_after
from desktop.errors import (
    AuthenticationFailed,
    DatabaseExists,
    LoginThrottled,
    UserError,
    ValidationError,
)
from tests.conftest import ADMIN_PASSWORD, PASSWORDS


def test_slot_uses_at_least_the_argon2_default_profile(office):
    raw = json.loads(office.paths.keyslots.read_text())
    for slot in raw["slots"].values():
        assert slot["kdf"]["memory_kib"] >= 64 * 1024
        assert slot["kdf"]["time_cost"] >= 3
        assert slot["kdf"]["parallelism"] >= 4
        assert "password" not in json.dumps(slot)


def test_slot_unwraps_only_with_the_password_and_its_user():
    data_key = bytes(range(32))
    slot = keyslots.wrap("user-1", "right password", data_key)
    assert keyslots.unwrap(slot, "right password") == data_key
    assert keyslots.unwrap(slot, "wrong password") is None
    moved = keyslots.KeySlot("user-2", slot.salt, slot.nonce, slot.wrapped_key, slot.kdf)
    assert keyslots.unwrap(moved, "right password") is None


def test_wrong_password_and_unknown_user_give_the_same_error(office):
    with pytest.raises(AuthenticationFailed) as wrong:
        office.accounts.login("admin", "not the password")
    with pytest.raises(AuthenticationFailed) as unknown:
        office.accounts.login("nobody-here", "not the password")
    assert str(wrong.value) == str(unknown.value) == "Wrong username or password."


def test_unknown_user_costs_a_full_key_derivation(office):
    """Same timing class: both paths run one Argon2id derivation."""

    def timed(username: str) -> float:
        started = time.perf_counter()
        with pytest.raises(AuthenticationFailed):
            office.accounts.unwrap_data_key(username, "not the password")
        office.accounts.throttle.succeeded(username)  # keep the throttle out of the timing
        return time.perf_counter() - started

    known = statistics.median(timed("admin") for _ in range(3))
    unknown = statistics.median(timed("ghost") for _ in range(3))
    # Not a benchmark: only that neither path skips the derivation (tens of ms).
    assert unknown > known / 3
    assert known > unknown / 3


def test_username_is_case_insensitive(office):
    assert office.accounts.login("ADMIN", ADMIN_PASSWORD).actor.username == "admin"


def test_growing_delays_after_failures(tmp_path):
    now = [1000.0]
    throttle = LoginThrottle(tmp_path / "attempts.json", clock=lambda: now[0])
    for _ in range(3):
        throttle.check("amina")
        throttle.failed("amina")
    with pytest.raises(LoginThrottled) as waited:
        throttle.check("amina")
    assert waited.value.retry_after == pytest.approx(1.0)
    now[0] += 1.0
    throttle.check("amina")
    throttle.failed("amina")
    with pytest.raises(LoginThrottled) as waited:
        throttle.check("amina")
    assert waited.value.retry_after == pytest.approx(2.0)
    assert [delay_after(n) for n in range(3, 8)] == [1, 2, 4, 8, 16]
    assert delay_after(50) == 300
    throttle.check("someone-else")  # per account
    throttle.succeeded("amina")
    throttle.check("amina")


def test_at_most_100_failures_per_hour(tmp_path):
    now = [0.0]
    throttle = LoginThrottle(tmp_path / "attempts.json", clock=lambda: now[0])
    allowed = 0
    while now[0] < 3600:
        try:
            throttle.check("amina")
        except LoginThrottled as exc:
            now[0] += exc.retry_after
            continue
        throttle.failed("amina")
        allowed += 1
    assert allowed <= MAX_FAILURES_PER_WINDOW


def test_login_is_refused_while_throttled_and_unknown_users_too(office):
    for username in ("admin", "ghost"):
        for _ in range(3):
            with pytest.raises(AuthenticationFailed):
                office.accounts.login(username, "bad password")
        with pytest.raises(LoginThrottled):
            office.accounts.login(username, PASSWORDS.get(username, "x"))


def test_password_rules():
    check_password("a long enough passphrase")
    check_password("x" * 64)
    check_password("💡" * 10)
    with pytest.raises(ValidationError, match="at least 8"):
        check_password("short")
    with pytest.raises(ValidationError, match="too common"):
        check_password("password1")
    with pytest.raises(ValidationError, match="username"):
        check_password("amina.haddad", username="Amina.Haddad")
    assert len(common_passwords()) >= 1000


def test_password_change_rewraps_without_reencrypting(office):
    before = office.paths.database.read_bytes()[:4096]
    services = office.services("cara")
    services.users.change_password(PASSWORDS["cara"], "a brand new passphrase")
    with pytest.raises(AuthenticationFailed):
        office.accounts.unwrap_data_key("cara", PASSWORDS["cara"])
    office.accounts.login("cara", "a brand new passphrase").close()
    with pytest.raises(ValidationError) as error:
        services.users.change_password("wrong old one", "another new passphrase")
    assert "old_password" in error.value.errors
    assert office.paths.database.read_bytes()[:4096] == before


def test_admin_reset_and_deactivation(office):
    admin = office.services("admin")
    admin.users.reset_password("colin", "reset by the admin 1")
    office.accounts.login("colin", "reset by the admin 1").close()
    admin.users.deactivate("colin")
    assert office.accounts.slots.get("colin") is None
    with pytest.raises(AuthenticationFailed):
        office.accounts.login("colin", "reset by the admin 1")
    with pytest.raises(UserError, match="own account"):
        admin.users.deactivate("admin")


def test_init_refuses_when_a_database_exists(office):
    with pytest.raises(DatabaseExists):
        office.accounts.initialize("other", "another admin passphrase")


def test_duplicate_username_is_a_field_error(office):
    with pytest.raises(ValidationError) as error:
        office.services("admin").users.add("CARA", "caseworker", "some passphrase 9")
    assert "username" in error.value.errors


def test_unlock_reopens_for_the_same_user_only(office):
    login = office.login("cara")
    actor = login.actor
    login.close()
    again = office.accounts.unlock(actor, PASSWORDS["cara"])
    assert again.actor == actor
    again.close()
    with pytest.raises(AuthenticationFailed):
        office.accounts.unlock(actor, PASSWORDS["colin"])
    office.services("admin").users.deactivate("cara")
    with pytest.raises(AuthenticationFailed):
        office.accounts.unlock(actor, PASSWORDS["cara"])


@pytest.mark.parametrize(
    "content",
    ["[]", '"text"', '{"k": []}', '{"k": {"failures": "x"}}', '{"k": {"consecutive": "9"}}'],
)
def test_login_attempts_file_of_the_wrong_shape_starts_afresh(tmp_path, content):
    path = tmp_path / "attempts.json"
    path.write_text(content, encoding="utf-8")
    throttle = LoginThrottle(path, clock=lambda: 1000.0)
    throttle.check("amina")  # no exception: nobody is locked out by a damaged file
    assert throttle.failed("amina") == delay_after(1)
    throttle.succeeded("amina")
