"""Chart types read from a hand-written SVG's marks.

Bars are rectangles of one width (or one height) standing on a common edge or differing in
length; stacked when two touch end to end in one column. A heatmap is a grid of equal cells
in several fills. A line is a path through three or more points with slanted or curved
segments; filled, it is an area. A pie is two or more wedges drawn with wide arcs (or donut
rings of dashed circles). A scatter is a cloud of small circles that are not a line's markers.
Group translations are followed; other transforms are ignored.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ._chart_css import StyleFacts

SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_MARKS = 20_000  # elements of one svg looked at; a chart has hundreds
_SKIPPED = frozenset(
    {
        "defs", "clippath", "mask", "pattern", "marker", "symbol", "lineargradient",
        "radialgradient", "filter", "title", "desc", "style", "script", "text",
        "foreignobject", "metadata",
    }
)  # fmt: skip
_NUMBER = re.compile(r"[-+]?+(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+")
_PATH_TOKEN = re.compile(
    r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?+(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+"
)
_TRANSLATE = re.compile(r"translate\(\s*+([-+\d.eE]++)(?:[\s,]++([-+\d.eE]++))?+")
_ARITY = {"m": 2, "l": 2, "t": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "a": 7, "z": 0}
_SIMPLE_SELECTOR = re.compile(r"([a-z][\w-]*+)?+((?:[.#][\w-]++)*+)")
_FillRule = tuple[str, str, frozenset[str], str]
PIE_ARC = 15.0  # an arc at least this wide is a wedge's rim, not a rounded corner


class _Box:
    __slots__ = ("fill", "h", "order", "w", "x", "y")

    def __init__(self, *geometry: float, fill: str, order: int) -> None:
        self.x, self.y, self.w, self.h = geometry
        self.fill, self.order = fill, order


class PathShape:
    """What a path's ``d`` draws: its vertices, subpaths, arcs, curves and slanted segments."""

    __slots__ = ("arcs", "closed", "curves", "diagonals", "points", "subpaths")

    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []
        self.subpaths: list[int] = []
        self.closed = False
        self.arcs: list[float] = []
        self.curves = 0
        self.diagonals = 0


def parse_path(d: str, limit: int = 20_000) -> PathShape:
    """Read a path's ``d`` (absolute and relative commands; the first ``limit`` tokens)."""
    shape = PathShape()
    x = y = start_x = start_y = 0.0
    command = ""
    numbers: list[float] = []
    for count, token in enumerate(_PATH_TOKEN.findall(d)):
        if count >= limit:
            break
        if token.isalpha():
            command, numbers = token, []
            if command in "Zz":
                shape.closed = True
                x, y = start_x, start_y
            continue
        if not command:
            continue
        numbers.append(float(token))
        lower = command.lower()
        if len(numbers) < _ARITY[lower]:
            continue
        relative = command.islower()
        if lower == "h":
            new_x, new_y = (x + numbers[0] if relative else numbers[0]), y
        elif lower == "v":
            new_x, new_y = x, (y + numbers[0] if relative else numbers[0])
        else:
            new_x = x + numbers[-2] if relative else numbers[-2]
            new_y = y + numbers[-1] if relative else numbers[-1]
        if lower == "m":
            shape.subpaths.append(1)
            start_x, start_y = new_x, new_y
            command = "l" if relative else "L"  # further pairs are lines
        else:
            if not shape.subpaths:
                shape.subpaths.append(1)
            shape.subpaths[-1] += 1
            if lower == "a":
                shape.arcs.append(max(abs(numbers[0]), abs(numbers[1])))
            elif lower in "csqt":
                shape.curves += 1
            elif abs(new_x - x) > 0.01 and abs(new_y - y) > 0.01:
                shape.diagonals += 1
        shape.points.append((new_x, new_y))
        x, y = new_x, new_y
        numbers = []
    return shape


def svg_types(svg: ET.Element, css: StyleFacts) -> list[tuple[str, int]]:
    """The chart types one ``<svg>`` draws, each with the order of its first mark."""
    marks = _Marks(svg, _fill_rules(css))
    found: list[tuple[str, int]] = []
    if len(marks.wedges) >= 2:
        found.append(("pie", marks.wedges[0]))
    if len(marks.rings) >= 2:
        found.append(("pie", marks.rings[0]))
    _bars(_heatmap(marks.boxes, found), found)
    found.extend((kind, first) for kind, first, _ in marks.lines)
    dots = marks.dots
    vertices = sum(count for _, _, count in marks.lines)
    # Circles on a line's vertices are its markers; a scatter is a cloud in two dimensions.
    if len(dots) >= 5 and vertices < 0.8 * len(dots) and _spread(dots):
        found.append(("scatter", dots[0][2]))
    seen: dict[str, int] = {}
    for kind, first in sorted(found, key=lambda pair: pair[1]):
        seen.setdefault(kind, first)
    return sorted(seen.items(), key=lambda pair: pair[1])


