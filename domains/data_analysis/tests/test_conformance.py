"""The domain passes Bencher's conformance checks, and every reference solution scores 100
and succeeds."""

import pytest

from bench_core import ToolReference, ToolTask
from bench_core.testing import reference_transcript
from bench_domain_data_analysis import DataAnalysisDomain, domain
from bench_scoring import score_item
from bench_scoring.testing import check_domain

RECOVERY = "DA_H03"


def test_the_domain_conforms(hr: DataAnalysisDomain) -> None:
    assert check_domain(hr) == []


@pytest.mark.parametrize(
    "task", [t for t in domain().tasks() if isinstance(t, ToolTask)], ids=lambda task: task.id
)
def test_the_reference_solution_scores_100_and_succeeds(
    hr: DataAnalysisDomain, task: ToolTask
) -> None:
    transcript, effects = reference_transcript(hr, task)
    solution = hr.reference(task.id)
    assert isinstance(solution, ToolReference)
    scored = score_item(
        task,
        transcript,
        effects,
        tools=hr.tools(),
        writes=hr.write_tools(),
        reference=solution,
    )
    assert scored.score.total == 100, scored.score.reasons
    assert scored.outcome.success, scored.outcome.reasons
    assert solution.answer.strip()
    # Only the recovery task's reference meets an error: the one it recovers from.
    errors = [c for c in transcript.calls if c.error]
    assert len(errors) == (1 if task.id == RECOVERY else 0)


def test_an_unknown_task_has_no_reference(hr: DataAnalysisDomain) -> None:
    with pytest.raises(KeyError, match="no task 'Z99'"):
        hr.reference("Z99")
