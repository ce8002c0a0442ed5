"""Every way `tcdlcl` exits 2 says why in one line on stderr; files named explicitly that are
not reports are skipped with a note."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tcdlcl_parse
from tcdlcl_parse.cli import main
from tcdlcl_parse.reading.discover import find_reports

from .conftest import CORPORA, SEED_TXT

SEED = str(SEED_TXT)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse: usage errors, --help
        code = exit_.code if isinstance(exit_.code, int) else 2
    return code, capsys.readouterr().err


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "notes.json").write_text('{"ghi_chu": "không phải báo cáo"}', "utf-8")
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4 \x00\x01 not really")
    (tmp_path / "invalid.toml").write_text('id = "x"\n', "utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "broken.toml").write_text("id = ", "utf-8")
    (tmp_path / "table.toml").write_text("[a\nb = 1\n", "utf-8")
    (tmp_path / "a-folder").mkdir()
    shutil.copy(Path(__file__).parent / "bad" / "xlsx-renamed.docx", tmp_path / "sheet.docx")
    shutil.copy(Path(__file__).parent / "bad" / "noise.txt", tmp_path / "noise.txt")
    return tmp_path


ERROR_PATHS = {
    "no command": [],
    "unknown command": ["kiem-tra"],
    "check without a path": ["check"],
    "unknown format": ["check", SEED, "--format", "docx"],
    "unknown language": ["check", SEED, "--lang", "fr"],
    "negative jobs": ["check", SEED, "--jobs", "-1"],
    "jobs not a number": ["check", SEED, "--jobs", "hai"],
    "negative timeout": ["check", SEED, "--timeout", "-5"],
    "timeout not finite": ["check", SEED, "--timeout", "nan"],
    "xlsx without output": ["check", SEED, "--format", "xlsx"],
    "resume without jsonl": ["check", SEED, "--resume"],
    "unknown profile": ["check", SEED, "--profile", "nope"],
    "missing profile file": ["check", SEED, "--profile", "missing.toml"],
    "invalid profile": ["check", SEED, "--profile", "invalid.toml"],
    "profile not text": ["check", SEED, "--profile", "binary.toml"],
    "profile not TOML": ["check", SEED, "--profile", "broken.toml"],
    "unknown code to ignore": ["check", SEED, "--ignore", "X999"],
    "nothing to check": ["check", "empty-folder"],
    "only files that are not reports": ["check", "notes.json"],
    "missing folder into xlsx": ["check", "missing-folder", "--format", "xlsx", "-o", "out.xlsx"],
    "missing file as text": ["check", "missing.pdf"],
    "unreadable report as csv": ["check", "corrupt.pdf", "--format", "csv", "-o", "out.csv"],
    "unreadable report among good ones": ["check", SEED, "corrupt.pdf", "--format", "json", "--jobs", "1"],
    "output is a folder": ["check", SEED, "--format", "json", "-o", "a-folder"],
    "parse without a file": ["parse"],
    "parse a missing file": ["parse", "missing.docx"],
    "parse an unreadable file": ["parse", "corrupt.pdf"],
    "parse a spreadsheet": ["parse", "sheet.docx"],
    "parse: unknown format": ["parse", SEED, "--format", "xml"],
    "cache: unknown option": ["cache", "--xoa"],
    "profiles: unknown option": ["profiles", "--json"],
}


def _in(lang: str, argv: list[str]) -> list[str]:
    """``argv`` asking for ``lang``: after a command that takes --lang, else before any."""
    if lang == "vi" or "--lang" in argv:
        return argv
    if argv and argv[0] in ("check", "parse", "cache"):
        return [*argv, "--lang", "en"]
    return ["--lang", "en", *argv]


# Words only English says (lowercase, as messages write them) …
ENGLISH = {
    "the", "is", "not", "error", "see", "file", "files", "could", "read", "found", "required",
    "invalid", "choice", "choose", "from", "argument", "arguments", "unknown", "bundled", "such",
    "field", "cannot", "needs", "skipped", "of", "a", "an", "to",
}  # fmt: skip
# … and the letters only Vietnamese writes.
VIETNAMESE_RE = re.compile(r"[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("argv", ERROR_PATHS.values(), ids=ERROR_PATHS.keys())
def test_each_error_exits_2_with_one_line_on_stderr_in_one_language(argv, lang, inputs, capsys):
    argv = _in(lang, argv)
    code, err = _run(argv, capsys)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2
    assert len(lines) == 1, err
    assert lines[0].startswith("tcdlcl") and "Traceback" not in err
    said = "--lang" in argv and argv[argv.index("--lang") + 1] == "en"  # --lang fr: the default
    if said:
        assert not VIETNAMESE_RE.search(lines[0]), lines[0]
    else:
        given = {word for arg in argv for word in re.findall(r"[a-z]+", arg)}  # names we passed
        words = set(re.findall(r"\b[a-z]+\b", re.sub(r"'[^']*'", "", lines[0])))  # quoted: values
        assert not (words & ENGLISH) - given, lines[0]
        assert VIETNAMESE_RE.search(lines[0]), lines[0]


@pytest.mark.parametrize(
    "argv, vi, en",
    [
        (["check", SEED, "--profile", "nope"],
         "không có hồ sơ yêu cầu 'nope' (có sẵn: cv3078; hồ sơ riêng đặt trong /cfg/tcdlcl/profiles)",
         "unknown profile 'nope' (known: cv3078; own profiles go in /cfg/tcdlcl/profiles)"),
        (["check", SEED, "--profile", "invalid.toml"],
         ("invalid.toml: name: thiếu trường bắt buộc; request: thiếu trường bắt buộc; "
          "sections: thiếu trường bắt buộc"),
         "invalid.toml: name: field required; request: field required; sections: field required"),
        (["check", SEED, "--ignore", "X999"], "--ignore: mã phát hiện không tồn tại: X999",
         "--ignore: unknown finding codes: X999"),
        (["check", SEED, "--profile", "broken.toml"],
         "broken.toml: không phải TOML hợp lệ (ở cuối tệp)",
         "broken.toml: not valid TOML (at the end)"),
        (["check", SEED, "--profile", "table.toml"],
         "table.toml: không phải TOML hợp lệ (dòng 1, cột 3)",
         "table.toml: not valid TOML (line 1, column 3)"),
        (["parse", "sheet.docx"],
         "sheet.docx: định dạng tệp không được hỗ trợ (một bảng tính (.xlsx))",
         "sheet.docx: unsupported file format (a spreadsheet (.xlsx))"),
        (["parse", "noise.txt"],
         "noise.txt: không nhận ra bảng mã của tệp văn bản (dữ liệu nhị phân, không phải văn bản)",
         "noise.txt: the text encoding could not be detected (binary data, not text)"),
    ],
)  # fmt: skip
def test_profile_and_reader_errors_are_told_in_each_language(argv, vi, en, inputs, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "/cfg")
    assert _run(argv, capsys) == (2, f"tcdlcl: {vi}\n")
    assert _run([*argv, "--lang", "en"], capsys) == (2, f"tcdlcl: {en}\n")


def test_a_library_s_own_words_are_shown_in_english_only(inputs, capsys):
    """pdfium says why a PDF is broken in English: the Vietnamese line leaves it out."""
    assert _run(["parse", "corrupt.pdf"], capsys) == (
        2, "tcdlcl: corrupt.pdf: tệp bị hỏng hoặc không đúng định dạng\n"
    )
    _, err = _run(["parse", "corrupt.pdf", "--lang", "en"], capsys)
    assert err.startswith("tcdlcl: corrupt.pdf: the file is corrupt or not of its format (")


def test_lang_before_the_command_counts(capsys):
    code, err = _run(["--lang", "en", "check", SEED, "--profile", "nope"], capsys)
    assert err.startswith("tcdlcl: unknown profile 'nope' (known: cv3078; own profiles go in ") and code == 2


def test_the_reason_is_given_whatever_the_output_format(inputs, capsys):
    code, err = _run(["check", "missing-folder", "--format", "xlsx", "-o", "out.xlsx", "--lang", "en"], capsys)
    assert code == 2
    assert err == "tcdlcl: 1 of 1 file could not be read; the first: missing-folder: file not found\n"
    assert (inputs / "out.xlsx").is_file()  # the sheet is still written, with its not-found row


def test_a_real_process_exits_2_with_one_line(tmp_path):
    """The command as installed: argparse's own exit included, nothing else on stderr."""
    package_parent = str(Path(tcdlcl_parse.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_parent, os.environ.get("PYTHONPATH", "")])}
    for argv in (["check", "missing-folder", "--format", "xlsx", "-o", "out.xlsx"], ["check", "--jobs", "x", SEED]):
        done = subprocess.run(
            [sys.executable, "-m", "tcdlcl_parse", *argv], cwd=tmp_path, env=env, capture_output=True, text=True,
            timeout=120, check=False,
        )
        assert done.returncode == 2
        assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("tcdlcl"), done.stderr


