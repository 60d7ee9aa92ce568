#!/usr/bin/env python3
"""Checks a `kg export --format neo4j-csv` folder against the header format of Neo4j's bulk
importer (neo4j-admin database import, "CSV header format") and the ID references.

usage: check_neo4j_csv.py DIR
Prints one JSON object {"nodes": N, "relationships": M, "labels": {...}, "types": {...},
"values": {"<file>:<row>:<column>": value, ...}} on success; exits 1 with the problems
otherwise. Arrays use ';' (the importer's default --array-delimiter); files are read as RFC
4180 CSV with quoted multi-line fields (--multiline-fields=true).
"""
import csv
import json
import os
import re
import sys

TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
NODE_SPECIAL = re.compile(r"^(?P<name>[^:]*):(?P<kind>ID|LABEL|IGNORE)(\((?P<group>[^)]*)\))?$")
REL_SPECIAL = re.compile(r"^:(?P<kind>START_ID|END_ID|TYPE|IGNORE)(\((?P<group>[^)]*)\))?$")
PROP = re.compile(r"^(?P<name>[^:]+)(:(?P<type>[a-z]+)(?P<array>\[\])?)?$")


def parse_value(text, type_name, array):
    if array:
        return [parse_value(x, type_name, False) for x in text.split(";")] if text != "" else []
    if type_name in ("int", "long", "short", "byte"):
        return int(text)
    if type_name in ("float", "double"):
        return float(text)
    if type_name == "boolean":
        if text not in ("true", "false"):
            raise ValueError("boolean must be true or false, not %r" % text)
        return text == "true"
    return text


def main():
    folder = sys.argv[1]
    problems = []
    node_ids = {}
    rels = []
    labels, types, values = {}, {}, {}
    files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    if not os.path.exists(os.path.join(folder, "import.txt")):
        problems.append("import.txt is missing")
    for name in files:
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        if not rows:
            problems.append("%s: no header" % name)
            continue
        header, body = rows[0], rows[1:]
        is_node = name.startswith("nodes_")
        columns = []  # (kind, name, type, array)
        for i, field in enumerate(header):
            m = (NODE_SPECIAL if is_node else REL_SPECIAL).match(field)
            if m:
                columns.append((m.group("kind"), None, None, False))
                continue
            m = PROP.match(field)
            if not m or (m.group("type") and m.group("type") not in TYPES):
                problems.append("%s: header field %d %r is not name[:type]" % (name, i + 1, field))
                columns.append(("BAD", None, None, False))
                continue
            columns.append(("PROP", m.group("name"), m.group("type") or "string", bool(m.group("array"))))
        kinds = [c[0] for c in columns]
        need = ["ID"] if is_node else ["START_ID", "END_ID", "TYPE"]
        for k in need:
            if kinds.count(k) != 1:
                problems.append("%s: needs exactly one :%s column, has %d" % (name, k, kinds.count(k)))
        names = [c[1] for c in columns if c[0] == "PROP"]
        if len(names) != len(set(names)):
            problems.append("%s: duplicate property columns" % name)
        for r, row in enumerate(body, start=2):
            if len(row) != len(columns):
                problems.append("%s:%d: %d fields, header has %d" % (name, r, len(row), len(columns)))
                continue
            rec = {}
            for (kind, pname, ptype, array), text in zip(columns, row):
                if kind == "PROP":
                    if text == "":
                        continue
                    try:
                        values["%s:%d:%s" % (name, r, pname)] = parse_value(text, ptype, array)
                    except ValueError as e:
                        problems.append("%s:%d: column %s: %s" % (name, r, pname, e))
                else:
                    rec[kind] = text
            if is_node:
                if rec.get("ID", "") == "":
                    problems.append("%s:%d: empty :ID" % (name, r))
                elif rec["ID"] in node_ids:
                    problems.append("%s:%d: duplicate :ID %s" % (name, r, rec["ID"]))
                else:
                    node_ids[rec["ID"]] = name
                for label in rec.get("LABEL", "").split(";"):
                    if label:
                        labels[label] = labels.get(label, 0) + 1
            else:
                if rec.get("TYPE", "") == "":
                    problems.append("%s:%d: empty :TYPE" % (name, r))
                types[rec.get("TYPE", "")] = types.get(rec.get("TYPE", ""), 0) + 1
                rels.append((name, r, rec.get("START_ID"), rec.get("END_ID")))
    for name, r, start, end in rels:
        for end_name, ref in (("START_ID", start), ("END_ID", end)):
            if ref not in node_ids:
                problems.append("%s:%d: :%s %r names no node" % (name, r, end_name, ref))
    if problems:
        print("\n".join(problems[:50]), file=sys.stderr)
        sys.exit(1)
    json.dump({"nodes": len(node_ids), "relationships": len(rels), "labels": labels,
               "types": types, "values": values}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
