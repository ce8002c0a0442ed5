"""The HTML report: structure and escaping here; sorting in a real headless Chromium."""

import shutil
from pathlib import Path

import pytest

from tcdlcl_parse.cli import main
from tcdlcl_parse.models import Detail, Highlight
from tcdlcl_parse.output.html import marked_text

from .conftest import CORPORA, REPO

ARTIFACTS = REPO / "artifacts"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    assert main(["check", str(CORPORA / "synthetic"), "--format", "html", "--output", str(path), "--jobs", "2"]) == 1
    return path


def test_page_is_self_contained_with_summary_aggregates_and_reports(report):
    html = report.read_text("utf-8")
    assert html.startswith("<!doctype html>") and "<script src" not in html and "<link" not in html
    assert html.count('<details class="report"') == len([p for p in (CORPORA / "synthetic").iterdir() if p.suffix in (".txt", ".pdf", ".docx")])
    assert "Độ phủ các mục" in html and "Số liệu tổng hợp" in html
    assert '<mark class="citation" title="3078/SKHCN-TĐC">3078/SKHCN-TĐC</mark>' in html
    assert '<mark class="quantity" title="công chức">' in html
    assert '<span class="pid">III.2+III.3</span>' in html  # the merged heading


def test_text_is_escaped_and_marks_do_not_overlap():
    detail = Detail(
        text="<b>Kế hoạch</b> 40/KH-UBND & x",
        highlights=[Highlight(kind="citation", start=16, end=26, label="40/KH-UBND"), Highlight(kind="date", start=18, end=22)],
        outline=[],
    )
    assert str(marked_text(detail)) == '&lt;b&gt;Kế hoạch&lt;/b&gt; <mark class="citation" title="40/KH-UBND">40/KH-UBND</mark> &amp; x'


CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs Debian chromium and chromium-driver (.ci/run installs them)")
def test_sorting_in_a_real_browser(report, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(report.as_uri())
        headers = driver.find_elements(By.CSS_SELECTOR, "#summary thead th")
        errors_column = [h.text for h in headers].index("Số lỗi")

        def column(index):
            return [row.find_elements(By.TAG_NAME, "td")[index].text for row in driver.find_elements(By.CSS_SELECTOR, "#summary tbody tr")]

        headers[errors_column].click()
        ascending = [int(v) for v in column(errors_column)]
        assert ascending == sorted(ascending) and headers[errors_column].get_attribute("aria-sort") == "ascending"
        headers[errors_column].click()
        descending = [int(v) for v in column(errors_column)]
        assert descending == sorted(ascending, reverse=True) and descending[0] > 0
        headers[1].click()
        issuers = column(1)
        assert issuers == sorted(issuers, key=lambda s: s.lower()) or len(set(issuers)) > 1
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "html-report-sorted.png"))
        first_report = driver.find_element(By.CSS_SELECTOR, "details.report[open]")
        driver.execute_script("arguments[0].scrollIntoView()", first_report)
        first_report.screenshot(str(ARTIFACTS / "html-report-first-failing.png"))
        assert first_report.find_elements(By.CSS_SELECTOR, "mark.citation")
    finally:
        driver.quit()
    assert Path(ARTIFACTS / "html-report-sorted.png").stat().st_size > 10_000
