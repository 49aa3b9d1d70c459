"""A `tpegen sweep` results.csv as the results table scripts read it: the points that
synthesized, and the fmax and area the sweep's own ratios use (with an fmax search, its best
clock and that netlist's area; otherwise the plain run's)."""
import csv


def ok_rows(path):
    return [r for r in csv.DictReader(open(path)) if r["status"] == "ok"]


def fmax(r):
    return float(r["fmax_search_mhz"] or r["fmax_mhz"])


def area(r):
    return float(r["fmax_search_area_um2"] or r["area_um2"])
