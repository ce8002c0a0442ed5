"""Profiles: what a report answering one request must contain, as data (TOML).

A profile is validated by :class:`Profile`; ``tcdlcl profiles --schema`` exports its JSON Schema
for editors. Bundled profiles live in ``profiles/`` inside the package; users pass their own
file with ``--profile path/to/file.toml``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..messages import finding_codes, profile_error_message
from ..models import Severity


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceSpec(_Spec):
    """What a section must show to count as reporting results (finding Q001)."""

    min_claims: int = Field(1, ge=1, description="At least this many matching claims.")
    status: list[Literal["done", "not_done", "ongoing", "planned", "statement"]] = Field(
        default_factory=lambda: ["done"], description="Claim statuses that count."
    )
    with_quantity: bool = Field(True, description="Only claims that state a quantity count.")


class SectionSpec(_Spec):
    id: str = Field(description="Stable id, e.g. 'II.3'. Dots give the parent: 'II' for 'II.3'.")
    title: str = Field(description="Canonical title, as the request letter words it.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Key phrases a heading may use instead (matched fuzzily, without diacritics).",
    )
    required: bool = True
    evidence: EvidenceSpec | None = None

    @property
    def parent(self) -> str | None:
        return self.id.rsplit(".", 1)[0] if "." in self.id else None

    @property
    def phrases(self) -> list[str]:
        return [self.title, *self.aliases]


class CitationSpec(_Spec):
    symbol: str = Field(description="Canonical symbol, e.g. '3078/SKHCN-TĐC'.")
    doc_type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None


class RecipientSpec(_Spec):
    name: str
    aliases: list[str] = Field(default_factory=list)


class RequestSpec(_Spec):
    """The letter being answered: the report must not predate it."""

    symbol: str
    date: dt.date
    deadline: dt.date | None = None


class Profile(_Spec):
    id: str
    name: str
    description: str = ""
    request: RequestSpec
    doc_type: str = Field("Báo cáo", description="Expected document type of the report.")
    sections: list[SectionSpec] = Field(description="In the order the report should follow.")
    required_citations: list[CitationSpec] = Field(default_factory=list)
    required_recipients: list[RecipientSpec] = Field(default_factory=list)
    match_threshold: float = Field(
        82.0, ge=0, le=100, description="Minimum fuzzy score (0–100) for a heading to match."
    )
    ignore: list[str] = Field(
        default_factory=list, description="Finding codes this request does not check, e.g. ['F011']."
    )
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Severity per finding code, e.g. {F010 = 'error'}."
    )

    @model_validator(mode="after")
    def _known_codes(self) -> Profile:
        unknown = sorted({*self.ignore, *self.severity} - finding_codes())
        if unknown:
            raise ValueError(f"unknown finding codes: {unknown}")
        return self

    @model_validator(mode="after")
    def _parents_exist(self) -> Profile:
        ids = [section.id for section in self.sections]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate section ids: {sorted(duplicates)}")
        for section in self.sections:
            if section.parent is not None and section.parent not in ids:
                raise ValueError(f"section {section.id!r}: parent {section.parent!r} not defined")
        return self

    def section(self, section_id: str) -> SectionSpec:
        return next(s for s in self.sections if s.id == section_id)


def profile_sha256(profile: Profile) -> str:
    """A digest of what the profile says (an edited file with the same id differs)."""
    return hashlib.sha256(profile.model_dump_json().encode()).hexdigest()


class ProfileError(Exception):
    """A profile file is missing or invalid: ``code`` says why (data/messages.toml), ``origin``
    where, ``detail`` the parser's own words. ``str()`` is the English message."""

    def __init__(self, code: str, origin: str, detail: str = "") -> None:
        self.code, self.origin, self.detail = code, origin, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        return profile_error_message(self.code, self.origin, self.detail, lang)


def bundled_profiles() -> dict[str, str]:
    """Bundled profile id → its description line."""
    out: dict[str, str] = {}
    for entry in resources.files("tcdlcl_parse").joinpath("profiles").iterdir():
        if entry.name.endswith(".toml"):
            profile = _parse(entry.read_text("utf-8"), entry.name)
            out[profile.id] = profile.name
    return out


def load_profile(name_or_path: str | Path | Profile) -> Profile:
    """A bundled profile by id (``cv3078``) or a profile file by path (a profile: itself)."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise ProfileError("missing", str(path))
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError("unreadable", str(path), str(exc)) from exc
        return _parse(text, str(path))
    entry = resources.files("tcdlcl_parse").joinpath("profiles", f"{name_or_path}.toml")
    if not entry.is_file():
        known = ", ".join(sorted(bundled_profiles()))
        raise ProfileError("unknown", str(name_or_path), known)
    return _parse(entry.read_text("utf-8"), f"{name_or_path}.toml")


def _parse(text: str, origin: str) -> Profile:
    try:
        return Profile.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError("not-toml", origin, str(exc)) from exc
    except RecursionError as exc:  # tomllib and the validation recurse once per nested level
        raise ProfileError("too-deep", origin) from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or '(top)'}: {error['msg']}"
            for error in exc.errors()
        )
        raise ProfileError("invalid", origin, problems) from exc


def profile_json_schema() -> dict[str, object]:
    return Profile.model_json_schema()
