"""Pure-Python domain: no Qt, no SQL."""
