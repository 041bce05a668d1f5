import importlib.util

from bench_scoring.browser import find_chromium


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed: pip install 'bench-scoring[browser]'"
    try:
        find_chromium()
    except FileNotFoundError as error:
        return str(error)
    return None
