# Known Verilator miscompiles (README "Known tool bugs"), reduced: each case must pass with the
# work-around tpegen hands users (the FuseSoC .core's Verilator options; `tpegen sim` adds the
# same flags for the Verilator versions that need them, which sim.opt1_ws_5x3_u7x5 exercises).
add_test(NAME rtl.verilator_bug_bitoptree
         COMMAND ${SCRIPTS}/check_verilator_bug.sh ${TPEGEN_BIN} ${WORK}/toolbugs/bitoptree
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilator_bugs/bitoptree_xor_not.v)
set_tests_properties(rtl.verilator_bug_bitoptree PROPERTIES LABELS "rtl")
