#!/usr/bin/env python3
"""Issue 11 point 4: the arrays' area efficiency per compressor tree and read-out adder, from a
`tpegen sweep` of synth/experiments/paper-tree/sweep.json (`make sweep-paper-tree`). One row per bit-weight
design: its area efficiency against its MAC baseline (same size and drain; the searched fmax
and that netlist's area) for each configuration, the change against dadda / brent-kung (the
default until this sweep) in brackets, and for timing / timing the change of area and fmax.

usage: tree_table.py RESULTS_CSV   (prints Markdown)
"""
import re
import sys

from sweep_results import area, fmax, ok_rows

# (tree, read-out adder as the design name abbreviates it): the old default first, the new last.
CONFIGS = [("dadda", "bk"), ("dadda", "ta"), ("timing", "bk"), ("timing", "ta")]
DEFAULT, NEW = CONFIGS[0], CONFIGS[-1]
ADDERS = {"bk": "brent-kung", "ta": "timing"}


def config(name):
    m = re.search(r"_booth_([a-z]+)_([a-z]+)_", name)
    return (m.group(1), m.group(2)) if m else None


def main():
    rows = ok_rows(sys.argv[1])
    designs = {}
    for r in rows:
        cfg = config(r["name"])
        if cfg and r["area_eff_ratio"]:
            key = (r["name"].replace(f"_booth_{cfg[0]}_{cfg[1]}_", "_booth_"), r["pe"])
            designs.setdefault(key, {})[cfg] = r
    names = [f"{t} / {ADDERS[a]}" for t, a in CONFIGS]
    print("| architecture | PE | " + " | ".join(f"area eff. {n}" for n in names) +
          " | timing / timing: Δ area, Δ fmax |")
    print("|---" * (3 + len(CONFIGS)) + "|")
    for (key, pe), by_cfg in designs.items():
        base = by_cfg.get(DEFAULT)
        arch = by_cfg[next(iter(by_cfg))]["arch"] + (" (drain shift)" if "_dshift" in key else "")
        cells = []
        for cfg in CONFIGS:
            r = by_cfg.get(cfg)
            eff = f"{float(r['area_eff_ratio']):.2f}×" if r else "—"
            if r and base and r is not base:
                eff += f" ({(float(r['area_eff_ratio']) / float(base['area_eff_ratio']) - 1) * 100:+.1f} %)"
            cells.append(eff)
        new = by_cfg.get(NEW)
        delta = (f"{(area(new) / area(base) - 1) * 100:+.1f} %, {(fmax(new) / fmax(base) - 1) * 100:+.1f} %"
                 if new and base else "—")
        print(f"| {arch} | {pe} | " + " | ".join(cells) + f" | {delta} |")


if __name__ == "__main__":
    main()
