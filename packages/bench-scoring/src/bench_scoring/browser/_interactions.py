"""Interactions tried with the mouse in a rendered chart, and whether the chart answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec

from ._interaction_scripts import (
    CLICK_CHANGED,
    CLICK_MARKS,
    CLICK_SETTLED,
    HIDES,
    HOVER_MARKS,
    LEGEND,
    LOOK_AFTER,
    SHOWN,
    ZOOM_AREAS,
    ZOOM_CHANGED,
    ZOOM_STATE,
)

if TYPE_CHECKING:
    from playwright.async_api import Page

EXERCISED = ("tooltip", "hover", "click", "legend_toggle", "zoom")
"""The interactions tried in the browser; the others are left to the static check."""
_HOVER_KINDS = ("tooltip", "hover")
_LEGEND_WAIT_MS = 1000  # Plotly waits out a possible double click before it toggles
_ZOOM_WAIT_MS = 350  # ECharts throttles dataZoom to one update per 100 ms
_WHEEL_DELTA = -400.0  # a few notches towards the screen: zoom in
_STILL_MS = 150  # a hovered chart that holds still this long has finished reacting
_SETTLE_MS = 800  # past this, what still moves is left out of the comparison
_CLICK_WAIT_MS = 300


class InteractionCheck(msgspec.Struct, frozen=True, kw_only=True):
    """One interaction tried with the mouse.

    Attributes:
        kind: ``tooltip``, ``hover``, ``click``, ``legend_toggle`` or ``zoom``.
        passed: Whether the chart answered as it should.
        detail: What was done and seen.
    """

    kind: str
    passed: bool
    detail: str


async def exercise(page: Page, interactions: tuple[str, ...]) -> list[InteractionCheck]:
    """Try each asked interaction that the browser can check, in a fixed order."""
    checks: list[InteractionCheck] = []
    if any(kind in interactions for kind in _HOVER_KINDS):
        checks += await _hover(page, interactions)
    if "click" in interactions:
        checks.append(await _click(page))
    if "legend_toggle" in interactions:
        checks.append(await _legend(page))
    if "zoom" in interactions:
        checks.append(await _zoom(page))
    return checks


async def _hover(page: Page, interactions: tuple[str, ...]) -> list[InteractionCheck]:
    points: list[dict[str, Any]] = await page.evaluate(HOVER_MARKS)
    kinds = [kind for kind in _HOVER_KINDS if kind in interactions]
    if not points:
        return [InteractionCheck(kind=k, passed=False, detail="no mark to hover") for k in kinds]
    tooltip = ""
    reacted = ""
    for point in points:
        await page.mouse.move(0, 0)
        before = await page.evaluate(LOOK_AFTER, None)
        await page.mouse.move(point["x"], point["y"], steps=2)
        after = await page.evaluate(LOOK_AFTER, point)
        new = [t for t in after["seen"] if t not in set(before["seen"])]
        title = after["title"]
        shown = [*after["tips"], *new, *([title] if title else [])]
        with_value = [t for t in shown if any(c.isdigit() for c in t)]
        if with_value and not tooltip:
            tooltip = " ".join(with_value)[:120]
        if (shown or after["active"] or after["mutations"] > before["mutations"]) and not reacted:
            reacted = f"the {point['how']} mark at ({point['x']:.0f}, {point['y']:.0f}) reacted"
        if tooltip and reacted:
            break
    await page.mouse.move(0, 0)
    checks = []
    where = f"{len(points)} {points[0]['how']} marks hovered"
    if "tooltip" in kinds:
        detail = f"tooltip shown: {tooltip!r}" if tooltip else f"{where}: no tooltip with a value"
        checks.append(InteractionCheck(kind="tooltip", passed=bool(tooltip), detail=detail))
    if "hover" in kinds:
        detail = reacted or f"{where}: nothing changed"
        checks.append(InteractionCheck(kind="hover", passed=bool(reacted), detail=detail))
    return checks


async def _click(page: Page) -> InteractionCheck:
    """Click marks one by one (hovered and still first) until the chart answers."""
    points: list[dict[str, Any]] = await page.evaluate(CLICK_MARKS)
    if not points:
        return InteractionCheck(kind="click", passed=False, detail="no mark to click")
    for point in points:
        await page.mouse.move(point["x"], point["y"])
        settled = await page.evaluate(CLICK_SETTLED, [_STILL_MS, _SETTLE_MS])
        await page.mouse.down()
        await page.mouse.up()
        changed: list[str] = await page.evaluate(CLICK_CHANGED, [settled, _CLICK_WAIT_MS])
        if changed:
            where = f"the {point['how']} mark at ({point['x']:.0f}, {point['y']:.0f})"
            what = ", ".join(_CHANGE_NAMES.get(k, k) for k in changed[:3])
            return InteractionCheck(
                kind="click", passed=True, detail=f"clicking {where} changed {what}"
            )
    detail = f"clicking {len(points)} {points[0]['how']} marks changed nothing"
    return InteractionCheck(kind="click", passed=False, detail=detail)


_CHANGE_NAMES = {"text": "the text shown", "dom": "the page (outside tooltips)"}


async def _legend(page: Page) -> InteractionCheck:
    entry: dict[str, Any] | None = await page.evaluate(LEGEND)
    if entry is None:
        return InteractionCheck(kind="legend_toggle", passed=False, detail="no legend to click")
    before = await page.evaluate(SHOWN, entry)
    await page.mouse.click(entry["x"], entry["y"])
    hidden = await page.evaluate(HIDES, [entry, before, _LEGEND_WAIT_MS])
    where = f"the first {entry['how']} legend entry"
    if entry.get("color"):
        where += f" (swatch {entry['color']})"
    detail = f"clicking {where} hid its series" if hidden else f"clicking {where} hid nothing"
    return InteractionCheck(kind="legend_toggle", passed=bool(hidden), detail=detail)


async def _zoom(page: Page) -> InteractionCheck:
    areas: list[dict[str, Any]] = await page.evaluate(ZOOM_AREAS)
    if not areas:
        return InteractionCheck(kind="zoom", passed=False, detail="no plot area to zoom")
    for area in areas:
        x, y, w, h = area["x"] + area["w"] / 2, area["y"] + area["h"] / 2, area["w"], area["h"]
        before = await page.evaluate(ZOOM_STATE)
        await page.mouse.move(x, y)
        await page.mouse.wheel(0, _WHEEL_DELTA)
        changed: list[str] = await page.evaluate(ZOOM_CHANGED, [before, _ZOOM_WAIT_MS])
        how = "turning the wheel over"
        if not changed:
            before = await page.evaluate(ZOOM_STATE)
            # A slider at its full range is all window: drag its end handle instead.
            start = x + w / 2 if area["how"] == "ECharts slider" else x - w / 4
            await page.mouse.move(start, y)
            await page.mouse.down()
            await page.mouse.move(start - w / 2 if start > x else x + w / 4, y + h / 8, steps=8)
            await page.mouse.up()
            changed = await page.evaluate(ZOOM_CHANGED, [before, _ZOOM_WAIT_MS])
            how = "dragging across"
        if changed:
            detail = f"{how} the {area['how']} plot changed {', '.join(changed[:3])}"
            return InteractionCheck(kind="zoom", passed=True, detail=detail)
    where = ", ".join(area["how"] for area in areas)
    detail = f"the wheel and a drag over the plot ({where}) changed no scale or view"
    return InteractionCheck(kind="zoom", passed=False, detail=detail)
