"""The domain passes Bencher's conformance checks, and every reference solution scores 100
and succeeds."""

import importlib.metadata

import pytest

from bench_core import ToolReference, ToolTask
from bench_core.testing import reference_transcript
from bench_domain_api_integration import ApiIntegrationDomain, __version__, domain
from bench_scoring import score_item
from bench_scoring.testing import check_domain


@pytest.fixture(scope="module")
def gateway() -> ApiIntegrationDomain:
    return domain()


def test_the_domain_conforms(gateway: ApiIntegrationDomain) -> None:
    assert check_domain(gateway) == []


def test_the_domain_is_registered() -> None:
    found = importlib.metadata.entry_points(group="bench.domains", name="api_integration")
    assert [e.value for e in found] == ["bench_domain_api_integration:domain"]
    assert __version__ == importlib.metadata.version("bench-domain-api-integration")
    assert gateway_id() == "api_integration"


def gateway_id() -> str:
    return domain().id


@pytest.mark.parametrize(
    "task", [t for t in domain().tasks() if isinstance(t, ToolTask)], ids=lambda task: task.id
)
def test_the_reference_solution_scores_100_and_succeeds(
    gateway: ApiIntegrationDomain, task: ToolTask
) -> None:
    transcript, effects = reference_transcript(gateway, task)
    reference = gateway.reference(task.id)
    assert isinstance(reference, ToolReference)
    scored = score_item(
        task,
        transcript,
        effects,
        tools=gateway.tools(),
        writes=gateway.write_tools(),
        reference=reference,
    )
    assert scored.score.total == 100, scored.score.reasons
    assert scored.outcome.success, scored.outcome.reasons
    # Only the recovery task's reference meets an error: the one it recovers from.
    errors = [c for c in transcript.calls if c.error]
    assert len(errors) == (1 if task.id == "AI_X04" else 0), task.id


def test_an_unknown_task_has_no_reference(gateway: ApiIntegrationDomain) -> None:
    with pytest.raises(KeyError, match="no task 'AI_Z99'"):
        gateway.reference("AI_Z99")


def test_the_preamble_states_the_date_and_the_runbook(gateway: ApiIntegrationDomain) -> None:
    assert "Wednesday, 2026-03-18" in gateway.preamble
    assert "runbook" in gateway.preamble
    assert gateway.write_tools() <= {t["function"]["name"] for t in gateway.tools()}
