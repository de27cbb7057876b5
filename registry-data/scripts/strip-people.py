#!/usr/bin/env python3
"""Copies IANA's service-names-port-numbers.csv with the Assignee and Contact columns emptied.

Usage: strip-people.py <IANA's csv> <output csv>

The library keeps no names of people (see data/iana/SOURCES.md); every other field and the
twelve-column layout stay as IANA publishes them, so that core's IanaCsv reads the copy exactly
as it reads IANA's own file. Not part of the build: run it when refreshing the data.
"""
import csv
import sys

HEADER = ["Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
          "Registration Date", "Modification Date", "Reference", "Service Code",
          "Unauthorized Use Reported", "Assignment Notes"]

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
if rows[0] != HEADER:
    sys.exit("unexpected header: " + ",".join(rows[0]))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(rows[0])
    for row in rows[1:]:
        if len(row) != 12:
            sys.exit("a row without 12 fields: " + ",".join(row))
        row[4] = row[5] = ""
        out.writerow(row)
