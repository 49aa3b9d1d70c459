#!/usr/bin/env python3
"""Dependencies point down: every `#include "folder/..."` of generator/src and model/golden
names a folder on a lower line of the layer order in docs/contributing.md (the ```text block
after the line that names check_layers.py), or its own folder. Folders on one line are peers
and do not include each other. A folder missing from the order fails too, so a new folder
is placed in it on purpose.

  check_layers.py REPO
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([A-Za-z0-9_]+)/')


def layer_order(contributing):
    lines = contributing.read_text().splitlines()
    for i, line in enumerate(lines):
        if "check_layers.py" in line:
            break
    else:
        sys.exit(f"check_layers: {contributing} has no line naming check_layers.py")
    start = next((j for j in range(i, len(lines)) if lines[j].strip() == "```text"), None)
    if start is None:
        sys.exit(f"check_layers: no ```text block after line {i + 1} of {contributing}")
    rank = {}
    for n, line in enumerate(lines[start + 1:]):
        if line.strip() == "```":
            break
        for folder in line.split():
            rank[folder] = n  # 0 = top
    return rank


def main():
    repo = pathlib.Path(sys.argv[1])
    rank = layer_order(repo / "docs" / "contributing.md")
    roots = [repo / "generator" / "src", repo / "model"]
    files = sorted(p for root in roots for p in root.rglob("*") if p.suffix in (".cpp", ".hpp", ".h"))
    errors, arrows, edges = [], 0, set()
    for path in files:
        folder = path.parent.name
        if folder not in rank:
            errors.append(f"{path.relative_to(repo)}: folder {folder}/ is missing in the layer order of docs/contributing.md")
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m or m.group(1) == folder:
                continue
            target = m.group(1)
            arrows += 1
            edges.add((folder, target))
            where = f"{path.relative_to(repo)}:{number}"
            if target not in rank:
                errors.append(f"{where}: includes {target}/, a folder missing in the layer order of docs/contributing.md")
            elif rank[target] <= rank[folder]:
                kind = "a peer" if rank[target] == rank[folder] else "above it"
                errors.append(f"{where}: upward include: {folder}/ includes {target}/ ({kind} in the layer order)")
    for e in errors:
        print(e)
    if errors:
        print(f"FAIL: {len(errors)} include(s) against the layer order")
        return 1
    order = []
    for folder, r in sorted(rank.items(), key=lambda x: (x[1], x[0])):
        if order and order[-1][0] == r:
            order[-1][1].append(folder)
        else:
            order.append((r, [folder]))
    print("layer order: " + " > ".join(" ".join(fs) for _, fs in order))
    print(f"OK: {len(files)} files, {arrows} includes across folders ({len(edges)} folder arrows), all pointing down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
