"""Child processes (the embedded broker, workers) that do not outlive their parent."""

from __future__ import annotations

import ctypes
import signal
import sys
from pathlib import Path

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def end_with_parent() -> None:
    """``preexec_fn`` of a child: SIGTERM it when the process that spawned it dies, even by
    SIGKILL, so a killed demo, bench or test run leaves no broker or worker behind (Linux only)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (Linux /proc): a worker's extraction processes."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # it ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
