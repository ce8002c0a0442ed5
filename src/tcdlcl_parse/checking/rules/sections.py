"""S: the report's outline — sections the profile requires, their order, numbering and bodies."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...models import Section
from ...parsing.outline import display_number, numbering_value
from ..matching import out_of_order
from . import Context, Hit, hit, rule

_OUTLINE = """\
I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI
1. Ban hành kế hoạch
UBND xã ban hành Kế hoạch số 51/KH-UBND ngày 13/10/2025.
2. Chỉ đạo, phân công
Giao công chức phụ trách theo dõi.
II. KẾT QUẢ THỰC HIỆN
1. Tuyên truyền
Đã tổ chức 03 buổi tuyên truyền cho 120 lượt người.
2. Chương trình, kế hoạch, đề án
Đã hướng dẫn 02 hộ kinh doanh áp dụng tiêu chuẩn cơ sở.
3. Nguồn nhân lực
Đã cử 01 công chức tham gia tập huấn.
4. Kiểm tra, giám sát
Đã phối hợp kiểm tra 12 cơ sở kinh doanh xăng dầu.
III. ĐÁNH GIÁ CHUNG
1. Ưu điểm
Chỉ đạo kịp thời.
2. Hạn chế
Kinh phí còn ít.
3. Nguyên nhân
Cán bộ kiêm nhiệm.
IV. KIẾN NGHỊ, ĐỀ XUẤT
Đề nghị Sở mở thêm lớp tập huấn.
V. NHIỆM VỤ NĂM 2026
Tiếp tục tuyên truyền.
"""
# The outline of a complete answer to cv3078: the counter-example of the S and Q rules.
COMPLETE = _OUTLINE


@rule(
    "S001",
    "error",
    needs="profile",
    example=_OUTLINE.replace(
        "4. Kiểm tra, giám sát\nĐã phối hợp kiểm tra 12 cơ sở kinh doanh xăng dầu.\n", ""
    ),
    counter_example=_OUTLINE,
)
def required_section(context: Context) -> Iterator[Hit]:
    """The profile lists this section as required and no heading of the report matched it:
    neither by meaning (title or alias, ignoring case, diacritics and typos), nor by its
    children, nor by holding its place between the sections around it (S005).
    When a whole section is missing, only it is reported; its subsections are listed in
    `missing_sections` too."""
    profile = context.required_profile
    missing = {s.id for s in profile.sections if s.required and s.id not in context.matches}
    for spec in profile.sections:
        if spec.id in missing and spec.parent not in missing:
            below = [
                s.id for s in profile.sections if s.id.startswith(spec.id + ".") and s.id in missing
            ]
            yield hit(section=spec.id, id=spec.id, title=spec.title, subsections=len(below))


@rule(
    "S002",
    "warning",
    needs="profile",
    example=_OUTLINE.replace(
        "IV. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị Sở mở thêm lớp tập huấn.\n"
        "V. NHIỆM VỤ NĂM 2026\nTiếp tục tuyên truyền.\n",
        "IV. NHIỆM VỤ NĂM 2026\nTiếp tục tuyên truyền.\n"
        "V. KIẾN NGHỊ, ĐỀ XUẤT\nĐề nghị Sở mở thêm lớp tập huấn.\n",
    ),
    counter_example=_OUTLINE,
)
def section_order(context: Context) -> Iterator[Hit]:
    """Sections were found but not in the profile's order. The sections outside the longest
    run in the right order are reported."""
    profile, matches = context.required_profile, context.matches
    order = [s.id for s in profile.sections]
    groups: dict[str | None, list[str]] = {}
    for spec in profile.sections:
        if spec.id in matches and not matches[spec.id].merged_with:
            groups.setdefault(spec.parent, []).append(spec.id)
    for ids in groups.values():
        in_text = sorted(ids, key=lambda i: matches[i].node.start)
        for spec_id in out_of_order(in_text, order):
            node = matches[spec_id].node
            yield hit(node, section=spec_id, id=spec_id, heading=node.title)


@rule(
    "S003",
    "warning",
    example=_OUTLINE.replace("IV. KIẾN NGHỊ", "VI. KIẾN NGHỊ"),
    counter_example=_OUTLINE,
)
def numbering(context: Context) -> Iterator[Hit]:
    """Headings at one level should be numbered 1, 2, 3 … (I, II, III …) without gaps or
    repeats under the same parent. The outline still keeps the heading; this is a warning
    because Decree 30 states the numbering only through its models."""
    yield from _numbering_breaks(context.parsed.sections)


def _numbering_breaks(sections: Sequence[Section]) -> Iterator[Hit]:
    expected = 1
    for section in sections:
        # Unnumbered headings, run-in labels and table rows have no numbering to check.
        if section.how in ("numbered", "run-in") and section.number:
            value = numbering_value(section)
            if value != expected:
                yield hit(
                    section, label=section.label, kind="repeat" if value < expected else "gap",
                    expected=display_number(section.scheme, expected),
                )  # fmt: skip
            expected = value + 1
        yield from _numbering_breaks(section.children)


@rule(
    "S004",
    "warning",
    needs="profile",
    example=_OUTLINE.replace("Chỉ đạo kịp thời.\n", ""),
    counter_example=_OUTLINE,
)
def empty_section(context: Context) -> Iterator[Hit]:
    """A matched heading is followed directly by the next heading: nothing is reported under
    it."""
    text = context.parsed.document.text
    for spec_id, match in context.matches.items():
        node = match.node
        if not node.children and not text[node.body_start : node.body_end].strip():
            yield hit(node, section=spec_id, id=spec_id, heading=node.title)


@rule(
    "S005",
    "info",
    needs="profile",
    example=_OUTLINE.replace(
        "2. Chương trình, kế hoạch, đề án", "2. Giúp cơ sở làm ra sản phẩm tốt"
    ),
    counter_example=_OUTLINE,
)
def section_by_position(context: Context) -> Iterator[Hit]:
    """A heading whose words name no section of the profile was taken for the section whose
    place it holds: between the same neighbours as in the profile ("Mục 2. Những việc làm được
    trong năm" between I and III is II), with as many headings there as sections. The section
    is not reported missing; this note asks a person to confirm the reading."""
    for spec in context.required_profile.sections:
        match = context.matches.get(spec.id)
        if match is not None and match.by_position:
            node = match.node
            yield hit(node, section=spec.id, id=spec.id, title=spec.title, heading=node.title)
