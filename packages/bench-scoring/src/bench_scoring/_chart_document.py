"""The chart document: taken out of a model's answer, decoded, parsed as a browser would, and
read once into the facts every criterion looks at.

Model output is untrusted, so everything here is bounded: the answer's size, the parser's
nesting depth, token count and time, the scripts read. Every scan is linear (``str.find``
loops or possessive patterns), so no input can make the scorer hang.
"""

from __future__ import annotations

import bisect
import codecs
import html.entities
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, cast
from xml.parsers import expat

import html5lib  # type: ignore[import-untyped]
from html5lib._tokenizer import HTMLTokenizer  # type: ignore[import-untyped]
from html5lib.constants import E as _ERROR_TEXTS  # type: ignore[import-untyped]

from ._chart_script import MAX_SCRIPT_CHARS, MAX_SCRIPT_TOKENS, ScriptFacts, read_scripts

MAX_ANSWER_SIZE = 5_000_000
"""Answers longer than this (in characters, or bytes when given bytes) are not scored."""
MAX_DEPTH = 512  # as browsers' HTML parsers, which stop nesting deeper than 512 elements
MAX_TOKENS = 150_000  # a chart of 500 points is ~5,000 tokens; this is thirty times more
MAX_ERRORS_SHOWN = 20
PARSE_SECONDS = 1.5  # the last guard, for inputs that make each token slow to place

