"""The workbench in a real browser (Debian's chromium, driven by Selenium): log in,
open the spike from the home page, its evidence, search, an actor, export a table;
charts and the map render with no error in the browser's console, and the hostile
page's scripts never run (they would raise an alert). Skips where chromium is absent.
The screenshots in docs/ come from bench/web_screenshots.py on the demo warehouse."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from ocwatch.web import create_app
from tests.support.web_sample import PASSWORD, SPIKE_WEEK

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def state(tmp_path_factory) -> Path:
    """Where the served workbench keeps its accounts, feedback and watches."""
    return tmp_path_factory.mktemp("state")


@pytest.fixture(scope="module")
def server(web_warehouse, state):
    import uvicorn

    app = create_app(web_warehouse, users=state / "u.sqlite", feedback_log=state / "acts.jsonl",
                     alerts_db=state / "alerts.sqlite")
    app.state.store.add_user("ana", "analyst", PASSWORD)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromedriver are not installed (make sysdeps)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait(driver, css: str, timeout: float = 15.0):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _no_alert(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check


def _errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _log_in(d) -> None:
    from selenium.webdriver.common.by import By

    _wait(d, "#user").send_keys("ana")
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.ID, "login").click()


def test_an_analyst_follows_a_spike_to_its_evidence_searches_and_exports(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    d = browser
    d.get(f"{server}/?week={SPIKE_WEEK}")
    _log_in(d)
    _wait(d, "#rising")
    d.save_screenshot(str(tmp_path / "home.png"))
    # the spike, from the home page to its evidence
    d.find_element(By.CSS_SELECTOR, "tr.spike a.badge.spike").click()
    _wait(d, "table.evidence")
    assert "Gold smuggling surged near Bunia" in d.page_source
    # a sentence opens its document, whose hostile title stayed text
    d.get(f"{server}/doc?id=hostile&raw=1")
    _wait(d, "pre.raw")
    assert '<script>alert("title")</script>' in d.find_element(By.TAG_NAME, "h1").text
    _no_alert(d)
    # a document's links: the one the confidence model does not trust is set aside, with a form to mark it right
    d.get(f"{server}/doc?id=doubt")
    row = _wait(d, "table.links tr.set-aside")
    assert "lra" in row.text and "0.05" in row.text
    assert row.find_element(By.CSS_SELECTOR, "form[action='/feedback/link'] select[name='verdict']")
    # search for a word
    d.get(f"{server}/search")
    _wait(d, "#q").send_keys("smuggling")
    d.find_element(By.ID, "go").click()
    _wait(d, "ol.hits mark")
    assert d.find_element(By.CSS_SELECTOR, "ol.hits mark").text.lower() == "smuggling"
    # an actor, with its timeline chart drawn by vega-embed
    d.get(f"{server}/actor?id=m23")
    _wait(d, "div.chart[data-rendered='1'] svg")
    # a chart with its baseline band, and the map
    d.get(f"{server}/trends?market=non_renewable_resource_crimes&country=COD")
    _wait(d, "div.chart[data-rendered='1'] svg")
    d.get(f"{server}/map?market=non_renewable_resource_crimes")
    _wait(d, "#map[data-rendered='1'] path.leaflet-interactive")
    assert _errors(d) == []
    # export a table
    d.get(f"{server}/?week={SPIKE_WEEK}")
    _wait(d, "#rising a[href$='.csv'], #rising a[href*='.csv?']").click()
    deadline = time.time() + 15
    while time.time() < deadline and not list(Path(d.downloads).glob("rising*.csv")):
        time.sleep(0.2)
    files = list(Path(d.downloads).glob("rising*.csv"))
    assert files and files[0].read_text().startswith("market,country_iso3,week")


def test_an_analyst_proposes_a_grade_and_watches_an_actor_through_the_forms(server, browser, state):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from ocwatch.feedback import store, watches

    d = browser
    d.delete_all_cookies()
    d.get(f"{server}/source?id=sd")
    _log_in(d)
    Select(_wait(d, "#grade")).select_by_value("E")
    d.find_element(By.ID, "grade-why").send_keys('times out every night <script>alert("why")</script>')
    d.find_element(By.ID, "grade-go").click()
    notice = _wait(d, "p.notice").text
    [act] = store.list_acts(state / "acts.jsonl")
    assert act["act_id"] in notice and (act["kind"], act["source_id"], act["grade"], act["who"]) == (
        "propose_grade", "sd", "E", "ana")
    d.get(f"{server}/feedback")
    assert 'alert("why")' in _wait(d, "table.feedback").text  # shown as text, never run
    _no_alert(d)
    d.get(f"{server}/actor?id=m23")
    _wait(d, "form.watch input[name=name]").send_keys("M23 moves")
    d.find_element(By.CSS_SELECTOR, "form.watch button.watch-add").click()
    assert "M23 moves" in _wait(d, "table.watches").text
    assert [(w["name"], w["actor_id"]) for w in watches.watches(state / "alerts.sqlite", "ana")] == [("M23 moves", "m23")]
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    table = d.find_element(By.CSS_SELECTOR, "table.watches")
    d.find_element(By.CSS_SELECTOR, "button.watch-delete").click()
    # the page's other section may already show an empty list: wait for the page the delete returns
    WebDriverWait(d, 15).until(ec.staleness_of(table))
    _wait(d, "section p.empty")
    assert watches.watches(state / "alerts.sqlite", "ana") == []
    assert _errors(d) == []
