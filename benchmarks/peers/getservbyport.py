#!/usr/bin/env python3
"""Peer: glibc getservbyport(3), as Python's socket.getservbyport calls it, on the benchmark's ports.

    getservbyport.py PORTS_FILE [REPEATS]

Looks up every port of the sample (TCP) once per repeat, after two warm-up passes, and prints one
JSON line: the median, min and max nanoseconds per lookup over the repeats. An unknown port raises
OSError; catching it is part of what a caller pays. glibc reads the services database (here
/etc/services, through NSS) on every call.
"""
import json
import platform
import socket
import statistics
import sys
import time


def main():
    ports = [int(line) for line in open(sys.argv[1]) if line.strip()]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10

    def one_pass():
        found = 0
        start = time.perf_counter_ns()
        for port in ports:
            try:
                socket.getservbyport(port, "tcp")
                found += 1
            except OSError:
                pass
        return (time.perf_counter_ns() - start) / len(ports), found

    one_pass()
    one_pass()
    samples = []
    found = 0
    for _ in range(repeats):
        ns, found = one_pass()
        samples.append(ns)
    print(json.dumps({
        "peer": "glibc getservbyport via Python socket.getservbyport",
        "runtime": f"Python {platform.python_version()}, {platform.libc_ver()[0]} {platform.libc_ver()[1]}",
        "ports": len(ports),
        "found": found,
        "repeats": repeats,
        "ns_per_lookup_median": statistics.median(samples),
        "ns_per_lookup_min": min(samples),
        "ns_per_lookup_max": max(samples),
    }))


if __name__ == "__main__":
    main()
