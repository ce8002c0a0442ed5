import json

import pytest

from tcdlcl_parse.checking.profile import (
    Profile,
    ProfileError,
    bundled_profiles,
    load_profile,
    profile_json_schema,
)
from tcdlcl_parse.cli import main

MINIMAL = """
id = "mini"
name = "Mini"
[request]
symbol = "1/UBND-VX"
date = 2025-01-02
[[sections]]
id = "I"
title = "Kết quả"
"""


def test_bundled_cv3078_profile_has_the_fixed_ids():
    profile = load_profile("cv3078")
    assert [s.id for s in profile.sections] == [
        "I", "I.1", "I.2",
        "II", "II.1", "II.2", "II.3", "II.4", "II.5",
        "III", "III.1", "III.2", "III.3",
        "IV", "V",
    ]  # fmt: skip
    assert not profile.section("II.5").required
    assert profile.section("II.3").parent == "II"
    assert [c.symbol for c in profile.required_citations] == ["3078/SKHCN-TĐC", "40/KH-UBND"]
    assert profile.request.date.isoformat() == "2025-11-25"
    assert "cv3078" in bundled_profiles()


def test_user_profile_file_loads(tmp_path):
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert load_profile(path).id == "mini"


@pytest.mark.parametrize(
    "extra, message",
    [
        ('[[sections]]\nid = "II.1"\ntitle = "x"\n', "parent 'II' not defined"),
        ('[[sections]]\nid = "I"\ntitle = "again"\n', "duplicate section ids"),
        ('colour = "red"\n', "colour: field not allowed"),
    ],
)
def test_invalid_profiles_say_what_is_wrong(tmp_path, extra, message):
    path = tmp_path / "bad.toml"
    text = MINIMAL.replace('[request]', extra + "[request]") if "colour" in extra else MINIMAL + extra
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message.replace("(", r"\(")) as error:
        load_profile(path)
    assert str(path) in str(error.value)


def test_unknown_profile_names_the_bundled_ones():
    with pytest.raises(ProfileError, match="cv3078"):
        load_profile("nope")


def test_broken_toml_is_reported(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("id = ", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(path)


def test_profiles_command_lists_and_exports_schema(capsys):
    assert main(["profiles"]) == 0
    assert capsys.readouterr().out.startswith("cv3078\t")
    assert main(["profiles", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == profile_json_schema() and "sections" in schema["properties"]


def test_schema_file_in_docs_is_current():
    from pathlib import Path

    committed = Path(__file__).resolve().parent.parent / "docs" / "profile.schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == Profile.model_json_schema()
