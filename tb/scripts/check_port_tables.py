#!/usr/bin/env python3
"""The port tables of the architecture pages (docs/architectures/<arch>.md, section "## Ports")
name every port of the architecture's default design, and in the module's port order, which is
also the field order of the AXI wrapper's records. A page that describes its ports as another
architecture's ("## Ports and timing" in prose) is checked for the names it mentions only.

usage: check_port_tables.py TPEGEN SOURCE_DIR WORK
"""
import json
import os
import re
import subprocess
import sys

tpegen, src, work = sys.argv[1:4]
failures = []
pages = sorted(f[:-3] for f in os.listdir(os.path.join(src, "docs", "architectures")) if f != "index.md")
for arch in pages:
    out = os.path.join(work, arch)
    subprocess.run([tpegen, "generate", "--arch", arch, "-o", out, "--force"], check=True, stdout=subprocess.DEVNULL)
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    clocking = (manifest["clock"].split()[0], manifest["reset"].split()[0])  # "clk_i (rising edge)"
    ports = [p["name"] for p in manifest["ports"] if p["name"] not in clocking]
    text = open(os.path.join(src, "docs", "architectures", arch + ".md")).read()
    section = re.search(r"^## Ports.*?$(.*?)(?=^## )", text, re.S | re.M)
    if not section:
        failures.append(f"{arch}.md has no '## Ports' section")
        continue
    rows = [line for line in section.group(1).splitlines() if line.startswith("| `")]
    if rows:
        listed = [n for row in rows for n in re.findall(r"`([a-z_0-9]+)`", row.split("|")[1])]
        if listed != ports:
            failures.append(f"{arch}.md lists the ports {listed}; the module has {ports} (in this order)")
    else:
        mentioned = [n for n in re.findall(r"`([a-z_0-9]+_[io])`", section.group(1))]
        unknown = [n for n in mentioned if n not in ports]
        if unknown:
            failures.append(f"{arch}.md names ports the module does not have: {unknown}")
for f in failures:
    print("check_port_tables:", f)
if failures:
    sys.exit(1)
print(f"check_port_tables: the port tables of {len(pages)} architecture pages match their modules")
