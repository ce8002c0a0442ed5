"""The department's summary of a batch (``tcdlcl check --summary FILE.json``): one object.

Its JSON Schema is ``docs/summary.schema.json`` (``tcdlcl profiles --summary-schema``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..messages import labels


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportKey(_Part):
    """What makes files one report: issuer, symbol and date; lacking a symbol, the text."""

    issuer: str | None
    symbol: str | None
    date: str | None
    text_sha256: str | None = Field(
        default=None, description="Set when the report has no symbol: the digest of its text."
    )


class Duplicate(_Part):
    key: ReportKey
    sources: list[str] = Field(description="Every file of the report, the one counted first.")
    findings_differ: bool = Field(description="The files do not give the same finding codes.")
    findings: dict[str, list[str]] = Field(description="Finding codes per file.")


class UnknownIssuer(_Part):
    issuer: str | None = Field(description="As the report writes it; null when none was found.")
    sources: list[str]
    nearest: list[str] = Field(description="The closest roster names, best first.")


class SeveralReports(_Part):
    commune: str = Field(description="Roster name, or the issuer when there is no roster.")
    reports: list[list[str]] = Field(description="The files of each distinct report.")


class SectionCoverage(_Part):
    section: str
    title: str
    reports: int = Field(description="Distinct readable reports that have the section.")


class FigureTotal(_Part):
    section: str
    unit: str
    total: float = Field(description="Sum of the figures stated as done, each report once.")
    reports: int


class LateReport(_Part):
    issuer: str | None
    symbol: str | None
    date: str
    deadline: str
    sources: list[str]


class Summary(_Part):
    """What a department asks of a batch: who answered, what is missing, what was done."""

    profile: str
    roster: str | None = Field(description="The roster file, or province and dataset version.")
    reports: int = Field(description="Distinct readable reports.")
    files: int
    unreadable: int
    duplicates: list[Duplicate]
    not_reported: list[str] = Field(description="Roster names, as written there, with no report.")
    unknown_issuers: list[UnknownIssuer]
    several_reports: list[SeveralReports]
    coverage: list[SectionCoverage]
    figures: list[FigureTotal]
    late: list[LateReport] = Field(description="Reports dated after the profile's deadline.")


def summary_json_schema() -> dict[str, object]:
    return Summary.model_json_schema()


Row = list[str | int | float]


def summary_tables(summary: Summary, lang: str = "vi") -> dict[str, list[Row]]:
    """The rows of each part, as the XLSX sheets and the HTML page show them (columns in
    data/messages.toml, ``labels.desk``: ``<part>_columns``)."""
    words = labels("desk", lang)
    yes, no = words["yes_no"]
    overview: list[Row] = [
        [label, value]
        for label, value in zip(
            words["overview_rows"],
            [summary.profile, summary.roster or words["no_roster"], summary.reports, summary.files,
             summary.unreadable],
            strict=True,
        )
    ]  # fmt: skip
    return {
        "overview": overview,
        "not_reported": [[name] for name in summary.not_reported],
        "duplicates": [
            [d.key.issuer or words["no_issuer"], d.key.symbol or "", d.key.date or "",
             "\n".join(d.sources), yes if d.findings_differ else no]
            for d in summary.duplicates
        ],
        "unknown": [
            [u.issuer or words["no_issuer"], "\n".join(u.sources), "; ".join(u.nearest)]
            for u in summary.unknown_issuers
        ],
        "several": [
            [s.commune, "\n".join(" + ".join(files) for files in s.reports)]
            for s in summary.several_reports
        ],
        "late": [
            [
                r.issuer or words["no_issuer"], r.symbol or "", r.date, r.deadline,
                "\n".join(r.sources),
            ]
            for r in summary.late
        ],
    }  # fmt: skip
