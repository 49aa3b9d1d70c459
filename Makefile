# Thin wrapper around CMake/CTest and the tpegen CLI.
#   make demo   install what is missing, build tpegen, generate + simulate + synthesize the default design
#   make test   install what is missing, build, run the default tests (unit, RTL checks, regression)
#   make test-all  the default tests and the heavy points (`make test-heavy`: the heavy points only)
#   make test-findings  the tests that show known defects of the RTL (label "finding"; they fail until fixed)
#   make docs   the documentation site (MkDocs) into $(BUILD)/site
BUILD ?= build
JOBS  ?= 2
TPEGEN = $(BUILD)/generator/tpegen
DEMO  ?= $(BUILD)/demo

.PHONY: all deps build tpegen test test-heavy test-all test-findings unit rtl sim arith xsim demo docs bench bench-sweep formal compare-opt1 compare-opt234 golden-update docs-diagrams clean

all: build

deps:
	@generator/scripts/install_deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD)

test: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -LE 'heavy|finding'

test-heavy: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -L heavy

test-all: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -LE finding

test-findings: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -L finding

unit rtl sim arith xsim: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -L $@ -LE heavy

# Only the tpegen executable (not the unit tests).
tpegen: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) --target tpegen

demo: tpegen
	@tb/scripts/demo.sh $(TPEGEN) $(DEMO)

# The documentation site (mkdocs.yml; docs/) with every warning an error, as the docs.build test.
docs: deps
	mkdocs build --strict -f mkdocs.yml -d $(BUILD)/site

# Opt-in: yosys SAT proofs of every 8x8 multiplier (~90 s each) and 6x6 OPT1 step (~2 min each).
formal: build
	@for enc in and booth ent; do for sign in signed unsigned; do \
	  tb/scripts/formal_component.sh $(TPEGEN) $(BUILD)/formal8/mul_$${enc}_$${sign} --kind multiplier --encoding $$enc --$$sign || exit 1; \
	  tb/scripts/formal_component.sh $(TPEGEN) $(BUILD)/formal8/step_$${enc}_$${sign} --kind opt1-step --encoding $$enc --$$sign \
	    --a-width 6 --b-width 6 --acc-width 16 --acc-wrap || exit 1; \
	done; done

# Opt-in: tpegen multipliers (8, 12, 16 bits) and the int8 OPT1 step against behavioural a*b
# (a*b+c) through Yosys 0.23 and Yosys 0.55's booth pass (npm @yowasp/yosys into the build
# directory), sky130hd and nangate45, OpenSTA; CSV, Markdown and SVGs in $(BUILD)/compare-arith.
# Narrow it with WIDTHS, SIGNS, ENCODINGS, TREES, ADDERS, KINDS, LIBS (tb/scripts/compare_arith.sh).
.PHONY: compare-arith
compare-arith: build
	JOBS=$(JOBS) tb/scripts/compare_arith.sh $(TPEGEN) $(BUILD)/compare-arith

# Opt-in: gate-level energy per MAC of small arrays with and without --clock-gate at 100 % and
# 50 % input duty (tb/scripts/compare_clock_gate.sh); results.md in $(BUILD)/compare-clock-gate.
.PHONY: compare-clock-gate
compare-clock-gate: build
	JOBS=$(JOBS) tb/scripts/compare_clock_gate.sh $(TPEGEN) $(BUILD)/compare-clock-gate

# Opt-in: baseline vs OPT1 synthesized at the paper's sizes (sky130hd area, OpenSTA timing),
# then the table with the flip-flops per PE (compare_opt1.md).
compare-opt1: build
	$(TPEGEN) sweep synth/experiments/compare-opt1/sweep.json -j $(JOBS) --work $(BUILD)/compare-opt1 -o $(BUILD)/compare-opt1/out
	tb/scripts/pe_flops_table.py $(BUILD)/compare-opt1/out/results.csv $(BUILD)/compare-opt1 > $(BUILD)/compare-opt1/compare_opt1.md

bench: build
	tb/scripts/bench.sh $(TPEGEN) $(BUILD)/bench

# Opt-in: the same 8 points through the local and the Slurm executor (a one-node Slurm on
# localhost, root): Slurm's overhead per point and the expected time of 1,000 points.
bench-sweep: build
	tb/scripts/bench_sweep.sh $(TPEGEN) $(BUILD)/bench-sweep $(JOBS)

# tpegen on $(PREFIX)/bin, the data it reads under $(PREFIX)/share/tpegen.
PREFIX ?= /usr/local
.PHONY: install
install: tpegen
	cmake --install $(BUILD) --prefix $(PREFIX)

golden-update: build
	tb/scripts/check_generated.sh $(TPEGEN) . $(BUILD)/golden --update

# The architecture pictures of the docs (docs/img/<arch>.svg), drawn by tpegen diagram.
docs-diagrams: build
	tb/scripts/docs_diagrams.sh $(TPEGEN) . $(BUILD)/docs-diagrams

