import importlib.util
from pathlib import Path

from tcdlcl_parse.rules import make_finding, rules

ROOT = Path(__file__).resolve().parent.parent


def test_every_rule_renders_in_both_languages():
    for code, rule in rules().items():
        params = {name: "x" for name in _placeholders(rule.message_vi + rule.message_en + (rule.hint_vi or "") + (rule.hint_en or ""))}
        vi = make_finding(code, lang="vi", **params)
        en = make_finding(code, lang="en", **params)
        assert vi.message and en.message and vi.severity == rule.severity


def test_hint_is_added_only_when_there_is_a_near_miss():
    plain = make_finding("C001", symbol="3078/SKHCN-TĐC", near=None)
    hinted = make_finding("C001", lang="en", symbol="3078/SKHCN-TĐC", near="3087/SKHCN-TĐC")
    assert "3087" not in plain.message
    assert hinted.message.endswith("found 3087/SKHCN-TĐC; did you mean 3078/SKHCN-TĐC?")


def test_rules_doc_is_current():
    spec = importlib.util.spec_from_file_location("build_rules_doc", ROOT / "scripts" / "build_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == module.render(), (
        "run: python scripts/build_rules_doc.py"
    )


def _placeholders(template):
    import string

    return {field for _, field, _, _ in string.Formatter().parse(template) if field}
