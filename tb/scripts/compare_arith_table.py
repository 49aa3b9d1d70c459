#!/usr/bin/env python3
"""The tables of `make compare-arith` (tb/scripts/compare_arith.sh), from the points' reports.

usage: compare_arith_table.py POINTS OUTDIR

POINTS: one line per point, tab-separated: its CSV label (library,kind,width,signedness,flow,
encoding,tree,final_adder), the JSON report `tpegen synth --json` wrote (missing when the point
failed) and its log. Writes OUTDIR/results.csv (Pareto points marked), OUTDIR/results.md (one
table per library, kind, width and signedness, fastest first, each point's area and delay
against the Yosys 0.55 booth point, else Yosys 0.23) and OUTDIR/svg/<group>.svg (area vs delay,
the Pareto front). Exit status 1 when a point failed.
"""
import datetime
import json
import os
import subprocess
import sys

HEADER = "library,kind,width,signedness,flow,encoding,tree,final_adder,area_um2,delay_ns,pareto"


def read_rows(points):
    """The points' CSV rows "label,area,delay" (area as Yosys prints it) and the failed points."""
    rows, failed = [], []
    with open(points) as f:
        for line in f:
            label, report, log = line.rstrip("\n").split("\t")
            if not os.path.exists(report):
                last = ""
                if os.path.exists(log):
                    with open(log) as lf:
                        last = ([l.strip() for l in lf if l.strip()] or [""])[-1]
                failed.append(f"{label}: {last} (see {log})")
                continue
            with open(report) as r:
                j = json.load(r)
            rows.append(f"{label},{j['area_um2']:.6f},{j['delay_ns']:.3f}")
    return rows, failed


def pareto(rows):
    """The rows sorted by group then delay (as `sort -t, -k1,4 -k10,10g` in the C locale), each
    with "yes" when no other point of its group is as small and as fast."""
    def key(line):
        f = line.split(",")
        return (",".join(f[:4]), float(f[9]), line)
    rows = sorted(rows, key=key)
    parsed = [(",".join(r.split(",")[:4]), float(r.split(",")[8]), float(r.split(",")[9])) for r in rows]
    out = []
    for i, (k, a, d) in enumerate(parsed):
        dominated = any(j != i and kj == k and aj <= a and dj <= d and (aj < a or dj < d)
                        for j, (kj, aj, dj) in enumerate(parsed))
        out.append(rows[i] + ("," + ("no" if dominated else "yes")))
    return out


def groups(csv_rows, sep, width_sep="x"):
    """Groups in order of first appearance: (key, title, fields of each row)."""
    order, members = [], {}
    for line in csv_rows:
        f = line.split(",")
        key = sep.join([f[0], f[1], f[2], f[3]])
        if key not in members:
            members[key] = []
            order.append((key, f"{f[0]} {f[1]} {f[2]}{width_sep}{f[2]} {f[3]}"))
        members[key].append(f)
    return [(key, title, members[key]) for key, title in order]


def markdown(csv_rows, date, version):
    s = f"# compare-arith: {date}, tpegen {version}\n\n"
    s += ("Flat synthesis mapped by ABC, OpenSTA input to output (tpegen synth --from a tpegen arith folder). "
          "Δ: against Yosys 0.55 booth\n(else 0.23) on the same behavioural RTL. P: on the Pareto front.\n")
    for _, title, rows in groups(csv_rows, " "):
        ref = next((f for f in reversed(rows) if f[4] == "yosys-0.55-booth"), None)
        ref = ref or next((f for f in rows if f[4] == "yosys-0.23"), None)
        ra, rd = (float(ref[8]), float(ref[9])) if ref else (0.0, 0.0)
        s += (f"\n## {title}\n\n| flow | encoding | tree | final adder | area µm² | delay ns | Δ area | Δ delay | P |\n"
              "|---|---|---|---|---|---|---|---|---|\n")
        for f in rows:
            a, d = float(f[8]), float(f[9])
            da = "%+.1f %%" % (100 * (a / ra - 1)) if ra > 0 else "-"
            dd = "%+.1f %%" % (100 * (d / rd - 1)) if rd > 0 else "-"
            s += "| %s | %s | %s | %s | %.0f | %.3f | %s | %s | %s |\n" % (
                f[4], f[5], f[6], f[7], a, d, da, dd, "P" if f[10] == "yes" else "")
    return s


