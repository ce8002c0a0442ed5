"""Property tests across the pipeline: dates round-trip, and no input text makes read → parse →
check raise anything but a ReadError."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tcdlcl_parse import ReadError, read
from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.parsing.dates import find_dates, parse_date
from tcdlcl_parse.parsing.report import parse

DATES = st.dates(dt.date(1945, 1, 1), dt.date(2099, 12, 31))


@given(DATES, st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "{d}-{m}-{y}", "{d}.{m}.{y}",
                               "ngày {d} tháng {m} năm {y}", "ngày {d:02d} tháng {m:02d} năm {y}"]))  # fmt: skip
def test_written_dates_read_back(date, layout):
    written = layout.format(d=date.day, m=date.month, y=date.year)
    found = parse_date(f"Kế hoạch số 40/KH-UBND {written} của UBND tỉnh")
    assert found is not None and found.valid and found.date == date and found.text == written


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1000, 2999))
def test_impossible_dates_are_kept_and_flagged(day, month, year):
    (found,) = find_dates(f"ngày {day}/{month}/{year}.")
    try:
        real = dt.date(year, month, day)
    except ValueError:
        real = None
    assert found.valid == (real is not None and year >= 1945)


REPORTISH = st.lists(
    st.sampled_from(list("IVX123./-:;,() \n\tabcđêôơưÁẠĐỦY") + ["Số:", "BÁO CÁO", "ngày ", "/KH-UBND", "Nơi nhận:", "\f"]),
    max_size=120,
).map("".join)


@settings(max_examples=150)
@given(REPORTISH)
def test_any_text_reads_parses_and_checks_without_an_exception(text):
    try:
        document = read(text.encode("utf-8"))
    except ReadError:
        return
    result = check(parse(document), "cv3078")
    for finding in result.findings:
        assert finding.start is None or 0 <= finding.start <= len(document.text)
