"""Generate synthetic commune reports answering Công văn 3078/SKHCN-TĐC, with ground truth.

    python scripts/generate_reports.py --out DIR [--count N --seed S --formats txt,docx,pdf]
    python scripts/generate_reports.py --fixed corpora/synthetic      # the bundled set

Each report X.<ext> gets X.truth.json: what the generator put in. Schema:

    commune, issuer_lines, symbol (or null), date (ISO or null), place, has_national_title,
    doc_type, title, recipients [str], signer {authority, position, name},
    sections [{profile_id (null for distractors), number, title, level}],
    citations [{symbol, date}], quantities [{value, unit}], defects [str]

Defect codes: missing-section:<id>, renamed-section:<id>, reordered:<id>, merged:<id>+<id>,
distractor-heading, no-national-title, no-number, blank-number, no-date-line,
date-leading-zero, wrong-symbol:<symbol>, type-mismatch:<symbol>, impossible-date:<d>,
cited-after-report:<symbol>, no-recipient-skhcn, no-recipients, no-signature, nfd,
old-tone-placement, wrapped-symbol, numbering:<style>, title-case.

Text is written as a PDF-to-text tool would give it: the two-column header side by side
(columns separated by spaces) and long paragraphs wrapped at about 90 characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import textwrap
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
COMMUNES = [
    ("xã", "Sơn Hà"), ("xã", "Nghĩa Hành"), ("phường", "Đức Phổ"), ("xã", "Trà Bồng"),
    ("xã", "Minh Long"), ("xã", "Bình Sơn"), ("xã", "Mộ Đức"), ("phường", "Trương Quang Trọng"),
    ("xã", "Sơn Tịnh"), ("xã", "Ba Vì"), ("xã", "Tư Nghĩa"), ("phường", "Cẩm Thành"),
]  # fmt: skip
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Đinh Văn Hùng", "Võ Thị Lan"]

TITLES = {
    "I": ["CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"],
    "I.1": ["Việc ban hành Kế hoạch", "Ban hành kế hoạch triển khai", "Xây dựng kế hoạch"],
    "I.2": ["Chỉ đạo và phân công", "Phân công nhiệm vụ"],
    "II": ["KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM", "KẾT QUẢ TRIỂN KHAI THỰC HIỆN", "KẾT QUẢ ĐẠT ĐƯỢC"],
    "II.1": ["Tuyên truyền, nâng cao nhận thức", "Công tác thông tin, tuyên truyền"],
    "II.2": ["Tổ chức thực hiện các chương trình, kế hoạch, đề án", "Thực hiện các chương trình, đề án"],
    "II.3": ["Nguồn nhân lực trong lĩnh vực tiêu chuẩn, đo lường, chất lượng", "Đào tạo, tập huấn"],
    "II.4": ["Kiểm tra, giám sát", "Công tác kiểm tra, giám sát"],
    "II.5": ["Phối hợp với doanh nghiệp và cộng đồng", "Công tác phối hợp"],
    "III": ["ĐÁNH GIÁ CHUNG", "NHẬN XÉT, ĐÁNH GIÁ"],
    "III.1": ["Ưu điểm", "Những mặt làm được"],
    "III.2": ["Hạn chế", "Tồn tại, hạn chế", "Khó khăn, vướng mắc"],
    "III.3": ["Nguyên nhân"],
    "IV": ["KIẾN NGHỊ, ĐỀ XUẤT", "KIẾN NGHỊ VÀ ĐỀ XUẤT", "ĐỀ XUẤT, KIẾN NGHỊ"],
    "V": ["NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "NHIỆM VỤ NĂM 2026"],
}  # fmt: skip
# Body sentences per section; {n1}/{n2} become quantities, each with the unit it counts.
BODIES: dict[str | None, list[tuple[str, tuple[str, ...]]]] = {
    "I.1": [("UBND {unit} đã ban hành Kế hoạch số {plan}/KH-UBND ngày {plan_date} triển khai Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh Quảng Ngãi.", ())],
    "I.2": [("UBND {unit} đã phân công công chức văn hóa - xã hội phụ trách, giao nhiệm vụ cụ thể cho các thôn, tổ dân phố.", ())],
    "II.1": [("Đã tổ chức {n1} buổi tuyên truyền trên hệ thống truyền thanh và phát {n2} tờ rơi đến người dân.", ("buổi", "tờ rơi")),
             ("Đã đăng {n1} tin, bài trên Trang thông tin điện tử của {unit}.", ("tin, bài",))],
    "II.2": [("Đã rà soát {n1} cơ sở sản xuất, kinh doanh để hướng dẫn áp dụng tiêu chuẩn và truy xuất nguồn gốc theo Quyết định số 100/QĐ-TTg ngày 19/01/2019 của Thủ tướng Chính phủ.", ("cơ sở",))],
    "II.3": [("Đã cử {n1} công chức tham gia lớp tập huấn do Sở Khoa học và Công nghệ tổ chức.", ("công chức",)),
             ("Đã tổ chức {n1} lớp tập huấn cho {n2} học viên là hộ kinh doanh trên địa bàn.", ("lớp", "học viên"))],
    "II.4": [("Đã phối hợp kiểm tra {n1} cơ sở kinh doanh, phát hiện {n2} vi phạm về ghi nhãn hàng hóa.", ("cơ sở", "vi phạm")),
             ("Đã kiểm tra {n1} cơ sở, chưa phát hiện vi phạm.", ("cơ sở",))],
    "II.5": [("Mặt trận và các đoàn thể đã vận động {n1} hộ kinh doanh ký cam kết không kinh doanh hàng giả.", ("hộ kinh doanh",))],
    "III.1": [("Công tác chỉ đạo kịp thời, sự phối hợp giữa các ngành chặt chẽ.", ())],
    "III.2": [("Một số hộ kinh doanh chưa chú trọng ghi nhãn hàng hóa; kinh phí còn hạn chế.", ())],
    "III.3": [("Nhận thức của một bộ phận người dân còn hạn chế; cán bộ phụ trách còn kiêm nhiệm.", ())],
    "IV": [("Đề nghị Sở Khoa học và Công nghệ tiếp tục mở các lớp tập huấn nghiệp vụ cho công chức cấp xã.", ())],
    "V": [("Năm 2026, tiếp tục tuyên truyền, dự kiến tổ chức {n1} lớp tập huấn và kiểm tra ít nhất {n2} cơ sở.", ("lớp", "cơ sở"))],
    None: [("Diện tích gieo trồng đạt {n1} ha, năng suất bình quân đạt {n2} tạ/ha.", ("ha", "tạ/ha"))],
}  # fmt: skip
# Sentences without figures or citations, to lengthen reports for benchmarks.
_PADDING = [
    "Công tác này được các ngành, đoàn thể phối hợp triển khai đồng bộ trên địa bàn.",
    "Các thôn, tổ dân phố đã phổ biến nội dung đến từng hộ gia đình.",
    "Ủy ban nhân dân thường xuyên theo dõi, đôn đốc việc thực hiện.",
    "Nội dung tuyên truyền được cập nhật phù hợp với tình hình thực tế của địa phương.",
]
PROFILE_ORDER = ["I", "I.1", "I.2", "II", "II.1", "II.2", "II.3", "II.4", "II.5", "III", "III.1", "III.2", "III.3", "IV", "V"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]


@dataclass
class Truth:
    commune: str
    issuer_lines: list[str]
    symbol: str | None
    date: str | None
    place: str | None
    has_national_title: bool
    doc_type: str
    title: str
    recipients: list[str]
    signer: dict[str, str] | None
    sections: list[dict[str, object]] = field(default_factory=list)
    citations: list[dict[str, str | None]] = field(default_factory=list)
    quantities: list[dict[str, object]] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)


@dataclass
class Options:
    """What to vary in one report. Defaults give a clean, conforming report."""

    missing: tuple[str, ...] = ()
    renamed: bool = False
    reorder: bool = False
    merge_limits_causes: bool = False
    distractor: bool = False
    national_title: bool = True
    number: str = "normal"  # normal | none | blank
    date_line: bool = True
    leading_zero_defect: bool = False
    wrong_symbol: bool = False
    type_mismatch: bool = False
    impossible_date: bool = False
    cited_after: bool = False
    recipients: str = "normal"  # normal | no-skhcn | none | abbreviated
    signature: bool = True
    numbering: str = "dot"  # dot | dash | slash | part
    title_case: bool = False
    nfd: bool = False
    old_tones: bool = False
    wrap_symbol: bool = False
    padding: int = 0  # extra sentences per section, to make longer reports


def _number_label(level: int, index: int, style: str) -> str:
    if level == 1:
        if style == "part":
            return f"Phần {ROMAN[index]}."
        return f"{ROMAN[index]}{'-' if style == 'dash' else '.'}"
    return f"{index + 1}{'/' if style == 'slash' else '.'}"


def _commune_for(name: str, rng: random.Random) -> tuple[str, str]:
    """The commune a fixed report is named after, else a random one."""
    from tcdlcl_parse.normalize import ascii_key

    for kind, commune in COMMUNES:
        if name.startswith(ascii_key(commune).replace(" ", "-")):
            return kind, commune
    return rng.choice(COMMUNES)


def build(rng: random.Random, name: str, options: Options) -> tuple[list[str], list[str], Truth]:
    """(header lines: the two columns side by side, body lines, truth)."""
    kind, commune = _commune_for(name, rng)
    unit = f"{kind} {commune}"
    # A leading-zero defect shows only on days 1–9 ("ngày 3 tháng 12").
    report_date = dt.date(2025, 12, rng.randint(1, 9 if options.leading_zero_defect else 15))
    number = rng.randint(100, 420)
    truth = Truth(
        commune=unit,
        issuer_lines=["ỦY BAN NHÂN DÂN", unit.upper()],
        symbol=f"{number}/BC-UBND",
        date=report_date.isoformat(),
        place=commune,
        has_national_title=options.national_title,
        doc_type="Báo cáo",
        title=f"Kết quả triển khai công tác tiêu chuẩn, đo lường, chất lượng trên địa bàn {unit}",
        recipients=[],
        signer=None,
    )
    header: list[tuple[str, str]] = []
    right_title = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc") if options.national_title else ("", "")
    if not options.national_title:
        truth.defects.append("no-national-title")
    header.append(("ỦY BAN NHÂN DÂN", right_title[0]))
    header.append((unit.upper(), right_title[1]))
    if options.number == "none":
        number_line, truth.symbol = "", None
        truth.defects.append("no-number")
    elif options.number == "blank":
        number_line, truth.symbol = "Số:     /BC-UBND", None
        truth.defects.append("blank-number")
    else:
        number_line = f"Số: {truth.symbol}"
    if options.date_line:
        day = f"{report_date.day}" if options.leading_zero_defect else f"{report_date.day:02d}"
        date_line = f"{commune}, ngày {day} tháng {report_date.month} năm {report_date.year}"
        if options.leading_zero_defect:
            truth.defects.append("date-leading-zero")
    else:
        date_line, truth.date, truth.place = "", None, None
        truth.defects.append("no-date-line")
    header.append((number_line, date_line))
    header_lines = [f"{left:<40}{right}".rstrip() for left, right in header if left or right]

    request = "3087/SKHCN-TĐC" if options.wrong_symbol else "3078/SKHCN-TĐC"
    if options.wrong_symbol:
        truth.defects.append("wrong-symbol:3087/SKHCN-TĐC")
    plan_ref = "40/KH-\nUBND" if options.wrap_symbol else "40/KH-UBND"
    if options.wrap_symbol:
        truth.defects.append("wrapped-symbol")
    body = [
        "BÁO CÁO",
        truth.title,
        "",
        f"Thực hiện Công văn số {request} ngày 25/11/2025 của Sở Khoa học và Công nghệ tỉnh Quảng Ngãi về việc báo cáo kết quả thực hiện Kế hoạch số {plan_ref} ngày 09/9/2025 của UBND tỉnh Quảng Ngãi, UBND {unit} báo cáo như sau:",
    ]
    truth.citations += [{"symbol": request, "date": "2025-11-25"}, {"symbol": "40/KH-UBND", "date": "2025-09-09"}]

    section_ids = [s for s in PROFILE_ORDER if s not in options.missing and not (s == "II.5" and rng.random() < 0.3)]
    for missing in options.missing:
        truth.defects.append(f"missing-section:{missing}")
    tops = [s for s in section_ids if "." not in s]
    if options.reorder and "IV" in tops and "V" in tops:
        four, five = tops.index("IV"), tops.index("V")
        tops[four], tops[five] = "V", "IV"
        truth.defects.append("reordered:V")
    if options.distractor:
        tops.insert(tops.index("III") if "III" in tops else len(tops), None)
        truth.defects.append("distractor-heading")
    if options.numbering != "dot":
        truth.defects.append(f"numbering:{options.numbering}")
    if options.title_case:
        truth.defects.append("title-case")
    plan_number = rng.randint(50, 200)
    for top_index, top in enumerate(tops):
        title = "KẾT QUẢ SẢN XUẤT VỤ HÈ THU" if top is None else _pick_title(rng, top, options, truth)
        if options.title_case:
            title = title.capitalize()
        label = _number_label(1, top_index, options.numbering)
        body.append(f"{label} {title}")
        truth.sections.append({"profile_id": top, "number": ROMAN[top_index], "title": title, "level": 1})
        children = [s for s in section_ids if top and s.startswith(top + ".")]
        if options.merge_limits_causes and top == "III":
            children = [c for c in children if c != "III.3"]
        if not children:
            body += _paragraphs(rng, top, unit, plan_number, report_date, options, truth)
            continue
        for child_index, child in enumerate(children):
            child_title = _pick_title(rng, child, options, truth)
            if options.merge_limits_causes and child == "III.2":
                child_title = "Hạn chế và nguyên nhân"
                truth.defects.append("merged:III.2+III.3")
            label = _number_label(2, child_index, options.numbering)
            text = " ".join(_paragraphs(rng, child, unit, plan_number, report_date, options, truth))
            inline = child.startswith("III")
            body.append(f"{label} {child_title}: {text}" if inline else f"{label} {child_title}")
            if not inline:
                body.append(text)
            truth.sections.append({"profile_id": child, "number": str(child_index + 1), "title": child_title, "level": 2})
    body.append(f"Trên đây là báo cáo kết quả triển khai công tác tiêu chuẩn, đo lường, chất lượng trên địa bàn {unit}./.")
    closing = _closing(rng, unit, options, truth)
    return header_lines, body + closing, truth


def _pick_title(rng: random.Random, section: str, options: Options, truth: Truth) -> str:
    choices = TITLES[section]
    title = rng.choice(choices[1:]) if options.renamed and len(choices) > 1 else choices[0]
    if options.renamed and len(choices) > 1:
        truth.defects.append(f"renamed-section:{section}")
    return title


def _paragraphs(rng, section, unit, plan_number, report_date, options, truth) -> list[str]:
    template, units = rng.choice(BODIES.get(section, [("Nội dung được triển khai theo kế hoạch.", ())]))
    n1, n2 = rng.randint(2, 30), rng.randint(1, 1500)
    n2 = min(n2, n1 - 1) if section == "II.4" else n2
    values = {"n1": f"{n1:02d}", "n2": f"{n2:,}".replace(",", ".") if n2 >= 1000 else f"{n2:02d}"}
    plan_date = report_date - dt.timedelta(days=rng.randint(20, 80))
    text = template.format(unit=unit, plan=plan_number, plan_date=plan_date.strftime("%d/%m/%Y"), **values)
    if options.padding:
        text += " " + " ".join(rng.choice(_PADDING) for _ in range(options.padding))
    if section == "I.1":
        truth.citations.append({"symbol": f"{plan_number}/KH-UBND", "date": plan_date.isoformat()})
        truth.citations.append({"symbol": "40/KH-UBND", "date": "2025-09-09"})
        if options.type_mismatch:
            text += " Căn cứ Quyết định số 1703/KH-TTg ngày 31/12/2024 của Thủ tướng Chính phủ."
            truth.citations.append({"symbol": "1703/KH-TTg", "date": "2024-12-31"})
            truth.defects.append("type-mismatch:1703/KH-TTg")
        if options.impossible_date:
            text += " Thực hiện Công văn số 215/UBND-VX ngày 31/11/2025 của UBND tỉnh."
            truth.citations.append({"symbol": "215/UBND-VX", "date": None})
            truth.defects.append("impossible-date:31/11/2025")
        if options.cited_after:
            text += " Thực hiện Thông báo số 12/TB-UBND ngày 20/12/2025 của UBND tỉnh."
            truth.citations.append({"symbol": "12/TB-UBND", "date": "2025-12-20"})
            truth.defects.append("cited-after-report:12/TB-UBND")
    if section == "II.2":
        truth.citations.append({"symbol": "100/QĐ-TTg", "date": "2019-01-19"})
    for value, unit_name in zip((n1, n2), units):
        truth.quantities.append({"value": value, "unit": unit_name})
    return [text]


def _closing(rng, unit, options, truth) -> list[str]:
    lines = []
    if options.recipients != "none":
        skhcn = {"normal": "Sở Khoa học và Công nghệ (b/c);", "abbreviated": "Sở KH&CN (b/c);"}.get(options.recipients)
        recipients = ([skhcn] if skhcn else []) + ["Thường trực Đảng ủy;", "Thường trực HĐND xã;", "Lưu: VT."]
        lines += ["Nơi nhận:"] + [f"- {r}" for r in recipients]
        truth.recipients = [r.rstrip(";.") for r in recipients]
        if options.recipients == "no-skhcn":
            truth.defects.append("no-recipient-skhcn")
    else:
        truth.defects.append("no-recipients")
    if options.signature:
        authority, position = rng.choice([("TM.", "CHỦ TỊCH"), ("KT.", "PHÓ CHỦ TỊCH")])
        name = rng.choice(NAMES)
        block = ["TM. ỦY BAN NHÂN DÂN"] + (["KT. CHỦ TỊCH"] if authority == "KT." else []) + [position, "", name]
        lines += block
        truth.signer = {"authority": authority, "position": position, "name": name}
    else:
        truth.defects.append("no-signature")
    return lines


def _finish_text(text: str, options: Options, truth: Truth) -> str:
    if options.old_tones:
        text = text.replace("Ủy", "Uỷ").replace("hóa", "hoá").replace("HÒA", "HOÀ").replace("khỏe", "khoẻ")
        truth.defects.append("old-tone-placement")
    if options.nfd:
        text = unicodedata.normalize("NFD", text)
        truth.defects.append("nfd")
    return text


def to_text(header: list[str], body: list[str]) -> str:
    """As a PDF-to-text tool gives it: header columns side by side, paragraphs wrapped."""
    out = header + [""]
    for paragraph in body:
        for piece in paragraph.split("\n"):
            out += textwrap.wrap(piece, width=90, break_on_hyphens=False) or [""]
    return "\n".join(out) + "\n"


def to_docx(header: list[str], body: list[str]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    fixed = dt.datetime(2025, 12, 1)
    document.core_properties.created = document.core_properties.modified = fixed
    table = document.add_table(rows=0, cols=2)
    for line in header:
        left, right = line[:40].strip(), line[40:].strip()
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
    for paragraph in body:
        p = document.add_paragraph(paragraph.replace("\n", ""))
        if paragraph in ("BÁO CÁO",):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.runs[0].bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(header: list[str], body: list[str]) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2025, 12, 1, tzinfo=dt.UTC))
    pdf.add_font("Serif", "", str(FONT_DIR / "LiberationSerif-Regular.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "LiberationSerif-Bold.ttf"))
    pdf.set_margins(30, 20, 20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Serif", "B", 12)
    for line in header:
        pdf.cell(width * 0.4, 6, line[:40].strip(), align="C")
        pdf.cell(width * 0.6, 6, line[40:].strip(), align="C")
        pdf.ln()
    pdf.ln(4)
    for paragraph in body:
        heading = paragraph == "BÁO CÁO" or paragraph.split(" ", 1)[0].rstrip(".-") in ROMAN
        pdf.set_font("Serif", "B" if heading else "", 13)
        for piece in paragraph.split("\n"):
            # Back to the left margin after each paragraph (fpdf2 leaves x at the cell's right).
            pdf.multi_cell(
                width, 6.5, piece or " ", align="C" if paragraph == "BÁO CÁO" else "L",
                new_x=XPos.LMARGIN, new_y=YPos.NEXT,
            )
    return bytes(pdf.output())


FIXED_SET: dict[str, Options] = {
    "son-ha-clean": Options(),
    "nghia-hanh-missing-inspection": Options(missing=("II.4",)),
    "duc-pho-renamed-sections": Options(renamed=True, title_case=True),
    "tra-bong-reordered-dash-numbering": Options(reorder=True, numbering="dash"),
    "minh-long-merged-distractor": Options(merge_limits_causes=True, distractor=True, numbering="slash"),
    "binh-son-no-header": Options(national_title=False, number="none", date_line=False),
    "mo-duc-wrong-citations": Options(wrong_symbol=True, type_mismatch=True, impossible_date=True, cited_after=True),
    "son-tinh-recipients": Options(recipients="no-skhcn", leading_zero_defect=True, number="blank"),
    "tu-nghia-nfd-old-tones": Options(nfd=True, old_tones=True, wrap_symbol=True, recipients="abbreviated"),
    "cam-thanh-no-kien-nghi": Options(missing=("IV",), signature=False, numbering="part"),
    "ba-vi-everything-wrong": Options(
        missing=("II.3", "III"), reorder=True, distractor=True, national_title=False, number="blank",
        leading_zero_defect=True, wrong_symbol=True, impossible_date=True, recipients="none", signature=False,
    ),
}  # fmt: skip
FIXED_FORMATS = {"txt": ("son-ha", "nghia-hanh", "tra-bong", "binh-son", "son-tinh", "tu-nghia", "ba-vi"),
                 "docx": ("duc-pho", "cam-thanh", "son-ha"), "pdf": ("minh-long", "mo-duc", "nghia-hanh")}  # fmt: skip


def write_report(out: Path, name: str, options: Options, seed: int, formats: tuple[str, ...]) -> None:
    rng = random.Random(f"{seed}:{name}")
    header, body, truth = build(rng, name, options)
    if "txt" in formats:
        (out / f"{name}.txt").write_text(_finish_text(to_text(header, body), options, truth), "utf-8")
    if "docx" in formats:
        (out / f"{name}.docx").write_bytes(to_docx(header, body))
    if "pdf" in formats:
        (out / f"{name}.pdf").write_bytes(to_pdf(header, body))
    truth.defects = sorted(set(truth.defects))
    (out / f"{name}.truth.json").write_text(json.dumps(asdict(truth), ensure_ascii=False, indent=2) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate synthetic commune reports.")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--fixed", type=Path, help="write the bundled fixed set into this folder")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=3078)
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--pages-min", type=int, default=1, help="approximate length, in A4 pages")
    parser.add_argument("--pages-max", type=int, default=2)
    args = parser.parse_args()
    if args.fixed:
        args.fixed.mkdir(parents=True, exist_ok=True)
        for name, options in FIXED_SET.items():
            formats = tuple(fmt for fmt, prefixes in FIXED_FORMATS.items() if name.startswith(prefixes))
            write_report(args.fixed, name, options, 3078, formats)
        return
    if args.out is None:
        parser.error("--out or --fixed is required")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    variants = list(FIXED_SET.values())
    formats = tuple(args.formats.split(","))
    for index in range(args.count):
        fmt = (formats[index % len(formats)],)
        # About 3.5 padding sentences per section make one more page.
        pages = rng.randint(args.pages_min, args.pages_max)
        options = replace(rng.choice(variants), padding=max(0, round((pages - 1) * 3.5)))
        write_report(args.out, f"report-{index:05d}", options, args.seed + index, fmt)


if __name__ == "__main__":
    main()
