"""A tolerant reader of a chart's JavaScript: literals, object literals, assignments and calls.

Nothing is run. The code is tokenised (strings, templates, regular expressions and comments
told apart, so a brace inside a string is not a brace) and object and array literals are
rebuilt as far as they are literal, so a check can ask for ``series[].type`` rather than
grep for ``type:`` and mistake an ``axisPointer`` for a line series. Every pattern is linear:
model-written code is untrusted and must never make the scorer hang.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Union

# Possessive quantifiers: a token either matches at once or not at all, with no backtracking.
_SKIP = r"(?:\s++|//[^\n]*+|/\*(?:[^*]++|\*(?!/))*+(?:\*/)?+|<!--|-->)*+"
_TOKEN = re.compile(
    _SKIP + "(?:"
    r"""(?P<s>"(?:[^"\\\n]++|\\[\s\S]?+)*+"?+|'(?:[^'\\\n]++|\\[\s\S]?+)*+'?+)"""
    r"|(?P<t>`(?:[^`\\]++|\\[\s\S]?+)*+`?+)"
    r"|(?P<n>(?:0[xXbBoO][\da-fA-F_]++|(?:\d[\d_]*+(?:\.[\d_]*+)?+|\.\d[\d_]*+)"
    r"(?:[eE][-+]?+\d++)?+)n?+)"
    r"|(?P<i>[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*+)"
    r"|(?P<p>===|!==|\.\.\.|=>|\?\.|==|!=|<=|>=|&&|\|\||\?\?|\+\+|--|[-+*/%&|^]=|[\s\S])"
    ")?+"
)
_REGEX = re.compile(r"/(?:[^/\\\[\n]++|\\.|\[(?:[^\]\\\n]++|\\.)*+\]?+)*+/?+[A-Za-z]*+")
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}

# After these, a slash is division and a brace closes an expression; otherwise a slash starts
# a regular expression.
_VALUE_KEYWORDS = frozenset({"this", "super", "true", "false", "null", "undefined"})
_BLOCK_AFTER = frozenset({")", "=>", ";", "{", "}", "else", "try", "finally", "do"})
_LITERALS: dict[str, bool | None] = {"true": True, "false": False, "null": None, "undefined": None}

# Scripts beyond this many characters in all are not read: a chart's code is far smaller, and
# reading is linear but not free.
MAX_SCRIPT_CHARS = 500_000
MAX_SCRIPT_TOKENS = 150_000  # a 200 KB chart script has ~50,000
MAX_NESTING = 256  # brackets kept open at once; real code nests a few dozen deep


