import json

import pytest

from .golden import corpus_files, expected_path, summarize


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_matches_its_expected_json(path):
    if path.parent.name == "scanned":
        from tcdlcl_parse.reading.ocr import ocr_unavailable_reason

        if ocr_unavailable_reason():
            pytest.skip(ocr_unavailable_reason())
    expected = expected_path(path)
    assert expected.exists(), f"no {expected.name}: run python -m tests.golden --update and review"
    assert summarize(path) == json.loads(expected.read_text("utf-8"))


def test_every_corpus_folder_has_files():
    folders = {path.parent.name for path in corpus_files()}
    assert {"seed", "encodings", "synthetic", "scanned"} <= folders
