"""Write a site into a fresh folder beside the target, then swap it into place.

Guarantees, whatever happens to the process (an error, Ctrl-C, SIGKILL, power loss
aside): the output folder is always one complete build. The new folder is built
beside it and swapped in with one atomic rename (Linux: renameat2 RENAME_EXCHANGE;
elsewhere two renames, which recover() repairs if a run dies between them).

Two builds never write one folder at once: recover() takes an exclusive lock on
`.NAME-build.lock` beside the folder and the process keeps it until it ends (or
until the `locked()` block that took it closes). A second build waits for it,
printing whom it waits for, and gives up with an error after LOCK_WAIT seconds.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from factsite.problems import BuildError, Mark, Problems

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, builds must not overlap
    fcntl = None  # type: ignore[assignment]  # the module is missing there; acquire() checks before any lock

LOCK_WAIT = float(os.environ.get("FACTSITE_LOCK_WAIT", "600") or 600)  # seconds a build waits for another
_held: dict[str, int] = {}  # lock file → descriptor, for the locks this process holds


def lock_file(out: Path) -> Path:
    return out.parent / f".{out.name}-build.lock"


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


def acquire(out: Path, wait: float | None = None) -> bool:
    """Take the output folder's lock; False when this process already holds it. Raises BuildError on timeout."""
    path = lock_file(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    key = str(path.resolve())
    if key in _held or fcntl is None:
        return False
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    wait = LOCK_WAIT if wait is None else wait
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            pid = _holder(fd)
            if time.monotonic() >= deadline:
                os.close(fd)
                problems = Problems()
                problems.add(Mark(str(out)), "output-locked", pid=pid, out=f"{out}/", seconds=f"{wait:g}")
                raise BuildError(problems) from None
            if not told:
                print(f"factsite: waiting for another build (process {pid}) to finish writing {out}/…",
                      file=sys.stderr, flush=True)
                told = True
            time.sleep(0.05)
        except BaseException:
            os.close(fd)
            raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    _held[key] = fd
    return True


def release(out: Path) -> None:
    """Give up the output folder's lock, if this process holds it."""
    fd = _held.pop(str(lock_file(out).resolve()), None)
    if fd is not None:
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for a block: render, write, commit and save the cache inside it."""
    taken = acquire(out)
    try:
        yield
    finally:
        if taken:
            release(out)


def recover(out: Path) -> None:
    """Lock the folder, then clean up after killed runs: put back the previous build, remove half-made ones.

    The lock is held from here until the process ends (or an enclosing `locked()` block closes), so
    nothing another build does can interleave with this build's writing, commit and cache update.
    """
    acquire(out)
    previous = _previous(out)
    if previous.exists():
        if not out.exists():  # killed between the two renames of the fallback swap
            previous.rename(out)
        else:  # killed while deleting the replaced build
            shutil.rmtree(previous, ignore_errors=True)
    for stale in sorted(out.parent.glob(f".{out.name}.building-*")):
        shutil.rmtree(stale, ignore_errors=True)


def _previous(out: Path) -> Path:
    return out.with_name(f".{out.name}.previous")


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2 if sys.platform.startswith("linux") else None
except (OSError, AttributeError):  # pragma: no cover - a libc without renameat2
    _renameat2 = None


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False where the system or file system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


class Staging:
    """A temporary output folder on the same file system as the target."""

    def __init__(self, out: Path):
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        self.written = 0
        self._dirs: set[Path] = set()

    def _place(self, rel: str) -> Path:
        """The staging path for a file, its folder made once."""
        path = self.root / rel
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        return path

    def write(self, rel: str, data: str | bytes) -> None:
        path = self._place(rel)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.written += 1

    def link(self, existing: Path, rel: str) -> None:
        """Keep an unchanged file from the previous build: a hard link costs no copy."""
        path = self._place(rel)
        try:
            os.link(existing, path)
        except OSError:  # a file system without hard links
            shutil.copy2(existing, path)

    def commit(self) -> None:
        """Swap the finished folder into place; the old build is removed only after."""
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; a static host must read it
        if os.path.lexists(self.out) and exchange(self.root, self.out):
            if self.root.is_dir() and not self.root.is_symlink():  # now the old build, under the staging name
                shutil.rmtree(self.root, ignore_errors=True)
            else:
                self.root.unlink()
            return
        previous = _previous(self.out)
        if previous.exists():
            shutil.rmtree(previous)
        if self.out.exists():
            self.out.rename(previous)
        self.root.rename(self.out)
        shutil.rmtree(previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
