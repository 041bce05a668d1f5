"""Discovery of domain packages through the ``bench.domains`` entry-point group."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import metadata

import msgspec

from ._domain import Domain
from ._errors import BenchError
from ._tasks import Task

ENTRY_POINT_GROUP = "bench.domains"


class DomainEntry(msgspec.Struct, frozen=True, kw_only=True):
    """A domain as its package's metadata declares it: known without importing it."""

    id: str
    distribution: str
    version: str
    target: str


class Registry:
    """The installed domains.

    Built-in domains and third-party ones register the same way: an entry point in the
    ``bench.domains`` group whose name is the domain id and whose value is a zero-argument
    factory returning a ``Domain``.

    Args:
        paths: Look for distributions on these paths instead of ``sys.path`` (for tests).
    """

    def __init__(self, paths: Sequence[str] | None = None) -> None:
        self._paths = list(paths) if paths is not None else None
        self._entries: dict[str, tuple[DomainEntry, metadata.EntryPoint]] | None = None
        self._loaded: dict[str, Domain] = {}
        self.problems: list[str] = []

    def entries(self) -> list[DomainEntry]:
        """The installed domains, sorted by id, read from metadata only.

        Raises:
            BenchError: Two distributions declare the same domain id.
        """
        return [entry for entry, _ in self._discover().values()]

    def load(self, domain_id: str) -> Domain:
        """The domain with this id.

        Raises:
            BenchError: No such domain is installed, or it failed to load.
        """
        if domain_id in self._loaded:
            return self._loaded[domain_id]
        found = self._discover()
        if domain_id not in found:
            known = ", ".join(found) or "none"
            raise BenchError(f"unknown domain {domain_id!r}; installed domains: {known}")
        entry, point = found[domain_id]
        try:
            domain = point.load()()
        except Exception as exc:
            raise BenchError(
                f"domain {domain_id!r} from {entry.distribution} {entry.version} failed to load: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        if not isinstance(domain, Domain) or domain.id != domain_id:
            raise BenchError(
                f"domain {domain_id!r} from {entry.distribution} {entry.version} is not a valid "
                f"domain: its factory {entry.target} must return a Domain whose id is {domain_id!r}"
            )
        self._loaded[domain_id] = domain
        return domain

    def load_all(self) -> list[Domain]:
        """Every domain that loads; each one that fails is reported in ``problems`` and skipped.

        Raises:
            BenchError: Two domains define the same task id.
        """
        domains: list[Domain] = []
        for domain_id in self._discover():
            try:
                domains.append(self.load(domain_id))
            except BenchError as exc:
                if str(exc) not in self.problems:
                    self.problems.append(str(exc))
        self.tasks(domains)  # surfaces task-id clashes at once
        return domains

    def tasks(self, domains: Iterable[Domain]) -> list[Task]:
        """The tasks of ``domains`` in order.

        Raises:
            BenchError: Two domains define the same task id; the message names both packages.
        """
        owner: dict[str, str] = {}
        tasks: list[Task] = []
        for domain in domains:
            for task in domain.tasks():
                if task.id in owner and owner[task.id] != domain.id:
                    raise BenchError(
                        f"task id {task.id!r} is defined by both {self._describe(owner[task.id])} "
                        f"and {self._describe(domain.id)}; task ids must be unique"
                    )
                owner[task.id] = domain.id
                tasks.append(task)
        return tasks

    def _describe(self, domain_id: str) -> str:
        entry, _ = self._discover()[domain_id]
        return f"{entry.distribution} {entry.version} (domain {domain_id!r})"

    def _discover(self) -> dict[str, tuple[DomainEntry, metadata.EntryPoint]]:
        if self._entries is not None:
            return self._entries
        found: dict[str, tuple[DomainEntry, metadata.EntryPoint]] = {}
        seen: set[tuple[str, str, str]] = set()
        dists = (
            metadata.distributions()
            if self._paths is None
            else metadata.distributions(path=self._paths)
        )
        for dist in dists:
            name = dist.metadata["Name"]
            for point in dist.entry_points.select(group=ENTRY_POINT_GROUP):
                signature = (name, point.name, point.value)
                if signature in seen:  # the same distribution seen twice on the path
                    continue
                seen.add(signature)
                entry = DomainEntry(
                    id=point.name, distribution=name, version=dist.version, target=point.value
                )
                if point.name in found:
                    other = found[point.name][0]
                    raise BenchError(
                        f"domain id {point.name!r} is registered by both {other.distribution} "
                        f"{other.version} and {name} {dist.version}; uninstall one of them"
                    )
                found[point.name] = (entry, point)
        self._entries = dict(sorted(found.items()))
        return self._entries
