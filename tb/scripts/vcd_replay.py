#!/usr/bin/env python3
"""Turns a Verilator run's VCD into a self-checking Verilog-2005 replay testbench.

The harness dumps two samples per clock cycle (model.hpp): at time 2c with clk_i = 0 and
the cycle's inputs applied, and at 2c+1 after the rising edge. This script takes the
top-level ports of that VCD (directions and widths from the design's manifest.json), writes
one $readmemh file per port and `replay_tb.v`, which resets the design as the harness does,
drives the recorded inputs and compares every output at both samples with what Verilator
computed (and the harness checked against the golden GEMM). So a second simulator,
independent of Verilator's scheduling and 2-state semantics, reproduces the run cycle by cycle.

Every control output (1 bit wide, or named *valid*/*ready*) must match at every sample. Any
other output is data: it must match whenever a bit of a `*valid*` output is expected high (or always, for a design
without one); with a single valid output of N > 1 bits (one per column) and a data output of N
equal lanes, only the lanes whose valid bit is high. Elsewhere it may differ (registers without reset start random in
Verilator and unknown in iverilog, and the protocol says the data means nothing then), and
such samples are counted, not compared.

usage: vcd_replay.py [--flip-first-result] MANIFEST VCD OUTDIR
  --flip-first-result  flips one bit of the first result Verilator produced, so the replay
                       must fail (the check's own mutation test)
"""
import json
import os
import sys


def read_vcd(path, names):
    """Values of the top-scope signals `names` at every timestamp: (times, {name: [value]})."""
    ids = {}
    depth = 0
    with open(path) as f:
        lines = iter(f)
        for line in lines:
            tok = line.split()
            if not tok:
                continue
            if tok[0] == "$scope":
                depth += 1
            elif tok[0] == "$upscope":
                depth -= 1
            elif tok[0] == "$var" and depth == 1:
                name = tok[4]
                if name in names and name not in ids.values():
                    ids.setdefault(tok[3], name)
            elif tok[0] == "$enddefinitions":
                break
        current = {n: "0" for n in names}
        times, samples = [], {n: [] for n in names}
        started = False
        for line in lines:
            line = line.strip()
            if not line:
                continue
            if line[0] == "#":
                if started:
                    for n in names:
                        samples[n].append(current[n])
                    times.append(stamp)
                stamp = int(line[1:])
                started = True
            elif line[0] in "bB":
                value, ident = line[1:].split()
                if ident in ids:
                    current[ids[ident]] = value
            elif line[0] in "01xXzZ" and line[1:] in ids:
                current[ids[line[1:]]] = line[0]
        if started:
            for n in names:
                samples[n].append(current[n])
            times.append(stamp)
    missing = sorted(set(names) - set(ids.values()))
    if missing:
        sys.exit(f"vcd_replay: ports not in the VCD's top scope: {', '.join(missing)}")
    return times, samples


def flip_first_result(ports, samples):
    """Flips bit 0 of the first data output in the first sample where a valid output is high."""
    valids = [p["name"] for p in ports if p["dir"] != "in" and "valid" in p["name"]]
    data = [p["name"] for p in ports if p["dir"] != "in" and p["width"] > 1 and "valid" not in p["name"]
            and "ready" not in p["name"]]
    if not valids or not data:
        sys.exit("vcd_replay: --flip-first-result needs a valid output and a data output")
    for i in range(len(samples[valids[0]])):
        if any("1" in samples[v][i] for v in valids):
            bits = samples[data[0]][i]
            samples[data[0]][i] = bits[:-1] + ("0" if bits[-1] == "1" else "1")
            return
    sys.exit("vcd_replay: no result in the run to flip")


def to_hex(bits, width):
    if any(b not in "01" for b in bits):
        sys.exit(f"vcd_replay: unknown value {bits} in a 2-state VCD")
    digits = (width + 3) // 4
    return format(int(bits, 2), f"0{digits}x")


def main():
    args = sys.argv[1:]
    flip = "--flip-first-result" in args
    args = [a for a in args if a != "--flip-first-result"]
    if len(args) != 3:
        sys.exit(__doc__)
    manifest = json.load(open(args[0]))
    outdir = args[2]
    ports = [p for p in manifest["ports"] if p["name"] not in ("clk_i",)]
    names = [p["name"] for p in ports]
    times, samples = read_vcd(args[1], names + ["clk_i"])
    # Keep the two samples of each cycle: clk_i = 0 (even) then clk_i = 1 (odd).
    if len(times) < 4 or len(times) % 2:
        sys.exit(f"vcd_replay: expected pairs of samples, got {len(times)}")
    for i, clk in enumerate(samples["clk_i"]):
        if clk != str(i % 2):
            sys.exit(f"vcd_replay: sample {i} has clk_i = {clk}, expected {i % 2}")
    cycles = len(times) // 2
    if flip:
        flip_first_result(ports, samples)
    os.makedirs(outdir, exist_ok=True)
    for p in ports:
        name, width = p["name"], p["width"]
        vals = samples[name]
        if p["dir"] == "in":
            rows = [to_hex(vals[2 * c], width) for c in range(cycles)]
            with open(os.path.join(outdir, f"in_{name}.hex"), "w") as f:
                f.write("\n".join(rows) + "\n")
        else:
            for phase in (0, 1):
                rows = [to_hex(vals[2 * c + phase], width) for c in range(cycles)]
                with open(os.path.join(outdir, f"out{phase}_{name}.hex"), "w") as f:
                    f.write("\n".join(rows) + "\n")
    write_tb(manifest["top"], ports, cycles, outdir)


