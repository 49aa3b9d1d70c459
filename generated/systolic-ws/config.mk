# OpenROAD-flow-scripts design configuration for tpe_systolic_ws_mac_r16c16_s8x8_acc32, written by tpegen.
# Design: tpegen generate --arch systolic-ws --pe mac --rows 16 --cols 16 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32 --clock-period 10
# Run from ORFS's flow/ directory: make DESIGN_CONFIG=/path/to/this/config.mk
# (PLATFORM, CORE_UTILIZATION and PLACE_DENSITY may be overridden on that command line.)
export DESIGN_NAME = tpe_systolic_ws_mac_r16c16_s8x8_acc32
export DESIGN_NICKNAME = tpe_systolic_ws_mac_r16c16_s8x8_acc32
export PLATFORM ?= sky130hd
# The folder of this file, so the design can be moved as a whole.
export TPEGEN_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
export VERILOG_FILES = \
  $(TPEGEN_DIR)/rtl/tpe_pipe.v \
  $(TPEGEN_DIR)/rtl/tpe_pipe_rst.v \
  $(TPEGEN_DIR)/rtl/tpe_systolic_ws_mac_r16c16_s8x8_acc32_pe.v \
  $(TPEGEN_DIR)/rtl/tpe_systolic_ws_mac_r16c16_s8x8_acc32.v
export SDC_FILE = $(TPEGEN_DIR)/tpe_systolic_ws_mac_r16c16_s8x8_acc32.sdc
export CORE_UTILIZATION ?= 40
export PLACE_DENSITY ?= 0.60
