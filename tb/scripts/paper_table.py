#!/usr/bin/env python3
"""The README's paper comparison from a `tpegen sweep` of synth/paper_sweep.json: per
architecture the searched fmax (baseline -> OPT), the area-efficiency and energy-efficiency
ratios of OPT1/OPT2 against the baseline (energy efficiency = baseline pJ/MAC / design pJ/MAC,
> 1 is better), next to the paper's (SMIC 28 nm, spec's reference figures).

usage: paper_table.py RESULTS_CSV   (prints Markdown)
"""
import csv
import sys

# (label, arch, size keys, paper area eff., paper energy eff.)
ROWS = [
    ("systolic-os 16×16", "systolic-os", {"rows": "16", "cols": "16"}, "1.27×", "1.04×"),
    ("systolic-ws 16×16", "systolic-ws", {"rows": "16", "cols": "16"}, "1.27×", "1.04×"),
    ("cube 8×8×8", "cube", {"rows": "8", "cols": "8", "depth": "8"}, "1.28×", "1.56×"),
    ("mac-tree 16 units × K16", "mac-tree", {"cols": "16", "depth": "16"}, "1.56×", "1.49×"),
    ("matrix2d 16×16×4", "matrix2d", {"rows": "16", "cols": "16", "depth": "4"}, "1.44×", "1.20×"),
    ("bit-slice opt3 vs Laconic (N=16)", "bitslice", {"cols": "16"}, "2.85×", "12.10×"),
    ("opt4c 32 PEs vs a row of 32 MAC PEs", "opt4c", {"cols": "32"}, "—", "—"),
    ("opt4e 32 × E4 vs a 32 × K4 multiplier-adder tree", "opt4e", {"cols": "32", "depth": "4"}, "—", "—"),
]


def main():
    rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["status"] == "ok"]
    by_name = {r["name"]: r for r in rows}
    fmax = lambda r: float(r["fmax_search_mhz"] or r["fmax_mhz"])
    print("| architecture (size) | searched fmax MHz base → opt | area eff. opt1 | area eff. opt2 | paper area eff. "
          "| energy eff. opt1 | energy eff. opt2 | paper energy eff. |")
    print("|---|---|---|---|---|---|---|---|")
    for label, arch, size, paper_area, paper_energy in ROWS:
        mine = [r for r in rows if r["arch"] == arch and all(r[k] == v for k, v in size.items()) and r["baseline"]]
        if not mine:
            continue
        pes = {r["pe"]: r for r in mine}
        opt1 = pes.get("opt1") or pes.get("opt3")
        opt2 = pes.get("opt2")
        base = by_name[(opt1 or opt2)["baseline"]]
        opts = [r for r in (opt1, opt2) if r]
        cell = lambda r, k, inv=False: "" if not r or not r[k] else f"{(1 / float(r[k]) if inv else float(r[k])):.2f}×"
        print(f"| {label} | {fmax(base):.0f} → {' / '.join(f'{fmax(r):.0f}' for r in opts)} | "
              f"{cell(opt1, 'area_eff_ratio')} | {cell(opt2, 'area_eff_ratio') or ('—' if arch in ('systolic-os', 'systolic-ws') else '')} | "
              f"{paper_area} | {cell(opt1, 'energy_ratio', True)} | "
              f"{cell(opt2, 'energy_ratio', True) or ('—' if arch in ('systolic-os', 'systolic-ws') else '')} | {paper_energy} |")


if __name__ == "__main__":
    main()
