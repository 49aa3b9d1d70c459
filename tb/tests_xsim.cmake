# Independent simulator: a small Verilator regression per architecture is recorded (VCD) and
# replayed in iverilog, which must produce every result and control output cycle for cycle
# (tb/scripts/iverilog_replay.sh, vcd_replay.py). About 10 s of CPU each, mostly the traced
# Verilator build (ports only: --vcd-depth 1); small sizes, 20 GEMMs.
function(tpegen_xsim name)
  add_test(NAME xsim.${name} COMMAND ${SCRIPTS}/iverilog_replay.sh ${TPEGEN_BIN} ${WORK}/xsim/${name} 20 ${ARGN})
  set_tests_properties(xsim.${name} PROPERTIES LABELS "xsim" PASS_REGULAR_EXPRESSION "REPLAY OK")
endfunction()
tpegen_xsim(os_mac       --arch systolic-os --rows 2 --cols 2)
tpegen_xsim(os_opt1_shift --arch systolic-os --pe opt1 --rows 3 --cols 2 --drain shift)
tpegen_xsim(ws_opt1      --arch systolic-ws --pe opt1 --rows 2 --cols 3)
tpegen_xsim(cube_opt2    --arch cube --pe opt2 --rows 2 --cols 2 --depth 2)
tpegen_xsim(tree_opt1    --arch mac-tree --pe opt1 --cols 2 --depth 3 --unsigned)
tpegen_xsim(m2d_mac      --arch matrix2d --rows 2 --cols 2 --depth 2 --in-regs 1)
tpegen_xsim(opt4c        --arch opt4c --rows 2 --cols 2)
tpegen_xsim(opt4e        --arch opt4e --cols 2 --depth 2)
tpegen_xsim(bitslice_laconic --arch bitslice --pe laconic --cols 2)
tpegen_xsim(bitslice_opt3 --arch bitslice --pe opt3 --cols 2 --unsigned)
tpegen_xsim(cg_os_opt1   --arch systolic-os --pe opt1 --rows 2 --cols 2 --clock-gate)
# The check can fail: one flipped result bit in Verilator's record must fail the replay.
add_test(NAME xsim.mutant_flip COMMAND env REPLAY_FLIP=1 ${SCRIPTS}/iverilog_replay.sh ${TPEGEN_BIN}
         ${WORK}/xsim/mutant_flip 5 --arch systolic-os --rows 2 --cols 2)
set_tests_properties(xsim.mutant_flip PROPERTIES LABELS "xsim" PASS_REGULAR_EXPRESSION "REPLAY FAILED: 1 of")