def _spread(dots: list[tuple[float, float, int]]) -> bool:
    return len({d[0] for d in dots}) >= 3 and len({d[1] for d in dots}) >= 3


class _Marks:
    """The marks of one ``<svg>``, in document order, with group translations applied."""

    def __init__(self, svg: ET.Element, rules: list[_FillRule]) -> None:
        self.rules = rules
        self.width, self.height = svg_size(svg)
        self.boxes: list[_Box] = []
        self.wedges: list[int] = []
        self.lines: list[tuple[str, int, int]] = []  # (line | area, order, vertices)
        self.dots: list[tuple[float, float, int]] = []
        self.rings: list[int] = []
        stack: list[tuple[ET.Element, float, float, str]] = [(svg, 0.0, 0.0, "")]
        order = 0
        while stack and order < MAX_MARKS:
            element, dx, dy, inherited = stack.pop()
            tag = element.tag
            name = tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else "#comment"
            if name in _SKIPPED:
                continue
            order += 1
            attrs = element.attrib
            moved = _TRANSLATE.search(attrs.get("transform", ""))
            if moved is not None:
                dx += _float(moved.group(1))
                dy += _float(moved.group(2) or "0")
            fill = _fill(name, attrs, rules, inherited)
            if name == "rect":
                self._rect(attrs, fill, dx, dy, order)
            elif name == "circle":
                self._circle(attrs, dx, dy, order)
            elif name in ("path", "polyline", "polygon"):
                self._shape(_shape_of(name, attrs), fill, (dx, dy), order)
            stack.extend((child, dx, dy, fill) for child in reversed(element))

    def _rect(self, attrs: dict[str, str], fill: str, dx: float, dy: float, order: int) -> None:
        w, h = _length(attrs.get("width")), _length(attrs.get("height"))
        if w is None or h is None or w <= 0 or h <= 0:
            return
        width, height = self.width, self.height
        backdrop = width and height and w >= 0.8 * width and h >= 0.8 * height
        if not backdrop and not _invisible(attrs, fill):
            x = (_length(attrs.get("x")) or 0.0) + dx
            y = (_length(attrs.get("y")) or 0.0) + dy
            self.boxes.append(_Box(x, y, w, h, fill=_look(attrs, fill), order=order))

    def _circle(self, attrs: dict[str, str], dx: float, dy: float, order: int) -> None:
        r = _length(attrs.get("r")) or 0.0
        dashed = "stroke-dasharray" in attrs or "dasharray" in attrs.get("style", "")
        if dashed and r > PIE_ARC:
            self.rings.append(order)
        elif 0 < r <= 40:
            cx = (_length(attrs.get("cx")) or 0.0) + dx
            cy = (_length(attrs.get("cy")) or 0.0) + dy
            self.dots.append((round(cx, 1), round(cy, 1), order))

    def _shape(self, shape: PathShape, fill: str, offset: tuple[float, float], order: int) -> None:
        if not shape.points:
            return
        if any(radius >= PIE_ARC for radius in shape.arcs):
            self.wedges.append(order)
            return
        xs = [p[0] for p in shape.points]
        ys = [p[1] for p in shape.points]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        rectangular = shape.closed and len(shape.subpaths) == 1 and not shape.diagonals
        if rectangular and 4 <= len(shape.points) <= 14 and shape.curves <= 4 and w and h:
            self.boxes.append(
                _Box(min(xs) + offset[0], min(ys) + offset[1], w, h, fill=fill, order=order)
            )
            return
        longest = max(shape.subpaths, default=0)
        if longest < 3 or shape.diagonals + shape.curves < 2 or (w < 20 and h < 20):
            return  # an axis, a tick, a frame, an icon
        filled = fill not in ("none", "transparent") and not fill.startswith("0 ")
        self.lines.append(("area" if filled else "line", order, len(shape.points)))


def _shape_of(name: str, attrs: dict[str, str]) -> PathShape:
    if name == "path":
        return parse_path(attrs.get("d", ""))
    shape = PathShape()
    values = [float(n) for n in _NUMBER.findall(attrs.get("points", ""))[:20_000]]
    shape.points = list(zip(values[::2], values[1::2], strict=False))
    shape.subpaths = [len(shape.points)]
    shape.closed = name == "polygon"
    shape.diagonals = sum(
        1
        for (x1, y1), (x2, y2) in itertools.pairwise(shape.points)
        if abs(x2 - x1) > 0.01 and abs(y2 - y1) > 0.01
    )
    return shape


def _heatmap(boxes: list[_Box], found: list[tuple[str, int]]) -> list[_Box]:
    """Find a grid of equal cells in several fills; the boxes left for the bar check."""
    cells: dict[tuple[float, float], list[_Box]] = defaultdict(list)
    for box in boxes:
        cells[(round(box.w, 1), round(box.h, 1))].append(box)
    used: set[int] = set()
    for group in cells.values():
        if (
            len(group) >= 9
            and len({round(b.x, 1) for b in group}) >= 3
            and len({round(b.y, 1) for b in group}) >= 3
            and len({b.fill for b in group}) >= 3
        ):
            found.append(("heatmap", min(b.order for b in group)))
            used.update(id(b) for b in group)
    return [b for b in boxes if id(b) not in used]


