#!/usr/bin/env python3
"""Adding an architecture checks itself: for every architecture of `tpegen list --json`, the
places beyond its arch file and registry line exist (docs/contributing.md "Adding an
architecture"), and each one missing is named in one line "missing in ...":

  - tb/tests_<name>.cmake, its tests file: a tpegen_design_point and a tpegen_mutant with
    --arch NAME; and a tpegen_sched_point (--driver schedule) in tb/
  - generated/NAME/: the committed default design with its manifest (make golden-update)
  - docs/architectures/NAME.md, in mkdocs.yml's nav and the overview table of
    docs/architectures/index.md
  - docs/img/NAME.svg (make docs-diagrams)
  - tb/harness/driver_<driver>.hpp for the registry's driver of every PE variant

  check_arch_complete.py TPEGEN REPO [--extra-arch NAME]

--extra-arch adds an architecture to the registry's list as if registered and nothing else
(the test that proves this check finds what a new architecture forgot).
"""
import json
import pathlib
import re
import subprocess
import sys


def cmake_calls(paths):
    """Every test helper call and add_test of these files (kind, arguments on one line)."""
    texts = []
    for path in paths:
        if not path.is_file():
            continue
        text = path.read_text()
        # Calls may span lines: join a call's lines up to its closing parenthesis.
        for m in re.finditer(r"^\s*(tpegen_design_point|tpegen_mutant|tpegen_sched_point|add_test)\s*\(([^)]*)\)", text, re.M):
            texts.append((m.group(1), " ".join(m.group(2).split())))
    return texts


def has_arch(args, name):
    return re.search(r"--arch\s+" + re.escape(name) + r"(\s|$|;)", args + " ") is not None or \
        re.search(r";--arch;" + re.escape(name) + r"(;|\s|\")", args) is not None


def main():
    tpegen, repo = sys.argv[1], pathlib.Path(sys.argv[2])
    extra = sys.argv[sys.argv.index("--extra-arch") + 1] if "--extra-arch" in sys.argv else None
    listing = json.loads(subprocess.run([tpegen, "list", "--json"], check=True, capture_output=True, text=True).stdout)
    archs = listing["architectures"]
    if extra:
        archs = archs + [{"name": extra, "driver": extra, "pes": [{"name": "mac", "driver": extra}]}]
    calls = cmake_calls(sorted((repo / "tb").glob("*.cmake")) + [repo / "tb" / "CMakeLists.txt"])
    nav = (repo / "mkdocs.yml").read_text()
    overview = (repo / "docs" / "architectures" / "index.md").read_text()
    missing = []
    for a in archs:
        name = a["name"]
        where = f"tb/tests_{name.replace('-', '_')}.cmake"
        own = cmake_calls([repo / where])
        points = [args for kind, args in own if kind == "tpegen_design_point" and has_arch(args, name)]
        mutants = [args for kind, args in own if kind == "tpegen_mutant" and has_arch(args, name)]
        schedule = [args for kind, args in calls
                    if has_arch(args, name) and (kind == "tpegen_sched_point" or "--driver schedule" in args)]
        if not (repo / where).is_file():
            missing.append(f"{name}: missing in tb/: its tests file {where[3:]}")
        if not points:
            missing.append(f"{name}: missing in {where}: a tpegen_design_point with --arch {name}")
        if not mutants:
            missing.append(f"{name}: missing in {where}: a tpegen_mutant with --arch {name}")
        if not schedule:
            missing.append(f"{name}: missing in tb/tests_sched.cmake: a tpegen_sched_point with --arch {name}")
        gen = repo / "generated" / name
        if not (gen / "manifest.json").is_file():
            missing.append(f"{name}: missing in generated/: {name}/manifest.json (make golden-update)")
        page = repo / "docs" / "architectures" / f"{name}.md"
        if not page.is_file():
            missing.append(f"{name}: missing in docs/architectures/: {name}.md")
        elif f"architectures/{name}.md" not in nav:
            missing.append(f"{name}: missing in mkdocs.yml: architectures/{name}.md in the nav")
        if f"]({name}.md)" not in overview:
            missing.append(f"{name}: missing in docs/architectures/index.md: a row of the overview table linking {name}.md")
        if not (repo / "docs" / "img" / f"{name}.svg").is_file():
            missing.append(f"{name}: missing in docs/img/: {name}.svg (make docs-diagrams)")
        drivers = {pe.get("driver") or a.get("driver") or "" for pe in a["pes"]}
        for d in sorted(drivers):
            if not d:
                missing.append(f"{name}: missing in the registry: a harness driver (ArchDescriptor::driver)")
            elif not (repo / "tb" / "harness" / f"driver_{d}.hpp").is_file():
                missing.append(f"{name}: missing in tb/harness/: driver_{d}.hpp (the registry's driver {d})")
    for line in missing:
        print(line)
    if missing:
        print(f"FAIL: {len(missing)} place(s) missing for {len(archs)} architectures")
        return 1
    print(f"OK: {len(archs)} architectures, each with its tests file (design points, a mutant), a schedule point, generated/, "
          "a docs page in the nav and the overview, a diagram and its drivers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