class Expr:
    """A value that is not a literal (a call, an identifier, a function), by its first word."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Expr({self.text!r})"


class JsObject:
    """An object literal: its literal entries, the key it sits under, the call it is passed to."""

    __slots__ = ("callee", "entries", "key", "position")

    def __init__(self, key: str | None, callee: str | None, position: int) -> None:
        self.entries: dict[str, JsValue] = {}
        self.key = key
        self.callee = callee
        self.position = position

    def get(self, name: str) -> JsValue:
        """The entry ``name``, or None."""
        return self.entries.get(name)


class JsArray:
    """An array literal and the key it sits under."""

    __slots__ = ("items", "key", "position")

    def __init__(self, key: str | None, position: int) -> None:
        self.items: list[JsValue] = []
        self.key = key
        self.position = position


JsValue = Union[str, float, bool, None, JsObject, JsArray, Expr]  # noqa: UP007 (runtime alias)


class Call:
    """A call: the dotted name before its parenthesis (``.append``, ``Plotly.newPlot``)."""

    __slots__ = ("args", "name", "position")

    def __init__(self, name: str, args: tuple[JsValue, ...], position: int) -> None:
        self.name = name
        self.args = args
        self.position = position

    @property
    def method(self) -> str:
        """The last part of the name (``append`` for ``svg.append``)."""
        return self.name.rsplit(".", 1)[-1]


class ScriptFacts:
    """What the chart's scripts say, read without running them.

    Attributes:
        text: The code of every script, joined; positions index into it.
        objects: Every object literal, in order.
        strings: Every string and template literal, unescaped.
        numbers: Every numeric literal with its sign, and the decimals it is written with.
        pairs: ``(key, value)`` of object entries, assignments (``a.b.font = 'Inter'``) and
            calls whose first argument is a string (``.attr('rx', 4)``).
        calls: Every call with a name.
        problems: Unbalanced brackets, one line per script.
        offsets: Where each script starts in ``text``.
        truncated: Scripts were longer than the scorer reads.
    """

    def __init__(self) -> None:
        self.text = ""
        self.offsets: list[int] = []
        self.objects: list[JsObject] = []
        self.strings: list[str] = []
        self.numbers: list[tuple[float, int]] = []
        self.pairs: list[tuple[str, JsValue]] = []
        self.calls: list[Call] = []
        self.problems: list[str] = []
        self.truncated = False
        self.tokens_left = MAX_SCRIPT_TOKENS

    def uses(self, *needles: str) -> bool:
        """Whether any of ``needles`` occurs in the code."""
        return any(needle in self.text for needle in needles)

    def values_of(self, *keys: str) -> Iterator[JsValue]:
        """The values paired with any of ``keys`` (compared case-insensitively, ``-``/``_``
        ignored)."""
        wanted = {_fold_key(k) for k in keys}
        for key, value in self.pairs:
            if _fold_key(key) in wanted:
                yield value


def _fold_key(key: str) -> str:
    return key.lower().replace("-", "").replace("_", "")


def fold_key(key: str) -> str:
    """A key compared case-insensitively with ``-`` and ``_`` ignored (``border-radius`` is
    ``borderRadius``)."""
    return _fold_key(key)


class _Frame:
    __slots__ = (
        "args", "assign", "callee", "container", "count", "ctx", "item", "kind", "position",
    )  # fmt: skip

    def __init__(
        self,
        kind: str,
        ctx: str | None,
        container: JsObject | JsArray | None = None,
        callee: str | None = None,
        position: int = 0,
    ) -> None:
        self.kind = kind  # "{" object, "[" array, "(" parentheses, "b" block
        self.ctx = ctx
        self.container = container
        self.callee = callee
        self.position = position
        self.item: list[tuple[str, object]] = []
        self.count = 0
        self.assign: str | None = None
        self.args: list[JsValue] = []


def read_scripts(sources: list[tuple[str, bool]]) -> ScriptFacts:
    """Read each ``(code, is_javascript)``; brackets are checked only in JavaScript."""
    facts = ScriptFacts()
    texts: list[str] = []
    offset = 0
    budget = MAX_SCRIPT_CHARS
    for number, (source, is_javascript) in enumerate(sources, start=1):
        if budget <= 0 or facts.tokens_left <= 0:
            facts.truncated = True
            break
        code = source[:budget]
        facts.truncated |= len(code) < len(source)
        budget -= len(code)
        facts.offsets.append(offset)
        unmatched = _Reader(code, offset, facts).run()
        if unmatched and is_javascript:
            plural = "s" if unmatched != 1 else ""
            facts.problems.append(f"script {number} has {unmatched} unbalanced bracket{plural}")
        texts.append(code)
        offset += len(code) + 1
    facts.text = "\n".join(texts)
    return facts


class _Reader:
    """One pass over one script's tokens, building literals as their brackets close."""

    def __init__(self, code: str, offset: int, facts: ScriptFacts) -> None:
        self.code = code
        self.offset = offset
        self.facts = facts
        self.stack = [_Frame("b", None)]
        self.overflow = 0  # brackets opened past MAX_NESTING, counted but not kept
        self.unmatched = 0
        self.prev = ""  # the previous significant token ("" at the start)
        self.prev_kind = ""
        self.before_prev = ""
        self.chain = ""  # the dotted name being read (``d3.scaleBand``, ``.append``)

    def run(self) -> int:
        """Read the script; return how many brackets do not balance."""
        code, pos, end = self.code, 0, len(self.code)
        facts = self.facts
        while pos < end:
            facts.tokens_left -= 1
            if facts.tokens_left < 0:
                facts.truncated = True
                return 0  # not read to its end: its brackets cannot be judged
            match = _TOKEN.match(code, pos)
            if match is None or match.lastgroup is None:
                break
            kind = match.lastgroup
            start, text, pos = match.start(kind), match.group(kind), match.end()
            if kind == "p" and text in ("/", "/=") and _regex_allowed(self.prev, self.prev_kind):
                found = _REGEX.match(code, start)
                if found is not None:
                    pos = found.end()
                    kind, text = "r", found.group()
            self._token(kind, text, start)
            if kind != "i" and text not in (".", "?."):
                self.chain = ""
            self.before_prev, self.prev, self.prev_kind = self.prev, text, kind
        while len(self.stack) > 1:
            _close(self.stack.pop(), self.stack[-1], self.facts)
            self.unmatched += 1
        return self.unmatched + self.overflow

    def _token(self, kind: str, text: str, start: int) -> None:
        frame = self.stack[-1]
        facts = self.facts
        if kind in ("s", "t"):
            closed = len(text) > 1 and text[-1] == text[0]
            body = text[1:-1] if closed else text[1:]
            value = _unescape(body) if kind == "s" else body
            facts.strings.append(value)
            _element(frame, ("v", value), facts)
        elif kind == "n":
            number, decimals = _number(text)
            if self.prev == "-" and not _ends_value(self.before_prev):
                number = -number
            facts.numbers.append((number, decimals))
            _element(frame, ("n", abs(number)), facts)
        elif kind == "i":
            self.chain = f"{self.chain}.{text}" if self.prev in (".", "?.") else text
            _element(frame, ("i", text), facts)
        elif kind == "r":
            _element(frame, ("x", "regex"), facts)
        elif text in "{[(":
            self._open(frame, text, self.offset + start)
        elif text in "}])":
            self._close(text)
        elif text == ",":
            _finish_item(frame, facts)
        elif text == "=" and frame.kind == "b":
            frame.assign = self.prev if self.prev_kind in ("i", "s") else None
        else:
            if text == ";":
                frame.assign = None
            _element(frame, ("p", text), facts)

    def _open(self, frame: _Frame, text: str, position: int) -> None:
        if len(self.stack) > MAX_NESTING:
            self.overflow += 1
            return
        ctx = _context(frame)
        if text == "(":
            child = _Frame("(", ctx, callee=self.chain or None, position=position)
        elif text == "[":
            child = _Frame("[", ctx, JsArray(ctx, position), position=position)
        elif self.prev not in _BLOCK_AFTER:
            callee = frame.callee if frame.kind == "(" else None
            obj = JsObject(ctx, callee, position)
            self.facts.objects.append(obj)
            child = _Frame("{", ctx, obj, position=position)
        else:
            child = _Frame("b", ctx)
        self.stack.append(child)

    def _close(self, text: str) -> None:
        if self.overflow:
            self.overflow -= 1
            return
        opener = _OPENERS[text]
        stack = self.stack
        # Look a bounded way down for the bracket this one closes: a stray closer in a deep
        # stack must not cost a walk of the whole stack each time.
        depth = next(
            (
                i
                for i in range(len(stack) - 1, max(len(stack) - 9, 0), -1)
                if stack[i].kind in opener
            ),
            None,
        )
        if depth is None:
            self.unmatched += 1
            return
        if depth != len(stack) - 1:
            self.unmatched += 1
        while len(stack) > depth:
            _close(stack.pop(), stack[-1], self.facts)


