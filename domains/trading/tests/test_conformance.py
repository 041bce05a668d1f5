"""The domain passes Bencher's conformance checks, and every reference solution scores 100."""

import pytest

from bench_core import ToolReference, ToolTask
from bench_core.testing import check_domain, run_reference
from bench_domain_trading import TradingDomain, domain
from bench_scoring import score_tool_calls


def test_the_domain_conforms(trading: TradingDomain) -> None:
    assert check_domain(trading) == []


@pytest.mark.parametrize(
    "task", [t for t in domain().tasks() if isinstance(t, ToolTask)], ids=lambda task: task.id
)
def test_the_reference_solution_scores_100_on_the_simulator(
    trading: TradingDomain, task: ToolTask
) -> None:
    calls, results = run_reference(trading, task)
    score = score_tool_calls(
        tools=trading.tools(),
        expected=task.expected,
        calls=calls,
        order=task.order,
        allowed=task.allowed,
        forbidden=task.forbidden,
        writes=trading.write_tools(),
    )
    assert score.total == 100, score.reasons
    reference = trading.reference(task.id)
    assert isinstance(reference, ToolReference)
    assert reference.answer.strip()
    # Only the recovery task's reference meets an error: the one it recovers from.
    errors = [r for r in results if isinstance(r, dict) and "error" in r]
    assert len(errors) == (1 if task.id == "X02" else 0)


def test_an_unknown_task_has_no_reference(trading: TradingDomain) -> None:
    with pytest.raises(KeyError, match="no task 'Z99'"):
        trading.reference("Z99")
