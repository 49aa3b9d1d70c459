# OpenROAD-flow-scripts design configuration for tpe_opt4e_opt3_c32d4_s8x8_acc32, written by tpegen.
# Design: tpegen generate --arch opt4e --pe opt3 --cols 32 --depth 4 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32 --clock-period 10
# Run from ORFS's flow/ directory: make DESIGN_CONFIG=/path/to/this/config.mk
# (PLATFORM, CORE_UTILIZATION and PLACE_DENSITY may be overridden on that command line.)
export DESIGN_NAME = tpe_opt4e_opt3_c32d4_s8x8_acc32
export DESIGN_NICKNAME = tpe_opt4e_opt3_c32d4_s8x8_acc32
export PLATFORM ?= sky130hd
# The folder of this file, so the design can be moved as a whole.
export TPEGEN_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
export VERILOG_FILES = \
  $(TPEGEN_DIR)/rtl/tpe_ha.v \
  $(TPEGEN_DIR)/rtl/tpe_fa.v \
  $(TPEGEN_DIR)/rtl/tpe_c42.v \
  $(TPEGEN_DIR)/rtl/tpe_opt4e_opt3_c32d4_s8x8_acc32_enc.v \
  $(TPEGEN_DIR)/rtl/tpe_opt4e_opt3_c32d4_s8x8_acc32_pe.v \
  $(TPEGEN_DIR)/rtl/tpe_opt4e_opt3_c32d4_s8x8_acc32.v
export SDC_FILE = $(TPEGEN_DIR)/tpe_opt4e_opt3_c32d4_s8x8_acc32.sdc
export CORE_UTILIZATION ?= 40
export PLACE_DENSITY ?= 0.60
