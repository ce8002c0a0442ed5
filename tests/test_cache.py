"""The cache of reports already read (tcdlcl_parse.reading.cache)."""

import json
import os
import shutil
import time

import pytest

from tcdlcl_parse import reading
from tcdlcl_parse.cli import main
from tcdlcl_parse.reading import read
from tcdlcl_parse.reading.cache import MAX_AGE_DAYS, ReadCache, default_cache_dir
from tcdlcl_parse.reading.options import ReadOptions
from tcdlcl_parse.running.options import CheckOptions

from .conftest import CORPORA

PDF = CORPORA / "seed" / "bao-cao-ba-to-2025.lo.pdf"
DOCX = CORPORA / "seed" / "bao-cao-ba-to-2025.docx"


def test_a_file_read_again_comes_from_the_cache_under_its_new_name(tmp_path, monkeypatch):
    cache = ReadCache(tmp_path / "cache")
    first = read(PDF, options=ReadOptions(cache=cache))
    assert len(cache.entries()) == 1
    copy = tmp_path / "renamed.pdf"
    shutil.copy(PDF, copy)
    monkeypatch.setattr(reading, "_read_kind", lambda *a, **k: pytest.fail("read again"))
    again = read(copy, options=ReadOptions(cache=cache))
    assert again.source == str(copy)
    assert again.model_dump(exclude={"source"}) == first.model_dump(exclude={"source"})


def test_reading_options_and_code_are_part_of_the_key(tmp_path, monkeypatch):
    cache = ReadCache(tmp_path)
    read(PDF, options=ReadOptions(cache=cache))
    read(PDF, options=ReadOptions(fast=True, cache=cache))
    read(PDF, options=ReadOptions(ocr=False, cache=cache))
    assert len(cache.entries()) == 3
    monkeypatch.setattr("tcdlcl_parse.reading.cache._code_digest", lambda: "another version")
    read(PDF, options=ReadOptions(cache=cache))
    assert len(cache.entries()) == 4


def test_docx_is_cached_and_text_is_not(tmp_path):
    cache = ReadCache(tmp_path)
    read(CORPORA / "seed" / "bao-cao-ba-to-2025.txt", options=ReadOptions(cache=cache))
    assert cache.entries() == []
    read(DOCX, options=ReadOptions(cache=cache))
    assert len(cache.entries()) == 1


def test_a_broken_entry_is_a_miss_and_is_written_again(tmp_path):
    cache = ReadCache(tmp_path)
    expected = read(DOCX, options=ReadOptions(cache=cache))
    (entry,) = cache.entries()
    entry.write_text('{"source": "x", "kind": "pdf"', "utf-8")  # cut short
    assert read(DOCX, options=ReadOptions(cache=cache)) == expected
    assert json.loads(entry.read_text("utf-8"))["text"] == expected.text