_OPENERS = {"}": "{b", "]": "[", ")": "("}


def _regex_allowed(prev: str, prev_kind: str) -> bool:
    if prev_kind in ("n", "s", "t", "r"):
        return False
    if prev_kind == "i":
        return prev not in _VALUE_KEYWORDS and prev in {
            "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
            "throw", "instanceof", "yield", "await",
        }  # fmt: skip
    return prev not in (")", "]")


def _ends_value(token: str) -> bool:
    return bool(token) and (token[-1].isalnum() or token[-1] in "_$)]}'\"`")


def _context(frame: _Frame) -> str | None:
    if frame.kind == "{" and frame.count >= 2 and frame.item[1] == ("p", ":"):
        key = frame.item[0]
        if key[0] in ("i", "v", "n") and isinstance(key[1], (str, float)):
            return str(key[1]) if not isinstance(key[1], float) else f"{key[1]:g}"
    if frame.kind == "b" and frame.assign:
        return frame.assign
    return frame.ctx


def _element(frame: _Frame, element: tuple[str, object], facts: ScriptFacts) -> None:
    if frame.kind == "b":
        if frame.assign is not None:
            # `a.b.key = value`: only a literal right-hand side is kept.
            if element[0] in ("v", "n", "i"):
                facts.pairs.append((frame.assign, _literal(element)))
            frame.assign = None
        return
    if frame.count < 4:
        frame.item.append(element)
    frame.count += 1


