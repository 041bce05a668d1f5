"""The JSONL store of a run: append-only, a line per result, safe against ``kill -9``."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import msgspec

from ._errors import BenchError
from ._records import ItemResult, JudgeResult, RunHeader, RunLine
from ._tasks import Item

if sys.platform != "win32":
    import fcntl

_FSYNC_INTERVAL_S = 1.0
_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(RunLine)


class Store:
    """Appends the lines of one run file.

    Each line goes to the kernel in a single ``write`` on an ``O_APPEND`` descriptor, so a line
    is either wholly in the file or (if the machine itself dies mid-write) a torn last line
    that ``repair_torn_tail`` removes. Nothing is buffered in the process: ``kill -9`` loses
    nothing already appended. ``fsync`` runs at most about once a second, and on close.

    While a store is open it holds an exclusive lock on its file (``flock``, on POSIX), and
    names its process in a ``.lock`` file beside it: a second process that opens the same run,
    to resume or to judge it, is refused with the holder's PID instead of running the same
    items again.


    Every line appended carries the run's id (``run_id``, from its header), so that lines of
    another run appended to the file are recognised when it is read back.
    """

    def __init__(self, path: Path, fd: int, run_id: str) -> None:
        self.path = path
        self.run_id = run_id
        self._fd = fd
        self._last_sync = time.monotonic()
        self._dirty = False
        self._holder = lock_path(path)

    @classmethod
    def create(cls, path: str | os.PathLike[str], header: RunHeader) -> Store:
        """Create a new run file holding ``header``; an existing file is never overwritten."""
        target = Path(path)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except FileExistsError:
            raise BenchError(
                f"{target} already exists; pass it to --resume to continue it"
            ) from None
        store = cls(target, _locked(target, fd), header.run_id)
        store._write(header)
        return store

    @classmethod
    def reopen(cls, path: str | os.PathLike[str]) -> Store:
        """Open an existing run file for appending, after removing a torn last line.

        Raises:
            BenchError: Another process has the run open (the message names its PID).
        """
        target = Path(path)
        fd = _locked(target, os.open(target, os.O_WRONLY | os.O_APPEND))
        try:
            # Only under the lock: the tail may be a line another process is writing.
            repair_torn_tail(target)
            run_id = _read_header(target).run_id
        except BaseException:
            _release(lock_path(target))
            os.close(fd)
            raise
        return cls(target, fd, run_id)

    def append(self, line: ItemResult | JudgeResult) -> None:
        """Append one result line, stamped with the run's id.

        Raises:
            ValueError: The line already names another run.
        """
        if line.run_id != self.run_id:
            if line.run_id:
                raise ValueError(f"a line of run {line.run_id!r} appended to run {self.run_id!r}")
            line = msgspec.structs.replace(line, run_id=self.run_id)
        self._write(line)

    def _write(self, line: RunLine) -> None:
        data = _encoder.encode(line) + b"\n"
        written = os.write(self._fd, data)
        if written != len(data):  # only on a full disk or a signal mid-write
            raise OSError(f"short write to {self.path}: {written} of {len(data)} bytes")
        self._dirty = True
        now = time.monotonic()
        if now - self._last_sync >= _FSYNC_INTERVAL_S:
            os.fsync(self._fd)
            self._last_sync = now
            self._dirty = False

    def close(self) -> None:
        """Flush to disk and close; closing twice is harmless."""
        if self._fd < 0:
            return
        try:
            if self._dirty:
                os.fsync(self._fd)
        finally:
            _release(self._holder)
            os.close(self._fd)  # which releases the lock
            self._fd = -1

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def lock_path(path: Path) -> Path:
    """The file beside a run file that names the process appending to it."""
    return path.with_name(f"{path.name}.lock")


def _locked(path: Path, fd: int) -> int:
    """``fd``, once this process holds the run file's exclusive lock and has named itself in
    its ``.lock`` file; closed, with a `BenchError` naming the holder, where another has it."""
    if sys.platform == "win32":  # no advisory locks there: two writers are not kept apart
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        holder = _holder_pid(lock_path(path))
        for _ in range(20):  # the holder names itself just after it takes the lock
            if holder is not None:
                break
            time.sleep(0.025)
            holder = _holder_pid(lock_path(path))
        who = f"another bench-run (PID {holder})" if holder else "another process"
        raise BenchError(
            f"{path} is in use by {who}, which is appending to it; wait for it to end (or stop "
            "it), then run the command again"
        ) from None
    except BaseException:
        os.close(fd)
        raise
    with contextlib.suppress(OSError):  # the name is a courtesy; the lock is what holds
        holder_fd = os.open(lock_path(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(holder_fd, f"{os.getpid()}\n".encode())
        finally:
            os.close(holder_fd)
    return fd


def _holder_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _release(path: Path) -> None:
    """Remove the ``.lock`` file where it still names this process."""
    if _holder_pid(path) == os.getpid():
        with contextlib.suppress(OSError):
            path.unlink()


class Run(msgspec.Struct, frozen=True, kw_only=True):
    """A run file read back.

    Attributes:
        header: The run's header line.
        results: Every item line in file order; a resumed run may hold several per item.
        judges: Every judge line in file order.
        torn_tail: The file ended in a partial line (ignored here; ``Store.reopen`` removes it).
    """

    path: str
    header: RunHeader
    results: list[ItemResult]
    judges: list[JudgeResult]
    torn_tail: bool = False

    def latest(self) -> list[ItemResult]:
        """The last result of each item (a retried item's newest line wins), in first-seen order."""
        by_key: dict[tuple[str, int, int], ItemResult] = {}
        for result in self.results:
            by_key[result.key] = result
        return list(by_key.values())

    def latest_judges(self) -> list[JudgeResult]:
        """The last verdict of each judge on each item."""
        by_key: dict[tuple[str, int, int, str], JudgeResult] = {}
        for verdict in self.judges:
            by_key[(*verdict.key, verdict.judge)] = verdict
        return list(by_key.values())


def read_run(path: str | os.PathLike[str]) -> Run:
    """Read a run file: its header, results and judge lines.

    Raises:
        BenchError: The file is missing, empty, not a run, or has a corrupt line before the end.
    """
    source = Path(path)
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise BenchError(f"{source} does not exist; give the path of a run's .jsonl file") from None
    except IsADirectoryError:
        raise BenchError(f"{source} is a directory; give the path of a run's .jsonl file") from None
    lines = data.split(b"\n")
    tail = lines.pop()  # empty when the file ends in a newline, as every complete file does
    torn = bool(tail.strip())
    if not any(line.strip() for line in lines):
        raise BenchError(f"{source} holds no complete line; it is not a Bencher run")
    # Decoding builds millions of small containers, none of which can form a cycle; left on,
    # the cycle collector's passes take most of the read time (3.3 s instead of 0.7 s here).
    collecting = gc.isenabled()
    gc.disable()
    try:
        header, results, judges = _decode_lines(source, lines)
    finally:
        if collecting:
            gc.enable()
    return Run(path=str(source), header=header, results=results, judges=judges, torn_tail=torn)


def _read_header(path: Path) -> RunHeader:
    with path.open("rb") as handle:
        first = handle.readline()
    try:
        line = _decoder.decode(first)
    except msgspec.DecodeError:
        line = None
    if not isinstance(line, RunHeader):
        raise BenchError(f"{path} is not a Bencher run (line 1 is not a run header)")
    return line


def _decode_lines(
    source: Path, lines: list[bytes]
) -> tuple[RunHeader, list[ItemResult], list[JudgeResult]]:
    header: RunHeader | None = None
    results: list[ItemResult] = []
    judges: list[JudgeResult] = []
    stamped = False  # a line carrying the run's id was seen: every later one must carry it
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = _decoder.decode(raw)
        except msgspec.DecodeError as exc:
            if number == 1:
                raise BenchError(
                    f"{source} is not a Bencher run (line 1 is not a run header)"
                ) from None
            raise BenchError(f"{source} line {number} is not a valid run line: {exc}") from None
        if isinstance(line, ItemResult | JudgeResult) and header is not None:
            stamped = _same_run(source, number, line, header, stamped)
        if isinstance(line, ItemResult):
            results.append(line)
        elif isinstance(line, JudgeResult):
            judges.append(line)
        elif header is None and number == 1:
            header = line
        else:
            raise BenchError(f"{source} line {number} is a second run header; the file is corrupt")
    if header is None:
        raise BenchError(f"{source} is not a Bencher run (line 1 is not a run header)")
    return header, results, judges


def _same_run(
    source: Path, number: int, line: ItemResult | JudgeResult, header: RunHeader, stamped: bool
) -> bool:
    """Whether lines from here on must carry the run's id; refuses a line of another run.

    Files written before lines carried an id read as they are; once a line carries it (the
    run was resumed by a newer release), a later line without it was not written by this run.
    """
    advice = "lines of two runs are not mixed: remove the line(s), or keep each run in its file"
    if line.run_id == header.run_id:
        return True
    if line.run_id:
        raise BenchError(
            f"{source} line {number} belongs to another run (run id {line.run_id!r}, while "
            f"the file's header is run {header.run_id!r}); {advice}"
        )
    if stamped:
        raise BenchError(
            f"{source} line {number} carries no run id, after lines of run "
            f"{header.run_id!r}: it was not written by this run; {advice}"
        )
    return False


def repair_torn_tail(path: str | os.PathLike[str]) -> int:
    """Cut a partial last line (one not ended by a newline) off a run file.

    Returns:
        How many bytes were removed (0 for a sound file).
    """
    target = Path(path)
    with target.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        # Read backwards in blocks until the last newline: the file may be large.
        position = size
        block = 64 * 1024
        while position > 0:
            start = max(0, position - block)
            handle.seek(start)
            chunk = handle.read(position - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            position = start
        else:
            keep = 0
        handle.truncate(keep)
        return size - keep


class ResumePlan(msgspec.Struct, frozen=True, kw_only=True):
    """What a resumed run does with each planned item.

    Attributes:
        done: Items finished (scored, or failed by the model): skipped.
        retry: Items that ended in an infra error: run again.
        missing: Items with no line yet (never started, or in flight at a crash): run.
    """

    done: list[Item]
    retry: list[Item]
    missing: list[Item]

    @property
    def pending(self) -> list[Item]:
        """The items to run: the retries first, then those never finished."""
        return [*self.retry, *self.missing]


def plan_resume(run: Run, items: Iterable[Item]) -> ResumePlan:
    """Split ``items`` into those a resume skips, retries and runs for the first time."""
    status = {result.key: result.status for result in run.latest()}
    done: list[Item] = []
    retry: list[Item] = []
    missing: list[Item] = []
    for item in items:
        state = status.get(item.key)
        if state is None:
            missing.append(item)
        elif state == "infra_error":
            retry.append(item)
        else:
            done.append(item)
    return ResumePlan(done=done, retry=retry, missing=missing)
