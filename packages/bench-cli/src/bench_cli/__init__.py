"""bench-run: run Bencher on any OpenAI-compatible model, then report and compare."""

import typing as _typing

from .app import app, main

__all__ = ["__version__", "app", "main"]


def __getattr__(name: str) -> _typing.Any:
    # Read lazily: importlib.metadata alone costs ~45 ms, a sixth of the --help budget.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("bench-run")
    raise AttributeError(name)
