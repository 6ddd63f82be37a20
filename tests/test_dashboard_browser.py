"""The dashboard in a real headless Chromium: a published article shows up without a reload.

Chromium and chromedriver come from Debian's packages (``scripts/install-browser.sh``);
nothing is downloaded at run time. Without them the test is skipped on a developer's
machine and fails under CI, where the install script has run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from streams.config import Settings
from streams.kafka.client import ensure_topics, publish
from streams.kafka.monitor import get_json, wait_until_idle

from conftest import DEV_CORPUS, on_one_broker

pytestmark = [pytest.mark.integration, pytest.mark.shared]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000")
ESTONIA = DEV_CORPUS / "dev-estonia-migs-2025-09-19.json"
WAIT_SECONDS = 120  # an upper bound for the pipeline, not a latency assertion


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "chromium and chromium-driver are not installed (scripts/install-browser.sh)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _cell_count(driver: WebDriver, cell: str) -> str | None:
    found = driver.find_elements(By.CSS_SELECTOR, f'tr[data-cell="{cell}"] td.count')
    return found[0].text if found else None


def _wait(driver: WebDriver, condition: object, what: str) -> None:
    try:
        WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2).until(condition)
    except TimeoutException:
        state = driver.find_element(By.ID, "connection").text
        shown = driver.find_element(By.TAG_NAME, "main").text
        raise AssertionError(f"dashboard never showed {what}; connection: {state!r}; page:\n{shown}") from None


@on_one_broker()
def test_a_published_article_appears_on_the_open_dashboard_without_reload(settings: Settings, workers, browser: WebDriver) -> None:
    asyncio.run(ensure_topics(settings))
    worker = workers.start(settings)
    asyncio.run(wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None))

    browser.get(f"http://{settings.web_host}:{settings.web_port}/")
    _wait(browser, lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "live",
          "a live event stream")
    assert _cell_count(browser, "airspace_violation:EE/2025") is None
    browser.execute_script("window.__sameDocument = true;")  # gone if the page reloads

    article = json.loads(ESTONIA.read_text())["article"]
    asyncio.run(publish(settings, [article]))

    _wait(browser, lambda d: _cell_count(d, "airspace_violation:EE/2025") == "1", "airspace_violation EE/2025 = 1")
    assert browser.execute_script("return window.__sameDocument === true;")
    bar = browser.find_element(By.CSS_SELECTOR, '#chart rect.bar[data-country="EE"][data-year="2025"]')
    assert bar.get_attribute("data-count") == "1"
    incident = next(i for i in asyncio.run(get_json(settings, "/api/incidents?kind=airspace_violation&country=EE"))["items"])
    quoted = f'#incidents li[data-id="{incident["incident_id"]}"] blockquote.evidence'
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, quoted), "the incident's evidence sentence")
    assert browser.find_element(By.CSS_SELECTOR, quoted).text in {e["text"].strip() for e in incident["evidence"]}
    _wait(browser, lambda d: "Tsahkna" in d.find_element(By.ID, "statements").text or
          "Michal" in d.find_element(By.ID, "statements").text, "a statement of the article")
    severe = [entry for entry in browser.get_log("browser") if entry.get("level") == "SEVERE"]
    assert severe == []


@on_one_broker()
def test_a_dashboard_refused_an_event_stream_polls_and_still_shows_new_articles(settings: Settings, workers,
                                                                                 browser: WebDriver) -> None:
    settings = dataclasses.replace(settings, max_event_streams=0)  # every stream answered 503, as at the cap
    asyncio.run(ensure_topics(settings))
    worker = workers.start(settings)
    asyncio.run(wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None))

    browser.get(f"http://{settings.web_host}:{settings.web_port}/")
    _wait(browser, lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "polling", "polling")
    asyncio.run(publish(settings, [json.loads(ESTONIA.read_text())["article"]]))
    _wait(browser, lambda d: _cell_count(d, "airspace_violation:EE/2025") == "1", "airspace_violation EE/2025 = 1")