SVG_NS = "{http://www.w3.org/2000/svg}"
_SVG_TITLE = f"{SVG_NS}title"
_IGNORED_ERRORS = frozenset(
    {
        # A missing doctype only puts the page in quirks mode; noted, not deducted.
        "expected-doctype-but-got-start-tag",
        "expected-doctype-but-got-chars",
        "expected-doctype-but-got-eof",
        # A bare "&" before a word (``P&L``) is plain text in today's HTML standard; html5lib
        # follows an older one.
        "expected-named-entity",
    }
)
_JS_TYPES = frozenset({"", "text/javascript", "module", "application/javascript"})
_DATA_ATTRIBUTES = frozenset(
    {"title", "alt", "label", "value", "aria-label", "aria-valuetext", "aria-description"}
)
_HANDLERS = re.compile(r"on[a-z]+")
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});")
_BARE_AMPERSAND = re.compile(r"&(?!#?[A-Za-z0-9]{1,32};)")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ChartDocument:
    """The facts of one parsed chart document that the criteria score.

    Attributes:
        text: The document's source.
        svg_document: The document is a bare ``<svg>``, not an HTML page.
        parse_errors: html5lib's first parse errors, as readable lines (doctype errors left
            out).
        parse_error_count: How many parse errors there are in all.
        stopped: Why parsing stopped early, if it did.
        doctype: The page has a doctype.
        svgs: The outermost ``<svg>`` elements, in document order.
        svg_orders: The position of each of ``svgs`` among all elements.
        svg_sources: ``(line, source)`` of each outermost ``<svg>`` as written.
        canvases: How many ``<canvas>`` elements there are.
        texts: Text nodes outside scripts and styles (``<title>`` and ``<desc>`` included).
        data_attributes: Values of ``data-*``, ``aria-label``, ``title``, ``alt``, ``value``.
        styles: The text of each ``<style>`` element.
        inline_styles: ``(tag, style)`` of each ``style`` attribute.
        attributes: ``(tag, name, value)`` of every attribute of every element.
        tags: The local name of every element, lower-cased, in document order (html5lib
            restores the case of most SVG names but not of newer ones like ``feDropShadow``).
        classes: Every ``class`` and ``id`` value, lower-cased.
        handlers: ``(event, code)`` of each ``on…`` attribute.
        titled_marks: SVG marks (or groups) with a ``<title>`` child, a native tooltip.
        links: ``(rel, href)`` of each ``<link>``.
        script_sources: The ``src`` of each external script, in order.
        scripts: What the inline scripts (and handler attributes) say.
        script_orders: The position among all elements of each script that was read.
        notes: What was noticed while reading that the score should mention.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.svg_document = False
        self.parse_errors: list[str] = []
        self.parse_error_count = 0
        self.stopped: str | None = None
        self.doctype = False
        self.svgs: list[ET.Element] = []
        self.svg_orders: list[int] = []
        self.svg_sources: list[tuple[int, str]] = []
        self.canvases = 0
        self.texts: list[str] = []
        self.data_attributes: list[str] = []
        self.styles: list[str] = []
        self.inline_styles: list[tuple[str, str]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.titled_marks = 0
        self.links: list[tuple[str, str]] = []
        self.script_sources: list[str] = []
        self.scripts = ScriptFacts()
        self.script_orders: list[int] = []
        self.notes: list[str] = []


def decode_answer(answer: str | bytes) -> tuple[str, list[str]]:
    """The answer as text, and notes on how it was decoded.

    Bytes are decoded by their byte-order mark, else the ``<meta charset>`` in their first
    4 KB, else as UTF-8; bytes that do not decode are replaced, never fatal.
    """
    notes: list[str] = []
    if isinstance(answer, bytes):
        encoding = next((name for bom, name in _BOMS if answer.startswith(bom)), None)
        if encoding is None:
            declared = _CHARSET.search(answer[:4096])
            encoding = "utf-8"
            if declared is not None:
                label = declared.group(1).decode("ascii").lower()
                try:
                    encoding = codecs.lookup(label).name
                except LookupError:
                    notes.append(f"unknown charset {label!r}: decoded as UTF-8")
                if encoding != "utf-8":
                    notes.append(f"decoded as {encoding}, as its meta charset declares")
        text = answer.decode(encoding, errors="replace")
        if "\ufffd" in text and "\ufffd".encode(encoding, errors="ignore") not in answer:
            notes.append(f"bytes that are not valid {encoding} were replaced")
        return text.lstrip("\ufeff"), notes
    try:
        answer.encode("utf-8")
    except UnicodeEncodeError:
        answer = answer.encode("utf-8", errors="replace").decode("utf-8")
        notes.append("unpaired surrogate characters were replaced")
    return answer, notes


def extract_chart(answer: str) -> str | None:
    """The chart document in a model's answer.

    The first fenced ``html`` block (the first one that holds an ``<html>``, ``<svg>``,
    ``<canvas>`` or ``<script>`` when there are several); else the first ``<html>…</html>``;
    else the first ``<svg>…</svg>``. An unclosed block or element runs to the end of the
    answer, as a truncated answer does.

    Returns:
        The document, or None when the answer has none.
    """
    lowered = answer.translate(_ASCII_LOWER)
    fenced = _fenced_html(answer, lowered)
    if fenced is not None:
        return fenced
    # The <html> tag is optional: a page may begin at its doctype and have none.
    starts = [found for tag in ("<!doctype html", "<html") if (found := lowered.find(tag)) >= 0]
    if starts:
        start = min(starts)
        end = lowered.find("</html", start)
        return answer[start : _tag_end(lowered, end)] if end >= 0 else answer[start:]
    span = next(_svg_spans(lowered, _raw_spans(lowered)), None)
    return answer[span[0] : span[1]] if span is not None else None


def _fenced_html(answer: str, lowered: str) -> str | None:
    blocks: list[str] = []
    pos = 0
    while len(blocks) < 20:
        fence = lowered.find("```", pos)
        if fence < 0:
            break
        line_end = lowered.find("\n", fence)
        if line_end < 0:
            break
        info = lowered[fence + 3 : line_end].strip()
        close = lowered.find("```", line_end)
        body_end = close if close >= 0 else len(answer)
        if info.split(" ", 1)[0] in ("html", "htm", "xhtml"):
            blocks.append(answer[line_end + 1 : body_end])
        if close < 0:
            break
        pos = close + 3
    for block in blocks:
        head = block.translate(_ASCII_LOWER)
        if any(tag in head for tag in ("<html", "<svg", "<canvas", "<script")):
            return block
    return blocks[0] if blocks else None


def _tag_end(lowered: str, start: int) -> int:
    end = lowered.find(">", start)
    return end + 1 if end >= 0 else len(lowered)


def _svg_spans(lowered: str, raw: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The outermost ``<svg>…</svg>`` spans of ``lowered``, nesting counted, tags inside
    the ``raw`` spans (scripts, styles, comments) skipped."""
    stop = len(lowered)
    pos = 0
    while True:
        begin = _find_tag(lowered, "<svg", pos, raw)
        if begin < 0:
            return
        depth = 1
        opening = _find_tag(lowered, "<svg", begin + 4, raw)
        closing = _find_tag(lowered, "</svg", begin + 4, raw)
        while depth:
            if closing < 0:
                yield begin, stop
                return
            if 0 <= opening < closing:
                depth += 1
                opening = _find_tag(lowered, "<svg", opening + 4, raw)
            else:
                depth -= 1
                cursor = closing + 5
                if depth:
                    closing = _find_tag(lowered, "</svg", cursor, raw)
        end = _tag_end(lowered, cursor)
        yield begin, end
        pos = end


