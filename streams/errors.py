"""Failures an operator can fix, each carrying the fix and the exit status of the command that hit it.

``newsroom``'s ``main`` turns any of them into one line on stderr (the problem and the
fix) instead of a traceback: an operator who starts a command without a broker, or a
second worker on a taken port, needs the next step, not the call stack.
"""

from __future__ import annotations

USAGE = 2  # the command line or its input is wrong
UNAVAILABLE = 1  # a service the command needs is missing or busy


class OperatorError(RuntimeError):
    """A failure with a known remedy; ``fix`` says what to do, ``status`` is the command's exit status."""

    fix: str = ""
    status: int = UNAVAILABLE

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        if fix is not None:
            self.fix = fix


class BrokerUnavailable(OperatorError):
    """No Kafka broker answers at the bootstrap address."""

    fix = ("start one with `newsroom broker` and run the export line it prints, "
           "or set KAFKA_BOOTSTRAP to a running broker")


class PortInUse(OperatorError):
    """A port a server needs is taken, typically by the demo or another worker on this machine."""

    fix = "pass --port with a free port"


class BadSetting(OperatorError, ValueError):
    """An environment variable read by :class:`streams.config.Settings` holds a value it cannot take.

    A usage error like a bad option: every command reads the settings before it
    does anything, so each one answers it the same way.
    """

    status = USAGE

    def __init__(self, name: str, value: object, accepts: str, default: object) -> None:
        super().__init__(f"{name}={value!r} is not a valid setting: it takes {accepts}",
                         fix=f"set {name} to {accepts}, or unset it for the default ({default})")


class DataDirUnusable(OperatorError):
    """``NEWSROOM_DATA_DIR`` (or its default) cannot hold the worker's local state: not a folder, or not writable."""

    fix = "set NEWSROOM_DATA_DIR to a folder this user can write, or unset it for the default"


class StoreBusy(OperatorError):
    """Another running process holds this worker's view store or table stores (a second worker with the same app id and
    port)."""

    fix = "stop the other worker, or give this one another NEWSROOM_WEB_PORT or NEWSROOM_DATA_DIR"
