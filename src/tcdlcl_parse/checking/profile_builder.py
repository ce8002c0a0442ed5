"""Build a profile from a request letter and its outline ("Đề cương báo cáo").

Sections come from the outline's headings (read by :func:`parse_sections`), the request, the
required citations and recipient, the deadline and the document type from the letter. Every
value remembers the line it came from, so the written TOML can say where to look.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..messages import labels
from ..models import Citation, Section, SourceDocument
from ..normalize import ascii_key
from ..parsing.citations import extract_citations
from ..parsing.dates import find_dates
from ..parsing.header import parse_metadata
from ..parsing.outline import parse_sections
from ..parsing.reference import issuer_names, type_codes_by_name, type_names
from ..parsing.regions import Regions, find_regions
from ..reading import ReadOptions, read
from ..vocabulary import word_list
from .profile import EvidenceSpec, Profile, SectionSpec

Source = str | Path | bytes | SourceDocument

_PARENTHESIS_END_RE = re.compile(r"\s*\(([^()]*)\)\.?\s*$")
_YEAR_RE = re.compile(r"\s*\bnăm\s+(\d{4})\b", re.IGNORECASE)
_CLOSING_RE = re.compile(r"^(?:nơi nhận|trên đây|(?:tm|kt|tl|tuq)\.\s)", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"^(?:V/v|Về việc)\s+(?P<subject>.+)$", re.IGNORECASE)
_ASKED_ABOUT_RE = re.compile(
    r"(?:V/v|báo cáo (?:kết quả|tình hình|việc)?\s*(?:thực hiện|triển khai))", re.IGNORECASE
)
_ASKED_ABOUT_REACH = 80
# "theo Đề cương gửi kèm", "Đề cương đính kèm", "(Đề cương kèm theo)": outline in another file.
_ATTACHED_RE = re.compile(r"de cuong (?:(?:gui|dinh) )?kem")
_KINH_GUI_RE = re.compile(r"^kính gửi\b", re.IGNORECASE)
_PLACE_LINE_RE = re.compile(r"^(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\s")
_HEADER_CELL_SPLIT_RE = re.compile(r"\s{3,}|\t")
_NATIONAL_RE = re.compile(r"cong hoa|doc lap|dang cong san")
# Guidance that asks for figures: done claims with a quantity (finding Q001).
_FIGURES = EvidenceSpec(min_claims=1, status=["done"], with_quantity=True)
_PARAGRAPH_GUIDANCE_RE = re.compile(r"^\((?P<text>.+)\)\.?$", re.DOTALL)


class ProfileBuildError(Exception):
    """The letter or outline cannot give a profile; ``code`` names why (messages.toml)."""

    def __init__(self, code: str, **params: str) -> None:
        self.code = code
        self.params = params
        super().__init__(code + (f": {params}" if params else ""))


@dataclass
class Draft:
    """A profile and, for each of its values, where it came from."""

    profile: Profile
    origins: dict[str, tuple[str, int]] = field(
        default_factory=dict
    )  # "section:II.1" → ("outline", 12)


# ---------------------------------------------------------------- reading the outline


@cache
def _synonym_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(part.strip() for part in line.split(";") if part.strip())
        for line in word_list("tu-dong-nghia.txt")
    )


def _keys(name: str) -> tuple[str, ...]:
    return tuple(ascii_key(word) for word in word_list(name))


def _strip_fillers(text: str) -> str:
    """Without diacritics "để" would be "de" in "đề án": lowercase text is compared as is."""
    changed = True
    while changed:
        changed = False
        for filler in word_list("tu-dem-tieu-de.txt"):
            if text.lower().startswith(filler + " "):
                text, changed = text[len(filler) + 1 :].strip(), True
    return text


def _without_leading_action(text: str) -> str:
    for action in word_list("tu-hanh-dong-tieu-de.txt"):
        if text.startswith(action + " "):
            return text[len(action) + 1 :].strip()
    return text


def _head(text: str) -> str:
    """The text before its qualifier: "nguồn nhân lực trong lĩnh vực …" → "nguồn nhân lực"."""
    lowered = text.lower()
    cuts = [
        m.start()
        for q in word_list("tu-noi-tieu-de.txt")
        for m in re.finditer(rf" {q}(?!\w)", lowered)
    ]
    return text[: min(cuts)].strip(" ,") if cuts else text


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r",|\svà\s", text) if part.strip()]


def _without_parent_words(text: str, parent_title: str) -> str:
    """Without the first words the parent's heading already says: "cải cách tổ chức bộ máy"
    under "… nhiệm vụ cải cách hành chính" → "tổ chức bộ máy"."""
    words = text.split()
    parent = f" {parent_title.lower()} "
    # Two syllables at least: one syllable is rarely a word ("kiểm" of "kiểm nghiệm" is not
    # the "kiểm" of "kiểm tra").
    if len(words) > 3 and f" {' '.join(words[:2])} " in parent:
        return " ".join(words[2:])
    return text


def _abbreviated(text: str, group: tuple[str, ...]) -> list[str]:
    """Variants with the group's abbreviation: "nhiệm vụ cải cách hành chính" → "nhiệm vụ CCHC"."""
    short = [member for member in group if member.isupper()]
    if not short:
        return []
    out = []
    for member in group:
        if member not in short and re.search(rf"(?<!\w){re.escape(member)}(?!\w)", text):
            out += [text.replace(member, abbreviation) for abbreviation in short]
    return out


