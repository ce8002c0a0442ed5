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
    files = [p for p in (CORPORA / "synthetic").iterdir() if p.suffix in (".txt", ".pdf", ".docx")]
    # Sơn Hà (TXT, DOCX) and Nghĩa Hành (TXT, PDF) are one report each, shown once with both files.
    assert html.count('<details class="report"') == len(files) - 2
    assert html.count("Các tệp của báo cáo này:") == 2 and "<!--SOURCES" not in html
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


def _browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600"):  # fmt: skip
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="needs Debian chromium and chromium-driver (.ci/run installs them)"
)


@needs_chromium
def test_sorting_in_a_real_browser(report, tmp_path):
    from selenium.webdriver.common.by import By

    driver = _browser(tmp_path)
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


@needs_chromium
def test_coverage_matrix_in_a_real_browser(report, tmp_path):
    from selenium.webdriver.common.by import By

    driver = _browser(tmp_path)
    try:
        driver.get(report.as_uri())
        headers = driver.find_elements(By.CSS_SELECTOR, "#matrix thead th")
        assert [h.text for h in headers[2:4]] == ["I", "I.1"]

        def rows():
            return [
                [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
                for row in driver.find_elements(By.CSS_SELECTOR, "#matrix tbody tr")
            ]

        initial = rows()
        assert len(initial) == 11  # 13 files, two reports sent twice
        assert {cell for row in initial for cell in row[2:]} <= {"✓", "✗", "!"}
        for row in initial:  # the gap count is the cells that are not ✓
            assert int(row[1]) == sum(cell != "✓" for cell in row[2:])
        headers[1].click()
        gaps = [int(row[1]) for row in rows()]
        assert gaps == sorted(gaps) and gaps[-1] > 0
        headers[1].click()
        assert [int(row[1]) for row in rows()] == sorted(gaps, reverse=True)
        headers[0].click()
        assert headers[0].get_attribute("aria-sort") == "ascending" and headers[1].get_attribute("aria-sort") is None
        # Every cell links to a place in its report, and the colour is not the only cue.
        dangling = driver.execute_script(
            "return Array.from(document.querySelectorAll('#matrix td.cell a'))"
            ".filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).length"
        )
        assert dangling == 0
        colours = driver.execute_script(
            "var out = {}; document.querySelectorAll('#matrix td.cell').forEach(function (td) {"
            " out[td.className] = getComputedStyle(td).backgroundColor; }); return out;"
        )
        assert len(set(colours.values())) == len(colours) >= 2
        ARTIFACTS.mkdir(exist_ok=True)
        matrix = driver.find_element(By.ID, "matrix")
        driver.execute_script("arguments[0].scrollIntoView()", matrix)
        matrix.screenshot(str(ARTIFACTS / "html-coverage-matrix.png"))
        # A missing section's cell opens the report at that section, folded or not.
        row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if "Nghĩa Hành" in r.text)
        column = [h.text for h in headers].index("II.4")
        link = row.find_elements(By.TAG_NAME, "td")[column].find_element(By.TAG_NAME, "a")
        assert link.text == "✗" and "thiếu" in link.get_attribute("title")
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        element = driver.find_element(By.ID, target)
        assert element.is_displayed() and "II.4" in element.text
        assert driver.execute_script("return arguments[0].closest('details').open", element)
    finally:
        driver.quit()
    assert (ARTIFACTS / "html-coverage-matrix.png").stat().st_size > 5_000
