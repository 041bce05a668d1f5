"""bench_judge exports its API from ``__init__`` with an honest, sorted ``__all__``."""

from __future__ import annotations

import types

import bench_judge


def test_all_is_sorted_complete_and_honest() -> None:
    exported = bench_judge.__all__
    assert exported == sorted(exported, key=lambda name: (not name.isupper(), name))
    for name in exported:
        assert getattr(bench_judge, name) is not None, name
    public = {
        name
        for name, value in vars(bench_judge).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(exported)
    assert bench_judge.__version__ == "0.1.0"