def derive_aliases(title: str, parent_title: str = "") -> list[str]:
    """Key phrases a heading may use for ``title``: its parts without fillers, synonyms, the
    year kept on each part, without the words its parent's title already says."""
    lowered = re.sub(r"[\"“”'‘’]", "", title.lower())
    year_match = _YEAR_RE.search(lowered)
    without_year = _YEAR_RE.sub("", lowered).strip()
    base = _strip_fillers(without_year)
    head = _head(base)
    candidates = [base, head]
    action, *objects = re.split(r"\s(?:các|những)\s", head, maxsplit=1)
    candidates.append(action)
    if objects and ascii_key(action) in _keys("tu-chung-chung.txt"):
        # "tổ chức thực hiện các chương trình, …": the objects name the section; in "kết quả
        # thực hiện các nhiệm vụ trọng tâm" they only complete its name.
        candidates.append(objects[0])
    parts = [_strip_fillers(part) for part in _split(head)]
    candidates += parts
    if len(parts) == 1 and len(head.split()) <= 2 and head != base:
        # "Thiệt hại đối với cây lúa": the head says little, what follows names the section.
        tail = re.sub(rf"^{re.escape(head)}\s+(?:đối với|về)\s+", "", base)
        if tail != base:
            candidates += [tail, *(_strip_fillers(part) for part in _split(tail))]
    if len(parts) > 1:
        candidates.append(", ".join(parts[:2]))
    action_object = _without_leading_action(base)
    if action_object != base:  # "ban hành kế hoạch kiểm tra" → "kế hoạch kiểm tra"
        candidates.append(action_object)
    purpose = re.search(r"\s(?:để|nhằm)\s+(.+)$", base)
    if purpose:  # "… đề án để thúc đẩy năng suất, chất lượng" → "năng suất, chất lượng"
        candidates.append(_strip_fillers(purpose.group(1)))
    if parent_title:
        candidates += [_without_parent_words(c, parent_title) for c in list(candidates)]
    for candidate in list(candidates):
        key = ascii_key(candidate)
        for group in _synonym_groups():
            if any(ascii_key(member) == key for member in group):
                candidates += group
            candidates += _abbreviated(candidate, group)
    if year_match:
        candidates += [f"{c} năm {year_match.group(1)}" for c in list(candidates) if c in parts]
    generic = set(_keys("tu-chung-chung.txt"))
    out: list[str] = []
    seen = {ascii_key(title)}
    for candidate in candidates:
        key = ascii_key(candidate)
        if key in seen or key in generic or len(key.split()) < 2:
            continue
        seen.add(key)
        out.append(candidate)
    return out


