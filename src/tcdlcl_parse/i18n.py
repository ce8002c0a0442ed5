"""User-facing messages in Vietnamese (default) and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import ReadError

LANGS = ("vi", "en")

_READ_ERRORS: dict[str, tuple[str, str]] = {
    "not-found": ("không tìm thấy tệp", "file not found"),
    "empty": ("tệp rỗng, không có nội dung", "the file is empty"),
    "corrupt": ("tệp bị hỏng hoặc không đúng định dạng", "the file is corrupt or not of its format"),
    "encrypted": ("tệp PDF được đặt mật khẩu", "the PDF is password-protected"),
    "scanned": (
        "PDF là bản quét (chỉ có ảnh, không có lớp chữ) và không đọc được bằng nhận dạng chữ (OCR)",
        "the PDF is scanned (images only, no text layer) and could not be read by OCR",
    ),
    "unsupported": ("định dạng tệp không được hỗ trợ", "unsupported file format"),
    "too-large": ("tệp quá lớn", "the file is too large"),
    "encoding": ("không nhận ra bảng mã của tệp văn bản", "the text encoding could not be detected"),
}


def read_error_message(error: ReadError, lang: str = "vi") -> str:
    vi, en = _READ_ERRORS[error.code]
    reason = en if lang == "en" else vi
    detail = f" ({error.detail})" if error.detail else ""
    return f"{error.source}: {reason}{detail}"
