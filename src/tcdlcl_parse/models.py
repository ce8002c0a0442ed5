"""Pydantic models for everything the library returns.

Every extracted item carries ``start``/``end`` offsets into :attr:`SourceDocument.text` (the
display text) and, for PDFs, the 1-based ``page`` it starts on.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentKind = Literal["pdf", "docx", "text"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Model):
    start: int = Field(description="Offset of the first character in the display text.")
    end: int = Field(description="Offset one past the last character in the display text.")
    page: int | None = Field(default=None, description="1-based page number (PDF only).")


class Line(Span):
    """One layout line (PDF/text) or paragraph (DOCX) of the display text."""

    text: str
    bold: bool | None = Field(default=None, description="Most characters bold; None if unknown.")
    italic: bool | None = None
    font_size: float | None = Field(default=None, description="Median font size in points.")
    x0: float | None = Field(default=None, description="Left edge in points (PDF).")
    centered: bool | None = None
    style: str | None = Field(default=None, description="Word paragraph style name (DOCX).")
    numbering: str | None = Field(
        default=None, description="Label rendered from Word automatic numbering, e.g. 'II.'."
    )


class RemovedLine(Model):
    """A line dropped from the display text, kept so nothing disappears silently."""

    text: str
    page: int | None = None
    reason: Literal["page-number", "running-header", "running-footer", "blank-separator"]


class SourceDocument(Model):
    """What a reader produced: one normalised text with layout cues."""

    source: str = Field(description="Path of the file, or '<bytes>'.")
    kind: DocumentKind
    sha256: str
    extractor: str = Field(description="Library that produced the text, e.g. 'pdfplumber'.")
    encoding: str | None = Field(default=None, description="Detected encoding (text files).")
    page_count: int | None = None
    text: str
    lines: list[Line]
    removed_lines: list[RemovedLine] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    page_header: list[str] = Field(
        default_factory=list,
        description=(
            "Lines of the header Word prints on the first page (DOCX only). Not part of the "
            "display text: searched for the Decree 30 header elements the text lacks."
        ),
    )

    def page_at(self, offset: int) -> int | None:
        """Page of the line containing ``offset`` (None for DOCX/text)."""
        if self.page_count is None:  # no line has a page
            return None
        index = bisect_right(self.lines, offset, key=lambda line: line.start) - 1
        return self.lines[index].page if index >= 0 else None


Severity = Literal["error", "warning", "info"]
ClaimStatus = Literal["done", "not_done", "ongoing", "planned", "vague", "statement"]


class Finding(Model):
    """One problem found in a report: a stable code and the parameters of its message.

    Each code's rule is a unit in ``tcdlcl_parse/checking/rules/``; its title and messages are in
    the catalogue the package ships, ``tcdlcl_parse/data/messages.toml`` (``docs/rules.md`` in
    the repository is made from both).
    """

    code: str
    severity: Severity
    message: str | None = Field(
        default=None,
        description="Rendered in the language asked for (vi or en) when results leave the library.",
    )
    section: str | None = Field(default=None, description="Profile section id, if any.")
    start: int | None = None
    end: int | None = None
    page: int | None = None
    params: dict[str, str | int | float | None] = Field(
        default_factory=dict, description="Values the message was rendered from."
    )


class Mention(Span):
    """One place a document is cited."""

    text: str = Field(description="The cited words exactly as in the display text.")
    doc_type: str | None = Field(default=None, description="Type name as written here.")
    date: str | None = Field(default=None, description="ISO date written at this mention.")
    date_text: str | None = None
    issuer: str | None = Field(default=None, description="Issuer as written ('của …').")


class Citation(Model):
    """A distinct cited document and all its mentions."""

    symbol: str = Field(description="Canonical number/symbol, e.g. '1703/QĐ-TTg', '38-CT/TW'.")
    number: str
    year: int | None = Field(default=None, description="Year inside the symbol (legal documents).")
    family: Literal["state", "legal", "party"]
    type_code: str | None = Field(default=None, description="'QĐ', 'KH', … None for công văn.")
    issuer_code: str | None = Field(default=None, description="'TTg', 'UBND', 'SKHCN', 'TW' …")
    doc_type: str | None = Field(default=None, description="Full type name, e.g. 'Quyết định'.")
    date: str | None = Field(default=None, description="ISO date (first mention that gives one).")
    issuer: str | None = Field(default=None, description="Issuer's name, written or from the code.")
    title: str | None = Field(default=None, description="Trích yếu where written ('về việc …').")
    mentions: list[Mention]


class StandardRef(Model):
    """A technical standard or regulation (TCVN, QCVN, ISO …), reported apart from documents."""

    code: str = Field(description="e.g. 'TCVN 6909:2001', 'QCVN 01:2021/BXD'.")
    kind: str = Field(description="'TCVN', 'QCVN', 'ISO' …")
    mentions: list[Span]


class Signer(Span):
    """The signature block: authority prefix, on whose behalf, position, name."""

    authority: str | None = Field(
        default=None, description="'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.', 'T/M' …"
    )
    on_behalf_of: str | None = Field(default=None, description="e.g. 'ỦY BAN NHÂN DÂN'.")
    position: str | None = Field(default=None, description="e.g. 'CHỦ TỊCH'.")
    name: str | None = None


class Recipient(Span):
    name: str = Field(description="Recipient as written, without the leading '-' and final ';'.")
    note: str | None = Field(default=None, description="Purpose note, e.g. '(Báo cáo)', '(b/c)'.")
    read_as: str | None = Field(
        default=None, description="OCR text only: the item as read, when it was taken for another."
    )


class Metadata(Model):
    """Format elements of the report's header and closing (Decree 30/2020, Điều 8)."""

    national_title: bool = Field(False, description="Quốc hiệu present.")
    motto: bool = Field(False, description="Tiêu ngữ present.")
    issuer: str | None = Field(default=None, description="e.g. 'Ủy ban nhân dân xã Sơn Hà'.")
    issuer_lines: list[str] = Field(
        default_factory=list, description="The issuer lines as written."
    )
    issuer_from: Literal["header", "text"] | None = Field(
        default=None, description="Header block, or inferred from the opening/signature."
    )
    symbol: str | None = Field(default=None, description="Number and symbol, e.g. '287/BC-UBND'.")
    symbol_text: str | None = Field(default=None, description="The 'Số: …' line as written.")
    symbol_span: Span | None = None
    number_missing: bool = Field(False, description="'Số:   /BC-UBND' — a blank number.")
    symbol_code: str | None = Field(
        default=None,
        description="The symbol after the number ('BC-UBND'), known even when the number is blank.",
    )
    place: str | None = None
    date: str | None = Field(default=None, description="ISO date of the date line.")
    date_text: str | None = None
    date_span: Span | None = None
    doc_type: str | None = Field(default=None, description="e.g. 'Báo cáo'.")
    title: str | None = Field(default=None, description="Trích yếu.")
    recipients: list[Recipient] = Field(default_factory=list)
    addressees: list[Recipient] = Field(
        default_factory=list,
        description="'Kính gửi:' entries above the text ('Như trên' in the recipients).",
    )
    signer: Signer | None = None