def _title_and_notes(title: str) -> tuple[str, list[str]]:
    """The heading's title without its trailing parentheses, and what they said."""
    notes: list[str] = []
    while match := _PARENTHESIS_END_RE.search(title):
        notes.insert(0, match.group(1).strip())
        title = title[: match.start()].rstrip()
    return title.rstrip(" :."), notes


def _is_optional(notes: list[str]) -> bool:
    markers = _keys("tu-tuy-chon.txt")
    return any(marker in ascii_key(note) for note in notes for marker in markers)


def _asks_for_figures(description: str) -> bool:
    """With diacritics: "số" (number) is not "sổ" (ledger)."""
    text = " " + " ".join(re.sub(r"[^\w]+", " ", description.lower()).split()) + " "
    return any(f" {word} " in text for word in word_list("tu-hoi-so-lieu.txt"))


def _body_guidance(document: SourceDocument, section: Section) -> list[str]:
    """Guidance under a heading: a paragraph in parentheses or in italics, before any child."""
    end = section.children[0].start if section.children else section.body_end
    body = document.text[section.body_start : end].strip()
    if not body:
        return []
    found = _PARAGRAPH_GUIDANCE_RE.match(body)
    if found:
        return [" ".join(found.group("text").split())]
    italic = [
        line.text
        for line in document.lines
        if section.body_start <= line.start < end and line.italic
    ]
    return [" ".join(" ".join(italic).split())] if italic else []


def _sentence_case(title: str) -> str:
    return title[:1] + title[1:].lower() if title.isupper() else title


def _line_number(document: SourceDocument, offset: int) -> int:
    return next((i + 1 for i, line in enumerate(document.lines) if line.end >= offset), 0)


def _outline_regions(document: SourceDocument) -> Regions | None:
    """Where the outline is: after an "ĐỀ CƯƠNG" title line, after a line ending "… nội dung
    sau:", or the whole document when it is an outline alone (no letter header)."""
    lines = document.lines
    openers = _keys("tu-mo-de-cuong.txt")
    keys = [ascii_key(line.text.strip()) for line in lines]
    # The title "ĐỀ CƯƠNG BÁO CÁO", a short line.
    start = next(
        (i + 1 for i, key in enumerate(keys) if key.startswith(openers[0]) and len(key) <= 40), None
    )
    if start is None and _ATTACHED_RE.search(ascii_key(document.text)):
        return None  # "theo Đề cương gửi kèm": the outline is another file
    if start is None:
        start = next(
            (
                i + 1
                for i, key in enumerate(keys)
                if key.endswith(":") and any(key[:-1].rstrip().endswith(o) for o in openers[1:])
            ),
            None,
        )
    if start is None:
        metadata = parse_metadata(document)
        if metadata.symbol is not None or any("kinh gui" in key for key in keys):
            return None
        start = find_regions(document).content_start
    closing = next(
        (i for i in range(start, len(lines)) if _CLOSING_RE.match(lines[i].text.strip())),
        len(lines),
    )
    return Regions(type_line=None, content_start=start, closing_start=closing, ending_sentence=None)


