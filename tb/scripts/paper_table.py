#!/usr/bin/env python3
"""The paper comparison from a `tpegen sweep` of synth/experiments/paper-sky130hd/sweep.json: per
architecture the searched fmax (baseline -> OPT), the area-efficiency and energy-efficiency
ratios of OPT1/OPT2 against the baseline (energy efficiency = baseline pJ/MAC / design pJ/MAC,
> 1 is better), next to the paper's (SMIC 28 nm, spec's reference figures). With --clocks, two
more columns per ratio: area efficiency at the run's common clock (MACs/cycle x that clock /
area, the searched netlist's area; * marks a design whose fmax misses that clock), and energy efficiency at each design's own
fmax (its leakage energy per MAC rescaled from the common clock's period to its own; the
dynamic energy per MAC does not depend on the clock).

usage: paper_table.py [--clocks] RESULTS_CSV   (prints Markdown)
"""
import sys

from sweep_results import area, fmax, ok_rows

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
    clocks = "--clocks" in sys.argv[1:]
    path = [a for a in sys.argv[1:] if a != "--clocks"][0]
    rows = ok_rows(path)
    by_name = {r["name"]: r for r in rows}
    common = lambda r: float(r["macs_per_cycle"]) * 1000.0 / float(r["clock_period_ns"]) / area(r)

    def own_energy(r):  # leakage over the own period instead of the common one
        leak = float(r["energy_leakage_pj"] or 0)
        return float(r["energy_pj_per_mac"]) - leak + leak * (1000.0 / fmax(r)) / float(r["clock_period_ns"])

    head = ("| architecture (size) | searched fmax MHz base → opt | area eff. opt1 | area eff. opt2 | paper area eff. "
            "| energy eff. opt1 | energy eff. opt2 | paper energy eff. |")
    if clocks:
        head += " area eff. at the common clock opt1 / opt2 | energy eff. at own fmax opt1 / opt2 |"
    print(head)
    print("|---" * (10 if clocks else 8) + "|")
    for label, arch, size, paper_area, paper_energy in ROWS:
        mine = [r for r in rows if r["arch"] == arch and all(r[k] == v for k, v in size.items()) and r["baseline"]]
        if not mine:
            continue
        pes = {r["pe"]: r for r in mine}
        opt1 = pes.get("opt1") or pes.get("opt3")
        opt2 = pes.get("opt2")
        base = by_name[(opt1 or opt2)["baseline"]]
        opts = [r for r in (opt1, opt2) if r]
        none = "—" if arch in ("systolic-os", "systolic-ws") else ""
        cell = lambda r, k, inv=False: "" if not r or not r[k] else f"{(1 / float(r[k]) if inv else float(r[k])):.2f}×"
        line = (f"| {label} | {fmax(base):.0f} → {' / '.join(f'{fmax(r):.0f}' for r in opts)} | "
                f"{cell(opt1, 'area_eff_ratio')} | {cell(opt2, 'area_eff_ratio') or none} | "
                f"{paper_area} | {cell(opt1, 'energy_ratio', True)} | "
                f"{cell(opt2, 'energy_ratio', True) or none} | {paper_energy} |")
        if clocks:
            miss = lambda r: "*" if fmax(r) < 1000.0 / float(r["clock_period_ns"]) else ""  # misses the clock
            line += (" " + " / ".join(f"{common(r) / common(base):.2f}×{miss(r)}" for r in opts) + " | " +
                     " / ".join(f"{own_energy(base) / own_energy(r):.2f}×" for r in opts) + " |")
        print(line)


if __name__ == "__main__":
    main()