HeadingHow = Literal["numbered", "typography", "run-in", "table-row"]
# A match is found like its heading, or inferred from its children's matches.
MatchHow = Literal[
    "numbered",
    "typography",
    "run-in",
    "table-row",
    "inferred-from-children",
    "position",
    "in-parent-text",
]


class Section(Model):
    """A heading of the report (numbered, typographic, a run-in label or a results-table row)
    and the text under it."""

    number: str = Field(description="Number as written, normalised: 'II', '1', 'a'; '' if none.")
    label: str = Field(description="Literal prefix, e.g. 'II.', 'Phần I', '1/', '* '; '' if none.")
    scheme: Literal["part", "roman", "arabic", "decimal", "letter", "upper-letter", "none"]
    title: str
    level: int = Field(description="1 = top level.")
    start: int = Field(description="Start of the heading.")
    end: int = Field(description="End of the heading title.")
    body_start: int
    body_end: int
    page: int | None = None
    evidence: list[str] = Field(default_factory=list, description="Why it was taken as a heading.")
    how: HeadingHow = Field(
        default="numbered",
        description="How it was found: a numbered line, typography or line shape (bold, upper "
        "case, a short line over a body), a run-in label ('* Ưu điểm: …') or a results-table row.",
    )
    repaired_from: str | None = Field(
        default=None, description="OCR text only: the label as read, when the sequence fixed it."
    )
    children: list[Section] = Field(default_factory=list)

    def subtree_end(self) -> int:
        """End of the last body under this section, its subsections' included."""
        return max([self.body_end, *(child.subtree_end() for child in self.children)])