def _sections(
    document: SourceDocument, draft_origins: dict[str, tuple[str, int]], where: str
) -> list[SectionSpec]:
    regions = _outline_regions(document)
    outline = parse_sections(document, regions) if regions is not None else []
    if all(document.text[node.end : node.end + 1] == ":" for node in outline):
        outline = []  # "1. Nội dung báo cáo: …" — numbered paragraphs of a letter, no outline
    specs: list[SectionSpec] = []

    def visit(nodes: list[Section], parent: str | None, parent_title: str = "") -> None:
        for node in nodes:
            number = node.number.rsplit(".", 1)[-1]  # "2.3" under "2" is "2.3", not "2.2.3"
            if "upper" in node.scheme:
                number = number.upper()  # part "A." keeps its capital in the id
            section_id = f"{parent}.{number}" if parent else number
            if section_id in {spec.id for spec in specs}:
                continue  # a repeated number: the outline reader reports it, we keep the first
            title, notes = _title_and_notes(" ".join(node.title.split()))
            notes += _body_guidance(document, node)
            guidance = [n for n in notes if not _is_optional([n])]
            description = " ".join(guidance)
            title = _sentence_case(title)
            specs.append(
                SectionSpec(
                    id=section_id,
                    title=title,
                    aliases=derive_aliases(title, parent_title),
                    required=not _is_optional(notes),
                    description=description,
                    evidence=_FIGURES if _asks_for_figures(description) else None,
                )
            )
            draft_origins[f"section:{section_id}"] = (where, _line_number(document, node.start))
            visit(node.children, section_id, title)

    visit(outline, None)
    return _distinct_among_siblings(specs)


def _match_key(text: str) -> str:
    return " ".join(ascii_key(text).replace(",", " ").split())


def _clashes(alias: str, siblings: list[str], children: list[str]) -> bool:
    key = f" {_match_key(alias)} "
    return any(key in title for title in siblings) or sum(key in title for title in children) == 1


def _distinct_among_siblings(specs: list[SectionSpec]) -> list[SectionSpec]:
    """An alias that a sibling's title also says would let one heading satisfy both sections:
    it is dropped ("thiệt hại" for two "Thiệt hại đối với …" sections). So is a parent's alias
    that one child alone says ("chỉ đạo" for "Công tác chỉ đạo và triển khai" over "Chỉ đạo,
    phân công"); said by several children, it is their common theme and stays."""
    out = []
    for spec in specs:
        siblings = [f" {_match_key(s.title)} " for s in specs if s.parent == spec.parent]
        siblings.remove(f" {_match_key(spec.title)} ")
        children = [f" {_match_key(s.title)} " for s in specs if s.parent == spec.id]

        kept = [alias for alias in spec.aliases if not _clashes(alias, siblings, children)]
        out.append(spec.model_copy(update={"aliases": kept}))
    return out


# ---------------------------------------------------------------- reading the letter


def _header_cells(document: SourceDocument, stop: int) -> list[tuple[str, int]]:
    """The left cells of the header lines (before the symbol line), with their offsets."""
    cells = []
    for line in document.lines[:stop]:
        cell = _HEADER_CELL_SPLIT_RE.split(line.text.strip())[0].strip(" -_")
        if cell and cell.isupper() and not _NATIONAL_RE.search(ascii_key(cell)):
            cells.append((cell, line.start))
    return cells


def _as_written(document: SourceDocument, upper: str) -> str:
    """A name in capitals as the letter writes it in its body ("Sở Khoa học và Công nghệ")."""
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, upper.split())) + r"\b", re.IGNORECASE)
    for match in pattern.finditer(document.text):
        if not match.group(0).isupper():
            return " ".join(match.group(0).split())
    return upper.capitalize()


def _abbreviations(name: str) -> list[str]:
    """Usual short forms of a body's name: "Sở Khoa học và Công nghệ" → "Sở KH&CN", "Sở KHCN"…"""
    council = re.match(r"Ủy ban nhân dân\s+(\w+)", name)
    if council:  # "Ủy ban nhân dân tỉnh Quảng Ngãi" → "UBND tỉnh Quảng Ngãi", "UBND tỉnh"
        return [name.replace("Ủy ban nhân dân", "UBND"), f"UBND {council.group(1)}"]
    kind, _, rest = name.partition(" ")
    groups = [g.strip() for g in re.split(r"\s+và\s+|,\s*", rest) if g.strip()]
    if len(groups) < 2:
        return []
    initials = ["".join(w[0].upper() for w in g.split()) for g in groups]
    return [
        f"{kind} {'&'.join(initials)}",
        f"{kind} {''.join(initials)}",
        f"{kind} {' và '.join(initials)}",
        f"{kind} {' '.join(groups)}",
    ]


