#!/usr/bin/env python3
"""Turns benchmark results into the Markdown tables of RESULTS.md.

Usage: report.py table JSON...         prints the validation table (TokenValidationBenchmark)
       report.py issue JSON...         prints the generate and refresh table (TokenIssueBenchmark)
       report.py memory JSON           prints the heap per grant tables (MemoryAndStartup memory)
       report.py startup JSON...       prints the startup table (MemoryAndStartup startup, one per run)
       report.py setup [--once] LOG... prints the setup lines of each trial; --once: each line once
"""
import json
import math
import re
import statistics
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


def setup(args):
    once = args[:1] == ["--once"]
    paths = args[1:] if once else args
    seen = set()
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
                    if once:
                        if what not in seen:
                            seen.add(what)
                            print(f"- {what}")
                    elif benchmark:
                        print(f"- {benchmark}, {params}, {threads}: {what}")
                    else:
                        print(f"- {what}")


ISSUE_OPERATIONS = ["generate", "refresh"]
ISSUE_ORDER = ["floor", "storeAlone", "tokenService"]


def issue(paths):
    results = []
    for path in paths:
        with open(path) as f:
            for run in json.load(f):
                syncs = run.get("secondaryMetrics", {}).get("syncs", {})
                results.append({
                    "name": run["benchmark"].rsplit(".", 1)[1],
                    "operation": run["params"]["operation"],
                    "threads": run["threads"],
                    "score": run["primaryMetric"]["score"],
                    "error": float(run["primaryMetric"]["scoreError"]),
                    "syncs": syncs.get("score", float("nan")),
                })
    if not results:
        sys.exit("No benchmark results in " + ", ".join(paths))
    floors = {(r["operation"], r["threads"]): r for r in results if r["name"] == "floor"}
    single = {(r["operation"], r["name"]): r for r in results if r["threads"] == 1}
    results.sort(key=lambda r: (ISSUE_OPERATIONS.index(r["operation"]), r["threads"],
                                ISSUE_ORDER.index(r["name"])))
    print("| operation | measured | callers | ops/s (± 99.9% error) | syncs/s | calls per sync "
          "| time / floor | ops/s / 1 caller's |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        label = {"tokenService": f"`TokenService.{r['operation']}`", "storeAlone": "store alone",
                 "floor": "floor"}[r["name"]]
        floor = floors.get((r["operation"], r["threads"]))
        ratio = f"{floor['score'] / r['score']:.2f}" if floor else "n/a"
        one = single.get((r["operation"], r["name"]))
        scaling = f"{r['score'] / one['score']:.1f}" if one else "n/a"
        error = "n/a" if math.isnan(r["error"]) else f"{r['error']:,.0f}"
        if math.isnan(r["syncs"]) or r["syncs"] <= 0:
            syncs = per_sync = "n/a"
        else:
            syncs = f"{r['syncs']:,.0f}"
            per_sync = f"{r['score'] / r['syncs']:.1f}"
        print(f"| {r['operation']} | {label} | {r['threads']} | {r['score']:,.0f} ± {error} "
              f"| {syncs} | {per_sync} | {ratio} | {scaling} |")


def records(counts):
    return ", ".join(f"{name} {count:,}" for name, count in sorted(counts.items())) or "none"


def memory(paths):
    with open(paths[0]) as f:
        result = json.load(f)
    runs = sorted(result["runs"], key=lambda r: (r.get("rotatedPerGrant", 0) > 0, r["grants"]))
    if not runs:
        sys.exit("No memory measurements in " + paths[0])
    print("| grants | rotated refresh tokens kept per grant | heap per grant | of which the store's "
          "| of which the token service's | records in the store |")
    print("|---:|---:|---:|---:|---:|---|")
    for r in runs:
        n = r["grants"]
        total, store = r["totalBytes"] / n, r["storeBytes"] / n
        print(f"| {n:,} | {r.get('rotatedPerGrant', 0):.1f} | {total:,.0f} B | {store:,.0f} B "
              f"| {total - store:,.0f} B | {records(r['records'])} |")
    fresh = [r for r in runs if r.get("rotatedPerGrant", 0) == 0]
    largest = max(fresh or runs, key=lambda r: r["grants"])
    n = largest["grants"]
    print()
    print(f"Where the bytes go at {n:,} grants, by class: JVM class histograms, each part minus")
    print("the same part with no grants.")
    print()
    print("| part | class | instances per grant | bytes per grant |")
    print("|---|---|---:|---:|")
    for part, key in (("store", "storeClasses"), ("token service", "serviceClasses")):
        other = [0, 0]
        for name, (instances, size) in largest[key].items():
            # Classes under a byte per grant are fixed costs, not per grant: summed up as other.
            if name == "other classes" or size / n < 1:
                other = [other[0] + instances, other[1] + size]
            else:
                print(f"| {part} | `{name}` | {instances / n:.2f} | {size / n:,.1f} |")
        print(f"| {part} | other classes | {other[0] / n:.2f} | {other[1] / n:,.1f} |")
    print()
    print(f"JVM: {result['jvm']}.")


def startup(paths):
    runs = []
    for path in paths:
        with open(path) as f:
            runs.append(json.load(f))
    if not runs:
        sys.exit("No startup measurements")
    by_grants = {}
    for r in runs:
        by_grants.setdefault(r["grants"], []).append(r)
    print("| grants | records in the store | on disk | store opens | token service loads its index "
          "| runs |")
    print("|---:|---|---:|---:|---:|---:|")
    for n, group in sorted(by_grants.items()):
        opens = [r["storeOpenSeconds"] for r in group]
        loads = [r["serviceLoadSeconds"] for r in group]

        def seconds(values):
            each = ", ".join(f"{v:.1f}" for v in values)
            return f"{statistics.median(values):.1f} s" + (f" ({each})" if len(values) > 1 else "")

        print(f"| {n:,} | {records(group[0]['records'])} | {group[0]['diskBytes'] / 2**20:,.0f} MiB "
              f"| {seconds(opens)} | {seconds(loads)} | {len(group)} |")


if __name__ == "__main__":
    {"table": table, "issue": issue, "memory": memory, "startup": startup,
     "setup": setup}[sys.argv[1]](sys.argv[2:])
