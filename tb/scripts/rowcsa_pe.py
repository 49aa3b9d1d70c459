#!/usr/bin/env python3
"""Rewrites a generated int8 signed systolic-os OPT1 PE (booth encoding) so that its step is
the cheapest structural form we know for a simulator: the four Booth rows as words and a
row-wise carry-save tree of five word-wide 3:2 adders, in place of the bit-level Dadda tree.

Not a tpegen design: `make bench` uses it to show how fast any structural (gate-level, no `*`)
OPT1 PE can simulate in Verilator, next to the generated one. The rewritten PE keeps its ports,
timing and carry-save accumulator (a different sum/carry split of the same value), so the array
still passes the regression's GEMMs; the benchmark checks that it does.
usage: rowcsa_pe.py PE_FILE
"""
import sys


def rowcsa_step():
    rows = []
    for i in range(4):
        one, two_hi, neg = f"x[{2 * i}]", f"x[{2 * i + 1}]", f"a_g[{2 * i + 1}]"
        rows.append(f"  wire [8:0] r{i} = (({{9{{{one}}}}} & bx) | ({{9{{{two_hi} & ~{one}}}}} & b2))"
                    f" ^ {{~{neg}, {{8{{{neg}}}}}}};\n")
    # Digit i of a: one = a[2i] ^ a[2i-1], two = (a[2i+1] ^ a[2i]) & ~one, negative = a[2i+1];
    # each row's sign bit inverted, the constant -(2^8 + 2^10 + 2^12 + 2^14) added once, and
    # the rows' +1 for negative digits at bits 0, 2, 4, 6 of the same word.
    csa = []
    inputs = [("w0", "w1", "w2"), ("w3", "wk", "ws"), ("s1", "c1", "s2"), ("s3", "c3", "c2"), ("s4", "c4", "wc")]
    for n, (p, q, r) in enumerate(inputs, start=1):
        csa.append(f"  wire [31:0] x{n} = {p} ^ {q};\n  wire [31:0] s{n} = x{n} ^ {r};\n"
                   f"  wire [31:0] c{n} = {{({p}[30:0] & {q}[30:0]) | (x{n}[30:0] & {r}[30:0]), 1'b0}};\n")
    return ("  wire [8:0] bx = {b_i[7], b_i};\n  wire [8:0] b2 = {b_i, 1'b0};\n"
            "  wire [8:0] ae = {a_g, 1'b0};\n  wire [7:0] x = ae[8:1] ^ ae[7:0];\n" + "".join(rows) +
            "  wire [31:0] w0 = {23'h0, r0};\n  wire [31:0] w1 = {21'h0, r1, 2'h0};\n"
            "  wire [31:0] w2 = {19'h0, r2, 4'h0};\n  wire [31:0] w3 = {17'h0, r3, 6'h0};\n"
            "  wire [31:0] wk = 32'hffffab00 | {25'h0, a_g[7], 1'b0, a_g[5], 1'b0, a_g[3], 1'b0, a_g[1]};\n"
            "  wire [31:0] ws = first_g ? 32'h0 : acc_q[31:0];\n"
            "  wire [31:0] wc = first_g ? 32'h0 : acc_q[63:32];\n" + "".join(csa) +
            "  assign acc_d = {c5, s5};\n")


def main():
    path = sys.argv[1]
    text = open(path).read()
    for marker in ("// Output-stationary OPT1 PE", "  wire [31:0] t_in_a0;", "  wire [63:0] acc_d;",
                   "  assign t_in_a0 =", "  assign acc_d =", "wire [7:0] a_g;", "wire first_g;",
                   "input  wire [7:0]  b_i,"):
        if marker not in text:
            sys.exit(f"rowcsa_pe.py: {path} is not an int8 OPT1 systolic-os PE (no '{marker.strip()}')")
    text = text[:text.index("  wire [31:0] t_in_a0;")] + text[text.index("  wire [63:0] acc_d;"):]
    begin = text.index("  assign t_in_a0 =")
    end = text.index("\n", text.index("  assign acc_d =")) + 1
    open(path, "w").write(text[:begin] + rowcsa_step() + text[end:])


if __name__ == "__main__":
    main()