def _bars(boxes: list[_Box], found: list[tuple[str, int]]) -> None:
    # Small squares are legend swatches, not bars.
    boxes = [b for b in boxes if not (b.w <= 16 and b.h <= 16 and abs(b.w - b.h) < 1)]
    best: tuple[int, bool, int] | None = None
    for vertical in (True, False):
        groups: dict[float, list[_Box]] = defaultdict(list)
        for box in boxes:
            groups[round(box.w if vertical else box.h, 1)].append(box)
        for group in groups.values():
            verdict = _bar_group(group, vertical)
            if verdict is not None and (best is None or len(group) > best[0]):
                best = (len(group), verdict, min(b.order for b in group))
    if best is not None:
        found.append(("stacked_bar" if best[1] else "bar", best[2]))


def _bar_group(group: list[_Box], vertical: bool) -> bool | None:
    """None if ``group`` is not a set of bars; else whether they are stacked."""
    if len(group) < 2:
        return None
    # Positions along the category axis, lengths along the value axis.
    spots = [(b.x, b.y, b.h) if vertical else (b.y, b.x, b.w) for b in group]
    columns: dict[float, list[tuple[float, float]]] = defaultdict(list)
    for spot, start, length in spots:
        columns[round(spot, 1)].append((start, start + length))
    stacked = any(_touching(segments) for segments in columns.values() if len(segments) > 1)
    lengths = {round(length, 1) for _, _, length in spots}
    ends = {round(start + length, 1) for _, start, length in spots}
    starts = {round(start, 1) for _, start, _ in spots}
    if len(columns) < 2 and not stacked:
        return None
    if len(lengths) < 2 and len(ends) > 1 and len(starts) > 1:
        return None  # equal lengths at scattered offsets: gridlines or a frame, not bars
    return stacked


def _touching(segments: list[tuple[float, float]]) -> bool:
    segments.sort()
    return any(abs(b[0] - a[1]) <= 1.5 for a, b in itertools.pairwise(segments))


def _fill_rules(css: StyleFacts) -> list[_FillRule]:
    """``(tag, id, classes, fill)`` of each simple CSS rule that sets ``fill``."""
    rules = []
    for declaration in css.values("fill"):
        if declaration.origin != "css" or ":" in declaration.selector:
            continue
        found = _SIMPLE_SELECTOR.fullmatch(declaration.selector)
        if found is None:
            continue
        parts = re.findall(r"[.#][\w-]+", found.group(2) or "")
        ident = next((p[1:] for p in parts if p[0] == "#"), "")
        classes = frozenset(p[1:] for p in parts if p[0] == ".")
        rules.append((found.group(1) or "", ident, classes, declaration.text))
    return rules


def _fill(name: str, attrs: dict[str, str], rules: list[_FillRule], inherited: str) -> str:
    """The element's fill as written: its style, its CSS rules, its attribute, or inherited."""
    style = attrs.get("style", "")
    if "fill" in style:
        for part in style.split(";"):
            key, _, value = part.partition(":")
            if key.strip().lower() == "fill":
                return value.strip().lower()
    classes = set(attrs.get("class", "").split())
    ident = attrs.get("id", "")
    for tag, rule_id, rule_classes, value in reversed(rules):
        applies = (not tag or tag == name) and (not rule_id or rule_id == ident)
        if applies and rule_classes <= classes and (tag or rule_id or rule_classes):
            return value
    if "fill" in attrs:
        return attrs["fill"].strip().lower()
    if attrs.get("fill-opacity", "").strip() in ("0", "0.0"):
        return "none"
    return inherited


def _invisible(attrs: dict[str, str], fill: str) -> bool:
    """A transparent hit area (``fill: transparent``, ``opacity: 0``) is not a mark."""
    if fill in ("none", "transparent") and "stroke" not in attrs:
        return True
    return any(attrs.get(name, "").strip() in ("0", "0.0") for name in ("opacity", "fill-opacity"))


def _look(attrs: dict[str, str], fill: str) -> str:
    """What tells one heatmap cell's color from another's."""
    opacity = attrs.get("fill-opacity", "") + "|" + attrs.get("opacity", "")
    return f"{fill}|{opacity}|{attrs.get('class', '')}"


def svg_size(svg: ET.Element) -> tuple[float | None, float | None]:
    """The width and height of an ``<svg>``'s drawing: its viewBox, else its attributes."""
    box = [float(n) for n in _NUMBER.findall(svg.get("viewBox", ""))[:4]]
    if len(box) == 4:
        return box[2], box[3]
    return _length(svg.get("width")), _length(svg.get("height"))


def _length(value: str | None) -> float | None:
    if value is None or value.strip().endswith("%"):
        return None
    found = _NUMBER.match(value.strip())
    return _float(found.group()) if found else None


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0
