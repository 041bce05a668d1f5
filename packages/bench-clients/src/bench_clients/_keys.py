"""Where the API key comes from: the flag, the environment, or a ``.env`` file."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from pydantic import SecretStr

from ._errors import ClientError

API_KEY_ENV = "LLM_API_KEY"
"""The environment variable (and ``.env`` entry) that holds the API key."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_EXPORT = re.compile(r"export\s+")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def resolve_api_key(
    flag_value: str | SecretStr | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> SecretStr | None:
    """The API key from ``--api-key``, else ``LLM_API_KEY`` in the environment, else
    ``LLM_API_KEY=...`` in ``.env`` in the working directory; ``None`` where none is set.

    An empty value counts as not set, so the next source is tried.

    Args:
        flag_value: The ``--api-key`` flag's value, if given.
        environ: The environment (default: ``os.environ``).
        cwd: The directory whose ``.env`` is read (default: the working directory).

    Raises:
        ClientError: ``.env`` exists but cannot be read.
    """
    if isinstance(flag_value, SecretStr):
        flag_value = flag_value.get_secret_value()
    if flag_value is not None and flag_value.strip():
        return SecretStr(flag_value.strip())
    env_value = (os.environ if environ is None else environ).get(API_KEY_ENV, "")
    if env_value.strip():
        return SecretStr(env_value.strip())
    path = (Path.cwd() if cwd is None else cwd) / ".env"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except OSError as error:
        raise ClientError(f"cannot read {path}: {error.strerror or error}") from None
    dotenv_value = parse_dotenv(text).get(API_KEY_ENV, "")
    return SecretStr(dotenv_value.strip()) if dotenv_value.strip() else None


def parse_dotenv(text: str) -> dict[str, str]:
    """The ``KEY=VALUE`` entries of a ``.env`` file.

    Understands comments, blank lines, an ``export`` prefix, single quotes (taken as they are),
    double quotes (with ``\\n``, ``\\t``, ``\\"`` and ``\\\\`` escapes) and ``#`` comments after an
    unquoted value. Lines that are not entries are skipped; a later entry wins.
    """
    entries: dict[str, str] = {}
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        line = _EXPORT.sub("", line, count=1) if _EXPORT.match(line) else line
        name, equals, rest = line.partition("=")
        name = name.strip()
        if not equals or not _NAME.fullmatch(name):
            continue
        entries[name] = _value(rest.strip())
    return entries


def _value(rest: str) -> str:
    if rest[:1] == "'":
        end = rest.find("'", 1)
        return rest[1:end] if end != -1 else rest[1:]
    if rest[:1] == '"':
        chars: list[str] = []
        index = 1
        while index < len(rest):
            char = rest[index]
            if char == '"':
                break
            if char == "\\" and index + 1 < len(rest):
                index += 1
                chars.append(_ESCAPES.get(rest[index], "\\" + rest[index]))
            else:
                chars.append(char)
            index += 1
        return "".join(chars)
    comment = re.search(r"\s#", rest)
    return (rest[: comment.start()] if comment else rest).strip()
