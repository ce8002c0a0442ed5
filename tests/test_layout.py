from tcdlcl_parse.reading.lines import RawLine, assemble


def lines_of(*texts, page=None):
    return [RawLine(text=t, page=page) for t in texts]


def test_symbol_broken_at_line_end_is_rejoined():
    text, lines, _, _ = assemble(lines_of("Kế hoạch số 40/KH-", "UBND ngày 09/9/2025 của UBND tỉnh"))
    assert text == "Kế hoạch số 40/KH-UBND\nngày 09/9/2025 của UBND tỉnh"
    assert [line.text for line in lines] == ["Kế hoạch số 40/KH-UBND", "ngày 09/9/2025 của UBND tỉnh"]


def test_party_symbol_and_mixed_case_parts_are_rejoined():
    text, *_ = assemble(lines_of("Chỉ thị số 38-", "CT/TW và Quyết định số 1703/QĐ-", "TTg trên địa bàn"))
    assert "38-CT/TW" in text and "1703/QĐ-TTg" in text


def test_symbol_tail_alone_on_its_line_merges_the_lines():
    text, lines, _, _ = assemble(lines_of("Công văn số 3078/", "SKHCN-TĐC"))
    assert text == "Công văn số 3078/SKHCN-TĐC" and len(lines) == 1


def test_prose_dash_at_line_end_is_not_joined():
    text, *_ = assemble(lines_of("Điều kiện kinh tế -", "xã hội còn khó khăn"))
    assert text == "Điều kiện kinh tế -\nxã hội còn khó khăn"
    text, *_ = assemble(lines_of("năm 2025 -", "Xây dựng"))
    assert text == "năm 2025 -\nXây dựng"


def test_offsets_point_into_the_text():
    text, lines, _, _ = assemble(lines_of("Một", "", "", "Hai", "Ba"))
    assert text == "Một\n\nHai\nBa"
    assert [text[line.start : line.end] for line in lines] == ["Một", "Hai", "Ba"]


def test_blank_separator_lines_are_collapsed():
    raw = []
    for i in range(10):
        raw += lines_of(f"dòng {i}", "")
    text, _, _, warnings = assemble(raw)
    assert text == "\n".join(f"dòng {i}" for i in range(10))
    assert "blank-separator-lines-collapsed" in warnings


def test_paragraph_blank_lines_are_kept_when_they_are_not_separators():
    text, *_ = assemble(lines_of("a", "b", "", "c", "d", "e"))
    assert text == "a\nb\n\nc\nd\ne"


def test_page_numbers_and_running_headers_are_removed_and_recorded():
    raw = []
    for page in (1, 2, 3):
        header = [RawLine(text="Báo cáo TCĐLCL xã Ba Tô", page=page)]
        number = [RawLine(text=f"- {page} -", page=page)] if page > 1 else []
        body = [RawLine(text=f"Nội dung trang {page} số {page * 7}", page=page)]  # not a label
        footer = [RawLine(text=f"Trang {page}/3", page=page)]
        raw += header + number + body + footer
    text, lines, removed, _ = assemble(raw)
    assert text == "Nội dung trang 1 số 7\nNội dung trang 2 số 14\nNội dung trang 3 số 21"
    assert [line.page for line in lines] == [1, 2, 3]
    reasons = sorted({(r.reason, r.text) for r in removed})
    assert ("running-header", "Báo cáo TCĐLCL xã Ba Tô") in reasons
    assert ("page-number", "- 2 -") in reasons
    assert ("page-number", "Trang 1/3") in reasons


def test_single_page_keeps_its_first_and_last_lines():
    text, *_ = assemble(lines_of("1", "BÁO CÁO", "2", page=1))
    assert text == "1\nBÁO CÁO\n2"


def test_running_footer_with_page_label_is_removed():
    raw = []
    for page in (1, 2, 3):
        raw += [RawLine(text=f"Nội dung {i}, phần {'abc'[page - 1]}", page=page) for i in range(4)]
        raw.append(RawLine(text=f"Báo cáo 287/BC-UBND - Trang {page}/3", page=page))
    text, _, removed, _ = assemble(raw)
    assert text.count("Nội dung") == 12 and "Báo cáo 287" not in text
    assert {r.reason for r in removed} == {"running-footer"}


def test_text_file_columns_side_by_side_become_separate_lines():
    from tcdlcl_parse import read

    data = "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ SƠN HÀ    Độc lập - Tự do - Hạnh phúc\nCó  hai dấu cách.\n".encode()
    lines = [line.text for line in read(data).lines]
    assert lines == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ SƠN HÀ", "Độc lập - Tự do - Hạnh phúc", "Có  hai dấu cách."]


def test_text_file_gaps_that_are_not_columns_stay_in_their_line():
    from tcdlcl_parse import read

    # A blank left for the number, indentation, a three-space gap and trailing spaces; then a
    # real gap. Nothing else splits, not even into a blank line.
    data = "Số:       /BC-UBND\n        Thụt lề\nBa   dấu cách\nCuối dòng      \nTrái     Phải\n".encode()
    document = read(data)
    assert document.text == "Số:       /BC-UBND\nThụt lề\nBa   dấu cách\nCuối dòng\nTrái\nPhải"


def test_top_and_bottom_repeats_are_counted_apart_and_a_one_line_page_is_a_top():
    pages = [["Lặp lại", "a1", "b1", "Tiêu đề"], ["x2", "y2", "z2", "Lặp lại"], ["Tiêu đề"]]
    raw = [RawLine(text=text, page=number) for number, texts in enumerate(pages, start=1) for text in texts]
    text, _, removed, _ = assemble(raw)
    # "Lặp lại" is once a top and once a bottom: neither repeats. "Tiêu đề" is a bottom twice,
    # but the one-line page's line is a top (seen once as a top), so only page 1's goes.
    assert [(r.reason, r.text, r.page) for r in removed] == [("running-footer", "Tiêu đề", 1)]
    assert text.count("Lặp lại") == 2 and text.endswith("Tiêu đề")
