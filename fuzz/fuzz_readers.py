"""Coverage-guided fuzzing of the readers and parsers with atheris (libFuzzer for Python).

    python fuzz/fuzz_readers.py [libFuzzer options] [CORPUS_DIR ...]
    python fuzz/fuzz_readers.py -runs=2000 -seed=1 /tmp/fuzz-corpus   # what the tests run

Any bytes go through ``read`` (sniffing PDF, DOCX or text) and, when readable, ``parse`` and
``check``. A :class:`ReadError` is the expected answer to bad bytes; any other exception, a
hang past ``-timeout`` or memory past ``-rss_limit_mb`` is a finding, written by libFuzzer as
a ``crash-…``/``timeout-…`` file to replay with ``python fuzz/fuzz_readers.py FILE``.
Only ``tcdlcl_parse`` is instrumented: the third-party readers beneath it are exercised, not
traced, which keeps runs fast.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["tcdlcl_parse"]):
    from tcdlcl_parse import ReadError, read
    from tcdlcl_parse.checking.checker import check
    from tcdlcl_parse.checking.profile import load_profile
    from tcdlcl_parse.parsing.report import parse

PROFILE = load_profile("cv3078")


def test_one_input(data: bytes) -> None:
    try:
        document = read(data, max_bytes=2_000_000)
    except ReadError:
        return
    check(parse(document), PROFILE)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
