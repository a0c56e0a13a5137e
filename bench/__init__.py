"""Performance benchmarks: ``python -m bench`` (see README). Not tests: nothing here runs in CI."""
