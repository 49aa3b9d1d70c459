#!/usr/bin/env python3
"""Writes docs/results/*.md (`make results`) from the committed runs: one page per experiment of
synth/experiments/ (its newest run's tables, made by the experiment's own table scripts from the
run's raw files, how to rerun it, what it means, where tpegen loses, and the run's commit, tools,
library and machine) and docs/results/index.md listing every experiment, recorded or not.
With --check it writes nothing and exits 1 when a committed page differs from what it would write.

usage: results_pages.py [--repo DIR] [--check]
"""
import argparse
import json
import os
import subprocess
import sys

PAGES = os.path.join("docs", "results")


def experiments(repo):
    top = os.path.join(repo, "synth", "experiments")
    found = []
    for name in sorted(os.listdir(top)):
        path = os.path.join(top, name, "experiment.json")
        if os.path.isfile(path):
            found.append((name, json.load(open(path, encoding="utf-8"))))
    return sorted(found, key=lambda e: (e[1].get("order", 1000), e[0]))


def commit_time(repo, commit):
    """The commit's time (git), 0 when git does not know it (a tarball, a pruned history)."""
    out = subprocess.run(["git", "-C", repo, "show", "-s", "--format=%ct", commit], capture_output=True, text=True)
    return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip().isdigit() else 0


def newest_run(repo, name):
    """The run of the latest date; on one date, the run of the later commit (folder names end in
    the commit's hash, which says nothing of its age)."""
    runs = os.path.join(repo, "synth", "experiments", name, "runs")
    found = [d for d in os.listdir(runs) if os.path.isfile(os.path.join(runs, d, "run.json"))] \
        if os.path.isdir(runs) else []
    def age(d):
        run = json.load(open(os.path.join(runs, d, "run.json"), encoding="utf-8"))
        return (run.get("date", ""), commit_time(repo, run.get("tpegen_commit", "")), d)
    return os.path.join(runs, max(found, key=age)) if found else None


def table(repo, run, spec):
    if "file" in spec:
        text = open(os.path.join(run, spec["file"]), encoding="utf-8").read().rstrip("\n")
        if text.startswith("# "):  # a report's own title (tpegen sweep's results.md): the page has its heading
            text = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""
        return f"```\n{text}\n```" if spec.get("code") else text
    argv = [a.format(run=run) for a in spec["script"]]
    script = os.path.join(repo, argv[0])
    cmd = ([sys.executable] if script.endswith(".py") else []) + [script] + argv[1:]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=repo,
                         env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))  # no __pycache__ in tb/scripts
    if out.returncode != 0:
        sys.exit(f"results_pages: {' '.join(argv)} failed:\n{out.stderr}")
    return out.stdout.rstrip("\n")


def minutes(seconds):
    m, s = divmod(round(seconds), 60)
    return f"{m} min {s} s" if m else f"{s} s"


def run_facts(run_dir, run):
    lib = run.get("liberty")
    m = run["machine"]
    lines = [
        f"- Recorded on {run['date']} with tpegen at commit `{run['tpegen_commit'][:12]}`"
        + (" (with uncommitted changes)" if run.get("tpegen_dirty") else "") + ".",
        f"- Wall time: {minutes(run['wall_time_s'])} with {run['jobs']} job{'s' if run['jobs'] != 1 else ''}"
        + (f" over {run['invocations']} invocations (the later ones resumed from the earlier ones' cached points)"
           if run.get("invocations", 1) > 1 else
           " (resumed: an earlier invocation's cached results were reused, its time not counted)"
           if run.get("resumed") else "")
        + f"; load average {m['load_average_at_start']} at the start.",
        f"- Machine: {m['nproc']} cores, {m['cpu']}, {m['memory_gb']} GB.",
    ]
    if lib:
        lines.append(f"- Library: {lib['name']} (`{lib['file']}`, sha256 `{lib['sha256']}`).")
    if run.get("tools"):
        lines.append("- Tools: " + "; ".join(f"{k}: `{v}`" for k, v in run["tools"].items()) + ".")
    lines.append("- Commands:")
    lines.append("")
    lines.append("  ```")
    lines += ["  " + " ".join(c) for c in run["commands"]]
    lines.append("  ```")
    lines.append(f"- Raw data: `synth/experiments/{run['experiment']}/runs/{os.path.basename(run_dir)}/` "
                 f"({', '.join(run['files'])}, run.json).")
    return lines


