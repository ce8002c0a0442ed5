"""Rules as units: each code has one registered function, its messages, and an example that
fires it and a counter-example that does not."""

import importlib.util
import string
from pathlib import Path

import pytest

from tcdlcl_parse.checking.checker import check, report_findings
from tcdlcl_parse.checking.profile import Profile, load_profile
from tcdlcl_parse.checking.rules import all_rules
from tcdlcl_parse.messages import catalogue, finding_message, finding_title
from tcdlcl_parse.parsing.report import parse

from .helpers import doc

ROOT = Path(__file__).resolve().parent.parent
RULES = all_rules()


def codes_of(text: str, rule) -> list[str]:
    document = doc(text)
    if rule.example_ocr:  # as if Tesseract had read it from a scan
        document = document.model_copy(update={"extractor": "tesseract"})
    parsed = parse(document)
    if rule.needs == "report":
        return [f.code for f in report_findings(parsed)]
    data = load_profile("cv3078").model_dump()
    for key, value in rule.example_profile.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    return [f.code for f in check(parsed, Profile.model_validate(data)).findings]


def test_every_rule_has_messages_and_every_message_a_rule():
    assert set(RULES) == set(catalogue()["finding"])


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_example_fires_and_counter_example_does_not(code):
    rule = RULES[code]
    assert rule.example and rule.counter_example and rule.explanation, f"{code} needs both fixtures and a doc"
    fired, not_fired = codes_of(rule.example, rule), codes_of(rule.counter_example, rule)
    assert code in fired and code not in not_fired
    assert set(fired) - set(not_fired) == {code}, "the example should fire this code and no other new one"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_renders_in_both_languages(code):
    entry = catalogue()["finding"][code]
    texts = [entry["message"][lang] for lang in ("vi", "en")] + list(entry.get("hint", {}).values())
    params = {name: "x" for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}
    assert finding_message(code, params, "vi") and finding_message(code, params, "en")
    assert finding_title(code, "vi") != finding_title(code, "en")


def test_hint_is_added_only_when_there_is_a_near_miss():
    plain = finding_message("C001", {"symbol": "3078/SKHCN-TĐC", "near": None})
    hinted = finding_message("C001", {"symbol": "3078/SKHCN-TĐC", "near": "3087/SKHCN-TĐC"}, "en")
    assert "3087" not in plain
    assert hinted.endswith("found 3087/SKHCN-TĐC; did you mean 3078/SKHCN-TĐC?")


def test_a_profile_turns_codes_off_and_changes_severity():
    rule = RULES["F011"]
    parsed = parse(doc(rule.example))
    profile = load_profile("cv3078")
    assert "F011" in [f.code for f in check(parsed, profile).findings]
    quiet = profile.model_copy(update={"ignore": ["F011"]})
    assert "F011" not in [f.code for f in check(parsed, quiet).findings]
    strict = profile.model_copy(update={"severity": {"F011": "error"}})
    (finding,) = [f for f in check(parsed, strict).findings if f.code == "F011"]
    assert finding.severity == "error"


def test_a_profile_with_an_unknown_code_is_refused(tmp_path):
    from tcdlcl_parse.checking.profile import ProfileError

    text = (ROOT / "src/tcdlcl_parse/profiles/cv3078.toml").read_text("utf-8")
    path = tmp_path / "p.toml"
    path.write_text('ignore = ["X999"]\n' + text, "utf-8")
    with pytest.raises(ProfileError, match="X999"):
        load_profile(path)


def test_rules_doc_is_current():
    spec = importlib.util.spec_from_file_location("build_rules_doc", ROOT / "scripts" / "build_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == module.render(), (
        "run: python scripts/build_rules_doc.py"
    )