def _place(cells: list[tuple[str, int]]) -> str:
    """The superior's place, if any: "UBND TỈNH QUẢNG NGÃI" → "tỉnh Quảng Ngãi"."""
    for cell, _ in cells:
        match = re.search(r"\b(TỈNH|THÀNH PHỐ)\s+(.+)$", cell)
        if match:
            return f"{match.group(1).lower()} {match.group(2).title()}"
    return ""


def _document_kind(citation: Citation) -> str:
    """The type name of a cited document: as written, else from its symbol's type code (none,
    or CV, is a công văn)."""
    if citation.doc_type:
        return citation.doc_type
    names = {code: name for name, codes in type_codes_by_name().items() for code in codes}
    name = names.get(citation.type_code or "CV", "cong van")
    return type_names().get(name, citation.type_code or "")


def _own_kind(symbol: str) -> str:
    found = extract_citations(f"số {symbol}")
    return _document_kind(found[0]) if found else type_names()["cong van"]


def _letter(
    document: SourceDocument, profile: dict[str, object], origins: dict[str, tuple[str, int]]
) -> None:
    metadata = parse_metadata(document)
    if metadata.symbol is None or metadata.date is None:
        raise ProfileBuildError("no-request-header")
    symbol_line = _line_number(document, metadata.symbol_span.start if metadata.symbol_span else 0)
    cells = _header_cells(document, symbol_line - 1)
    issuer = _as_written(document, cells[-1][0]) if cells else (metadata.issuer or "")
    place = _place(cells[:-1])
    if cells and _PLACE_LINE_RE.match(cells[-1][0]) and metadata.issuer:
        # "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG NGÃI": the two lines name one body.
        issuer, place = metadata.issuer.replace("UBND", "Ủy ban nhân dân"), ""
    request = {"symbol": metadata.symbol, "date": dt.date.fromisoformat(metadata.date)}
    origins["request"] = ("letter", symbol_line)
    deadline = _deadline(document)
    if deadline is not None:
        request["deadline"] = deadline[0]
        origins["deadline"] = ("letter", deadline[1])
    profile["request"] = request
    own_kind = _own_kind(metadata.symbol)
    profile["required_citations"] = [
        {"symbol": metadata.symbol, "doc_type": own_kind, "date": request["date"],
         "issuer": f"{issuer} {place}".strip()},
        *_asked_about(document, origins, place),
    ]  # fmt: skip
    origins[f"citation:{metadata.symbol}"] = ("letter", symbol_line)
    if issuer:
        profile["required_recipients"] = [{"name": issuer, "aliases": _abbreviations(issuer)}]
        origins["recipient"] = ("letter", _line_number(document, cells[-1][1]) if cells else 1)
    asked = re.search(r"\bbáo cáo\b", document.text, re.IGNORECASE)
    if asked:
        profile["doc_type"] = type_names()[ascii_key("báo cáo")]
        origins["doc_type"] = ("letter", _line_number(document, asked.start()))
    text = _subject(document)
    if text:
        names = labels("profile_toml", "vi")  # a profile's name is Vietnamese, as its titles
        profile["name"] = names["name"].format(
            subject=f"{text[:1].upper()}{text[1:]}", kind=own_kind, symbol=metadata.symbol
        )


