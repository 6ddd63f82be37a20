"""Child processes (the embedded broker, workers) that do not outlive their parent."""

from __future__ import annotations

import ctypes
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def end_with_parent() -> None:
    """``preexec_fn`` of a child: SIGTERM it when the process that spawned it dies, even by
    SIGKILL, so a killed demo, bench or test run leaves no broker or worker behind (Linux only)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
