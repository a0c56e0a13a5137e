"""Run the benchmarks: ``python -m bench [--repeat N] [--only CASE ...]``.

Each run of a case happens in a fresh process, so imports, caches and peak
memory (ru_maxrss of that process) are measured honestly. Prints a table of
medians against the targets and against peers measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.cases import CASES

ROOT = Path(__file__).resolve().parents[1]


def run_once(name: str) -> tuple[float, float, float | None, float | None]:
    """(seconds reported by the case, peak RSS in MB of its process, worst event-loop stall in ms, CPU seconds;
    the last two None when the case does not report them)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.worker", name], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    out, err = proc.communicate()
    # communicate() reaped the child; its rusage is in RUSAGE_CHILDREN only
    # cumulatively, so the worker reports its own peak instead.
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    return result["seconds"], result["peak_mb"], result.get("stall_ms"), result.get("cpu_s")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per case (default %(default)s)")
    parser.add_argument("--only", nargs="*", help="case names to run")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for bench/RESULTS.md)")
    args = parser.parse_args()

    from bench import data

    data.big_map()
    data.responses_csv()

    names = args.only or [n for n, c in CASES.items() if not c.peer_only]
    wanted = set(names) | {p for n in names for p in CASES[n].peers}
    medians: dict[str, tuple[float, float]] = {}
    stalls: dict[str, float] = {}  # the worst event-loop stall over a GUI case's runs
    cpus: dict[str, float] = {}  # the median CPU time of the timed work, where a case reports it
    for name in CASES:
        if name not in wanted:
            continue
        case = CASES[name]
        runs = []
        for _ in range(case.repeat or args.repeat):
            runs.append(run_once(name))
        medians[name] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
        if any(r[2] is not None for r in runs):
            stalls[name] = max(r[2] for r in runs if r[2] is not None)
        if any(r[3] is not None for r in runs):
            cpus[name] = statistics.median(r[3] for r in runs if r[3] is not None)
        print(f"  {name}: {medians[name][0] * 1000:.1f} ms", file=sys.stderr)

    header = ["case", "median", "target", "peak MB", "vs peer", "worst stall", "holds"]
    rows = []
    for name in names:
        case = CASES[name]
        seconds, peak = medians[name]
        verdict = seconds <= case.target
        if case.max_mb is not None:
            verdict = verdict and peak <= case.max_mb
        ratios = []
        for peer in case.peers:
            peer_s = medians[peer][0]
            limit = case.peer_ratios.get(peer, case.max_ratio)
            ratios.append(f"{seconds / peer_s:.2f}× {peer} ({peer_s * 1000:.0f} ms"
                          + (f", ≤ {limit:g}×" if limit is not None and limit != case.max_ratio else "")
                          + (", shown only" if peer in case.peer_ratios and limit is None else "") + ")")
            if limit is not None:
                verdict = verdict and seconds / peer_s <= limit
        ratio = "; ".join(ratios)
        stall = ""
        if name in stalls:
            stall = f"{stalls[name]:.0f} ms"
            if case.max_stall is not None:  # its own verdict: the "never blocked > 100 ms" row
                ok = stalls[name] <= case.max_stall * 1000
                stall += f" ({'yes' if ok else 'NO'}, ≤ {case.max_stall * 1000:.0f})"
        target = f"≤ {case.target * 1000:.0f} ms" + (f", ≤ {case.max_mb} MB" if case.max_mb else "")
        if case.max_ratio is not None:
            target += f", ≤ {case.max_ratio:g}× each peer"
        median = f"{seconds * 1000:.1f} ms" + (f" (CPU {cpus[name] * 1000:.0f})" if name in cpus else "")
        if case.stat:
            median = f"{case.stat} {median}"
        rows.append([name, median, target, f"{peak:.0f}", ratio, stall,
                     "yes" if verdict else "NO"])

    stamp = f"{time.strftime('%Y-%m-%d')} · {platform.node()} · {platform.processor() or platform.machine()} · " \
            f"{os.cpu_count()} cores · Python {platform.python_version()}"
    print(stamp)
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for r in rows:
            print("  ".join(v.ljust(w) for v, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
