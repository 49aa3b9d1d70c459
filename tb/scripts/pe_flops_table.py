#!/usr/bin/env python3
"""The table of `make record EXPERIMENT=compare-opt1`: each design of a finished `tpegen sweep`
against its baseline (the sweep's own ratios) with its flip-flops per PE, counted in the
hierarchical Yosys statistics the sweep kept for each point (WORK/points/NAME/stat_liberty.txt).

Flip-flops per PE: the liberty flip-flop cells (sky130 names hold `__df`) of the synthesized
module whose name ends in `_pe` (every systolic PE); "-" where the architecture has no such
module (its units are flattened into the top) or the point came from the sweep's cache.

usage: pe_flops_table.py RESULTS_CSV SWEEP_WORK
"""
import csv
import json
import os
import sys


def pe_flops(stat_path):
    """Flip-flops of one PE module, or None."""
    if not os.path.exists(stat_path):
        return None
    count, in_pe = 0, False
    with open(stat_path) as f:
        for line in f:
            fields = line.split()
            if line.startswith("=== ") and len(fields) > 1:
                in_pe = fields[1].endswith("_pe")
            elif in_pe and len(fields) == 2 and "__df" in fields[0] and fields[1].isdigit():
                count += int(fields[1])
    return count or None


def point_drain(work, name):
    """The drain the point was generated with ("" when the design has none)."""
    path = os.path.join(work, "points", name + ".config.json")
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return json.load(f).get("drain", "")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    results, work = sys.argv[1], sys.argv[2]
    with open(results, newline="") as f:
        rows = list(csv.DictReader(f))
    print("| architecture | drain | PE | cells | area µm² (sky130hd) | flip-flops per PE | reg2reg fmax MHz "
          "| area × | fmax × | area efficiency × |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        if r["status"] != "ok":
            print(f"| {r['arch']} | | {r['pe']} | failed: {r['error']} | | | | | | |")
            continue
        flops = pe_flops(os.path.join(work, "points", r["name"], "stat_liberty.txt"))
        ratio = lambda key: f"{float(r[key]):.2f}" if r.get(key) else "1.00"
        print(f"| {r['arch']} | {point_drain(work, r['name']) or '-'} | {r['pe']} | {r['cells']} "
              f"| {float(r['area_um2']):.0f} | {flops if flops else '-'} | {float(r['fmax_reg2reg_mhz']):.1f} "
              f"| {ratio('area_ratio')} | {ratio('fmax_ratio')} | {ratio('area_eff_ratio')} |")


if __name__ == "__main__":
    main()
