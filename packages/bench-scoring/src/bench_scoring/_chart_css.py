"""The chart's CSS, read by its grammar with tinycss2: style sheets, ``style`` attributes, and
the CSS that scripts set (``.style('box-shadow', …)``, ``el.style.boxShadow = …``, CSS text
inside strings). Colors are normalised here for the token and rule checks alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import tinycss2  # type: ignore[import-untyped]
from tinycss2.color3 import parse_color as _css3_color  # type: ignore[import-untyped]

from ._chart_document import ChartDocument
from ._chart_script import fold_key

Rgba = tuple[int, int, int, float]
"""A color as 0-255 channels and an alpha rounded to two decimals."""

MAX_CSS_CHARS = 200_000  # style sheets past this are not read: tinycss2 is pure Python
MAX_INLINE_STYLES = 5_000  # distinct style attributes parsed; a chart has a few dozen

# CSS properties whose values the token and rule checks read, as scripts may name them.
_SCRIPT_PROPERTIES = {
    fold_key(name): name
    for name in (
        "background", "background-color", "background-image", "border-radius", "box-shadow",
        "text-shadow", "filter", "-webkit-filter", "font-family", "font", "transition",
        "animation", "transform", "perspective", "transform-style", "color", "fill", "stroke",
        "border-color", "list-style-image", "border-image", "content",
    )
}  # fmt: skip
# `property: value` inside a string (a tooltip's inline style, ECharts' extraCssText).
_EMBEDDED = re.compile(r"(?<![\w-])([a-zA-Z-]{3,40})\s*+:\s*+([^;\"'{}<>\n]{1,200}+)")
_SPACED_COLOR = re.compile(
    r"(rgba?|hsla?)\(\s*+([-\d.%a-z]++)\s++([-\d.%a-z]++)\s++([-\d.%a-z]++)\s*+"
    r"(?:/\s*+([\d.%]++)\s*+)?+\)"
)


class Declaration:
    """One CSS declaration: its property, its value as tinycss2 component values and as text,
    the last part of the selector it applies to, and where it came from."""

    __slots__ = ("name", "origin", "selector", "text", "value")

    def __init__(self, name: str, value: list[Any], selector: str, origin: str) -> None:
        self.name = name
        try:
            self.text = tinycss2.serialize(value).strip().lower()
            self.value = value
        except RecursionError:  # functions nested thousands deep: nothing a chart writes
            self.text, self.value = "", []
        self.selector = selector
        self.origin = origin


class StyleFacts:
    """The chart's CSS.

    Attributes:
        declarations: Every declaration: style sheets, ``style`` attributes, script-set CSS.
        selectors: Every rule's selector, lower-cased.
        at_rules: ``(keyword, prelude)`` of each at-rule (``import``, ``keyframes``, …).
        font_faces: The declarations of each ``@font-face`` rule.
        notes: What was not read.
    """

    def __init__(self) -> None:
        self.declarations: list[Declaration] = []
        self.selectors: list[str] = []
        self.at_rules: list[tuple[str, str]] = []
        self.font_faces: list[list[Declaration]] = []
        self.notes: list[str] = []

    def values(self, *names: str) -> Iterator[Declaration]:
        """The declarations of any of the properties ``names``."""
        wanted = set(names)
        return (d for d in self.declarations if d.name in wanted)


def read_css(doc: ChartDocument) -> StyleFacts:
    """All the CSS of ``doc``."""
    facts = StyleFacts()
    budget = MAX_CSS_CHARS
    for sheet in doc.styles:
        read = sheet[:budget]
        if len(read) < len(sheet):
            facts.notes.append(
                f"style sheets past the first {MAX_CSS_CHARS:,} characters were not read"
            )
        budget -= len(read)
        _read_rules(tinycss2.parse_stylesheet(read, True, True), facts)
        if budget <= 0:
            break
    parsed: dict[str, list[Declaration]] = {}
    for tag, style in doc.inline_styles:
        declarations = parsed.get(style)
        if declarations is None:
            if len(parsed) >= MAX_INLINE_STYLES:
                facts.notes.append(f"style attributes past {MAX_INLINE_STYLES:,} were not read")
                break
            declarations = _declarations(tinycss2.parse_declaration_list(style, True, True), tag)
            parsed[style] = declarations
        facts.declarations.extend(declarations)
    _read_script_css(doc, facts)
    return facts


def _read_rules(rules: Iterable[Any], facts: StyleFacts, depth: int = 0) -> None:
    for rule in rules:
        if rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip().lower()
            facts.selectors.append(selector)
            declarations = tinycss2.parse_declaration_list(rule.content, True, True)
            for part in selector.split(","):
                facts.declarations.extend(_declarations(declarations, _last_compound(part)))
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            facts.at_rules.append((keyword, tinycss2.serialize(rule.prelude).strip().lower()))
            if rule.content is None:
                continue
            if keyword == "font-face":
                found = tinycss2.parse_declaration_list(rule.content, True, True)
                facts.font_faces.append(_declarations(found, "@font-face"))
            elif keyword in ("media", "supports", "container", "layer", "document") and depth < 8:
                _read_rules(tinycss2.parse_rule_list(rule.content, True, True), facts, depth + 1)


def _declarations(nodes: Iterable[Any], selector: str, origin: str = "css") -> list[Declaration]:
    return [
        Declaration(node.lower_name, node.value, selector, origin)
        for node in nodes
        if node.type == "declaration"
    ]


def _last_compound(selector: str) -> str:
    """The last compound selector (``.bar`` of ``#chart svg .bar``), which names the elements
    the rule styles."""
    parts = re.split(r"[\s>+~]+", selector.strip())
    return parts[-1] if parts else ""


def _read_script_css(doc: ChartDocument, facts: StyleFacts) -> None:
    scripts = doc.scripts
    for key, value in scripts.pairs:
        name = _SCRIPT_PROPERTIES.get(fold_key(key))
        if name is not None and isinstance(value, (str, float)) and not isinstance(value, bool):
            text = value if isinstance(value, str) else f"{value:g}px"
            tokens = tinycss2.parse_component_value_list(text, True)
            facts.declarations.append(Declaration(name, tokens, "script", "script"))
    for string in scripts.strings:
        if ":" not in string:
            continue
        for found in _EMBEDDED.finditer(string):
            name = found.group(1).lower()
            if fold_key(name) in _SCRIPT_PROPERTIES:
                tokens = tinycss2.parse_component_value_list(found.group(2), True)
                facts.declarations.append(Declaration(name, tokens, "script", "script"))
        if "@keyframes" in string or "@import" in string or "@font-face" in string:
            _read_rules(tinycss2.parse_stylesheet(string[:MAX_CSS_CHARS], True, True), facts)


@functools.lru_cache(maxsize=4096)  # colors repeat across a chart's marks
def parse_color(text: str) -> Rgba | None:
    """``text`` as a color (hex, ``rgb()``/``rgba()``, ``hsl()``/``hsla()`` in comma or space
    syntax, or a CSS color name), or None."""
    text = text.strip()
    if not 0 < len(text) <= 64:
        return None
    lowered = text.lower()
    if lowered == "rebeccapurple":  # CSS Color 4's one new name; tinycss2's color3 predates it
        return (102, 51, 153, 1.0)
    spaced = _SPACED_COLOR.fullmatch(lowered)
    if spaced is not None:
        name, *channels = spaced.groups()
        alpha = channels.pop()
        if alpha and alpha.endswith("%"):
            alpha = f"{float(alpha[:-1]) / 100:g}"
        text = f"{name.rstrip('a')}{'a' if alpha else ''}({', '.join(channels)}"
        text += f", {alpha})" if alpha else ")"
    return _rgba(_css3_color(text))


def color_of_token(token: Any) -> Rgba | None:
    """A tinycss2 component value as a color, or None."""
    kind = token.type
    if kind == "hash":
        return parse_color(tinycss2.serialize([token]))
    if kind == "function" and token.lower_name in _COLOR_FUNCTIONS:
        if any(argument.type == "function" for argument in token.arguments):
            return None  # `rgb(var(--x))` is no color to compare, and may nest without end
        return parse_color(tinycss2.serialize([token]))
    if kind == "ident":
        return parse_color(token.lower_value)
    return None


_COLOR_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla"})


def colors_in(tokens: Iterable[Any], depth: int = 0) -> Iterator[Rgba]:
    """Every color among ``tokens``, looking inside other functions (``var()``, gradients)."""
    for token in tokens:
        color = color_of_token(token)
        if color is not None:
            yield color
        elif token.type == "function" and depth < 8:
            yield from colors_in(token.arguments, depth + 1)


def _rgba(parsed: Any) -> Rgba | None:
    if parsed is None or isinstance(parsed, str):
        return None
    red, green, blue, alpha = parsed
    return (
        round(min(max(red, 0.0), 1.0) * 255),
        round(min(max(green, 0.0), 1.0) * 255),
        round(min(max(blue, 0.0), 1.0) * 255),
        round(alpha, 2),
    )


def same_color(wanted: Rgba, used: Rgba) -> bool:
    """Whether ``used`` is the requested color: the same channels (within rounding), at any
    opacity when the request is opaque (a translucent fill of a token color is that color)."""
    if any(abs(a - b) > 1 for a, b in zip(wanted[:3], used[:3], strict=True)):
        return False
    return wanted[3] >= 1.0 or abs(wanted[3] - used[3]) <= 0.02


def font_families(name: str, value: list[Any]) -> list[str]:
    """The family names a ``font-family`` or ``font`` value lists, normalised."""
    tokens = [t for t in value if t.type != "comment"]
    if name == "font":
        # `font: italic 600 12px/1.4 Inter, sans-serif`: the families follow the size, and
        # the `/1.4` line height, if any.
        sized = [
            i
            for i, t in enumerate(tokens)
            if t.type in ("dimension", "percentage") or (t.type == "number" and t.value == 0)
        ]
        if not sized:
            return []
        rest = tokens[max(sized) + 1 :]
        while rest and rest[0].type in ("whitespace", "literal", "number", "dimension"):
            rest = rest[1:]
        tokens = rest
    return split_families(tinycss2.serialize(tokens))


def split_families(text: str) -> list[str]:
    """``'"IBM Plex Sans", Inter, sans-serif'`` as ``['ibm plex sans', 'inter',
    'sans-serif']``."""
    return [
        " ".join(part.strip().strip("\"'").split()).casefold()
        for part in text.split(",")
        if part.strip().strip("\"'")
    ]
