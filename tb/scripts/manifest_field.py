#!/usr/bin/env python3
"""Prints one field of a tpegen manifest, for the test scripts (which would otherwise read JSON
with sed): `manifest_field.py PATH KEY[.KEY...]`, PATH a manifest.json or the folder holding it.
Exits 1 with a message when the field is missing; a number prints as JSON writes it."""
import json
import os
import sys

if len(sys.argv) != 3:
    sys.exit("usage: manifest_field.py MANIFEST_OR_DIR KEY[.KEY...]")
path = sys.argv[1]
if os.path.isdir(path):
    path = os.path.join(path, "manifest.json")
value = json.load(open(path))
for key in sys.argv[2].split("."):
    if not isinstance(value, dict) or key not in value:
        sys.exit(f"manifest_field: {path} has no '{sys.argv[2]}'")
    value = value[key]
print(value if isinstance(value, str) else json.dumps(value))