def _find_tag(lowered: str, tag: str, start: int, raw: list[tuple[int, int]]) -> int:
    """The next ``tag`` (followed by a space, ``/`` or ``>``) at or after ``start`` that is
    not inside one of the ``raw`` spans."""
    while True:
        found = lowered.find(tag, start)
        if found < 0:
            return -1
        after = found + len(tag)
        inside = bisect.bisect_right(raw, (found, len(lowered))) - 1
        if inside >= 0 and raw[inside][0] <= found < raw[inside][1]:
            start = raw[inside][1]
        elif after < len(lowered) and lowered[after] not in " \t\r\n/>":
            start = after
        else:
            return found


def _raw_spans(lowered: str) -> list[tuple[int, int]]:
    """The spans of ``lowered`` that are raw text or comments (scripts, styles, comments,
    textareas), in order."""
    pairs = (
        ("<script", "</script"),
        ("<style", "</style"),
        ("<!--", "-->"),
        ("<textarea", "</textarea"),
    )
    upcoming = {opener: lowered.find(opener) for opener, _ in pairs}
    closers = dict(pairs)
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        for opener, found in upcoming.items():
            if 0 <= found < pos:
                upcoming[opener] = lowered.find(opener, pos)
        present = [(found, opener) for opener, found in upcoming.items() if found >= 0]
        if not present:
            return spans
        start, opener = min(present)
        close = lowered.find(closers[opener], start + len(opener))
        end = len(lowered) if close < 0 else close + len(closers[opener])
        spans.append((start, end))
        pos = end


class _Stop(Exception):
    """Parsing stopped at a limit; the tree built so far is kept."""