def _finish_item(frame: _Frame, facts: ScriptFacts) -> None:
    if frame.count:
        if frame.kind == "{":
            if frame.count >= 3 and frame.item[1] == ("p", ":"):
                key = frame.item[0]
                if key[0] in ("i", "v", "n"):
                    name = f"{key[1]:g}" if isinstance(key[1], float) else str(key[1])
                    value = _item_value(frame.item[2:], frame.count - 2)
                    assert isinstance(frame.container, JsObject)
                    frame.container.entries[name] = value
                    facts.pairs.append((name, value))
        elif frame.kind == "[":
            assert isinstance(frame.container, JsArray)
            frame.container.items.append(_item_value(frame.item, frame.count))
        elif frame.kind == "(" and len(frame.args) < 4:
            frame.args.append(_item_value(frame.item, frame.count))
    frame.item = []
    frame.count = 0


def _close(frame: _Frame, parent: _Frame, facts: ScriptFacts) -> None:
    _finish_item(frame, facts)
    if frame.kind == "(":
        if frame.callee:
            args = tuple(frame.args)
            facts.calls.append(Call(frame.callee, args, frame.position))
            if len(args) >= 2 and isinstance(args[0], str):
                facts.pairs.append((args[0], args[1]))
        _element(parent, ("c", None), facts)
    elif frame.kind == "b":
        _element(parent, ("c", None), facts)
    elif parent.kind == "b" and parent.assign is not None:
        facts.pairs.append((parent.assign, frame.container))
        parent.assign = None
    elif parent.kind != "b":
        _element(parent, ("o", frame.container), facts)


def _item_value(elements: list[tuple[str, object]], count: int) -> JsValue:
    if not elements:
        return None
    first = elements[0]
    if count == 2 and first == ("p", "-") and elements[1][0] == "n":
        return -float(elements[1][1])  # type: ignore[arg-type]
    if count == 1 or first[0] == "o":
        return _literal(first)
    if ("p", "=>") in elements or first == ("i", "function"):
        return Expr("=>")  # a function: its body is code, not a value
    return Expr(str(first[1]) if first[0] in ("i", "p") else first[0])


def _literal(element: tuple[str, object]) -> JsValue:
    kind, value = element
    if kind == "i":
        assert isinstance(value, str)
        return _LITERALS[value] if value in _LITERALS else Expr(value)
    if isinstance(value, (str, float, JsObject, JsArray)):
        return value
    return Expr(kind)


def _number(text: str) -> tuple[float, int]:
    text = text.rstrip("n").replace("_", "")
    try:
        if text[:2].lower() in ("0x", "0b", "0o"):
            return float(int(text, 0)), 0
        value = float(text)
    except ValueError:
        return 0.0, 0
    mantissa, _, exponent = text.lower().partition("e")
    decimals = len(mantissa.partition(".")[2]) - (int(exponent) if exponent else 0)
    return value, max(decimals, 0)


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_replace_escape, text)


def _replace_escape(found: re.Match[str]) -> str:
    code = found.group(1)
    if code[0] in "ux" and len(code) > 1:
        try:
            return chr(int(code.strip("u{}x") if code[0] == "u" else code[1:], 16))
        except (ValueError, OverflowError):
            return code
    return _SIMPLE_ESCAPES.get(code, code if code != "\n" else "")
