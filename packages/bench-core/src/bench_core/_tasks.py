"""The benchmark's tasks: what is asked, at ten prompt qualities, and what a right answer is."""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from ._matchers import ArgMatcher
from ._outcome import Outcome
from ._weights import Difficulty, Suite


class ExpectedCall(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One call a right answer makes.

    Attributes:
        name: The tool's name.
        args: For each argument the acceptable values, as a list (matched by their type) or
            an ``ArgMatcher``.
        optional: Arguments that may be left out; when given they must still be acceptable.
        id: A name for ordering constraints; defaults to the tool's name.
        fails: The call is expected to return an error (a mistyped id the task plants): only
            a call whose result was an error satisfies it. Any other expected call is
            satisfied only by a call that succeeded.
    """

    name: str
    args: dict[str, list[Any] | ArgMatcher] = {}
    optional: tuple[str, ...] = ()
    id: str | None = None
    fails: bool = False

    @property
    def key(self) -> str:
        """The id that ordering constraints use."""
        return self.id or self.name


class CallSet(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Another right way to do a tool task: its expected calls and their partial order.

    Attributes:
        expected: The calls this way makes.
        order: ``(before, after)`` pairs of expected-call ids.
    """

    expected: tuple[ExpectedCall, ...]
    order: tuple[tuple[str, str], ...] = ()


class ToolCall(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A call as the model made it, after normalisation of the provider's form."""

    name: str
    arguments: dict[str, Any] = {}
    id: str | None = None


class ToolReference(msgspec.Struct, frozen=True, kw_only=True):
    """A tool task's reference solution: the calls of each assistant turn, then the answer."""

    turns: tuple[tuple[ToolCall, ...], ...]
    answer: str


class ChartReference(msgspec.Struct, frozen=True, kw_only=True):
    """A chart task's reference solution: the chart document."""

    html: str


class DesignTokens(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """The design system a chart must use."""

    colors: tuple[str, ...] = ()
    fonts: tuple[str, ...] = ()
    radii: tuple[str, ...] = ()
    background: str | None = None


class ChartSpec(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """What a chart must show and how; every part is optional and scored only when given.

    Attributes:
        chart_type: ``bar``, ``line``, ``pie``, ``scatter``, ``area``, ``heatmap``, ...
        labels: Category or series labels that must appear.
        values: Numbers that must appear.
        decimals: Fewest decimals to which a shown value may be rounded (None: as given).
        compact: Values may be shown in compact form (``1.2K``, ``3.4M``).
        tokens: Colors, fonts, corner radii and background to use.
        rules: Banned patterns beyond the defaults (no shadows, no gradients).
        interactivity: Interactions asked for: ``tooltip``, ``hover``, ``legend_toggle``,
            ``click``, ``zoom``.
    """

    chart_type: str | None = None
    labels: tuple[str, ...] = ()
    values: tuple[float, ...] = ()
    decimals: int | None = None
    compact: bool = False
    tokens: DesignTokens = DesignTokens()
    rules: tuple[str, ...] = ()
    interactivity: tuple[str, ...] = ()


class _TaskBase(msgspec.Struct, frozen=True, kw_only=True, tag_field="suite"):
    id: str
    domain: str
    difficulty: Difficulty
    title: str
    prompts: tuple[str, ...]

    def prompt(self, quality: int) -> str:
        """The prompt written at ``quality`` (1 sloppy … 10 precise)."""
        if not 1 <= quality <= len(self.prompts):
            raise ValueError(
                f"{self.id} has prompts of quality 1-{len(self.prompts)}, not {quality}"
            )
        return self.prompts[quality - 1]

    @property
    def weight(self) -> float:
        """The task's difficulty weight."""
        return self.difficulty.weight


class ToolTask(_TaskBase, frozen=True, kw_only=True, tag="tools"):
    """A tool-calling task.

    Attributes:
        expected: The calls a right answer makes.
        tools: Names of the domain's tools offered to the model; empty offers all of them.
        allowed: Tools a careful agent may also call (lookups): neither required nor penalised.
        forbidden: Tools the right answer must not call (the destructive action of a restraint
            task); calling one scores the item 0.
        order: ``(before, after)`` pairs of expected-call ids: a partial order.
        max_turns: Assistant turns allowed before the episode ends.
        alternatives: Other right ways (expected calls and order); the best-scoring way counts.
        outcome: What doing the job means: the writes it leaves and the facts its answer states.
    """

    expected: tuple[ExpectedCall, ...]
    tools: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    order: tuple[tuple[str, str], ...] = ()
    max_turns: int = 8
    alternatives: tuple[CallSet, ...] = ()
    outcome: Outcome = Outcome()

    @property
    def suite(self) -> Suite:
        return Suite.TOOLS


class ChartTask(_TaskBase, frozen=True, kw_only=True, tag="charts"):
    """A chart-building task.

    Attributes:
        data: The raw data given in the prompt, as CSV or JSON text.
        data_format: ``csv`` or ``json``.
        spec: What the chart must show and how.
    """

    data: str
    data_format: Literal["csv", "json"]
    spec: ChartSpec

    @property
    def suite(self) -> Suite:
        return Suite.CHARTS


Task = ToolTask | ChartTask


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """One unit of work: a task at one prompt quality, the ``repeat``-th time."""

    task: Task
    quality: int
    repeat: int = 0

    @property
    def key(self) -> tuple[str, int, int]:
        """The identity of the item within a run."""
        return (self.task.id, self.quality, self.repeat)
