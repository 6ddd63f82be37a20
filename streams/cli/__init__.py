"""The `newsroom` command line."""