class Quantity(Model):
    value: float
    unit: str
    text: str
    start: int
    end: int


class Claim(Span):
    """A sentence that asserts a result, an action or a plan."""

    text: str
    section: str | None = Field(default=None, description="Number path, e.g. 'II.3'.")
    status: ClaimStatus
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list, description="Canonical symbols cited.")


class ParsedReport(Model):
    """Everything parsed from one report; offsets point into ``document.text``."""

    document: SourceDocument
    metadata: Metadata = Field(default_factory=lambda: Metadata())
    citations: list[Citation] = Field(default_factory=list)
    standards: list[StandardRef] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


class SectionMatch(Model):
    """The heading that satisfied a profile section."""

    heading: str = Field(description="The heading's title as written.")
    number: str | None = Field(default=None, description="Its number as written, e.g. 'IV'.")
    score: float = Field(description="Fuzzy match score, 0–100.")
    phrase: str = Field(description="The profile title or alias that matched.")
    how: MatchHow = Field(
        default="numbered", description="How the heading was found, or that its children decided."
    )
    matched_on: list[str] = Field(
        default_factory=list,
        description="What the match rests on: the phrase, or the children's headings it "
        "inferred from.",
    )
    repaired_from: str | None = Field(
        default=None, description="The heading's label as OCR read it, when the sequence fixed it."
    )
    merged_with: list[str] = Field(
        default_factory=list, description="Other profile sections the same heading satisfied."
    )
    start: int
    end: int
    page: int | None = None


class Figure(Model):
    """A quantity a report states, filed under the profile section it appears in."""

    section: str | None = Field(description="Profile section id, e.g. 'II.3'.")
    status: str = Field(description="Status of the claim: done, planned …")
    value: float
    unit: str
    text: str
    start: int
    end: int


class Highlight(Model):
    """A span of the text to mark in a report view."""

    kind: Literal["citation", "date", "quantity"]
    start: int
    end: int
    label: str | None = None


class OutlineEntry(Model):
    level: int
    label: str
    title: str
    start: int
    profile_id: str | None = Field(default=None, description="The profile section it satisfied.")
    how: MatchHow = Field(default="numbered", description="How the heading was found or matched.")
    matched_on: list[str] = Field(
        default_factory=list, description="The phrase or children's headings the match rests on."
    )
    score: float | None = Field(default=None, description="Its match score, when it matched.")
    repaired_from: str | None = Field(default=None, description="Its label as OCR read it.")


class Detail(Model):
    """What a report view needs besides the verdict (``check(..., detail=True)``)."""

    text: str
    highlights: list[Highlight]
    outline: list[OutlineEntry]


class FileError(Model):
    """Why a file could not be checked."""

    code: str
    message: str


class CheckResult(Model):
    """The result of checking one report against one profile."""

    source: str
    sha256: str | None = Field(default=None, description="Of the file's bytes; --resume uses it.")
    text_sha256: str | None = Field(
        default=None,
        description="Of what the text says (normalize.text_digest), when the report has no "
        "number: equal for the same report in another format, which the department's summary "
        "counts once.",
    )
    profile: str
    profile_sha256: str | None = Field(
        default=None, description="Of the profile's content as checked against; --resume uses it."
    )
    passed: bool = Field(description="True when no finding has severity 'error'.")
    error: FileError | None = Field(default=None, description="Set when the file was unreadable.")
    issuer: str | None = None
    symbol: str | None = None
    date: str | None = None
    missing_sections: list[str] = Field(
        default_factory=list, description="Ids of required profile sections not found."
    )
    sections: dict[str, SectionMatch] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    figures: list[Figure] = Field(
        default_factory=list, description="Quantities stated, by profile section (for aggregation)."
    )
    detail: Detail | None = Field(default=None, description="Text and highlights, when asked for.")