# The reference pages generated from the code (command line, config keys, architectures and
# module names, manifest); ctest docs.current fails when the committed ones differ.
.PHONY: docs-reference
docs-reference: build
	$(TPEGEN) docs --out docs/reference

clean:
	rm -rf $(BUILD)

# Opt-in: OPT2 (cube, matrix2d, mac-tree), OPT4C/OPT4E and the bit-slice OPT3 against their
# baselines (sky130 area, reg2reg fmax; results.md), then the OPT3 partial products per operand.
compare-opt234: build
	$(TPEGEN) sweep synth/experiments/compare-opt234/sweep.json -j $(JOBS) --work $(BUILD)/compare-opt234 -o $(BUILD)/compare-opt234/out
	tb/scripts/opt3_digit_table.sh $(TPEGEN) $(BUILD)/opt3-table

# Opt-in: the paper's comparison at the paper's sizes (baseline vs OPT1 on all five arrays, OPT2
# on cube/mac-tree/matrix2d, OPT4C, OPT4E, bit-slice vs Laconic), gate-level energy measured on
# each design's 2x2 slice (gate_slice 2), one fmax-search step; cached in $(BUILD)/sweep-paper,
# a rerun resumes. LIBERTY=FILE runs it on another library (e.g. nangate45).
LIBERTY ?=
.PHONY: sweep-paper
sweep-paper: build
	$(TPEGEN) sweep synth/experiments/paper-sky130hd/sweep.json -j $(JOBS) $(if $(LIBERTY),--liberty $(LIBERTY)) \
	  --work $(BUILD)/sweep-paper$(if $(LIBERTY),-$(notdir $(basename $(LIBERTY)))) \
	  -o $(BUILD)/sweep-paper$(if $(LIBERTY),-$(notdir $(basename $(LIBERTY))))/out

# Opt-in: issue 11 point 4, the arrays with each compressor tree and read-out adder (dadda or
# timing x brent-kung or timing) against their MAC baselines, area efficiency only (static
# activity, one fmax-search step), synth/experiments/paper-tree/sweep.json; the table in tree_table.md.
.PHONY: sweep-paper-tree
sweep-paper-tree: build
	$(TPEGEN) sweep synth/experiments/paper-tree/sweep.json -j $(JOBS) --work $(BUILD)/sweep-paper-tree -o $(BUILD)/sweep-paper-tree/out
	tb/scripts/tree_table.py $(BUILD)/sweep-paper-tree/out/results.csv | tee $(BUILD)/sweep-paper-tree/out/tree_table.md

# Opt-in: the paper's equal-area experiment at PE level (OPT4C columns and OPT4E groups against
# one MAC PE, gate-level energy), synth/experiments/equal-area/sweep.json; the table in equal_area.md.
.PHONY: sweep-equal-area
sweep-equal-area: build
	$(TPEGEN) sweep synth/experiments/equal-area/sweep.json -j $(JOBS) --work $(BUILD)/sweep-equal-area -o $(BUILD)/sweep-equal-area/out
	tb/scripts/equal_area_table.py $(BUILD)/sweep-equal-area/out/results.csv | tee $(BUILD)/sweep-equal-area/out/equal_area.md

# Opt-in: the OPT1/OPT2 rows of the paper sweep on uniform int8 operands (the reference
# testbenches' data) instead of normal(0,30).
.PHONY: sweep-paper-uniform
sweep-paper-uniform: build
	$(TPEGEN) sweep synth/experiments/paper-uniform/sweep.json -j $(JOBS) --work $(BUILD)/sweep-paper-uniform -o $(BUILD)/sweep-paper-uniform/out

# Opt-in: bit-slice cycles per int8 operand, Laconic baseline vs the paper's OPT3 version.
.PHONY: bitslice-table
bitslice-table: build
	tb/scripts/bitslice_cycle_table.sh $(TPEGEN) $(BUILD)/bitslice-table

# Opt-in: baseline vs OPT1/OPT2 multiplier-adder trees on FPGAs (Yosys synth_ice40/ecp5/xilinx,
# nextpnr-ice40 on the HX8K and UP5K); the README's FPGA table.
.PHONY: fpga-table
fpga-table: build
	tb/scripts/fpga_table.sh $(TPEGEN) $(BUILD)/fpga-table

# Record a run of synth/experiments/$(EXPERIMENT) (its raw results and run.json in a new
# runs/<date>_<commit>/ folder; LIBERTY=NAME|FILE overrides the experiment's library; an
# interrupted sweep resumes from build/experiments/$(EXPERIMENT)), then `make results`.
EXPERIMENT ?=
.PHONY: record results
record:
	@test -n "$(EXPERIMENT)" || { echo "make record: error: EXPERIMENT is required, one of: $$(ls synth/experiments | tr '\n' ' ')"; exit 2; }
	@$(MAKE) --no-print-directory build
	nice tb/scripts/record_run.py $(EXPERIMENT) --tpegen $(TPEGEN) --jobs $(JOBS) $(if $(LIBERTY),--liberty $(LIBERTY))

# docs/results/*.md from the committed runs (ctest docs.results_current checks they are current).
results:
	tb/scripts/results_pages.py
