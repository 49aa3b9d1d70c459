# --wrap axi: every architecture (and the PE variants opt1, opt2, opt3, laconic) behind the
# AXI4-Stream / AXI4-Lite wrapper. rtl.axi_*: iverilog -g2005, yosys synth of
# the wrapped design (verilator -Wall: sim --lint); sim.axi_*: the unchanged drivers stream their engine steps through the
# wrapper (tb/harness/axi_sim.hpp) under random tvalid/tready with single-cycle gaps and long
# stalls, every element checked against the golden GEMM, plus STATUS/ERROR/STEPS/RESULTS and
# the refusal of bad sizes. Stream widths 8..64 bits: records of 1 to 40 beats.
function(tpegen_axi_point name trials seed)
  add_test(NAME rtl.axi_${name} COMMAND ${SCRIPTS}/check_rtl.sh ${TPEGEN_BIN} ${WORK}/rtl/axi_${name} --lint-in-sim --wrap axi ${ARGN})
  set_tests_properties(rtl.axi_${name} PROPERTIES LABELS "rtl")
  add_test(NAME sim.axi_${name} COMMAND ${TPEGEN_BIN} sim --wrap axi ${ARGN} --lint --trials ${trials} --seed ${seed}
           --build-opt 0 --work ${WORK}/sim/axi_${name})
  set_tests_properties(sim.axi_${name} PROPERTIES LABELS "sim")
endfunction()
tpegen_axi_point(os_3x2_opt1     6 1 --arch systolic-os --rows 3 --cols 2 --pe opt1 --axis-width 32)
tpegen_axi_point(ws_2x3_u8       6 2 --arch systolic-ws --rows 2 --cols 3 --unsigned --axis-width 16)
tpegen_axi_point(cube_2x2x2_opt2 6 3 --arch cube --rows 2 --cols 2 --depth 2 --pe opt2 --axis-width 64)
tpegen_axi_point(tree_c3d2       6 4 --arch mac-tree --cols 3 --depth 2 --axis-width 8)
tpegen_axi_point(m2d_2x2x2_o1    6 5 --arch matrix2d --rows 2 --cols 2 --depth 2 --out-regs 1 --axis-width 32)
tpegen_axi_point(opt4c_r2c2      6 6 --arch opt4c --rows 2 --cols 2 --axis-width 32)
tpegen_axi_point(opt4e_c2d2      6 7 --arch opt4e --cols 2 --depth 2 --axis-width 16)
tpegen_axi_point(bitslice_laconic_c2 6 8 --arch bitslice --pe laconic --cols 2 --axis-width 32)
# The wrapper itself must be able to fail: a serializer that counts a record's last beat as
# sent without tready loses records under backpressure.
add_test(NAME mutant.axi_drop COMMAND ${SCRIPTS}/expect_failure.sh "missing|FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi --arch cube --rows 2 --cols 2 --depth 2 --inject-bug axi_drop --trials 8
         --build-opt 0 --work ${WORK}/mutant/axi_drop)
set_tests_properties(mutant.axi_drop PROPERTIES LABELS "sim")
# The C header compiles (C99, -Wall -Werror) and defines the register map.
add_test(NAME rtl.axi_header COMMAND ${SCRIPTS}/check_axi_header.sh ${TPEGEN_BIN} ${WORK}/rtl/axi_header
         --arch systolic-ws --rows 2 --cols 2)
set_tests_properties(rtl.axi_header PROPERTIES LABELS "rtl")
tpegen_bad_input(wrap_unknown "--wrap = 'apb': valid values are none, axi, axi-gemm" generate --arch cube --wrap apb -o ${WORK}/bad/a)
tpegen_bad_input(axis_width "--axis-width = 12: valid values are multiples of 8 in 8..1024" generate --arch cube --wrap axi --axis-width 12 -o ${WORK}/bad/a)
tpegen_bad_input(axi_drop_unwrapped "--inject-bug = 'axi_drop'.*needs --wrap axi" sim --arch cube --inject-bug axi_drop)
