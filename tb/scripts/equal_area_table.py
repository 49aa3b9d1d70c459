#!/usr/bin/env python3
"""The paper's equal-area experiment at PE level, from a `tpegen sweep` of
synth/experiments/equal-area/sweep.json: each OPT4C column (N OPT3 PEs sharing one encoder) and OPT4E group
against ONE MAC PE (systolic-os 1x1): how many of its PEs fit in the MAC PE's area, and the
throughput and energy per MAC of the same area, both at each design's own fmax and at the common
clock of the run (its clock period). Throughput is the sweep's MACs/cycle (an estimate for
int8 normal(0,30) data for OPT4C/OPT4E) times the clock.

usage: equal_area_table.py RESULTS_CSV   (prints Markdown)
"""
import sys

from sweep_results import area, fmax, ok_rows


def main():
    ok = ok_rows(sys.argv[1])
    ref = next((r for r in ok if r["arch"] == "systolic-os" and r["pe"] == "mac" and r["rows"] == "1"
                and r["cols"] == "1"), None)
    if not ref:
        sys.exit("equal_area_table: no systolic-os 1x1 mac point (the MAC PE) in " + sys.argv[1])
    f = lambda r, k: float(r[k])
    clock = lambda r: 1000.0 / f(r, "clock_period_ns")
    own = lambda r: f(r, "macs_per_cycle") * fmax(r) / area(r)
    common = lambda r: f(r, "macs_per_cycle") * clock(r) / area(r)
    print(f"Reference: one MAC PE ({ref['name']}): {area(ref):.0f} um2, {f(ref, 'macs_per_cycle'):g} MAC/cycle, "
          f"fmax {fmax(ref):.0f} MHz, {f(ref, 'energy_pj_per_mac'):.2f} pJ/MAC; common clock {clock(ref):.0f} MHz\n")
    print("| design | PEs | area / MAC PE | PEs in one MAC PE's area | MAC/cycle | fmax MHz | "
          "throughput at equal area, own fmax | at the common clock | energy/MAC vs MAC PE |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in ok:
        if r["pe"] != "opt3":
            continue
        pes = int(r["cols"]) * (int(r["rows"] or 1) if r["arch"] == "opt4c" else 1)
        ratio = area(r) / area(ref)
        slow = " (misses it)" if fmax(r) < clock(r) else ""
        print(f"| {r['name']} | {pes} | {ratio:.2f} | {pes / ratio:.2f} | {f(r, 'macs_per_cycle'):.2f} | "
              f"{fmax(r):.0f} | {own(r) / own(ref):.2f}x | {common(r) / common(ref):.2f}x{slow} | "
              f"{f(r, 'energy_pj_per_mac') / f(ref, 'energy_pj_per_mac'):.2f}x |")


if __name__ == "__main__":
    main()