def svg(title, rows):
    """Area (x) vs delay (y); tpegen blue, Yosys 0.23 grey, 0.55 booth red; the Pareto front
    joined by a line and its points ringed."""
    ar = [float(f[8]) for f in rows]
    de = [float(f[9]) for f in rows]
    amin, amax, dmin, dmax = min(ar), max(ar), min(de), max(de)
    if amax == amin:
        amax = amin + 1
    if dmax == dmin:
        dmax = dmin + 1
    W, H, L, R, T, B = 720, 480, 70, 20, 40, 50
    s = f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">\n'
    s += '<rect width="100%" height="100%" fill="white"/>\n'
    s += f'<text x="{L}" y="20" font-size="14">{title}: area vs input-to-output delay</text>\n'
    s += (f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>'
          f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>\n')
    s += '<text x="%d" y="%d">area µm² (%.0f .. %.0f)</text>\n' % (W // 2 - 60, H - 12, amin, amax)
    s += '<text x="14" y="%d" transform="rotate(-90 14 %d)">delay ns (%.2f .. %.2f)</text>\n' % (
        H // 2 + 60, H // 2 + 60, dmin, dmax)
    front = []
    for f, a, d in zip(rows, ar, de):
        x = L + 10 + (W - L - R - 20) * (a - amin) / (amax - amin)
        y = H - B - 10 - (H - T - B - 20) * (d - dmin) / (dmax - dmin)
        c = "#1f77b4" if f[4] == "tpegen" else "#777777" if f[4] == "yosys-0.23" else "#d62728"
        label = f"{f[5]}/{f[6]}/{f[7]}" if f[4] == "tpegen" else f[4]
        s += '<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s: %.0f µm², %.3f ns</title></circle>\n' % (
            x, y, c, label, a, d)
        if f[4] != "tpegen":
            s += '<text x="%.1f" y="%.1f" fill="%s">%s</text>\n' % (x + 6, y - 6, c, f[4])
        if f[10] == "yes":
            front.append([x, y, label])
            s += '<circle cx="%.1f" cy="%.1f" r="7" fill="none" stroke="black"/>\n' % (x, y)
    # The front by area, exchanged pairwise as the first version of this script did (the order of
    # points with equal area is part of the recorded output).
    for i in range(len(front)):
        for j in range(i + 1, len(front)):
            if front[j][0] < front[i][0]:
                front[i], front[j] = front[j], front[i]
    pts = "".join("%.1f,%.1f " % (x, y) for x, y, _ in front)
    for x, y, label in front:
        s += '<text x="%.1f" y="%.1f" font-size="9">%s</text>\n' % (x + 8, y + 12, label)
    s += f'<polyline points="{pts}" fill="none" stroke="black" stroke-dasharray="4 3"/>\n'
    s += (f'<text x="{W - 360}" y="{T}"><tspan fill="#1f77b4">● tpegen</tspan> <tspan fill="#777777">● Yosys 0.23 '
          'a*b</tspan> <tspan fill="#d62728">● Yosys 0.55 booth</tspan> ○ Pareto front</text>\n')
    return s + "</svg>\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    points, out = sys.argv[1], sys.argv[2]
    rows, failed = read_rows(points)
    csv_rows = pareto(rows)
    with open(os.path.join(out, "results.csv"), "w") as f:
        f.write(HEADER + "\n" + "".join(r + "\n" for r in csv_rows))
    here = os.path.dirname(os.path.abspath(__file__))
    git = subprocess.run(["git", "-C", here, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    version = git.stdout.strip() if git.returncode == 0 else "?"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(markdown(csv_rows, date, version))
    os.makedirs(os.path.join(out, "svg"), exist_ok=True)
    for key, title, members in groups(csv_rows, "_"):
        with open(os.path.join(out, "svg", key + ".svg"), "w") as f:
            f.write(svg(title, members))
    counts = {}
    for r in csv_rows:
        flow = r.split(",")[4]
        counts[flow] = counts.get(flow, 0) + 1
    summary = ", ".join(sorted(f"{k} {v}" for k, v in counts.items()))
    for line in failed:
        print(f"compare-arith: failed: {line}")
    print(f"compare-arith: {len(csv_rows)} points: {summary}; {len(failed)} failed")
    print(f"compare-arith: {os.path.join(out, 'results.csv')}, {os.path.join(out, 'results.md')}, "
          f"{os.path.join(out, 'svg')}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
