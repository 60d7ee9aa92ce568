#!/usr/bin/env python3
"""Reads a GraphML file with NetworkX (as an analyst would) and prints what it found as JSON:
{"directed", "multigraph", "nodes", "edges", "node_attrs": {id: {...}}, "edge_attrs": [...]}.
usage: read_graphml.py FILE
"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
json.dump({
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "node_attrs": {n: d for n, d in g.nodes(data=True)},
    "edge_attrs": [dict(d, source=u, target=v) for u, v, d in g.edges(data=True)],
}, sys.stdout, ensure_ascii=False)