class _BoundedTokenizer(HTMLTokenizer):  # type: ignore[misc]
    def __init__(self, stream: str, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        self.deadline = time.perf_counter() + PARSE_SECONDS
        # Some tokenizer states grow a name one character at a time, which is quadratic in
        # one huge token (a 1 MB tag name): the clock is read at each 10 KB chunk of input
        # too, not only between tokens.
        read_chunk = self.stream.readChunk

        def bounded_read_chunk(*args: Any) -> bool:
            if time.perf_counter() > self.deadline:
                raise _Stop(f"parsing took more than {PARSE_SECONDS:g} s")
            return bool(read_chunk(*args))

        self.stream.readChunk = bounded_read_chunk

    def __iter__(self) -> Iterator[dict[str, Any]]:
        open_elements = self.parser.tree.openElements
        for count, token in enumerate(super().__iter__(), start=1):
            if len(open_elements) > MAX_DEPTH:
                raise _Stop(f"elements nest deeper than {MAX_DEPTH}")
            if count > MAX_TOKENS:
                raise _Stop(f"the document has more than {MAX_TOKENS:,} tokens")
            if not count & 255 and time.perf_counter() > self.deadline:
                raise _Stop(f"parsing took more than {PARSE_SECONDS:g} s")
            yield token


class _BoundedParser(html5lib.HTMLParser):  # type: ignore[misc]
    # html5lib has no hook for its tokenizer, so this repeats HTMLParser._parse (html5lib 1.1,
    # the last release of the 1.x line) with the bounded tokenizer in place.
    def _parse(
        self,
        stream: str,
        innerHTML: bool = False,
        container: str = "div",
        scripting: bool = False,
        **kwargs: Any,
    ) -> None:
        self.innerHTMLMode = innerHTML
        self.container = container
        self.scripting = scripting
        self.tokenizer = _BoundedTokenizer(stream, parser=self, **kwargs)
        self.reset()
        self.mainLoop()


def parse_document(text: str) -> ChartDocument:
    """Parse ``text`` with html5lib (bounded) and read it into a ``ChartDocument``."""
    doc = ChartDocument(text)
    lowered = text.translate(_ASCII_LOWER)
    doc.svg_document = lowered.lstrip().startswith(("<svg", "<?xml"))
    parser = _BoundedParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    try:
        parser.parse(text)
    except _Stop as stop:
        doc.stopped = str(stop)
    # A parse stopped inside the very first tag has built no tree yet.
    root = cast(ET.Element | None, parser.tree.getDocument()) or ET.Element("html")
    counted = [error for error in parser.errors if error[1] not in _IGNORED_ERRORS]
    doc.parse_error_count = len(counted)
    for position, code, data in counted[:MAX_ERRORS_SHOWN]:
        line, column = position if isinstance(position, tuple) else (0, 0)
        doc.parse_errors.append(f"line {line}, column {column}: {_error_text(code, data)}")
    doc.doctype = "<!doctype" in lowered[:4096]
    if not doc.doctype and not doc.svg_document:
        doc.notes.append("no doctype: the page renders in quirks mode")
    _walk(root, doc)
    doc.svg_sources = _svg_sources(text, lowered)
    return doc


def _error_text(code: str, data: dict[str, Any] | None) -> str:
    template = str(_ERROR_TEXTS.get(code, code))
    try:
        return template % data if data else template
    except (TypeError, KeyError, ValueError):
        return template


def _walk(root: ET.Element, doc: ChartDocument) -> None:
    sources: list[tuple[str, bool]] = []
    stack: list[tuple[ET.Element, bool]] = [(root, False)]
    while stack:
        element, in_svg = stack.pop()
        tag = element.tag
        if isinstance(tag, str):  # else a comment or a processing instruction
            name = tag.rsplit("}", 1)[-1]
            svg = tag.startswith(SVG_NS)
            doc.tags.append(name.lower())
            _read_attributes(element, name, doc, sources)
            _read_element(element, name, svg and not in_svg, doc, sources)
            stack.extend((child, in_svg or svg) for child in reversed(element))
        if element.tail and element is not root:
            doc.texts.append(element.tail)
    doc.scripts = read_scripts(sources)
    if doc.scripts.truncated:
        doc.notes.append(
            f"scripts past the first {MAX_SCRIPT_CHARS:,} characters or {MAX_SCRIPT_TOKENS:,} "
            "tokens were not read"
        )


def _read_attributes(
    element: ET.Element, name: str, doc: ChartDocument, sources: list[tuple[str, bool]]
) -> None:
    for qualified, value in element.attrib.items():
        attribute = qualified.rsplit("}", 1)[-1]
        doc.attributes.append((name, attribute, value))
        if attribute.startswith("data-") or attribute in _DATA_ATTRIBUTES:
            doc.data_attributes.append(value)
        elif attribute == "style":
            doc.inline_styles.append((name, value))
        elif attribute in ("class", "id"):
            doc.classes.append(value.lower())
        elif _HANDLERS.fullmatch(attribute):
            doc.handlers.append((attribute[2:], value))
            sources.append((value, True))
            doc.script_orders.append(len(doc.tags) - 1)


def _read_element(
    element: ET.Element,
    name: str,
    outer_svg: bool,
    doc: ChartDocument,
    sources: list[tuple[str, bool]],
) -> None:
    if name == "script":
        kind = element.get("type", "").strip().lower()
        if element.get("src"):
            doc.script_sources.append(element.get("src", "").strip())
        if element.text:
            sources.append((element.text, kind in _JS_TYPES or "json" in kind))
            doc.script_orders.append(len(doc.tags) - 1)
        return
    if name == "style":
        doc.styles.append(element.text or "")
        return
    if element.text:
        doc.texts.append(element.text)
    if outer_svg and name == "svg":
        doc.svgs.append(element)
        doc.svg_orders.append(len(doc.tags) - 1)
    elif name == "canvas":
        doc.canvases += 1
    elif name == "link":
        doc.links.append((element.get("rel", "").lower(), element.get("href", "")))
    if name != "svg" and any(child.tag == _SVG_TITLE for child in element):
        doc.titled_marks += 1


def _svg_sources(text: str, lowered: str) -> list[tuple[int, str]]:
    """Each outermost ``<svg>`` as written (scripts, styles and comments do not count as tags)."""
    found: list[tuple[int, str]] = []
    for begin, end in _svg_spans(lowered, _raw_spans(lowered)):
        found.append((text.count("\n", 0, begin) + 1, text[begin:end]))
        if len(found) >= 50:
            break
    return found


def svg_xml_problem(source: str, first_line: int = 1) -> str | None:
    """Why ``source`` (one ``<svg>`` element, starting at ``first_line`` of the document) is
    not well-formed XML, or None if it is.

    HTML named entities (``&nbsp;``) become character references and a bare ``&`` (``P&L``)
    is escaped first, and namespace prefixes are not checked: all are fine inside an HTML
    page.
    """
    source = _BARE_AMPERSAND.sub("&amp;", _ENTITY.sub(_xml_entity, source))
    parser = expat.ParserCreate()
    try:
        parser.Parse(source, True)
    except expat.ExpatError as error:
        line = first_line + error.lineno - 1
        return f"{expat.ErrorString(error.code)} at line {line}, column {error.offset}"
    return None


def _xml_entity(found: re.Match[str]) -> str:
    name = found.group(1)
    if name in _XML_ENTITIES:
        return found.group(0)
    character = html.entities.html5.get(f"{name};")
    return "".join(f"&#{ord(c)};" for c in character) if character else found.group(0)


def local_name(element: ET.Element) -> str:
    """The element's tag without its namespace."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
