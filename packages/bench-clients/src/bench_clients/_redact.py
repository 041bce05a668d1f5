"""Keeping the API key, and credentials written into URLs, out of everything stored or printed.

A model or an endpoint can echo the key back: whole, split across lines, in upper case, cut
short. So the key is looked for with whitespace and case set aside, and any run of
`MATCHED_RUN` of its characters counts as the key.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

MATCHED_RUN = 12
"""The shortest run of a key's characters that is redacted wherever it appears."""

MASK = "***"

# Whitespace, and the escapes that JSON and most logs write for it: the key split by a newline
# inside a tool call's arguments reads "abc\ndef" there.
_GAPS = re.compile(r"(?:\s|\\[nrt])+")
# Lower case for ASCII only, so that every character keeps its place (keys are ASCII).
_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# The same, dropping whitespace too: a quick first look at a large text.
_FOLD_TIGHT: dict[int, int | None] = {
    **_FOLD,
    **{code: None for code in range(0x3000 + 1) if chr(code).isspace()},
}
# user:password@host (or a bare token@host) after a URL's scheme.
_USERINFO = re.compile(r"://[^/\s@?#\"'<>]+@")
# A key-like query parameter of a URL: ?key=..., &api_key=..., ?token=...
_QUERY_SECRET = re.compile(
    r"(?i)(://[^\s\"'<>]*?[?&;](?:api[_-]?key|key|token|access[_-]?token|auth|password|secret"
    r"|sig|signature)=)([^&#\s\"'<>]+)"
)
# Punctuation that ends the sentence a URL is written in, not the URL.
_TRAILING = ".,;:!?)]"


class Redactor:
    """Replaces secrets in text with ``***``.

    Each secret of `MATCHED_RUN` characters or more is found with whitespace (and its
    ``\\n``-style escapes) and ASCII case set aside, and by any run of `MATCHED_RUN` of its
    characters, so an echo one character short, or cut in two, is caught too; a shorter one
    (a placeholder such as ``EMPTY`` for a local server) only as it is. Every
    credential written into a URL (``user:key@host``, ``?key=``, ``?api_key=``, ``token=``)
    is masked whatever it is.

    Args:
        secrets: The values never to show (empty ones are ignored).
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        runs: set[str] = set()
        probes: set[str] = set()
        exact: set[str] = set()
        half = MATCHED_RUN // 2
        for secret in secrets:
            for form in {secret, quote(secret, safe="")}:
                folded = _GAPS.sub("", form).translate(_FOLD)
                if len(folded) < MATCHED_RUN:
                    # A short key ("none", "EMPTY" for a local server) is no real secret, and
                    # looked for in any case it would mask ordinary words: only as it is.
                    if form:
                        exact.add(form)
                    continue
                runs.update(
                    folded[start : start + MATCHED_RUN]
                    for start in range(len(folded) - MATCHED_RUN + 1)
                )
                # Every run holds one of the blocks of half its length that start at a multiple
                # of that length: looking for those few first is enough to clear a text.
                probes.update(
                    folded[start : start + half] for start in range(0, len(folded) - half + 1, half)
                )
        self._runs = sorted(runs)
        self._probes = sorted(probes)
        self._exact = sorted(exact, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        """``text`` with every secret and every URL credential replaced by ``***``."""
        if self._runs:
            text = self._mask_secrets(text)
        for secret in self._exact:
            text = text.replace(secret, MASK)
        if "://" in text:
            text = _USERINFO.sub(f"://{MASK}@", text)
            text = _QUERY_SECRET.sub(_mask_query_value, text)
        return text

    def walk(self, value: Any) -> Any:
        """``value`` (decoded JSON: dicts, lists, strings...) with every string redacted."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {self(str(key)): self.walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.walk(item) for item in value]
        return value

    def _mask_secrets(self, text: str) -> str:
        # The common case, cheap even for megabytes: no run of any secret is there. (This
        # compaction may drop a little more than ``_GAPS`` does; it only decides whether to look.)
        quick = text.translate(_FOLD_TIGHT)
        quick = quick.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        if not any(probe in quick for probe in self._probes):
            return text
        compact = _GAPS.sub("", text.translate(_FOLD))
        # Where each character of ``compact`` came from in ``text``.
        starts = [0]  # compact index where each stretch between gaps starts
        origins = [0]  # and its index in text
        for gap in _GAPS.finditer(text):
            starts.append(starts[-1] + gap.start() - origins[-1])
            origins.append(gap.end())
        marked: list[tuple[int, int]] = []
        for run in self._runs:
            found = compact.find(run)
            while found >= 0:
                marked.append((found, found + len(run)))
                found = compact.find(run, found + 1)
        merged: list[list[int]] = []
        for begin, end in sorted(marked):
            if merged and begin < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([begin, end])

        def original(index: int) -> int:
            stretch = bisect.bisect_right(starts, index) - 1
            return origins[stretch] + index - starts[stretch]

        for begin, end in reversed(merged):
            text = text[: original(begin)] + MASK + text[original(end - 1) + 1 :]
        return text


def _mask_query_value(match: re.Match[str]) -> str:
    value = match.group(2)
    return match.group(1) + MASK + value[len(value.rstrip(_TRAILING)) :]


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret and every URL credential replaced by ``***``; see
    `Redactor`."""
    return Redactor(secrets)(text)
