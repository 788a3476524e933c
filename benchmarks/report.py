#!/usr/bin/env python3
"""Turns JMH JSON results into the Markdown table of RESULTS.md.

Usage: report.py table JSON...         prints the table
       report.py setup LOG...          prints the setup lines of each trial
"""
import json
import math
import re
import sys

ORDER = ["floor", "validateValid", "validateUnknownWellFormed", "validateMalformed"]


def rows(paths):
    found = []
    for path in paths:
        with open(path) as f:
            for run in json.load(f):
                found.append({
                    "name": run["benchmark"].rsplit(".", 1)[1],
                    "grants": int(run["params"]["grants"]),
                    "threads": run["threads"],
                    "score": run["primaryMetric"]["score"],
                    "error": float(run["primaryMetric"]["scoreError"]),
                })
    return found


def table(paths):
    results = rows(paths)
    if not results:
        sys.exit("No benchmark results in " + ", ".join(paths))
    floors = {(r["grants"], r["threads"]): r for r in results if r["name"] == "floor"}
    results.sort(key=lambda r: (r["grants"], r["threads"], ORDER.index(r["name"])))
    print("| benchmark | grants | threads | ops/s (± 99.9% error) | ns/op per thread "
          "| time / floor |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        nanos = r["threads"] * 1e9 / r["score"]
        floor = floors.get((r["grants"], r["threads"]))
        ratio = f"{floor['score'] / r['score']:.2f}" if floor else "n/a"
        error = "n/a" if math.isnan(r["error"]) else f"{r['error']:,.0f}"
        print(f"| {r['name']} | {r['grants']:,} | {r['threads']} "
              f"| {r['score']:,.0f} ± {error} | {nanos:,.0f} | {ratio} |")


def setup(paths):
    for path in paths:
        benchmark = params = threads = ""
        with open(path) as f:
            for line in f:
                if line.startswith("# Benchmark: "):
                    benchmark = line.split(".")[-1].strip()
                elif line.startswith("# Parameters: "):
                    params = re.sub(r"[()]", "", line.split(":", 1)[1]).strip()
                elif line.startswith("# Threads: "):
                    threads = line.split(":", 1)[1].split(",")[0].strip()
                elif "setup: " in line:
                    what = line.split("setup: ", 1)[1].strip()
                    print(f"- {benchmark}, {params}, {threads}: {what}")


if __name__ == "__main__":
    {"table": table, "setup": setup}[sys.argv[1]](sys.argv[2:])
