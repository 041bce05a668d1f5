"""From the run command's flags (and a resumed run's header) to what the run will do."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import urllib.parse
from collections.abc import Mapping
from importlib import metadata
from typing import Any

import msgspec

from bench_core import (
    BenchError,
    Domain,
    Item,
    Registry,
    RunHeader,
    Selection,
    Task,
    select_items,
    task_set_fingerprint,
)

from ._models import REFERENCE_MODEL

DEFAULT_SELECTION = Selection()
DEFAULT_PARAMS: dict[str, Any] = {
    "temperature": 0.0,
    "top_p": None,
    "max_tokens": None,
    "base_url": None,
    "provider_sort": None,
    "provider_order": [],
    "provider_no_fallback": False,
}


_FLAGS = {"domains": "--domain", "task_ids": "--task-id"}


class Plan(msgspec.Struct, frozen=True, kw_only=True):
    """Everything a run needs before it starts, all of it checked."""

    model: str
    selection: Selection
    params: dict[str, Any]
    items: list[Item]
    domains: dict[str, Domain]
    task_set: str


def load_domains(registry: Registry) -> tuple[dict[str, Domain], list[Task]]:
    """The installed domains by id, and all their tasks."""
    domains = {domain.id: domain for domain in registry.load_all()}
    return domains, registry.tasks(domains.values())


def make_plan(
    *,
    model: str,
    selection: Mapping[str, Any],
    params: Mapping[str, Any],
    registry: Registry,
    resumed: RunHeader | None = None,
) -> Plan:
    """Check the flags and settle the items.

    ``selection`` and ``params`` hold only the flags the user gave (None for the others);
    the rest come from the resumed run's header, or else the defaults. A flag that
    contradicts the resumed run is refused with what differs.
    """
    if resumed is not None:
        _refuse_differences(model, selection, params, resumed)
    chosen = _settle(
        selection, resumed.selection if resumed else {}, msgspec.to_builtins(DEFAULT_SELECTION)
    )
    settled_params = _settle(params, resumed.params if resumed else {}, DEFAULT_PARAMS)
    chosen_selection = msgspec.convert(chosen, Selection)
    domains, tasks = load_domains(registry)
    _refuse_left_out(chosen_selection.domains, domains, registry)
    items = select_items(tasks, chosen_selection)
    task_set = task_set_fingerprint({item.task.id: item.task for item in items}.values())
    if resumed is not None and task_set != resumed.task_set:
        raise BenchError(
            f"the tasks differ from those of the resumed run (task set {task_set} vs "
            f"{resumed.task_set}): the domain packages changed since; start a new run"
        )
    return Plan(
        model=model,
        selection=chosen_selection,
        params=settled_params,
        items=items,
        domains=domains,
        task_set=task_set,
    )


def _refuse_left_out(
    wanted: tuple[str, ...], domains: Mapping[str, Domain], registry: Registry
) -> None:
    """A domain asked for by name that the registry left out: say why, not just "unknown"."""
    reasons = {entry.id: reason for entry, reason in registry.left_out()}
    for domain_id in wanted:
        if domain_id not in domains and domain_id in reasons:
            raise BenchError(f"--domain {domain_id}: {reasons[domain_id]}")


def _settle(
    given: Mapping[str, Any], resumed: Mapping[str, Any], default: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        key: given[key] if given.get(key) is not None else resumed.get(key, default[key])
        for key in default
    }


def _refuse_differences(
    model: str, selection: Mapping[str, Any], params: Mapping[str, Any], header: RunHeader
) -> None:
    differences = []
    if model != header.model:
        differences.append(f"--model {model} (the run's: {header.model})")
    for given, recorded in ((selection, header.selection), (params, header.params)):
        for key, value in given.items():
            if value is None or key not in recorded:
                continue
            if _comparable(value) != _comparable(recorded[key]):
                flag = _FLAGS.get(key, "--" + key.replace("_", "-"))
                differences.append(f"{flag} {_show(value)} (the run's: {_show(recorded[key])})")
    if differences:
        raise BenchError(
            "--resume refuses settings that differ from the run's: "
            + "; ".join(differences)
            + "; leave them out to continue with the run's own"
        )


def _comparable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple | list) else value


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value) or "all"
    return str(value)


def make_header(plan: Plan, *, endpoint: str, run_id: str, created_at: dt.datetime) -> RunHeader:
    """The first line of a new run's file."""
    return RunHeader(
        run_id=run_id,
        created_at=created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        model=plan.model,
        endpoint=endpoint,
        params=plan.params,
        selection=msgspec.to_builtins(plan.selection),
        task_set=plan.task_set,
        items=len(plan.items),
        packages=package_versions(),
    )


def package_versions() -> dict[str, str]:
    """Versions of the Bencher distributions installed (domains included)."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"] or ""
        if name.startswith(("bench-", "bench_")):
            found[name] = dist.version
    return dict(sorted(found.items()))


# The slug's share of a file name: with the prefix, time stamp and the longest suffix
# (".report.html", "_charts"), names stay well under the usual 255-byte limit.
_MAX_SLUG = 80


def model_slug(model: str) -> str:
    """The model id as a file-name part: ``google/gemma-4`` to ``google_gemma-4``.

    A long id is cut, and a hash of the whole id added so that two long ids sharing a
    beginning get two names. Nothing is lost: the run's header keeps the whole id.
    """
    slug = _whole_slug(model)
    if len(slug) <= _MAX_SLUG:
        return slug
    digest = hashlib.sha256(model.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]
    return f"{slug[: _MAX_SLUG - 13].rstrip('._-')}-{digest}"


def slug_is_shortened(model: str) -> bool:
    """Whether `model_slug` cut the id to keep the run's file names short enough."""
    return len(_whole_slug(model)) > _MAX_SLUG


def _whole_slug(model: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model).strip("_") or "model"


def public_base_url(base_url: str) -> str:
    """The base URL without credentials, query or fragment: safe to record."""
    parts = urllib.parse.urlsplit(base_url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


def endpoint_host(model: str, base_url: str) -> str:
    """What the header records as the endpoint."""
    if model == REFERENCE_MODEL:
        return "offline"
    return urllib.parse.urlsplit(public_base_url(base_url)).netloc