def write_tb(top, ports, cycles, outdir):
    ins = [p for p in ports if p["dir"] == "in"]
    outs = [p for p in ports if p["dir"] != "in"]
    valids = [p["name"] for p in outs if "valid" in p["name"]]
    control = lambda p: p["width"] == 1 or "valid" in p["name"] or "ready" in p["name"]
    rng = lambda p: f"[{p['width'] - 1}:0] " if p["width"] > 1 else ""
    v = ["// Replays a Verilator run's ports in another simulator (written by vcd_replay.py).",
         "`timescale 1ns / 1ps", "module replay_tb;", f"  localparam integer Cycles = {cycles};",
         "  reg clk_i;"]
    for p in ins:
        v.append(f"  reg {rng(p)}{p['name']};")
        v.append(f"  reg {rng(p)}in_{p['name']} [0:Cycles-1];")
    for p in outs:
        v.append(f"  wire {rng(p)}{p['name']};")
        for phase in (0, 1):
            v.append(f"  reg {rng(p)}out{phase}_{p['name']} [0:Cycles-1];")
    conns = ",\n".join(f"    .{p['name']}({p['name']})" for p in [{"name": "clk_i"}] + ins + outs)
    v += [f"  {top} dut (", conns, "  );",
          "  integer c, errors, unknown, compared;", "  reg strict;"]
    # A valid bit per lane (column) of the data outputs: only valid lanes are compared.
    lane = None
    if len(valids) == 1:
        lane = next(p for p in outs if p["name"] == valids[0])
        if lane["width"] < 2:
            lane = None
        else:
            v.append(f"  reg [{lane['width'] - 1}:0] lane_valid;")
    # One check task per phase: Verilog-2005 tasks cannot take the memories as arguments.
    for phase in (0, 1):
        v.append(f"  task check{phase};")
        v.append("    begin")
        strict = " || ".join(f"(|out{phase}_{n}[c])" for n in valids) or "1'b1"
        v.append(f"      strict = {strict};")
        if lane:
            v.append(f"      lane_valid = out{phase}_{lane['name']}[c];")
        for p in outs:
            n = p["name"]
            data = "1'b0" if control(p) else "!strict"
            if lane and not control(p) and p["width"] % lane["width"] == 0:
                w = p["width"] // lane["width"]
                mask = ", ".join(f"{{{w}{{lane_valid[{j}]}}}}" for j in reversed(range(lane["width"])))
                v += [f"      compared = compared + 1;",
                      f"      if ((({n} ^ out{phase}_{n}[c]) & {{{mask}}}) !== {p['width']}'d0) begin",
                      "        errors = errors + 1;",
                      f"        if (errors <= 10) $display(\"MISMATCH cycle %0d clk_i=%0d {n}: iverilog %h, "
                      f"verilator %h\", c, {phase}, {n}, out{phase}_{n}[c]);",
                      f"      end else if ({n} !== out{phase}_{n}[c]) unknown = unknown + 1;"]
                continue
            v += [f"      compared = compared + 1;",
                  f"      if ({n} !== out{phase}_{n}[c]) begin",
                  f"        if ({data}) unknown = unknown + 1;",
                  "        else begin",
                  "          errors = errors + 1;",
                  f"          if (errors <= 10) $display(\"MISMATCH cycle %0d clk_i=%0d {n}: iverilog %h, "
                  f"verilator %h\", c, {phase}, {n}, out{phase}_{n}[c]);",
                  "        end", "      end"]
        v += ["    end", "  endtask"]
    v += ["  initial begin"]
    for p in ins:
        v.append(f"    $readmemh(\"in_{p['name']}.hex\", in_{p['name']});")
    for p in outs:
        for phase in (0, 1):
            v.append(f"    $readmemh(\"out{phase}_{p['name']}.hex\", out{phase}_{p['name']});")
    reset = [p["name"] for p in ins if p["name"] == "rst_ni"]
    v += ["    errors = 0; unknown = 0; compared = 0;",
          "    // Reset as the harness does (sim.hpp): two clock edges with rst_ni low."]
    for p in ins:
        v.append(f"    {p['name']} = 0;")
    v += ["    clk_i = 0; #1;", "    clk_i = 1; #1; clk_i = 0; #1;", "    clk_i = 1; #1; clk_i = 0; #1;"]
    if reset:
        v.append("    rst_ni = 1; #1;")
    v += ["    for (c = 0; c < Cycles; c = c + 1) begin", "      clk_i = 0;"]
    for p in ins:
        v.append(f"      {p['name']} = in_{p['name']}[c];")
    v += ["      #1 check0;", "      clk_i = 1;", "      #1 check1;", "    end",
          "    if (errors == 0)",
          "      $display(\"REPLAY OK: %0d cycles, %0d port samples equal, %0d data samples outside results differ (not compared)\","
          " Cycles, compared - unknown, unknown);",
          "    else $display(\"REPLAY FAILED: %0d of %0d port samples differ\", errors, compared);",
          "    $finish;", "  end", "endmodule", ""]
    with open(os.path.join(outdir, "replay_tb.v"), "w") as f:
        f.write("\n".join(v))


if __name__ == "__main__":
    main()