def _subject(document: SourceDocument) -> str | None:
    """The trích yếu after "V/v", with the lines it wraps onto (up to "Kính gửi")."""
    lines = document.lines[:16]
    for index, line in enumerate(lines):
        found = _SUBJECT_RE.match(line.text.strip())
        if found is None:
            continue
        words = [found.group("subject").strip()]
        for following in lines[index + 1 : index + 3]:
            text = following.text.strip()
            if (
                not text
                or _KINH_GUI_RE.match(text)
                or document.text[following.start - 2 : following.start] == "\n\n"
            ):
                break
            words.append(text)
        return " ".join(words)
    return None


def _deadline(document: SourceDocument) -> tuple[dt.date, int] | None:
    key_text = ascii_key(document.text)
    for trigger in _keys("tu-han-nop.txt"):
        for match in re.finditer(rf"\b{re.escape(trigger)}\b", key_text):
            date = next(find_dates(document.text, match.end(), match.end() + 16), None)
            if date is not None and date.date is not None and date.start - match.end() <= 6:
                return date.date, _line_number(document, match.start())
    return None


def _asked_about(
    document: SourceDocument, origins: dict[str, tuple[str, int]], place: str
) -> list[dict[str, object]]:
    """The documents the report is asked about: cited right after "V/v …" or "báo cáo kết quả
    thực hiện …"."""
    starts = [m.end() for m in _ASKED_ABOUT_RE.finditer(document.text)]
    found: list[dict[str, object]] = []
    metadata_symbol = parse_metadata(document).symbol
    for citation in extract_citations(document.text):
        if citation.symbol == metadata_symbol or any(c["symbol"] == citation.symbol for c in found):
            continue
        mention = next(
            (m for m in citation.mentions
             if any(0 <= m.start - s <= _ASKED_ABOUT_REACH for s in starts)),
            None,
        )  # fmt: skip
        if mention is None:
            continue
        entry: dict[str, object] = {"symbol": citation.symbol, "doc_type": _document_kind(citation)}
        if citation.date:
            entry["date"] = dt.date.fromisoformat(citation.date)
        issuer = _issuer_of(citation, place)
        if issuer:
            entry["issuer"] = issuer
        found.append(entry)
        origins[f"citation:{citation.symbol}"] = ("letter", _line_number(document, mention.start))
    return found


def _issuer_of(citation: Citation, place: str) -> str | None:
    code = citation.issuer_code or ""
    if code == "UBND":
        return f"Ủy ban nhân dân {place}".strip()
    return issuer_names().get(code) or citation.issuer


# ---------------------------------------------------------------- the profile


def _read(source: Source, options: ReadOptions | None) -> SourceDocument:
    return source if isinstance(source, SourceDocument) else read(source, None, options)


def _preamble_request(
    document: SourceDocument, profile: dict[str, object], origins: dict[str, tuple[str, int]]
) -> None:
    """Without a letter: the request named at the top of the outline ("Kèm theo Công văn số …")."""
    regions = _outline_regions(document)
    headings = parse_sections(document, regions) if regions is not None else []
    preamble = document.text[: headings[0].start if headings else len(document.text)]
    dated = [c for c in extract_citations(preamble) if c.date]
    if not dated:
        raise ProfileBuildError("no-request")
    attached = re.search(r"kèm theo", preamble, re.IGNORECASE)
    # "(Kèm theo Công văn số …)" names the request; the others are what it asks about.
    request = next(
        (c for c in dated if attached and c.mentions[0].start > attached.end()), dated[0]
    )
    dated.remove(request)
    profile["request"] = {
        "symbol": request.symbol,
        "date": dt.date.fromisoformat(str(request.date)),
    }
    profile["required_citations"] = [
        {
            "symbol": c.symbol,
            "doc_type": _document_kind(c),
            "date": dt.date.fromisoformat(str(c.date)),
        }
        for c in (request, *dated)
    ]
    for citation in (request, *dated):
        line = _line_number(document, citation.mentions[0].start)
        origins[f"citation:{citation.symbol}"] = ("outline", line)
    origins["request"] = origins[f"citation:{request.symbol}"]


