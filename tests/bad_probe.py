"""Check ONE file the way a batch worker does, watched; print what happened as JSON.

    python -m tests.bad_probe FILE [--limit-as BYTES]

Run by tests/test_bad_inputs.py in a subprocess. Before importing the package it limits the
address space (RLIMIT_AS) and installs an audit hook that records network requests
(``socket.connect``, ``socket.getaddrinfo``, …), files opened outside the input and the
installation, and processes started. Then it runs :func:`tcdlcl_parse.running.batch.check_one` with
the ``cv3078`` profile and a read cache, as ``tcdlcl check`` does, and prints one line
``BAD-PROBE {json}``: the outcome ("ok" or the FileError code), facts about what was read,
time, peak RSS, and the audit records. A crash (an exception out of ``check_one``,
MemoryError included) is reported as outcome "crash" with its traceback, exit status 3.

Only Python-level events are seen: a C library reading a file or the network through its own
system calls (libxml2, pdfium) is not. (It cannot be caught from Python without strace.)
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
import traceback

MARKER = "BAD-PROBE "
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NETWORK_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sendto",
        "socket.sendmsg",
        "urllib.Request",
        "http.client.connect",
        "ftplib.connect",
        "smtplib.connect",
    }
)
SPAWN_EVENTS = frozenset(
    {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork"}
)


def _allowed_roots(input_file: str) -> tuple[set[str], tuple[str, ...]]:
    """(exact paths, directory prefixes) a check may open."""
    import site
    import sysconfig

    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    roots.update(sysconfig.get_paths().values())
    roots.update(site.getsitepackages())
    if site.ENABLE_USER_SITE and site.getusersitepackages():
        roots.add(site.getusersitepackages())
    roots.update(
        {os.path.join(REPO, "src"), "/proc", "/sys", "/usr/share/zoneinfo", tempfile.gettempdir()}
    )
    # This file: a traceback of a crash quotes its lines.
    exact = {input_file, os.path.abspath(__file__), "/dev/null", "/etc/localtime"}
    expanded: set[str] = set()
    for path in roots:
        if path:
            expanded.update({os.path.abspath(path), os.path.realpath(path)})
    exact = {os.path.abspath(p) for p in exact} | {os.path.realpath(p) for p in exact}
    return exact, tuple(sorted(p.rstrip("/") + "/" for p in expanded))


def install_watch(input_file: str) -> dict[str, list]:
    exact, prefixes = _allowed_roots(input_file)
    seen: dict[str, list] = {"network": [], "opens": [], "spawns": []}
    join, isabs, getcwd, fsdecode = os.path.join, os.path.isabs, os.getcwd, os.fsdecode
    normpath = os.path.normpath

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            path = args[0]
            if isinstance(path, int) or path is None:
                return
            path = fsdecode(path)
            full = normpath(path if isabs(path) else join(getcwd(), path))
            if full in exact or full.startswith(prefixes):
                return
            if len(seen["opens"]) < 50:
                seen["opens"].append(full)
        elif event in NETWORK_EVENTS:
            if len(seen["network"]) < 50:
                seen["network"].append([event, repr(args)[:200]])
        elif event in SPAWN_EVENTS and len(seen["spawns"]) < 50:
            seen["spawns"].append([event, repr(args)[:200]])

    sys.addaudithook(hook)
    return seen


def peak_rss_mb() -> float:
    """This process's peak RSS. Not ru_maxrss: Linux carries the parent's peak across fork and
    exec into it, so a child of a big pytest process would report the parent's."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--limit-as", type=int, default=0, help="RLIMIT_AS in bytes (0: none)")
    args = parser.parse_args(argv)
    if args.limit_as:
        resource.setrlimit(resource.RLIMIT_AS, (args.limit_as, args.limit_as))
    path = os.path.abspath(args.file)
    seen = install_watch(path)
    report: dict = {"outcome": None}
    started = time.perf_counter()
    status = 0
    try:
        from tcdlcl_parse.checking.profile import load_profile
        from tcdlcl_parse.parsing import report as pipeline
        from tcdlcl_parse.reading.cache import ReadCache
        from tcdlcl_parse.reading.options import ReadOptions
        from tcdlcl_parse.running import single
        from tcdlcl_parse.running.batch import check_one
        from tcdlcl_parse.running.options import CheckOptions

        profile = load_profile("cv3078")
        parsed_reports = []
        original_parse = pipeline.parse

        def recording_parse(*a, **k):
            parsed = original_parse(*a, **k)
            parsed_reports.append(parsed)
            return parsed

        single.parse = recording_parse
        started = time.perf_counter()
        # With a read cache, as `tcdlcl check` runs; it lives in the private temporary folder.
        cache = ReadCache(os.path.join(tempfile.gettempdir(), "read-cache"))
        result = check_one(path, profile, CheckOptions(read=ReadOptions(cache=cache)))
        report["seconds"] = round(time.perf_counter() - started, 2)
        if result.error is not None:
            report["outcome"] = result.error.code
            report["message"] = result.error.message
        else:
            report["outcome"] = "ok"
            report["passed"] = result.passed
            report["findings"] = len(result.findings)
            report["sections"] = sorted(result.sections)
        if parsed_reports:
            parsed = parsed_reports[-1]
            document = parsed.document
            report.update(
                kind=document.kind,
                extractor=document.extractor,
                encoding=document.encoding,
                pages=document.page_count,
                chars=len(document.text),
                lines=len(document.lines),
                citations=len(parsed.citations),
                citation_list=[[c.symbol, c.date] for c in parsed.citations[:20]],
                text_head=document.text[:3000],
                warnings=document.warnings,
            )
    except BaseException as exc:  # noqa: BLE001 — a crash is what this probe reports
        report["outcome"] = "crash"
        report["seconds"] = round(time.perf_counter() - started, 2)
        report["exception"] = type(exc).__name__
        report["traceback"] = traceback.format_exc()[-4000:]
        status = 3
    report["maxrss_mb"] = peak_rss_mb()
    report.update(seen)
    sys.stdout.write(MARKER + json.dumps(report, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
