"""The drill-down in a real headless Chromium: a click on a count shows its incidents, reports and evidence.

The screenshot it takes (drill-down open) goes to the test's temporary folder; with
``NEWSROOM_SCREENSHOT=1`` it replaces the one the README shows, ``docs/dashboard-drilldown.png``
(only then: a test run must leave the checkout as it was).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, publish
from streams.kafka.monitor import get_json, wait_until_idle

from conftest import DEV_CORPUS, ROOT, on_one_broker
from test_dashboard_browser import WAIT_SECONDS, _wait, browser  # noqa: F401 - the browser fixture

pytestmark = [pytest.mark.integration, pytest.mark.shared]

SCREENSHOT = ROOT / "docs" / "dashboard-drilldown.png"
ENV_SCREENSHOT = "NEWSROOM_SCREENSHOT"
CELL = ("airspace_violation", "EE", "2025")


def screenshot_path(tmp_path: Path) -> Path:
    """The README's screenshot when asked for (``NEWSROOM_SCREENSHOT=1``), else a file that goes with the test."""
    return SCREENSHOT if os.environ.get(ENV_SCREENSHOT) == "1" else tmp_path / SCREENSHOT.name


@on_one_broker()
def test_a_click_on_a_count_shows_its_incidents_with_evidence_highlighted(settings: Settings, workers, tmp_path: Path,
                                                                         browser: WebDriver) -> None:  # noqa: F811
    asyncio.run(ensure_topics(settings))
    worker = workers.start(settings)
    asyncio.run(publish(settings, read_documents([DEV_CORPUS])))
    asyncio.run(wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None))
    kind, country, year = CELL
    expected = asyncio.run(get_json(settings, f"/api/counts/{kind}/{country}/{year}"))
    assert expected["count"] == 1 and len(expected["incidents"][0]["reports"]) >= 2, "two articles report one incident"

    browser.set_window_size(1280, 1500)
    browser.get(f"http://{settings.web_host}:{settings.web_port}/")
    count = f'tr[data-cell="{kind}:{country}/{year}"] td.count'
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, count), "the count cell")
    assert not browser.find_element(By.ID, "drilldown-section").is_displayed()
    browser.find_element(By.CSS_SELECTOR, count).click()

    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#drilldown li.incident"), "the cell's incidents")
    incidents = browser.find_elements(By.CSS_SELECTOR, "#drilldown li.incident")
    assert [i.get_attribute("data-key") for i in incidents] == [i["incident_key"] for i in expected["incidents"]]
    shown = {r.get_attribute("data-article") for r in browser.find_elements(By.CSS_SELECTOR, "#drilldown li.report")}
    assert shown == {r["article_id"] for r in expected["incidents"][0]["reports"]}
    marks = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#drilldown blockquote.evidence mark")}
    evidence = {e["text"] for r in expected["incidents"][0]["reports"] for e in r["evidence"]}
    assert marks and marks <= evidence
    assert "1 incident(s)" in browser.find_element(By.ID, "drilldown-title").text
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#series rect.bar"), "the incidents-per-month chart")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#alerts li.alert"), "the latest count changes")

    screenshot = screenshot_path(tmp_path)
    screenshot.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(screenshot)) and screenshot.stat().st_size > 0
    severe = [entry for entry in browser.get_log("browser") if entry.get("level") == "SEVERE"]
    assert severe == []
