"""Write docs/rules.md from the rule units (src/tcdlcl_parse/checking/rules/) and the message
catalogue (src/tcdlcl_parse/data/messages.toml).

Run after adding or editing a rule; tests/test_rules.py fails while the page is out of date.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from tcdlcl_parse.checking.rules import Rule, all_rules
from tcdlcl_parse.messages import catalogue

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_FAMILIES = {
    "F": "Format elements (Decree 30/2020/NĐ-CP)",
    "S": "Structure",
    "C": "Citations",
    "Q": "Quality of content",
}


def _example(rule: Rule) -> list[str]:
    """The example as a diff from the counter-example (the lines that make the rule fire)."""
    if not rule.example:
        return []
    if not rule.counter_example:
        return ["", "Example (fires the rule):", "", "```text", rule.example.strip(), "```"]
    diff = difflib.unified_diff(
        rule.counter_example.splitlines(), rule.example.splitlines(), lineterm="", n=1
    )
    body = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
    read = " (both as OCR text of a scan)" if rule.example_ocr else ""
    change = "the counter-example (`-`, does not fire) changed into the example (`+`, fires)"
    return [
        "",
        f"Example: {change}{read}:",
        "",
        "```diff",
        *body,
        "```",
    ]


def _severity(rule: Rule, mark: str = "") -> str:
    """ "error", or "error (warning on a scan)" for a rule whose lines OCR may not read."""
    scan = f" ({mark}{rule.on_scan}{mark} on a scan)" if rule.on_scan else ""
    return f"{mark}{rule.severity}{mark}{scan}"


def render() -> str:
    messages = catalogue()["finding"]
    out = [
        "# Finding codes",
        "",
        "Every finding has a stable code, a severity and a message in Vietnamese (default) or",
        "English. A report *passes* when it has no finding of severity `error`. A profile may",
        "turn codes off (`ignore = [\"F011\"]`) or change their severity",
        "(`severity = { F010 = \"error\" }`); `tcdlcl check --ignore CODE` turns one off for a run.",
        "This page is generated from the rule units and `src/tcdlcl_parse/data/messages.toml` by",
        "`python scripts/build_rules_doc.py`; each example below is a test fixture.",
        "",
        "| Code | Severity | Needs a profile | Title |",
        "|---|---|---|---|",
    ]
    rules = all_rules()
    out += [
        f"| [{code}](#{code.lower()}) | {_severity(rule)} | {'yes' if rule.needs == 'profile' else 'no'} "
        f"| {messages[code]['title']['en']} |"
        for code, rule in rules.items()
    ]
    family = None
    for code, rule in rules.items():
        entry = messages[code]
        if code[0] != family:
            family = code[0]
            out += ["", f"## {_FAMILIES.get(family, family)}"]
        out += [
            "",
            f"### {code}",
            "",
            f"**{entry['title']['en']}** — *{entry['title']['vi']}*. Severity: {_severity(rule, '`')}.",
            "",
            rule.explanation,
            *_example(rule),
        ]
        for lang in ("vi", "en"):
            hint = entry.get("hint", {}).get(lang)
            out += ["", f"Message ({lang}): `{entry['message'][lang]}`" + (f" + `{hint}`" if hint else "")]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
