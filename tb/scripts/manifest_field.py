#!/usr/bin/env python3
"""Prints fields of a tpegen manifest, for the test scripts (which would otherwise read JSON
with sed): `manifest_field.py PATH KEY[.KEY...] ...`, PATH a manifest.json or the folder holding
it, one line per field; `KEY|OTHER.KEY` prints the first of them the manifest has. Exits 1 with
a message when a field is missing; a number prints as JSON writes it."""
import json
import os
import sys

if len(sys.argv) < 3:
    sys.exit("usage: manifest_field.py MANIFEST_OR_DIR KEY[.KEY...][|KEY...] ...")
path = sys.argv[1]
if os.path.isdir(path):
    path = os.path.join(path, "manifest.json")
manifest = json.load(open(path))


MISSING = object()


def lookup(dotted):
    value = manifest
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            return MISSING
        value = value[key]
    return value


for field in sys.argv[2:]:
    value = next((v for v in map(lookup, field.split("|")) if v is not MISSING), MISSING)
    if value is MISSING:
        sys.exit(f"manifest_field: {path} has no '{field}'")
    print(value if isinstance(value, str) else json.dumps(value))