def build_draft(
    outline: Source,
    request: Source | None = None,
    *,
    profile_id: str | None = None,
    options: ReadOptions | None = None,
) -> Draft:
    """The profile an outline (and its request letter) describes, with where each value came
    from. Raises :class:`ProfileBuildError` when the outline has no headings."""
    outline_document = _read(outline, options)
    origins: dict[str, tuple[str, int]] = {}
    same = request is outline or str(request) == str(outline)
    if request is None and parse_metadata(outline_document).symbol is not None:
        same = True  # the letter itself, its outline written in its body
    letter = (
        outline_document if same else (_read(request, options) if request is not None else None)
    )
    where = "letter" if letter is outline_document else "outline"
    sections = _sections(outline_document, origins, where)
    if not sections:
        raise ProfileBuildError("no-outline", source=outline_document.source)
    data: dict[str, object] = {"doc_type": "Báo cáo"}
    if letter is not None:
        _letter(letter, data, origins)
    else:
        _preamble_request(outline_document, data, origins)
    symbol = str(data["request"]["symbol"])  # type: ignore[index]
    number = symbol.split("/", 1)[0].split("-", 1)[0]
    kind = _own_kind(symbol).lower()
    data.setdefault(
        "name", labels("profile_toml", "vi")["name_fallback"].format(kind=kind, symbol=symbol)
    )
    found = extract_citations(f"số {symbol}")
    prefix = ascii_key(found[0].type_code or "cv").lower() if found else "cv"
    data["id"] = profile_id or f"{prefix}{number}"  # "cv3078", "kh215"
    data["sections"] = sections
    return Draft(Profile.model_validate(data), origins)


def profile_from_outline(outline: Source, request: Source | None = None) -> Profile:
    """A profile from an outline ("Đề cương báo cáo", PDF, DOCX or text; it may be a section
    of the letter itself) and, when given, its request letter."""
    return build_draft(outline, request).profile


# ---------------------------------------------------------------- TOML


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value), ensure_ascii=False)


_LINE_MAX = 100


def _table(values: dict[str, object]) -> list[str]:
    """``key = value`` lines; a long list one item a line, so a reviewer can edit it."""
    out = []
    for key, value in values.items():
        if value in (None, "", []):
            continue
        line = f"{key} = {_value(value)}"
        if isinstance(value, list) and len(line) > _LINE_MAX:
            line = f"{key} = [\n" + "".join(f"  {_value(v)},\n" for v in value) + "]"
        out.append(line)
    return out


def to_toml(draft: Draft, lang: str = "vi") -> str:
    """The profile as commented TOML: each value says the line it was taken from."""
    words = labels("profile_toml", lang)
    profile, origins = draft.profile, draft.origins
    data = profile.model_dump(mode="python")

    def note(key: str, label: str = "") -> list[str]:
        if key not in origins:
            return []
        kind, line = origins[key]
        return [f"# {label}{words['from_' + kind].format(line=line)}"]

    out = [f"# {line}" for line in words["header"]]
    out += ["", *_table({k: data[k] for k in ("id", "name", "description")})]
    out += [*note("doc_type"), f"doc_type = {_value(profile.doc_type)}", "", "[request]"]
    out += [*note("request"), *note("deadline", words["deadline"] + ": "), *_table(data["request"])]
    for citation in data["required_citations"]:
        out += [
            "",
            "[[required_citations]]",
            *note(f"citation:{citation['symbol']}"),
            *_table(citation),
        ]
    for recipient in data["required_recipients"]:
        out += ["", "[[required_recipients]]", *note("recipient"), *_table(recipient)]
    for section in data["sections"]:
        if section["required"]:
            del section["required"]  # the default; only "required = false" is written
        out += ["", "[[sections]]", *note(f"section:{section['id']}"), *_table(section)]
    return "\n".join(out) + "\n"
