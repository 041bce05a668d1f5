"""Discovery of domain packages through the ``bench.domains`` entry-point group."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib import metadata

import msgspec

from ._domain import Domain
from ._errors import BenchError
from ._tasks import Task

ENTRY_POINT_GROUP = "bench.domains"

_BUILT_IN = "bench-domain-"
_SHOWN_IDS = 3  # task ids a problem line names before it counts the rest


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

    One bad package never stops the others. A domain that fails to load, whose factory
    returns something that is not a valid domain, whose id another distribution registers
    too, or whose task ids clash with a domain already accepted is left out: one line in
    ``problems`` says which package and why (both packages, for a clash), and every other
    domain still loads. Which of two clashing domains is kept is decided by precedence, not
    by install order: built-in distributions (``bench-domain-*``) first, then by
    distribution name, version and domain id; the first one is kept. So a third-party
    package can never push a built-in domain out, and the same packages always give the
    same result.

    Args:
        paths: Look for distributions on these paths instead of ``sys.path`` (for tests).
    """

    def __init__(self, paths: Sequence[str] | None = None) -> None:
        self._paths = list(paths) if paths is not None else None
        self._entries: dict[str, tuple[DomainEntry, metadata.EntryPoint]] | None = None
        self._precedence: list[str] = []
        self._loaded: dict[str, Domain] = {}
        self._left_out: dict[str, tuple[DomainEntry, str]] = {}
        self._duplicates: list[tuple[DomainEntry, str]] = []
        self._owners: dict[str, str] = {}  # task id -> id of the accepted domain defining it
        self.problems: list[str] = []

    def entries(self) -> list[DomainEntry]:
        """The installed domains, sorted by id, read from metadata only.

        Where two distributions register one domain id, only the one that takes precedence
        is listed; the other is reported in ``problems``.
        """
        return [entry for entry, _ in self._discover().values()]

    def load(self, domain_id: str) -> Domain:
        """The domain with this id.

        Settles the domains that take precedence over it first, so the answer does not
        depend on what was loaded before.

        Raises:
            BenchError: No such domain is installed, or it was left out (the message says
                why).
        """
        found = self._discover()
        if domain_id not in found:
            known = ", ".join(found) or "none"
            raise BenchError(f"unknown domain {domain_id!r}; installed domains: {known}")
        for other in self._precedence:
            self._settle(other)
            if other == domain_id:
                break
        if domain_id in self._left_out:
            raise BenchError(self._left_out[domain_id][1])
        return self._loaded[domain_id]

    def load_all(self) -> list[Domain]:
        """Every domain that is not left out, sorted by id; the others are in ``problems``."""
        self._discover()
        for domain_id in self._precedence:
            self._settle(domain_id)
        return [self._loaded[d] for d in self._discover() if d in self._loaded]

    def left_out(self) -> list[tuple[DomainEntry, str]]:
        """The domains left out so far, each with its one-line reason, in precedence order.

        A domain id registered twice appears here for the distribution that was not kept;
        call ``load_all`` first to know every domain that will be left out.
        """
        self._discover()
        settled = [self._left_out[d] for d in self._precedence if d in self._left_out]
        return [*self._duplicates, *settled]

    def tasks(self, domains: Iterable[Domain]) -> list[Task]:
        """The tasks of ``domains`` in order.

        The domains ``load_all`` returns never clash; this check is for domains gathered
        some other way.

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

    def _settle(self, domain_id: str) -> None:
        """Load one domain and accept it, or leave it out with the reason."""
        if domain_id in self._loaded or domain_id in self._left_out:
            return
        entry, point = self._discover()[domain_id]
        where = f"domain {domain_id!r} from {entry.distribution} {entry.version}"
        try:
            domain = point.load()()
            valid = isinstance(domain, Domain) and domain.id == domain_id
            task_ids = [task.id for task in domain.tasks()] if valid else []
        except Exception as exc:  # a plugin's bug must not stop the other domains
            self._leave_out(
                entry,
                f"{where} failed to load ({type(exc).__name__}: {_one_line(exc)}) and was "
                f"left out; fix or uninstall {entry.distribution}",
            )
            return
        if not valid:
            self._leave_out(
                entry,
                f"{where} is not a valid domain and was left out: its factory {entry.target} "
                f"must return a Domain whose id is {domain_id!r}",
            )
            return
        clashes = [task_id for task_id in dict.fromkeys(task_ids) if task_id in self._owners]
        if clashes:
            self._leave_out(entry, f"{where} was left out: {self._clash(clashes)}")
            return
        self._loaded[domain_id] = domain
        self._owners.update(dict.fromkeys(task_ids, domain_id))

    def _clash(self, clashes: list[str]) -> str:
        by_owner: dict[str, list[str]] = {}
        for task_id in clashes:
            by_owner.setdefault(self._owners[task_id], []).append(task_id)
        advice = "task ids must be unique, uninstall one of them"
        if len(by_owner) == 1:
            ((owner, ids),) = by_owner.items()
            noun, verb = ("task id", "is") if len(ids) == 1 else ("task ids", "are")
            return (
                f"its {noun} {_some(ids)} {verb} already defined by {self._describe(owner)}, "
                f"which takes precedence; {advice}"
            )
        parts = " and ".join(
            f"{_some(ids)} by {self._describe(owner)}" for owner, ids in by_owner.items()
        )
        return (
            f"its task ids are already defined by domains that take precedence: {parts}; {advice}"
        )

    def _leave_out(self, entry: DomainEntry, reason: str) -> None:
        self._left_out[entry.id] = (entry, reason)
        self.problems.append(reason)

    def _describe(self, domain_id: str) -> str:
        found = self._discover().get(domain_id)
        if found is None:
            return f"domain {domain_id!r}"
        entry = found[0]
        return f"domain {domain_id!r} from {entry.distribution} {entry.version}"

    def _discover(self) -> dict[str, tuple[DomainEntry, metadata.EntryPoint]]:
        if self._entries is not None:
            return self._entries
        candidates: list[tuple[DomainEntry, metadata.EntryPoint]] = []
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
                candidates.append((entry, point))
        candidates.sort(key=lambda candidate: _precedence(candidate[0]))
        found: dict[str, tuple[DomainEntry, metadata.EntryPoint]] = {}
        for entry, point in candidates:
            if entry.id in found:
                kept = found[entry.id][0]
                reason = (
                    f"domain {entry.id!r} from {entry.distribution} {entry.version} was left "
                    f"out: {kept.distribution} {kept.version} registers the same domain id and "
                    "takes precedence; uninstall one of them"
                )
                self._duplicates.append((entry, reason))
                self.problems.append(reason)
                continue
            found[entry.id] = (entry, point)
        self._precedence = list(found)
        self._entries = dict(sorted(found.items()))
        return self._entries


def _precedence(entry: DomainEntry) -> tuple[bool, str, str, str]:
    """Built-in distributions first, then by name; the same packages, the same order."""
    name = re.sub(r"[-_.]+", "-", entry.distribution).lower()  # PEP 503 normalisation
    return (not name.startswith(_BUILT_IN), name, entry.version, entry.id)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())  # a problem is one line, whatever the plugin raised


def _some(ids: Sequence[str]) -> str:
    shown = ", ".join(repr(task_id) for task_id in ids[:_SHOWN_IDS])
    more = len(ids) - _SHOWN_IDS
    return shown + (f" and {more} more" if more > 0 else "")
