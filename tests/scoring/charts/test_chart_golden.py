"""The golden set: hand-written chart documents, each library and type, good and flawed.

Each row of ``golden/expected.json`` names a document, the spec it is scored with, the criteria
it must end with (those not named must be full marks), the types it must detect and a
fragment one of its reasons must contain.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench_core import CHART_CRITERIA
from bench_scoring import score_chart

from .conftest import FULL, GOLDEN, ROWS, golden, row_id, spec_for


def test_the_golden_set_covers_each_library_and_type_with_good_and_flawed_documents() -> None:
    files = {row["file"] for row in ROWS}
    assert len(files) >= 30
    assert files == {p.name for p in GOLDEN.iterdir() if p.suffix in (".html", ".md")}
    for prefix in ("svg_", "chartjs_", "d3_", "echarts_", "plotly_", "vegalite_"):
        assert any(f.startswith(prefix) for f in files), prefix
    detected = {kind for row in ROWS for kind in row["types"]}
    assert detected == {"bar", "stacked_bar", "line", "area", "pie", "scatter", "heatmap"}
    assert sum(1 for row in ROWS if "criteria" not in row) >= 20
    assert sum(1 for row in ROWS if "criteria" in row) >= 15


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r) for r in ROWS])
def test_golden_document_scores_as_expected(row: dict[str, Any]) -> None:
    score = score_chart(golden(row["file"]), spec_for(row))
    expected = {**FULL, **row.get("criteria", {})}
    assert score.criteria == pytest.approx(expected, abs=1e-3), score.reasons
    assert score.detected_types == row["types"]
    assert score.detected_type == (row["types"][0] if row["types"] else None)
    if "reason" in row:
        assert any(row["reason"] in reason for reason in score.reasons), score.reasons
    else:
        assert score.reasons == []
    assert score.total == pytest.approx(sum(score.criteria.values()), abs=1e-3)
    lost = sum(d.points for d in score.deductions)
    assert lost == pytest.approx(100 - score.total, abs=1e-3)
    for deduction, reason in zip(score.deductions, score.reasons, strict=True):
        assert deduction.criterion in CHART_CRITERIA
        assert reason == f"{deduction.criterion} -{deduction.points:.2f}: {deduction.message}"
