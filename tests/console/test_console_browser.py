"""The web console in a real browser: Debian's chromium, headless, driven by chromedriver
(selenium), against a real `caseload-server` process on loopback that a real laptop synced
with. Screenshots of each page go to CASELOAD_CONSOLE_SCREENSHOTS (default /tmp)."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Laptop
from tests.server.conftest import PASSWORD, REPO_ROOT

REQUIRE_ENV = "CASELOAD_REQUIRE_CHROMIUM"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
)
SHOTS = Path(os.environ.get("CASELOAD_CONSOLE_SCREENSHOTS", "/tmp"))


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if CHROMIUM is None or CHROMEDRIVER is None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but chromium or chromium-driver is not installed")
        pytest.skip("chromium and chromium-driver are not installed (apt install chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.add_argument("--disable-dev-shm-usage")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _click(driver, element) -> None:
    """Clicks a link or a form's button and waits until the next page has replaced this one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")

    def replaced(_driver) -> bool:
        try:
            page.is_enabled()
        except WebDriverException:  # stale, or no longer in the document
            return True
        return False

    element.click()
    WebDriverWait(driver, 20).until(replaced)
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(SHOTS / f"console-{name}.png"))


def test_an_admin_manages_users_and_sees_a_laptop_that_synced(browser, console_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    organisation = f"org-{uuid.uuid4().hex[:6]}"
    admin = console_server.new_user("admin", organisation=organisation)
    worker = console_server.new_user("caseworker", organisation=organisation)
    definition = json.loads((REPO_ROOT / "resources/forms/cash_assistance.json").read_text())
    with console_server.client() as http:
        published = http.post(
            "/api/forms",
            json={"base_version": 0, "definition": definition},
            headers=admin.headers,
        )
        assert published.status_code == 201, published.text
    # A real laptop syncs first: its report is what the laptops page shows.
    laptop = Laptop(tmp_path / "laptop", console_server, worker)
    try:
        laptop.services.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
        report = laptop.sync()
        assert report.sent == 1 and not report.failed
    finally:
        laptop.close()

    base = console_server.base_url
    browser.get(base + "/")
    assert browser.current_url == base + "/sign-in"
    _shot(browser, "sign-in")
    browser.find_element(By.ID, "username").send_keys(admin.username)
    browser.find_element(By.ID, "password").send_keys("not the password")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button"))
    assert "Wrong username or password" in browser.page_source
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form.stack button"))
    assert browser.current_url == base + "/laptops"

    # The laptop that synced: its user, the app's version, nothing waiting.
    row = browser.find_element(By.CSS_SELECTOR, "table tbody tr")
    cells = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
    assert cells[1] == worker.username and cells[2] == "0.1.0" and cells[4] == "ok"
    assert cells[5:] == ["0", "0"]
    _shot(browser, "laptops")
    _click(browser, browser.find_element(By.LINK_TEXT, "Sync activity"))
    activity = browser.find_element(By.CSS_SELECTOR, "table tbody tr")
    assert worker.username in activity.text
    _shot(browser, "activity")

    # Add a user, then disable them.
    _click(browser, browser.find_element(By.LINK_TEXT, "Users"))
    new_name = f"field.{uuid.uuid4().hex[:6]}"
    browser.find_element(By.ID, "new-username").send_keys(new_name)
    browser.find_element(By.ID, "new-display-name").send_keys("Field Worker")
    Select(browser.find_element(By.ID, "new-role")).select_by_value("caseworker")
    browser.find_element(By.ID, "new-password").send_keys("a long enough password")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "#add-user button"))
    assert f"Added {new_name} (caseworker)." in browser.page_source
    _shot(browser, "users-added")
    row = browser.find_element(By.ID, f"user-{new_name}")
    _click(browser, row.find_element(By.XPATH, ".//button[text()='Disable']"))
    assert f"Disabled {new_name}" in browser.page_source
    row = browser.find_element(By.ID, f"user-{new_name}")
    assert "disabled" in row.text and row.find_element(By.XPATH, ".//button[text()='Enable']")
    _shot(browser, "users-disabled")

    # The action log has both, by this admin.
    _click(browser, browser.find_element(By.LINK_TEXT, "Admin log"))
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#actions tbody tr")]
    assert any("disabled user" in r and new_name in r and admin.username in r for r in rows)
    assert any("added user" in r and new_name in r for r in rows)
    _shot(browser, "actions")

    _click(browser, browser.find_element(By.LINK_TEXT, "Forms"))
    assert "version 1" in browser.page_source
    first_label = definition["beneficiary"]["fields"][0]["label"]["en"]
    assert first_label in browser.find_element(By.TAG_NAME, "table").text
    _shot(browser, "forms")
    # The CSP refused nothing and nothing failed to load (but the wrong password's 401).
    problems = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry.get("level") == "SEVERE" and "/sign-in - " not in entry["message"]
    ]
    assert problems == []
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form.who button"))
    assert browser.current_url == base + "/sign-in"
    browser.get(base + "/users")
    assert browser.current_url == base + "/sign-in"
