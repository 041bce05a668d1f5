"""Does a final answer state a fact? Numbers in any usual form, names and ids as words.

A number is read wherever the answer writes one: ``$1,234.50``, ``1234.5``, ``-6.04%``,
``−6.0 %``, ``USD 1,234``, ``1.2K`` (where the fact allows compact forms), ``1 234,5`` is not
read (the answers are in English). A negative fact is also stated by its magnitude when the
answer writes no sign (``a loss of $1,234.50``), as people write losses; an explicit ``+``
states the opposite sign.
"""

from __future__ import annotations

import math
import re
import unicodedata

from bench_core import AnswerFact

_NUMBER = re.compile(
    r"(?P<sign>[-+\u2212\u2013]?)\s?(?:[$€£]|USD\s?|EUR\s?)?\s?(?P<sign2>[-+\u2212]?)"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<suffix>[kKmMbB])(?![a-zA-Z]))?",
)
_COMPACT = {"k": 1e3, "m": 1e6, "b": 1e9}
# Dates and times are not amounts: "2026-03-31" holds no -3 and no 31.
_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def numbers_in(text: str, *, compact: bool = False) -> list[tuple[float, bool]]:
    """Every number the text writes, with whether it carried an explicit sign.

    A hyphen or dash right after a letter joins an id (``T-0412``: not read); after a number
    it separates a range (``66,000 - 98,000``, ``£66,000-£98,000``: both positive).
    """
    text = _MOMENT.sub(" ", text)
    found: list[tuple[float, bool]] = []
    for match in _NUMBER.finditer(text):
        start = match.start("digits")
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_"):
            continue  # inside an id such as T-0412 or ALR-7
        value = float(match.group("digits").replace(",", ""))
        suffix = (match.group("suffix") or "").lower()
        if suffix and compact:
            value *= _COMPACT[suffix]
        sign = match.group("sign") or match.group("sign2")
        before = match.start("sign")
        if (
            match.group("sign")
            and before > 0
            and (text[before - 1].isalpha() or text[before - 1] == "_")
        ):
            continue  # "T-0412": a hyphen after a letter joins an id
        if match.group("sign") and text[:before].rstrip()[-1:].isdigit():
            sign = ""  # "66,000 - 98,000": a range, not a negative number
        if sign and sign != "+":
            value = -value
        if math.isfinite(value):
            found.append((value, bool(sign) and value != 0))
    return found


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def _states_text(answer: str, value: str) -> bool:
    wanted = _plain(value)
    if not wanted:
        return False
    pattern = r"(?<![\w])" + re.escape(wanted) + r"(?![\w])"
    return re.search(pattern, answer) is not None


def _states_number(numbers: list[tuple[float, bool]], value: float, tolerance: float) -> bool:
    slack = tolerance + 1e-9 * max(1.0, abs(value))
    for number, signed in numbers:
        if abs(number - value) <= slack:
            return True
        if value < 0 and not signed and abs(number + value) <= slack:
            return True
    return False


def states_fact(answer: str, fact: AnswerFact) -> bool:
    """Whether ``answer`` states ``fact`` in one of its acceptable forms."""
    plain = _plain(answer)
    numbers: list[tuple[float, bool]] | None = None
    for value in fact.any_of:
        if isinstance(value, str):
            if _states_text(plain, value):
                return True
            continue
        if numbers is None:
            numbers = numbers_in(unicodedata.normalize("NFKC", answer), compact=fact.compact)
        if _states_number(numbers, float(value), fact.tolerance):
            return True
    return False