def page(repo, name, exp):
    run_dir = newest_run(repo, name)
    out = [f"# {exp['title']}", "", exp["summary"], ""]
    if run_dir:
        run = json.load(open(os.path.join(run_dir, "run.json"), encoding="utf-8"))
        for spec in exp["tables"]:
            out += [f"## {spec['heading']}", "", table(repo, run_dir, spec), ""]
    else:
        run = None
        out += ["## Not yet recorded", "",
                "No run of this experiment has been recorded yet, so this page has no figures. Record one with:",
                "", "```sh", exp["command"], "```", ""]
    out += ["## What it means", ""]
    for p in exp["meaning"]:
        out += [p, ""]
    out += ["## Where tpegen loses", ""]
    for p in exp["loses"]:
        out += [p, ""]
    if exp.get("caveats"):
        out += ["## Caveats", ""]
        for p in exp["caveats"]:
            out += [p, ""]
    out += ["## Rerun it", "", "```sh", exp["command"], "```", "",
            "`make record` runs the experiment's steps (`synth/experiments/" + name + "/experiment.json`) in "
            "`build/experiments/" + name + "/`, then writes a new run folder with the raw results and run.json; "
            "`make results` regenerates this page from the newest run. An interrupted sweep resumes from its "
            "cached points when the same command is given again.", ""]
    if run:
        out += ["## The run", ""] + run_facts(run_dir, run) + [""]
        # What a person found out about this run after it was recorded (run.json stays as written).
        notes = os.path.join(run_dir, "notes.md")
        if os.path.isfile(notes):
            out += ["## Notes on this run", "", open(notes, encoding="utf-8").read().strip(), ""]
    return "\n".join(out).rstrip("\n") + "\n", run


def index(entries):
    out = ["# Results", "",
           "Every figure on these pages comes from a recorded run: the raw results and the run's facts "
           "(tpegen commit, tool versions, library and its checksum, machine, wall time) are committed in "
           "`synth/experiments/<name>/runs/`, and `make results` writes these pages from them. "
           "`make record EXPERIMENT=<name>` records a new run.", "",
           "| experiment | status | library | recorded |", "|---|---|---|---|"]
    for name, exp, run in entries:
        if run:
            lib = run["liberty"]["name"] if run.get("liberty") else "—"
            status = "recorded"
            when = f"{run['date']}, `{run['tpegen_commit'][:7]}`"
        else:
            lib = exp.get("liberty", "—")
            status = "**not yet recorded**"
            when = f"`{exp['command']}`"
        out.append(f"| [{exp['title']}]({name}.md) | {status} | {lib} | {when} |")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", default=os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    repo = os.path.abspath(args.repo)
    pages, entries = {}, []
    for name, exp in experiments(repo):
        text, run = page(repo, name, exp)
        pages[f"{name}.md"] = text
        entries.append((name, exp, run))
    pages["index.md"] = index(entries)

    folder = os.path.join(repo, PAGES)
    if args.check:
        stale = []
        for file, text in pages.items():
            path = os.path.join(folder, file)
            if not os.path.isfile(path) or open(path, encoding="utf-8").read() != text:
                stale.append(file)
        extra = sorted(set(f for f in os.listdir(folder) if f.endswith(".md")) - set(pages)) \
            if os.path.isdir(folder) else []
        for file in stale:
            print(f"{PAGES}/{file} differs from what the committed runs give")
        for file in extra:
            print(f"{PAGES}/{file} belongs to no experiment")
        if stale or extra:
            print("run `make results` and commit docs/results/")
            sys.exit(1)
        print(f"{len(pages)} results pages current")
        return
    os.makedirs(folder, exist_ok=True)
    for file, text in pages.items():
        with open(os.path.join(folder, file), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"results: {len(pages)} pages in {PAGES}/")


if __name__ == "__main__":
    main()