def test_a_cache_that_cannot_be_written_costs_nothing_but_speed(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    cache = ReadCache(blocker / "cache")
    assert read(DOCX, options=ReadOptions(cache=cache)).text and cache.entries() == []
    assert not list(tmp_path.rglob("*.tmp"))


def test_default_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TCDLCL_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine" and ReadCache().directory == tmp_path / "mine"
    monkeypatch.delenv("TCDLCL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "tcdlcl"


def test_cli_check_fills_the_cache_and_no_cache_leaves_it_alone(tmp_path, capsys):
    folder = tmp_path / "cache"
    args = ["check", str(PDF), str(DOCX), "--format", "json", "--jobs", "1", "--cache-dir", str(folder)]
    main([*args, "--no-cache"])
    uncached = capsys.readouterr().out
    assert not folder.exists()
    main(args)
    assert capsys.readouterr().out == uncached
    main(args)  # from the cache now
    assert capsys.readouterr().out == uncached
    main(["cache", "--cache-dir", str(folder), "--lang", "en"])
    assert capsys.readouterr().out.startswith(f"{folder}: 2 reports read, ")
    main(["cache", "--cache-dir", str(folder), "--clear", "--lang", "en"])
    assert capsys.readouterr().out == f"{folder}: removed 2 reports read before\n"
    assert ReadCache(folder).entries() == []


def test_parallel_workers_share_the_cache(tmp_path):
    from tcdlcl_parse.running.batch import check_batch

    cache = ReadCache(tmp_path)
    files = sorted(p for p in (CORPORA / "synthetic").iterdir() if p.suffix in (".pdf", ".docx"))
    first = [r.model_dump() for r in check_batch(files, options=CheckOptions(read=ReadOptions(cache=cache)), jobs=2)]
    assert len(cache.entries()) == len(files)
    assert [r.model_dump() for r in check_batch(files, options=CheckOptions(read=ReadOptions(cache=cache)), jobs=2)] == first


def _age(path, days):
    then = time.time() - days * 86_400
    os.utime(path, (then, then))


def test_a_hit_marks_the_entry_used_and_prune_removes_only_long_unused_entries(tmp_path):
    cache = ReadCache(tmp_path)
    read(DOCX, options=ReadOptions(cache=cache))
    read(PDF, options=ReadOptions(fast=True, cache=cache))
    by_kind = {json.loads(path.read_text("utf-8"))["kind"]: path for path in cache.entries()}
    docx_entry, pdf_entry = by_kind["docx"], by_kind["pdf"]
    for entry in (docx_entry, pdf_entry):
        _age(entry, MAX_AGE_DAYS + 1)
    read(DOCX, options=ReadOptions(cache=cache))  # a hit: used today
    assert time.time() - docx_entry.stat().st_mtime < 60
    leftover = pdf_entry.parent / f"{pdf_entry.name}.killed.tmp"
    leftover.write_text("")
    _age(leftover, 2)
    fresh_leftover = pdf_entry.parent / f"{pdf_entry.name}.writing.tmp"
    fresh_leftover.write_text("")
    assert cache.prune() == 1
    assert cache.entries() == [docx_entry]
    assert not leftover.exists() and fresh_leftover.exists()
    assert cache.prune(max_age_days=0) == 1 and cache.entries() == []


def test_prune_daily_runs_at_most_once_a_day(tmp_path):
    cache = ReadCache(tmp_path / "cache")
    assert cache.prune_daily() == 0 and not cache.directory.exists()  # nothing to prune, nothing made
    read(DOCX, options=ReadOptions(cache=cache))
    (entry,) = cache.entries()
    _age(entry, MAX_AGE_DAYS + 1)
    assert cache.prune_daily() == 1
    read(DOCX, options=ReadOptions(cache=cache))
    (entry,) = cache.entries()
    _age(entry, MAX_AGE_DAYS + 1)
    assert cache.prune_daily() == 0 and cache.entries() == [entry]  # pruned less than a day ago
    _age(cache.store / ".last-prune", 1.1)
    assert cache.prune_daily() == 1


def test_cli_prunes_long_unused_entries(tmp_path, capsys):
    folder = tmp_path / "cache"
    cache = ReadCache(folder)
    read(DOCX, options=ReadOptions(cache=cache))
    (stale,) = cache.entries()
    _age(stale, MAX_AGE_DAYS + 1)
    main(["check", str(PDF), "--format", "json", "--cache-dir", str(folder)])
    capsys.readouterr()
    assert not stale.exists() and len(cache.entries()) == 1  # the PDF just read


def test_a_cache_pointed_at_an_ordinary_folder_deletes_only_its_own_entries(tmp_path, capsys):
    """issue 18.13: --cache-dir . by mistake, or a folder that looks like an old cache."""
    folder = tmp_path / "work"
    ours_looking = "ab" + "0" * 62 + ".json"  # entry-shaped names outside the marked store
    theirs = [folder / "vi" / "messages.json", folder / "ab" / ours_looking, folder / "ab" / "x.tmp"]
    unmarked = folder / "tcdlcl-read-cache" / "ab" / ours_looking  # a store without our mark
    for path in [*theirs, unmarked]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}")
        _age(path, MAX_AGE_DAYS + 5)
    cache = ReadCache(folder)
    assert cache.prune() == 0 and cache.clear() == 0 and unmarked.exists()
    unmarked.unlink()
    read(DOCX, options=ReadOptions(cache=cache))
    (entry,) = cache.entries()
    _age(entry, MAX_AGE_DAYS + 1)
    assert cache.prune() == 1
    read(DOCX, options=ReadOptions(cache=cache))
    main(["cache", "--cache-dir", str(folder), "--clear", "--lang", "en"])
    assert capsys.readouterr().out == f"{folder}: removed 1 report read before\n"
    assert all(path.read_text() == "{}" for path in theirs)
