#!/usr/bin/env python3
"""Records one run of an experiment (`make record EXPERIMENT=NAME`): runs the steps of
synth/experiments/NAME/experiment.json, then writes synth/experiments/NAME/runs/DATE_COMMIT/ with
the files the experiment keeps (raw results, no netlists) and run.json (tpegen commit, tool
versions, liberty and its sha256, machine, wall time, the exact commands).

The steps run in a work folder that outlives the run (default BUILD/experiments/NAME), so a sweep
stopped half-way resumes from its cached points when the same command is given again; run.json then
says `resumed`, and its wall time adds the invocations that did not finish (WORK/record_time.json)
to the last one's.

usage: record_run.py NAME --tpegen BIN [--jobs N] [--liberty NAME|FILE] [--work DIR] [--repo DIR]
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time



def fail(message):
    print(f"record: error: {message}", file=sys.stderr)
    sys.exit(2)


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout.strip()


def tool_versions(tpegen):
    """command -> version line, from tpegen's own tool table (`tpegen list --tools --json`)."""
    out = subprocess.run([tpegen, "list", "--tools", "--json"], capture_output=True, text=True, check=True).stdout
    return {t["command"]: t["version"] for t in json.loads(out)["tools"] if t["version"]}


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")),
                 platform.processor())
    mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": model, "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "load_average_at_start": round(os.getloadavg()[0], 1)}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def known_libraries(tpegen):
    """The libraries tpegen knows by name and where it finds them (`tpegen list --json`): the
    recorder resolves a name exactly as the flows do."""
    out = subprocess.run([tpegen, "list", "--json"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)["libraries"]


def find_liberty(choice, tpegen):
    """A file path as given, or a library name resolved by tpegen."""
    if os.sep in choice or choice.endswith(".lib"):
        if not os.path.isfile(choice):
            fail(f"--liberty = '{choice}': no such file")
        return os.path.abspath(choice)
    libs = known_libraries(tpegen)
    lib = next((l for l in libs["known"] if l["name"] == choice), None)
    if lib is None:
        fail(f"--liberty = '{choice}': must be a file or one of {', '.join(l['name'] for l in libs['known'])}")
    if not lib["path"]:
        fail(f"--liberty = '{choice}': {lib['file']} not found in {', '.join(libs['search_dirs'])}; "
             "set TPEGEN_PDK_DIR or give the file instead")
    return lib["path"]


TIME_FILE = "record_time.json"  # in the work folder: seconds spent by invocations that did not finish


def earlier_invocations(work):
    path = os.path.join(work, TIME_FILE)
    return json.load(open(path))["seconds"] if os.path.isfile(path) else []


def save_invocations(work, seconds):
    with open(os.path.join(work, TIME_FILE), "w") as f:
        json.dump({"seconds": seconds}, f)
        f.write("\n")


def expand(argv, values):
    return [a.format(**values) for a in argv]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("name")
    ap.add_argument("--tpegen", required=True)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--liberty", default=None, help="a library name or file (default: the experiment's)")
    ap.add_argument("--work", default=None)
    ap.add_argument("--repo", default=os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))
    args = ap.parse_args()

    repo = os.path.abspath(args.repo)
    exp_dir = os.path.join(repo, "synth", "experiments", args.name)
    if not os.path.isfile(os.path.join(exp_dir, "experiment.json")):
        names = sorted(d for d in os.listdir(os.path.join(repo, "synth", "experiments")))
        fail(f"EXPERIMENT = '{args.name}': no such experiment (one of {', '.join(names)})")
    exp = json.load(open(os.path.join(exp_dir, "experiment.json")))
    tpegen = os.path.abspath(args.tpegen)
    if not os.access(tpegen, os.X_OK):
        fail(f"--tpegen = '{args.tpegen}': not an executable")
    build = os.path.dirname(os.path.dirname(tpegen))
    work = os.path.abspath(args.work or os.path.join(build, "experiments", args.name))
    jobs = args.jobs or exp.get("jobs", 1)
    lib_name = args.liberty or exp.get("liberty")
    liberty = find_liberty(lib_name, tpegen) if lib_name else None
    if liberty and lib_name == args.liberty and os.path.isfile(lib_name):  # a file: name it if we can
        lib_name = next((l["name"] for l in known_libraries(tpegen)["known"] if l["file"] == os.path.basename(liberty)),
                        os.path.basename(liberty))

    commit = git(repo, "rev-parse", "HEAD")
    # Uncommitted changes to what makes the figures (not docs, not other experiments' runs).
    dirty = bool(git(repo, "status", "--porcelain", "--untracked-files=no", "--", "generator", "rtl_templates",
                     "model", "tb", "schema", "CMakeLists.txt", os.path.relpath(exp_dir, repo),
                     f":!{os.path.relpath(exp_dir, repo)}/runs"))
    date = datetime.date.today().isoformat()
    run_dir = os.path.join(exp_dir, "runs", f"{date}_{commit[:7]}")
    if os.path.exists(run_dir):
        fail(f"{os.path.relpath(run_dir, repo)} exists: this commit was recorded today; remove it to record again")

    values = {"tpegen": tpegen, "repo": repo, "exp": exp_dir, "work": work, "jobs": str(jobs),
              "liberty": liberty or ""}
    env = dict(os.environ, JOBS=str(jobs))
    if liberty:
        env["TPEGEN_LIBERTY"] = liberty
    resumed = os.path.isdir(work) and bool(os.listdir(work))
    earlier = earlier_invocations(work)
    os.makedirs(work, exist_ok=True)
    machine_info = machine()
    commands = [expand(step["run"], values) for step in exp["steps"]]
    start = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the time spent is kept below
    try:
        for step, argv in zip(exp["steps"], commands):
            print("record: " + " ".join(argv), flush=True)
            out = open(os.path.join(work, step["stdout"]), "w") if "stdout" in step else None
            rc = subprocess.run(argv, cwd=repo, env=env, stdout=out).returncode
            if out:
                out.close()
            if rc != 0:
                fail(f"step exited with {rc}: {' '.join(argv)}; nothing recorded (the work folder {work} "
                     "keeps what finished: the same command resumes)")
    except BaseException:
        save_invocations(work, earlier + [round(time.monotonic() - start, 1)])
        raise
    wall = time.monotonic() - start

    tmp = tempfile.mkdtemp(prefix=".record-", dir=os.path.join(exp_dir))
    try:
        kept = []
        for src, dst in exp["keep"].items():
            path = os.path.join(work, src)
            if not os.path.isfile(path):
                fail(f"the run wrote no {path}, which experiment.json keeps")
            shutil.copyfile(path, os.path.join(tmp, dst))
            kept.append(dst)
        tools = {name: v for name, v in tool_versions(tpegen).items()
                 if name in exp.get("tools", ["yosys", "sta", "verilator", "iverilog"])}
        run = {
            "experiment": args.name,
            "date": date,
            "tpegen_commit": commit,
            "tpegen_dirty": dirty,
            "recorder": [os.path.relpath(a, repo) if a.startswith(repo + os.sep) else a
                         for a in [os.path.abspath(sys.argv[0])] + sys.argv[1:]],
            "commands": [[os.path.relpath(a, repo) if a.startswith(repo + os.sep) else a for a in c]
                         for c in commands],
            "jobs": jobs,
            "resumed": resumed,
            "wall_time_s": round(wall + sum(earlier), 1),
            "invocations": len(earlier) + 1,
            "tools": tools,
            "liberty": {"name": lib_name, "file": os.path.basename(liberty), "sha256": sha256(liberty)}
                       if liberty else None,
            "machine": machine_info,
            "files": sorted(kept),
        }
        with open(os.path.join(tmp, "run.json"), "w") as f:
            json.dump(run, f, indent=2, ensure_ascii=False)
            f.write("\n")
        os.makedirs(os.path.dirname(run_dir), exist_ok=True)
        os.rename(tmp, run_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if earlier:
        os.remove(os.path.join(work, TIME_FILE))
    print(f"record: {os.path.relpath(run_dir, repo)} ({wall / 60:.1f} min); `make results` writes its page")


if __name__ == "__main__":
    main()
