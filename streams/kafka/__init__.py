"""Talking to the broker outside the agents: the embedded broker, admin and client calls, the worker monitor."""
