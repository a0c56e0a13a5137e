"""Runs one benchmark case in this process and prints its time and peak memory as JSON."""

from __future__ import annotations

import json
import resource
import sys

from bench.cases import CASES


def main() -> None:
    name = sys.argv[1]
    result = CASES[name].fn()
    # A case may return (seconds, extras): figures printed beside its time (e.g. the worst event-loop stall).
    seconds, extras = result if isinstance(result, tuple) else (result, {})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if CASES[name].child_peak:
        peak_mb = max(peak_mb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, **extras}))


if __name__ == "__main__":
    main()
