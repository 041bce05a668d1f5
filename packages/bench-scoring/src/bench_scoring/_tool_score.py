"""The tool-call scorer: five criteria, 100 points, a reason for every point lost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import msgspec

from bench_core import TOOL_CRITERIA, CallSet

from ._calls import Expectation, MadeCall, read_calls, read_expected, read_tools
from ._schema import type_problem
from ._values import match_value, short_repr

# Expected calls of one tool beyond which matching turns greedy (the exact search is 2^n).
_EXACT_MATCHING_LIMIT = 10


class Deduction(msgspec.Struct, frozen=True, kw_only=True):
    """Points lost on one criterion, and why.

    Attributes:
        subject: What the points were lost on, where later evidence can give them back: a
            chart's ``label:<label>``, ``value:<value>``, ``color:<token>`` (``font:``,
            ``radius:``, ``background:``), ``rule:<rule>`` or ``interaction:<kind>``; empty
            otherwise. The browser checks take a static deduction back by its subject.
    """

    criterion: str
    points: float
    message: str
    subject: str = ""

    def __str__(self) -> str:
        return f"{self.criterion} -{self.points:.2f}: {self.message}"


class ToolCallScore(msgspec.Struct, frozen=True, kw_only=True):
    """The score of a tool-calling trajectory.

    Attributes:
        total: 0..100, the sum of the criteria.
        criteria: Points per criterion (``tool_selection`` 25, ``required_params`` 25,
            ``optional_params`` 20, ``param_types`` 15, ``chain_order`` 15).
        reasons: One readable line per loss, naming the criterion and the points.
        deductions: The same losses as records; their points add up to ``100 - total``.
        matches: Expected-call id to the index of the call matched to it.
        normalized: What had to be normalised to read the calls.
        way: Which right way was scored: 0 the task's expected calls, ``n`` its n-th
            alternative (the best-scoring way counts).
    """

    total: float
    criteria: dict[str, float]
    reasons: list[str]
    deductions: list[Deduction]
    matches: dict[str, int]
    normalized: list[str]
    way: int = 0


class _Rules(msgspec.Struct, frozen=True, kw_only=True):
    """The choices of one scoring: which calls cost nothing, which fail the item."""

    allowed: frozenset[str]
    writes: frozenset[str]
    free_lookups: bool
    strict_writes: bool
    date_times: bool

    def is_free(self, call: MadeCall, schemas: Mapping[str, Any]) -> bool:
        """A call that is neither required nor penalised when no expected call takes it."""
        if call.name in self.allowed:
            return True
        return self.free_lookups and call.name in schemas and call.name not in self.writes


def score_tool_calls(
    *,
    tools: Iterable[Mapping[str, Any]],
    expected: Iterable[Any],
    calls: Iterable[Any],
    order: Iterable[Sequence[str]] = (),
    allowed: Collection[str] = (),
    forbidden: Collection[str] = (),
    writes: Collection[str] = (),
    alternatives: Iterable[CallSet | tuple[Iterable[Any], Iterable[Sequence[str]]]] = (),
    free_lookups: bool = False,
    strict_writes: bool = False,
    date_times: bool = False,
) -> ToolCallScore:
    """Score the calls a model made against the calls a right answer makes.

    Args:
        tools: The OpenAI ``tools`` array offered to the model (or bare function schemas).
        expected: The expected calls: ``ExpectedCall`` records, ``{"name", "args",
            "optional", "id", "fails"}`` dicts, or the Berkeley Function Calling Leaderboard's
            ``{tool: {param: [acceptable values]}}``.
        calls: The calls made, in order: OpenAI ``tool_calls`` entries, ``{"name",
            "arguments"}`` dicts, ``ToolCall`` or ``TranscriptCall`` records; an optional
            ``turn`` key gives the assistant turn (calls of one turn do not precede each
            other), an ``error`` key that is true says the call's result was an error. A call
            that failed satisfies only an expected call declared to fail.
        order: ``(before, after)`` pairs of expected-call ids that the calls must respect.
        allowed: Tools a careful agent may call besides the expected calls; such calls are
            neither required nor penalised.
        forbidden: Tools the right answer must not call; any call to one scores 0.
        writes: Tools that change state. An identical repeated call of any other tool is a
            harmless lookup and counts once.
        alternatives: Other right ways, as ``CallSet`` records or ``(expected, order)``
            pairs; the best-scoring way (the task's own first, on a tie) counts.
        free_lookups: An extra call of a tool offered and not in ``writes`` costs nothing.
        strict_writes: A call of a tool in ``writes`` that succeeded and that no expected
            call covers (nor ``allowed``) scores the item 0.
        date_times: A date-time is the right type where a ``date`` is asked for, and a date
            where a ``date-time`` is (the acceptable values still decide the moment).

    Raises:
        ValueError: The expectation is malformed (names a tool not offered, or an ordering
            constraint names no expected call).
    """
    schemas = read_tools(tools)
    rules = _Rules(
        allowed=frozenset(allowed),
        writes=frozenset(writes),
        free_lookups=free_lookups,
        strict_writes=strict_writes,
        date_times=date_times,
    )
    ways = [(read_expected(expected), [(str(p[0]), str(p[1])) for p in order])]
    for way in alternatives:
        way_expected, way_order = (way.expected, way.order) if isinstance(way, CallSet) else way
        ways.append((read_expected(way_expected), [(str(p[0]), str(p[1])) for p in way_order]))
    for wanted, constraints in ways:
        _check_expectation(wanted, constraints, schemas)
    made = _drop_repeated_lookups(read_calls(calls), rules.writes)
    normalized = sorted({f"{c.name}: {note}" for c in made for note in c.notes})

    banned = [call for call in made if call.name in forbidden]
    if banned:
        return _zero_score(_forbidden_message(banned), normalized)
    if strict_writes:
        stray = _unrequested_writes(ways, made, rules)
        if stray:
            names = ", ".join(_describe_call(c) for c in stray)
            message = (
                f"{names} changed state that the task did not ask to change: the item scores 0"
            )
            return _zero_score(message, normalized)

    best: ToolCallScore | None = None
    for number, (way_wanted, constraints) in enumerate(ways):
        wanted = [_enums_exact(e, schemas[e.name]) for e in way_wanted]
        result = _score_way(
            wanted, constraints, made, schemas=schemas, rules=rules, normalized=normalized
        )
        if best is None or result.total > best.total:
            best = msgspec.structs.replace(result, way=number)
    assert best is not None
    return best


def _score_way(
    wanted: list[Expectation],
    constraints: list[tuple[str, str]],
    made: list[MadeCall],
    *,
    schemas: Mapping[str, Mapping[str, Any]],
    rules: _Rules,
    normalized: list[str],
) -> ToolCallScore:
    pairs = _keep_order(_match(wanted, made), made, constraints)
    matched_indices = {call.index for _, call in pairs}
    extras = [c for c in made if c.index not in matched_indices and not rules.is_free(c, schemas)]

    deductions = _tool_selection(wanted, pairs, extras)
    if pairs:
        deductions += _required_params(pairs, schemas)
        deductions += _optional_params(pairs, schemas)
        deductions += _param_types(pairs, schemas, rules.date_times)
        deductions += _chain_order(
            wanted, pairs, made, constraints, is_free=lambda c: rules.is_free(c, schemas)
        )
    elif wanted or extras:
        message = "no expected call was made, so no argument or order could be credited"
        for criterion in ("required_params", "optional_params", "param_types", "chain_order"):
            deductions.append(_lose(criterion, 1, 1, message))
    return _result(deductions, pairs, normalized)


def _unrequested_writes(
    ways: list[tuple[list[Expectation], list[tuple[str, str]]]], made: list[MadeCall], rules: _Rules
) -> list[MadeCall]:
    """Successful writes that no way of doing the task covers: the fewest over the ways."""
    writes = [c for c in made if c.name in rules.writes and c.name not in rules.allowed]
    if not writes or not any(not c.error for c in writes):
        return []
    fewest: list[MadeCall] | None = None
    for wanted, _ in ways:
        covered = {call.index for _, call in _match(wanted, made)}
        stray = [c for c in writes if not c.error and c.index not in covered]
        if fewest is None or len(stray) < len(fewest):
            fewest = stray
    return fewest or []


def _check_expectation(
    wanted: list[Expectation],
    constraints: list[tuple[str, str]],
    schemas: Mapping[str, Mapping[str, Any]],
) -> None:
    for expectation in wanted:
        if expectation.name not in schemas:
            raise ValueError(f"expected call {expectation.name!r} names a tool that is not offered")
    keys = [e.key for e in wanted]
    for pair in constraints:
        for key in pair:
            if keys.count(key) != 1:
                problem = "names no expected call" if key not in keys else "is ambiguous; give ids"
                raise ValueError(f"ordering constraint {pair!r}: {key!r} {problem}")


def _enums_exact(expectation: Expectation, schema: Mapping[str, Any]) -> Expectation:
    """An enum value is exact: ``Closed`` is not the enum member ``closed``."""
    properties = schema.get("properties") or {}
    changed = {
        param: msgspec.structs.replace(matcher, match="exact")
        for param, matcher in expectation.args.items()
        if matcher.match == "auto"
        and isinstance(properties.get(param), Mapping)
        and isinstance(properties[param].get("enum"), list)
    }
    if not changed:
        return expectation
    return msgspec.structs.replace(expectation, args={**expectation.args, **changed})


def _drop_repeated_lookups(made: list[MadeCall], writes: Collection[str]) -> list[MadeCall]:
    if len(made) < 2:
        return made
    seen: set[bytes] = set()
    kept: list[MadeCall] = []
    for call in made:
        if call.name not in writes and not call.unreadable:
            signature = call.signature()
            if signature in seen:
                continue
            seen.add(signature)
        kept.append(call)
    return kept


def _match(wanted: list[Expectation], made: list[MadeCall]) -> list[tuple[Expectation, MadeCall]]:
    """Pair expected and made calls of the same tool one-to-one, as many pairs as possible,
    then the most acceptable arguments, then the earliest calls."""
    by_name: dict[str, list[MadeCall]] = defaultdict(list)
    for call in made:
        by_name[call.name].append(call)
    groups: dict[str, list[Expectation]] = defaultdict(list)
    for expectation in wanted:
        groups[expectation.name].append(expectation)
    pairs: list[tuple[Expectation, MadeCall]] = []
    for name, group in groups.items():
        for fails in (False, True):
            expectations = [e for e in group if e.fails == fails]
            candidates = [c for c in by_name.get(name, []) if c.error == fails]
            if expectations and candidates:
                pairs.extend(_match_group(expectations, candidates))
    return sorted(pairs, key=lambda pair: pair[1].index)


def _match_group(
    expectations: list[Expectation], candidates: list[MadeCall]
) -> list[tuple[Expectation, MadeCall]]:
    if len(expectations) == 1:
        best = max(candidates, key=lambda c: (_agreement(expectations[0], c), -c.index))
        return [(expectations[0], best)]
    if len(expectations) <= _EXACT_MATCHING_LIMIT:
        return _match_exactly(expectations, candidates)
    return _match_greedily(expectations, candidates)


def _keep_order(
    pairs: list[tuple[Expectation, MadeCall]],
    made: list[MadeCall],
    constraints: list[tuple[str, str]],
) -> list[tuple[Expectation, MadeCall]]:
    """Among calls of one tool that agree as well, take those that keep the order.

    A careful agent may list the alerts before deleting one and again after, to check: the
    first list is the one the order asks for. Each expected call may move to another call of
    its tool (free, or swapped with another expected call) where its arguments agree as well
    and more ordering constraints hold; repeated until nothing improves.
    """
    if not constraints or not pairs:
        return pairs
    chosen = {e.key: call for e, call in pairs}
    expectations = {e.key: e for e, _ in pairs}
    improved = True
    while improved:
        improved = False
        for key, expectation in expectations.items():
            current = chosen[key]
            agreement = _agreement(expectation, current)
            for candidate in made:
                if candidate is current or candidate.name != current.name:
                    continue
                if (
                    candidate.error != current.error
                    or _agreement(expectation, candidate) < agreement
                ):
                    continue
                holder = next((k for k, c in chosen.items() if c is candidate), None)
                if holder is not None and (
                    _agreement(expectations[holder], current)
                    < _agreement(expectations[holder], candidate)
                ):
                    continue
                trial = dict(chosen)
                trial[key] = candidate
                if holder is not None:
                    trial[holder] = current
                if _orders_kept(trial, constraints) > _orders_kept(chosen, constraints):
                    chosen, improved = trial, True
                    break
    return sorted(((expectations[k], c) for k, c in chosen.items()), key=lambda pair: pair[1].index)


def _orders_kept(chosen: Mapping[str, MadeCall], constraints: list[tuple[str, str]]) -> int:
    return sum(
        1
        for before, after in constraints
        if before in chosen and after in chosen and _precedes(chosen[before], chosen[after])
    )


def _agreement(expectation: Expectation, call: MadeCall) -> int:
    return sum(
        1
        for param, matcher in expectation.args.items()
        if param in call.arguments and match_value(matcher, call.arguments[param])
    )


def _match_exactly(
    expectations: list[Expectation], candidates: list[MadeCall]
) -> list[tuple[Expectation, MadeCall]]:
    # Dynamic programming over the calls in order, keyed by the set of expected calls used.
    # Value: (pairs, agreement, -index sum); the most pairs first, then agreement, then the
    # earliest calls.
    states: dict[int, tuple[tuple[int, int, int], tuple[tuple[int, int], ...]]] = {
        0: ((0, 0, 0), ())
    }
    for position, call in enumerate(candidates):
        agreements = [_agreement(e, call) for e in expectations]
        updated = dict(states)
        for mask, (value, chosen) in states.items():
            for slot, agreement in enumerate(agreements):
                if mask & (1 << slot):
                    continue
                new_mask = mask | (1 << slot)
                new_value = (value[0] + 1, value[1] + agreement, value[2] - call.index)
                if new_mask not in updated or new_value > updated[new_mask][0]:
                    updated[new_mask] = (new_value, (*chosen, (slot, position)))
        states = updated
    _, chosen = max(states.values(), key=lambda state: state[0])
    return [(expectations[slot], candidates[position]) for slot, position in chosen]


def _match_greedily(
    expectations: list[Expectation], candidates: list[MadeCall]
) -> list[tuple[Expectation, MadeCall]]:
    scored = sorted(
        (
            (_agreement(e, c), -c.index, i, j)
            for i, e in enumerate(expectations)
            for j, c in enumerate(candidates)
        ),
        reverse=True,
    )
    used_e: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, _, i, j in scored:
        if i not in used_e and j not in used_c:
            used_e.add(i)
            used_c.add(j)
            pairs.append((expectations[i], candidates[j]))
    return pairs


def _tool_selection(
    wanted: list[Expectation], pairs: list[tuple[Expectation, MadeCall]], extras: list[MadeCall]
) -> list[Deduction]:
    matched = {id(e) for e, _ in pairs}
    missing = [e for e in wanted if id(e) not in matched]
    made_count = len(pairs) + len(extras)
    if not wanted and not made_count:
        return []
    f1 = 2 * len(pairs) / (len(wanted) + made_count)
    problems = [f"expected call {_describe_expected(e)} was not made" for e in missing]
    problems += [f"call {_describe_call(c)} was not asked for" for c in extras]
    lost = TOOL_CRITERIA["tool_selection"] * (1 - f1)
    return [
        Deduction(criterion="tool_selection", points=lost / len(problems), message=p)
        for p in problems
    ]


def _required_params(
    pairs: list[tuple[Expectation, MadeCall]], schemas: Mapping[str, Mapping[str, Any]]
) -> list[Deduction]:
    checks: list[str | None] = []
    for expectation, call in pairs:
        required = set(schemas[expectation.name].get("required", ()))
        for param, matcher in expectation.args.items():
            if param in required:
                checks.extend(_check_argument(expectation, call, param, matcher, "required "))
    return _share("required_params", checks)


def _optional_params(
    pairs: list[tuple[Expectation, MadeCall]], schemas: Mapping[str, Mapping[str, Any]]
) -> list[Deduction]:
    checks: list[str | None] = []
    for expectation, call in pairs:
        schema = schemas[expectation.name]
        required = set(schema.get("required", ()))
        for param, matcher in expectation.args.items():
            if param not in required:
                checks.extend(_check_argument(expectation, call, param, matcher, ""))
        properties = schema.get("properties") or {}
        for param in call.arguments:
            if param not in properties:
                checks.append(f"argument {param!r} in {call.name} is not one of its parameters")
    return _share("optional_params", checks)


def _check_argument(
    expectation: Expectation, call: MadeCall, param: str, matcher: Any, kind: str
) -> list[str | None]:
    if param not in call.arguments:
        if param in expectation.optional:
            return []
        return [f"missing {kind}argument {param!r} in {call.name}"]
    value = call.arguments[param]
    if match_value(matcher, value):
        return [None]
    acceptable = ", ".join(short_repr(v, 30) for v in matcher.any_of[:4])
    more = ", …" if len(matcher.any_of) > 4 else ""
    return [
        f"wrong value for {kind}argument {param!r} in {call.name}: got {short_repr(value)}, "
        f"expected {acceptable}{more}"
    ]


def _param_types(
    pairs: list[tuple[Expectation, MadeCall]],
    schemas: Mapping[str, Mapping[str, Any]],
    date_times: bool,
) -> list[Deduction]:
    checks: list[str | None] = []
    for expectation, call in pairs:
        if call.unreadable:
            checks.append(f"arguments of {call.name} could not be read: {', '.join(call.notes)}")
            continue
        properties = schemas[expectation.name].get("properties") or {}
        for param, value in call.arguments.items():
            schema = properties.get(param)
            if not isinstance(schema, Mapping):
                checks.append(
                    f"argument {param!r} in {call.name} has no type: it is not a parameter"
                )
                continue
            problem = type_problem(schema, value, date_times=date_times)
            checks.append(f"argument {param!r} in {call.name} {problem}" if problem else None)
    return _share("param_types", checks)


def _chain_order(
    wanted: list[Expectation],
    pairs: list[tuple[Expectation, MadeCall]],
    made: list[MadeCall],
    constraints: list[tuple[str, str]],
    *,
    is_free: Callable[[MadeCall], bool],
) -> list[Deduction]:
    if not constraints:
        if len(wanted) != 1:
            return []
        first = next(c for c in made if not is_free(c) or c is pairs[0][1])
        if first is pairs[0][1]:
            return []
        return [
            _lose(
                "chain_order",
                1,
                1,
                f"{pairs[0][1].name} was not the first call: {_describe_call(first)} came first",
            )
        ]
    position = {e.key: call for e, call in pairs}
    checks: list[str | None] = []
    for before, after in constraints:
        a, b = position.get(before), position.get(after)
        if a is None or b is None:
            absent = before if a is None else after
            checks.append(f"{before} must come before {after}, but {absent} was not made")
        elif _precedes(a, b):
            checks.append(None)
        else:
            checks.append(f"{before} must come before {after}, but it did not")
    return _share("chain_order", checks)


def _precedes(a: MadeCall, b: MadeCall) -> bool:
    if a.turn is not None and b.turn is not None:
        return a.turn < b.turn  # calls of one turn run in parallel: neither saw the other
    return a.index < b.index


def _share(criterion: str, checks: list[str | None]) -> list[Deduction]:
    """One deduction per failed check, each worth an equal share of the criterion."""
    failures = [c for c in checks if c is not None]
    return [_lose(criterion, 1, len(checks), message) for message in failures]


def _lose(criterion: str, parts: int, of: int, message: str) -> Deduction:
    return Deduction(
        criterion=criterion, points=TOOL_CRITERIA[criterion] * parts / of, message=message
    )


def _forbidden_message(banned: list[MadeCall]) -> str:
    names = ", ".join(sorted({_describe_call(c) for c in banned}))
    return f"called {names}, which this task forbids: the item scores 0"


def _zero_score(message: str, normalized: list[str]) -> ToolCallScore:
    deductions = [_lose(criterion, 1, 1, message) for criterion in TOOL_CRITERIA]
    return _result(deductions, [], normalized)


def _result(
    deductions: list[Deduction], pairs: list[tuple[Expectation, MadeCall]], normalized: list[str]
) -> ToolCallScore:
    lost: dict[str, float] = dict.fromkeys(TOOL_CRITERIA, 0.0)
    for deduction in deductions:
        lost[deduction.criterion] += deduction.points
    criteria = {name: round(max(0.0, most - lost[name]), 4) for name, most in TOOL_CRITERIA.items()}
    rounded = [msgspec.structs.replace(d, points=round(d.points, 4)) for d in deductions]
    return ToolCallScore(
        total=round(sum(criteria.values()), 4),
        criteria=criteria,
        reasons=[str(d) for d in rounded],
        deductions=rounded,
        matches={e.key: call.index for e, call in pairs},
        normalized=normalized,
    )


def _describe_expected(expectation: Expectation) -> str:
    shown = ", ".join(
        f"{param}={short_repr(matcher.any_of[0], 24)}" if matcher.any_of else param
        for param, matcher in expectation.args.items()
    )
    return f"{expectation.name}({shown})"


def _describe_call(call: MadeCall) -> str:
    shown = ", ".join(f"{k}={short_repr(v, 24)}" for k, v in list(call.arguments.items())[:4])
    more = ", …" if len(call.arguments) > 4 else ""
    return f"{call.name or '<no name>'}({shown}{more})"