def test_help_documents_jobs_and_timeout_zero(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "0: all cores" in text and "0: no limit" in text


def test_zero_jobs_and_zero_timeout_are_accepted(capsys):
    assert main(["check", SEED, "--jobs", "0", "--timeout", "0", "--format", "json"]) == 1
    assert capsys.readouterr().err == ""


# --- files named explicitly ---------------------------------------------------------------


def test_a_shell_glob_over_a_corpus_folder_takes_only_the_reports():
    folder = CORPORA / "synthetic"
    named = sorted(folder.iterdir())  # what `tcdlcl check corpora/synthetic/*` is given
    files, skipped, _ = find_reports(named)
    assert files == [p for p in named if p.suffix in (".pdf", ".docx", ".txt")]
    assert skipped == [p for p in named if p.suffix == ".json"] and skipped


def test_explicit_files_are_judged_by_content(tmp_path, make_pdf, capsys):
    report = tmp_path / "bao-cao.txt"
    shutil.copy(SEED_TXT, report)
    pdf_download = tmp_path / "bao-cao.pdf.tai-ve"  # a PDF saved under another name
    pdf_download.write_bytes(make_pdf([["Bao cao so 12/BC-UBND"]]))
    docx_copy = tmp_path / "bao-cao.docx.bak"
    shutil.copy(CORPORA / "synthetic" / "son-ha-clean.docx", docx_copy)
    attachment = tmp_path / "bao-cao-dinh-kem"  # no suffix: the reader decides
    shutil.copy(SEED_TXT, attachment)
    notes = tmp_path / "ghi-chu.json"
    notes.write_text('{"xã": "Ba Tô"}', "utf-8")
    sheet = tmp_path / "so-lieu.xlsx"
    shutil.copy(Path(__file__).parent / "bad" / "xlsx-renamed.docx", sheet)
    image = tmp_path / "con-dau.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    named = [report, pdf_download, docx_copy, attachment, notes, sheet, image]

    files, skipped, _ = find_reports(named)
    assert files == [report, pdf_download, docx_copy, attachment]
    assert skipped == [notes, sheet, image]

    assert main(["check", *map(str, named), "--format", "json", "--jobs", "1", "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"tcdlcl: {path}: skipped (not .pdf, .docx or .txt)" for path in skipped]


def test_explicit_report_suffixes_still_go_to_the_reader(tmp_path):
    """A .pdf that is a PNG is the reader's `unsupported`, not a silent skip."""
    renamed = Path(__file__).parent / "bad" / "png-renamed.pdf"
    missing = tmp_path / "missing.docx"
    assert find_reports([renamed, missing]) == ([renamed, missing], [], [])
