"""The ``bench-run`` command: commands are registered lazily so ``--help`` stays fast."""

from __future__ import annotations

import sys

from cyclopts import App, CycloptsError

app = App(
    name="bench-run",
    help="Benchmark an LLM on production-like tool calling and chart building.",
    version_flags=[],
    help_format="plaintext",
)
app.command("bench_cli.commands.run:run", help="Run the benchmark on one model.")
app.command(
    "bench_cli.commands.listing:list_tasks",
    name="list",
    help="List the installed domains and their tasks.",
)
app.command(
    "bench_cli.commands.compare:compare",
    help="Compare runs of several models on the items they share, with paired intervals.",
)
app.command("bench_cli.commands.report:report", help="Rebuild the report of a run from its JSONL.")
app.command(
    "bench_cli.commands.judge:judge",
    help="Add judge verdicts to a finished run, resumably, without calling its model again.",
)
app.command(
    "bench_cli.commands.setup:setup",
    help="Fill the local cache of chart libraries (npm pack), for offline rendering.",
)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; user errors print one line on stderr and exit with status 2."""
    tokens = sys.argv[1:] if argv is None else argv
    try:
        result = app(tokens, print_error=False, exit_on_error=False, result_action="return_value")
    except CycloptsError as error:
        return _fail(error)
    except KeyboardInterrupt:  # before a run started, or a second Ctrl-C
        print("bench-run: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        # Imported here, not above: the error types live in packages --help must not load.
        from bench_cli._errors import disk_full_message, is_user_error  # noqa: PLC0415

        cause: BaseException = error
        while isinstance(cause, BaseExceptionGroup):  # what stopped a group of workers
            cause = cause.exceptions[0]
        if is_user_error(cause):
            return _fail(cause)
        full = disk_full_message(cause)
        if full is not None:
            return _fail(full)
        raise
    return result if isinstance(result, int) else 0


def _fail(error: BaseException | str) -> int:
    from bench_cli._terminal import printable  # noqa: PLC0415 - kept off the --help path

    message = " ".join(printable(str(error)).split()) or type(error).__name__
    print(f"bench-run: error: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
