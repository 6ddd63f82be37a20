"""newsroom: an event-sourced newsroom feed processor."""

__version__ = "0.1.0"
