"""Profiles: what a report answering one request must contain, as data (TOML).

A profile is validated by :class:`Profile`; ``tcdlcl profiles --schema`` exports its JSON Schema
for editors. Bundled profiles live in ``profiles/`` inside the package; a user's own profiles in
``$XDG_CONFIG_HOME/tcdlcl/profiles/`` (``~/.config/tcdlcl/profiles/``) are found by id too, and
any file is passed with ``--profile path/to/file.toml``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
from collections.abc import Iterable
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..messages import finding_codes, profile_error_message
from ..models import ClaimStatus, Severity


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceSpec(_Spec):
    """What a section must show to count as reporting results (finding Q001)."""

    min_claims: int = Field(1, ge=1, description="At least this many matching claims.")
    status: list[ClaimStatus] = Field(
        default_factory=lambda: list[ClaimStatus](["done"]),
        description="Claim statuses that count.",
    )
    with_quantity: bool = Field(True, description="Only claims that state a quantity count.")

    @model_validator(mode="after")
    def _vague_is_no_evidence(self) -> EvidenceSpec:
        if "vague" in self.status:
            raise ValueError("vague claims never count as evidence: remove 'vague' from status")
        return self


class SectionSpec(_Spec):
    id: str = Field(description="Stable id, e.g. 'II.3'. Dots give the parent: 'II' for 'II.3'.")
    title: str = Field(description="Canonical title, as the request letter words it.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Key phrases a heading may use instead (matched fuzzily, without diacritics).",
    )
    required: bool = True
    description: str = Field("", description="What the request asks this section to say.")
    evidence: EvidenceSpec | None = None

    @cached_property  # asked for every section at every level of every match
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
        default_factory=list,
        description="Finding codes this request does not check, e.g. ['F011'].",
    )
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Severity per finding code, e.g. {F010 = 'error'}."
    )

    @model_validator(mode="after")
    def _known_codes(self) -> Profile:
        unknown = sorted({*self.ignore, *self.severity} - finding_codes())
        if unknown:
            raise PydanticCustomError(
                "unknown_codes", "unknown finding codes: {codes}", {"codes": unknown}
            )
        return self

    @model_validator(mode="after")
    def _parents_exist(self) -> Profile:
        ids = [section.id for section in self.sections]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise PydanticCustomError(
                "duplicate_ids", "duplicate section ids: {ids}", {"ids": sorted(duplicates)}
            )
        for section in self.sections:
            if section.parent is not None and section.parent not in ids:
                raise PydanticCustomError(
                    "missing_parent",
                    "section {id}: parent {parent} not defined",
                    {"id": section.id, "parent": section.parent},
                )
        return self

    @cached_property
    def children(self) -> dict[str | None, list[SectionSpec]]:
        """Sections by their parent's id (None: the top level), in profile order."""
        children: dict[str | None, list[SectionSpec]] = {}
        for spec in self.sections:
            children.setdefault(spec.parent, []).append(spec)
        return children

    def section(self, section_id: str) -> SectionSpec:
        return next(s for s in self.sections if s.id == section_id)


def profile_sha256(profile: Profile) -> str:
    """A digest of what the profile says (an edited file with the same id differs)."""
    return hashlib.sha256(profile.model_dump_json().encode()).hexdigest()


class ProfileError(Exception):
    """A profile is unknown, missing or invalid. ``code`` is stable (``unknown``, ``no-file``,
    ``not-utf8``, ``not-toml``, ``invalid``); :meth:`message` says where, in either language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        return profile_error_message(self.code, self.params, lang)


def bundled_profiles() -> dict[str, str]:
    """Bundled profile id → its description line."""
    out: dict[str, str] = {}
    for entry in resources.files("tcdlcl_parse").joinpath("profiles").iterdir():
        if entry.name.endswith(".toml"):
            profile = _parse(entry.read_text("utf-8"), entry.name)
            out[profile.id] = profile.name
    return out


def user_profile_dir() -> Path:
    """Where a user's own profiles are found by id: ``$XDG_CONFIG_HOME/tcdlcl/profiles``."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "tcdlcl" / "profiles"


def user_profiles() -> dict[str, tuple[str, Path]]:
    """User profile id → (its description line, its file). A file that does not load is left
    out here and reported when asked for by path."""
    folder = user_profile_dir()
    out: dict[str, tuple[str, Path]] = {}
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            profile = _parse(path.read_text("utf-8"), str(path))
        except (OSError, UnicodeDecodeError, ProfileError):
            continue
        out.setdefault(profile.id, (profile.name, path))
    return out


def load_profile(name_or_path: str | Path | Profile) -> Profile:
    """A bundled profile by id (``cv3078``) or a profile file by path (a profile: itself)."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise ProfileError("no-file", path=str(path))
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError("not-utf8", path=str(path)) from exc
        return _parse(text, str(path))
    entry = resources.files("tcdlcl_parse").joinpath("profiles", f"{name_or_path}.toml")
    if entry.is_file():
        return _parse(entry.read_text("utf-8"), f"{name_or_path}.toml")
    own = user_profiles().get(str(name_or_path))
    if own is not None:
        return load_profile(own[1])
    known = ", ".join(sorted([*bundled_profiles(), *user_profiles()]))
    raise ProfileError(
        "unknown", name=str(name_or_path), bundled=known, folder=str(user_profile_dir())
    )


def ignoring(profile: Profile, codes: Iterable[str]) -> Profile:
    """``profile`` that also ignores ``codes`` (``--ignore``); unknown codes: ProfileError."""
    data = {**profile.model_dump(), "ignore": [*profile.ignore, *codes]}
    return _validated(data, "--ignore")


# tomllib says where in its message only: "… (at line 3, column 7)".
_TOML_PLACE_RE = re.compile(r"at line (\d+), column (\d+)")


def _parse(text: str, origin: str) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_PLACE_RE.search(str(exc))
        line, column = place.groups() if place else (None, None)
        raise ProfileError("not-toml", path=origin, line=line, column=column) from exc
    except RecursionError as exc:  # tomllib and the validation recurse once per nested level
        raise ProfileError("too-deep", path=origin) from exc
    return _validated(data, origin)


def _validated(data: dict[str, Any], origin: str) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = [
            {
                "loc": ".".join(str(part) for part in error["loc"]),
                "type": error["type"],
                "msg": error["msg"],
                "ctx": dict(error.get("ctx", {})),
            }
            for error in exc.errors()
        ]
        raise ProfileError("invalid", origin=origin, problems=problems) from exc
    except RecursionError as exc:
        raise ProfileError("too-deep", path=origin) from exc


def profile_json_schema() -> dict[str, object]:
    return Profile.model_json_schema()
