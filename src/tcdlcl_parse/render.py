"""Human-readable renderings of results."""

from __future__ import annotations

from .models import ParsedReport

_LABELS = {
    "vi": {
        "file": "Tệp",
        "kind": "Loại",
        "extractor": "Trích xuất bằng",
        "pages": "Số trang",
        "encoding": "Bảng mã",
        "lines": "Số dòng",
        "removed": "Dòng đã bỏ (số trang, tiêu đề lặp)",
        "warnings": "Lưu ý",
        "text": "Nội dung",
    },
    "en": {
        "file": "File",
        "kind": "Kind",
        "extractor": "Extracted with",
        "pages": "Pages",
        "encoding": "Encoding",
        "lines": "Lines",
        "removed": "Lines removed (page numbers, running headers)",
        "warnings": "Notes",
        "text": "Text",
    },
}


def render_parsed_text(report: ParsedReport, lang: str = "vi") -> str:
    labels = _LABELS["en" if lang == "en" else "vi"]
    document = report.document
    rows = [
        (labels["file"], document.source),
        (labels["kind"], document.kind),
        (labels["extractor"], document.extractor),
        (labels["pages"], document.page_count),
        (labels["encoding"], document.encoding),
        (labels["lines"], len(document.lines)),
        (labels["removed"], len(document.removed_lines)),
        (labels["warnings"], ", ".join(document.warnings) or None),
    ]
    out = [f"{label}: {value}" for label, value in rows if value is not None]
    out += ["", f"== {labels['text']} ==", document.text, ""]
    return "\n".join(out)
