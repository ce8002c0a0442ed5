"""Exit codes of the ``tcdlcl`` command."""

EXIT_OK = 0
EXIT_FINDINGS = 1  # check: some report has errors
EXIT_USAGE = 2  # a usage error, or some input could not be read
