"""Write docs/rules.md from the rule catalogue (src/tcdlcl_parse/data/rules.toml).

Run after editing rules.toml; tests/test_rules.py fails while the page is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tcdlcl_parse.rules import rules

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_FAMILIES = {
    "F": "Format elements (Decree 30/2020/NĐ-CP)",
    "S": "Structure",
    "C": "Citations",
    "Q": "Quality of content",
}


def render() -> str:
    out = [
        "# Finding codes",
        "",
        "Every finding has a stable code, a severity and a message in Vietnamese (default) or",
        "English. A report *passes* when it has no finding of severity `error`.",
        "This page is generated from `src/tcdlcl_parse/data/rules.toml` by",
        "`python scripts/build_rules_doc.py`.",
        "",
        "| Code | Severity | Title |",
        "|---|---|---|",
    ]
    catalogue = sorted(rules().values(), key=lambda r: r.code)
    out += [f"| [{r.code}](#{r.code.lower()}) | {r.severity} | {r.title_en} |" for r in catalogue]
    family = None
    for rule in catalogue:
        if rule.code[0] != family:
            family = rule.code[0]
            out += ["", f"## {_FAMILIES.get(family, family)}"]
        out += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.title_en}** — *{rule.title_vi}*. Severity: `{rule.severity}`.",
        ]
        if rule.explanation:
            out += ["", rule.explanation.strip()]
        if rule.example:
            out += ["", "Example:", "", "```text", rule.example.strip(), "```"]
        out += [
            "",
            f"Message (vi): `{rule.message_vi}`" + (f" + `{rule.hint_vi}`" if rule.hint_vi else ""),
            "",
            f"Message (en): `{rule.message_en}`" + (f" + `{rule.hint_en}`" if rule.hint_en else ""),
        ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
