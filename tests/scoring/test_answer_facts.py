"""Finding a fact in a final answer: numbers in every usual form, ids and names as words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench_core import AnswerFact
from bench_scoring import states_fact
from bench_scoring._answer_facts import numbers_in


def number(value: float, tolerance: float = 0.0, compact: bool = False) -> AnswerFact:
    return AnswerFact(name="n", any_of=(value,), tolerance=tolerance, compact=compact)


@pytest.mark.parametrize(
    ("answer", "value", "tolerance"),
    [
        ("net was $1,234.50", 1234.5, 0.0),
        ("net was 1234.5", 1234.5, 0.0),
        ("down -6.04%", -6.04, 0.0),
        ("down −6.0 %", -6.04, 0.05),
        ("a loss of $1,234.50", -1234.5, 0.0),
        ("-$1,234.50 realized", -1234.5, 0.0),
        ("$-1,234.50 realized", -1234.5, 0.0),
        ("USD 1,234", 1234.0, 0.0),
        ("about 0.5 lots", 0.5, 0.0),
        ("drawdown .75%", 0.75, 0.0),
        ("band 66,000 - 98,000 GBP", 98000.0, 0.0),
        ("band 66,000–98,000", 98000.0, 0.0),
        ("band £66,000-£98,000", 98000.0, 0.0),
        ("band £66,000-£98,000", 66000.0, 0.0),
        ("on 2026-03-31 we lost 31", 31.0, 0.0),
    ],
)
def test_a_number_is_found_in_its_usual_forms(answer: str, value: float, tolerance: float) -> None:
    assert states_fact(answer, number(value, tolerance))


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("net was $1,243.50", 1234.5),  # transposed digits
        ("gain of +$1,234.50", -1234.5),  # the opposite sign, written out
        ("trade T-0412 closed", 412.0),  # inside an id
        ("on 2026-03-31", 3.0),  # inside a date
        ("on 2026-03-31", -3.0),
        ("at 14:30 UTC", 30.0),  # a time is not an amount
        ("net was 1234.5", 1234.0),  # no tolerance given
    ],
)
def test_a_number_that_is_not_the_fact_is_not_found(answer: str, value: float) -> None:
    assert not states_fact(answer, number(value))


def test_compact_forms_only_where_the_fact_allows_them() -> None:
    assert states_fact("equity is $1.2M", number(1_200_000, compact=True))
    assert not states_fact("equity is $1.2M", number(1_200_000))


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        ("The worst was T-0412.", True),
        ("the worst was t-0412", True),
        ("the worst was T-04120", False),
        ("the worst was XT-0412", False),
        ("“Mean  reversion” lost most", True),
    ],
)
def test_text_is_found_as_whole_words(answer: str, found: bool) -> None:
    fact = AnswerFact(name="id", any_of=("T-0412", "mean reversion"))
    assert states_fact(answer, fact) is found


@given(
    value=st.floats(min_value=-1e7, max_value=1e7, allow_nan=False).map(lambda v: round(v, 2)),
    form=st.sampled_from(["{:.2f}", "{:,.2f}", "${:,.2f}", "{:.2f}%", "USD {:,.2f}"]),
    words=st.sampled_from(["", "It was ", "Result: ", "net "]),
)
def test_any_written_form_of_the_value_is_found(value: float, form: str, words: str) -> None:
    sign = "-" if value < 0 else ""
    text = f"{words}{sign}{form.format(abs(value))} today."
    assert states_fact(text, number(value, tolerance=0.005))


@given(st.text(max_size=200))
def test_reading_numbers_never_fails(text: str) -> None:
    for value, _ in numbers_in(text, compact=True):
        assert math.isfinite(value)
