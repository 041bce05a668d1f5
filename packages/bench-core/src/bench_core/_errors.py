class BenchError(Exception):
    """An error the user caused and can fix: bad flags, unknown ids, a file that is not a run.

    The message is one line that says what is wrong and what is allowed; the CLI prints it as it
    is and exits with status 2. Bugs are never raised as this type.
    """
