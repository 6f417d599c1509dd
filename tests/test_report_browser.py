"""The HTML report in a real browser: headless Debian Chromium driven by selenium, from file://.

Checks what a person would: flagged words are highlighted, the embedded recordings load and
play, the charts render, and nothing is fetched from the network. Leaves a full-page screenshot
in the test's tmp folder (path printed with -s).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_review_support import answer, make_session, recordings, run_cli  # noqa: F401

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists())
    or shutil.which("chromedriver", path="/usr/bin") is None,
    reason="needs Debian chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    webdriver = pytest.importorskip("selenium.webdriver", reason="pip install selenium")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--autoplay-policy="
                 "no-user-gesture-required", f"--user-data-dir={tmp_path / 'chrome-profile'}",
                 "--window-size=1100,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_report_page_in_chromium(recordings: Path, run_cli, browser, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    make_session(recordings, "20261120-100000",
                 [answer(1, metrics={"wpm": 185, "fillers_per_100_words": 7.0})])
    typed = answer(3, "I am a fast learner and I kind of like teams.", audio=None,
                   source="typed", findings=[], metrics={"word_count": 10})
    make_session(recordings, "20261126-100000",
                 [answer(1, attempt=1), answer(1, attempt=2), answer(2), typed])
    page = tmp_path / "report.html"
    code, _, err = run_cli("report", "latest", "-o", str(page))
    assert code == 0, err

    browser.get(page.as_uri())
    assert "VoiceCoach session 20261126-100000" in browser.title

    marks = browser.find_elements(By.CSS_SELECTOR, "mark.flag")
    texts = {m.text for m in marks}
    assert {"Um", "hate my old boss"} <= texts
    boss = next(m for m in marks if m.text == "hate my old boss")
    assert boss.get_attribute("title") == "negativity"
    assert "flag-negativity" in boss.get_attribute("class")
    assert boss.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"

    audios = browser.find_elements(By.TAG_NAME, "audio")
    assert len(audios) == 2  # Q1 (latest attempt) and Q2; the typed answer has none
    WebDriverWait(browser, 15).until(lambda d: d.execute_script(
        "return [...document.querySelectorAll('audio')].every(a => a.readyState >= 1)"))
    durations = browser.execute_script(
        "return [...document.querySelectorAll('audio')].map(a => a.duration)")
    # make_session writes 0.4 s (Q1 attempt 1), 0.5 s (Q1 attempt 2) and 0.6 s (Q2) tones
    assert durations == pytest.approx([0.5, 0.6], abs=0.02)
    played = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const a = document.querySelector('audio');
        a.muted = true;
        a.play().then(() => setTimeout(() => done(a.currentTime), 300))
                .catch(e => done('error: ' + e));""")
    assert isinstance(played, float | int) and played > 0, played

    assert browser.find_elements(By.CSS_SELECTOR, "#metrics svg rect.bar")
    assert browser.find_elements(By.CSS_SELECTOR, "#progress svg polyline")
    assert "Typed answer" in browser.find_element(By.ID, "q3").text
    network = [e for e in browser.get_log("browser") if "http" in e.get("message", "")]
    assert network == []

    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1100, min(int(height) + 120, 8000))
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
