"""The whole view every worker answers from, and its HTTP API and dashboard."""
