"""Every package exports its public API from ``__init__`` with an honest ``__all__``."""

from __future__ import annotations

import importlib
import types

import pytest

PACKAGES = [
    "bench_core",
    "bench_scoring",
    "bench_clients",
    "bench_judge",
    "bench_cli",
    "bench_domain_trading",
    "bench_domain_devops",
    "bench_domain_data_analysis",
    "bench_domain_api_integration",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_lists_every_public_name_once_and_each_exists(name: str) -> None:
    package = importlib.import_module(name)
    exported = package.__all__
    assert len(set(exported)) == len(exported)
    for attribute in exported:
        assert getattr(package, attribute) is not None, attribute
    public = {
        attribute
        for attribute, value in vars(package).items()
        if not attribute.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(exported), sorted(public - set(exported))


@pytest.mark.parametrize("name", PACKAGES)
def test_version_comes_from_the_distribution(name: str) -> None:
    version = importlib.import_module(name).__version__
    assert version.count(".") == 2


@pytest.mark.parametrize("name", ["bench_core.authoring", "bench_scoring.testing"])
def test_public_submodules_list_what_they_define(name: str) -> None:
    module = importlib.import_module(name)
    for attribute in module.__all__:
        assert callable(getattr(module, attribute)), attribute
    defined = {
        attribute
        for attribute, value in vars(module).items()
        if not attribute.startswith("_")
        and callable(value)
        and getattr(value, "__module__", "").startswith(name)
    }
    assert defined <= set(module.__all__), sorted(defined - set(module.__all__))
