# --clock-gate (idle state on latch-based clock gates instead of enables): every architecture
# family at a small size with data in about half of the cycles (--duty 50, on top of the
# drivers' own bubbles), signed and unsigned, each drain option, the AXI wrapper; the
# Verilator regression checks results and their cycles, the RTL checks lint the gated
# clocks (tests_xsim.cmake replays one in iverilog). The mutant lets every gate pass the clock, so
# held state is lost in idle cycles; the synthesis check maps the gate to the liberty's cell.
function(tpegen_cg_point name trials dist seed)
  # The gated design itself (until this test named --clock-gate, it checked the ungated one).
  add_test(NAME rtl.${name} COMMAND ${SCRIPTS}/check_rtl.sh ${TPEGEN_BIN} ${WORK}/rtl/${name} --lint-in-sim ${ARGN}
           --clock-gate)
  set_tests_properties(rtl.${name} PROPERTIES LABELS "rtl")
  add_test(NAME sim.${name} COMMAND ${TPEGEN_BIN} sim ${ARGN} --clock-gate --lint --duty 50 --trials ${trials} --dist ${dist}
           --seed ${seed} --build-opt 0 --work ${WORK}/sim/${name})
  set_tests_properties(sim.${name} PROPERTIES LABELS "sim")
endfunction()
tpegen_cg_point(cg_os_3x4_s8       20 uniform     201 --arch systolic-os --rows 3 --cols 4)
tpegen_cg_point(cg_os_opt1_3x2_u8  20 normal:0:30 202 --arch systolic-os --pe opt1 --rows 3 --cols 2 --unsigned)
tpegen_cg_point(cg_os_shift_2x3_s8 20 extremes    203 --arch systolic-os --pe opt1 --drain shift --rows 2 --cols 3)
tpegen_cg_point(cg_os_res_2x2_s8   20 uniform     204 --arch systolic-os --pe opt1 --drain resolved --rows 2 --cols 2)
tpegen_cg_point(cg_ws_opt1_3x2_s8  20 normal:0:30 205 --arch systolic-ws --pe opt1 --rows 3 --cols 2)
tpegen_cg_point(cg_cube_opt2_2x2x2 20 uniform     206 --arch cube --pe opt2 --rows 2 --cols 2 --depth 2)
tpegen_cg_point(cg_tree_c2d3_u8    20 extremes    207 --arch mac-tree --cols 2 --depth 3 --unsigned)
tpegen_cg_point(cg_opt4c_c3_s8     20 normal:0:30 208 --arch opt4c --cols 3)
tpegen_cg_point(cg_bitslice_c2_s8  20 uniform     209 --arch bitslice --pe opt3 --cols 2)
tpegen_cg_point(cg_os_axi_2x2_s8   10 uniform     210 --arch systolic-os --rows 2 --cols 2 --wrap axi)
add_test(NAME mutant.clock_gate COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --arch systolic-os --rows 2 --cols 2 --clock-gate --inject-bug clock_gate --duty 50
         --trials 20 --build-opt 0 --work ${WORK}/mutant/clock_gate)
set_tests_properties(mutant.clock_gate PROPERTIES LABELS "sim")
add_test(NAME synth.clock_gate COMMAND ${SCRIPTS}/check_clock_gate.sh ${TPEGEN_BIN} ${WORK}/synth/clock_gate ${SKY130_LIB})
set_tests_properties(synth.clock_gate PROPERTIES LABELS "synth" SKIP_RETURN_CODE 77 PASS_REGULAR_EXPRESSION "check_clock_gate: PASS")
tpegen_bad_input(clock_gate_fpga "--clock-gate with --target ice40: FPGA flip-flops have clock enables"
                 synth --arch cube --rows 2 --cols 2 --depth 2 --clock-gate --target ice40)
tpegen_bad_input(clock_gate_no_icg "--clock-gate: the liberty file .*no_clock_gate.lib has no usable integrated clock-gating cell"
                 synth --arch cube --rows 2 --cols 2 --depth 2 --clock-gate --liberty ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/no_clock_gate.lib)
tpegen_bad_input(clock_gate_bug "--inject-bug = 'clock_gate': it breaks the clock gates, so it needs --clock-gate"
                 generate --arch cube --inject-bug clock_gate -o ${WORK}/bad/cg)
tpegen_bad_input(duty "--duty = 0: valid range is 1..100" sim --arch cube --duty 0)
tpegen_bad_input(activity_duty "--activity-duty = 101: valid range is 1..100" synth --arch cube --activity sim --activity-duty 101)
tpegen_bad_input(sweep_dist_static "activity_dist of point .* = 'uniform' with activity static: it applies to activity sim or gate only"
                 sweep ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/dist_static.json --work ${WORK}/bad/dist_static)
