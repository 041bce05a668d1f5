"""Whether the expected labels and values appear in the chart.

Looked for in text nodes (``<title>`` and ``<desc>`` included), ``data-*``, ``aria-label``,
``title``, ``alt`` and ``value`` attributes, and the scripts' string and numeric literals (and,
for labels, the keys of their object literals).
Geometry attributes are not searched: a bar 40 px high does not show the value 40.

A value is found written exactly, or rounded to ``decimals`` places or more, in any of the
forms ``1234.5``, ``1,234.5``, ``1 234.5``, ``$1,234.50``, ``-1234.5``, ``−1234.5``,
``(1,234.5)``, ``12.3%`` (for 12.3) and, where the spec allows compact numbers, ``1.2K``,
``1.23M``, ``4.5B`` (at least two significant digits unless exact). A number is read whole:
``2024`` never shows ``202``. Labels compare case-insensitively with whitespace folded, and
must not be part of a longer word.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from bench_core import ChartSpec

from ._chart_document import ChartDocument

# A number as shown: accounting parenthesis, sign, currency, grouped or plain digits,
# decimals, a compact suffix, a percent sign. Possessive: each piece is taken or left whole.
_SHOWN = re.compile(
    r"(?<![\w.#])(\()?+([-\u2212\u2013])?+\s?+([$€£¥])?+\s?+"
    r"(\d{1,3}+(?:,\d{3})++(?![\d,])|\d{1,3}+(?:[ \u00a0\u202f\u2009]\d{3})++(?!\d)|\d++)"
    r"(\.\d++)?+(?:\s?+([KkMB]|bn)(?![A-Za-z]))?(%)?+(\))?"
)
_MULTIPLIERS = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9}
_MAX_DECIMALS = 12
_MAX_TEXT = 2_000_000  # characters of text searched for numbers; a chart shows far fewer
_MAX_NUMBERS = 100_000  # numbers read from that text; a chart of 500 points shows ~2,000


class ShownNumbers:
    """Every number the chart shows, indexed for tolerant look-up."""

    def __init__(self) -> None:
        # Plain numbers by the decimals they are written with, each list sorted.
        self.plain: dict[int, list[float]] = defaultdict(list)
        # Compact numbers (mantissa times multiplier) by (decimals, multiplier).
        self.compact: dict[tuple[int, float], list[float]] = defaultdict(list)
        self.compact_exact: list[float] = []

    def add(self, value: float, decimals: int) -> None:
        self.plain[min(decimals, _MAX_DECIMALS)].append(value)

    def freeze(self) -> None:
        for values in (*self.plain.values(), *self.compact.values(), self.compact_exact):
            values.sort()

    def shows(self, value: float, decimals: int | None, compact: bool) -> bool:
        """Whether ``value`` is shown exactly or rounded as allowed."""
        exact = 1e-9 * max(1.0, abs(value))
        for shown_decimals, values in self.plain.items():
            if decimals is None or shown_decimals < decimals:
                tolerance = exact
            else:
                tolerance = 0.5 * 10.0**-shown_decimals + exact
            if _within(values, value, tolerance):
                return True
        if not compact:
            return False
        for (shown_decimals, multiplier), values in self.compact.items():
            tolerance = 0.5 * 10.0**-shown_decimals * multiplier + exact
            if _within(values, value, tolerance):
                return True
        return _within(self.compact_exact, value, exact)


def _within(values: list[float], value: float, tolerance: float) -> bool:
    index = bisect.bisect_left(values, value - tolerance)
    return index < len(values) and values[index] <= value + tolerance


def shown_numbers(doc: ChartDocument) -> ShownNumbers:
    """The numbers of ``doc``'s text, attributes and scripts."""
    numbers = ShownNumbers()
    text = " ".join([*doc.texts, *doc.data_attributes, *doc.scripts.strings])[:_MAX_TEXT]
    for count, found in enumerate(_SHOWN.finditer(text)):
        if count >= _MAX_NUMBERS:
            break
        end = found.end()
        if end < len(text) and text[end].isalnum() and not found.group(6):
            continue  # part of a word or code ("12px", "1f6feb"), not a number shown
        _read_number(found, numbers)
    for value, decimals in doc.scripts.numbers:
        numbers.add(value, decimals)
    numbers.freeze()
    return numbers


def _read_number(found: re.Match[str], numbers: ShownNumbers) -> None:
    opening, sign, _, digits, fraction, suffix, _, closing = found.groups()
    decimals = len(fraction) - 1 if fraction else 0
    plain = _digits(digits)
    value = float(f"{plain}{fraction or ''}")
    if sign:
        value = -value
    values = [value]
    if opening and closing:  # (1,234.5) is an accounting negative; "(12%)" may be an aside
        values.append(-abs(value))
    if digits != plain and "," not in digits:
        # "12 345" may be two numbers side by side rather than one grouped by spaces.
        for part in re.split(r"\D", digits):
            numbers.add(float(part), 0)
    for shown in values:
        if suffix:
            multiplier = _MULTIPLIERS[suffix]
            significant = len((plain + (fraction or "")[1:]).lstrip("0"))
            if significant >= 2:
                numbers.compact[(min(decimals, _MAX_DECIMALS), multiplier)].append(
                    shown * multiplier
                )
            else:
                numbers.compact_exact.append(shown * multiplier)
        numbers.add(shown, decimals)


def _digits(digits: str) -> str:
    """The digits of a grouped number without its separators."""
    return "".join(c for c in digits if c.isdigit())


def normalise_label(text: str) -> str:
    """A label as compared: case-folded, whitespace folded to single spaces."""
    return " ".join(text.casefold().split())


def label_text(doc: ChartDocument) -> str:
    """All the chart's text, attributes, script strings and object keys (``{Wins: 58}``),
    normalised, as one string."""
    keys = [key for obj in doc.scripts.objects for key in obj.entries]
    return normalise_label(
        " ".join([*doc.texts, *doc.data_attributes, *doc.scripts.strings, *keys])
    )


def shows_label(haystack: str, label: str) -> bool:
    """Whether ``label`` occurs in ``haystack`` (normalised) and not inside a longer word."""
    needle = normalise_label(label)
    if not needle:
        return True
    start = haystack.find(needle)
    tries = 0
    while start >= 0 and tries < 1_000:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (needle[0].isalnum() and before.isalnum()) and not (
            needle[-1].isalnum() and after.isalnum()
        ):
            return True
        start = haystack.find(needle, start + 1)
        tries += 1
    return False


def label_subject(label: str) -> str:
    """The subject of a deduction for a missing label."""
    return f"label:{label}"


def value_subject(value: float) -> str:
    """The subject of a deduction for a missing value."""
    return f"value:{value:g}"


def missing_data(spec: ChartSpec, doc: ChartDocument) -> list[tuple[str, str]]:
    """The subject and a line for each expected label or value that the chart does not show."""
    missing = []
    if spec.labels:
        haystack = label_text(doc)
        missing += [
            (
                label_subject(label),
                f"label {label!r} is not in the chart's text, attributes or script data",
            )
            for label in spec.labels
            if not shows_label(haystack, label)
        ]
    if spec.values:
        numbers = shown_numbers(doc)
        rounding = "exactly" if spec.decimals is None else f"to {spec.decimals} decimals or more"
        if spec.compact:
            rounding += " or in compact form"
        missing += [
            (
                value_subject(value),
                f"value {value:g} is not shown ({rounding}) in the chart's text, attributes or "
                "script data",
            )
            for value in spec.values
            if not numbers.shows(value, spec.decimals, spec.compact)
        ]
    return missing
