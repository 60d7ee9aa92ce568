#!/usr/bin/env python3
"""Parses an SVG (XML) file and prints its text content and link targets as JSON:
{"texts": [...], "links": [...], "titles": [...]}. Fails on malformed XML.
usage: svg_text.py FILE
"""
import json
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
texts, links, titles = [], [], []
for el in root.iter():
    tag = el.tag.split("}")[-1]
    if tag == "text" and el.text:
        texts.append(el.text)
    if tag == "title" and el.text:
        titles.append(el.text)
    if tag == "a":
        for k, v in el.attrib.items():
            if k.endswith("href"):
                links.append(v)
json.dump({"texts": texts, "links": links, "titles": titles}, sys.stdout, ensure_ascii=False)
