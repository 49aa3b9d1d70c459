# --view behavioral: the OPT1 PE's behavioural twin (same ports and timing, + and *).
# Formal: the twin equals the structural PE at its ports (sum + carry of the carry-save
# pairs), proven by induction at small widths; a twin that differs (unsigned against a
# signed PE) must fail the proof. Regression: the golden GEMM check on twin arrays of each
# architecture with an OPT1 PE (lint, iverilog, yosys included).
add_test(NAME formal.twin_os_s3x3 COMMAND ${SCRIPTS}/formal_twin.sh ${TPEGEN_BIN} ${WORK}/formal/twin_os_s3x3
         "acc_q drain_q drain_o" --arch systolic-os --pe opt1 --rows 1 --cols 1 --a-width 3 --b-width 3
         --acc-width 8 --acc-wrap)
add_test(NAME formal.twin_os_shift_u3x4 COMMAND ${SCRIPTS}/formal_twin.sh ${TPEGEN_BIN} ${WORK}/formal/twin_os_shift
         "acc_q drain_o" --arch systolic-os --pe opt1 --drain shift --rows 1 --cols 1 --unsigned --a-width 3
         --b-width 4 --acc-width 9 --acc-wrap --encoding ent --use-42)
add_test(NAME formal.twin_ws_s4x3 COMMAND ${SCRIPTS}/formal_twin.sh ${TPEGEN_BIN} ${WORK}/formal/twin_ws_s4x3
         "psum_q psum_o" --arch systolic-ws --pe opt1 --rows 1 --cols 1 --a-width 4 --b-width 3 --acc-width 8
         --acc-wrap --encoding and --tree wallace)
add_test(NAME formal.twin_negative COMMAND ${SCRIPTS}/expect_failure.sh "formal: NOT proved"
         ${SCRIPTS}/formal_twin.sh ${TPEGEN_BIN} ${WORK}/formal/twin_negative "acc_q drain_q drain_o"
         --twin-flags --unsigned --arch systolic-os --pe opt1 --rows 1 --cols 1 --a-width 3 --b-width 3
         --acc-width 8 --acc-wrap)
set_tests_properties(formal.twin_os_s3x3 formal.twin_os_shift_u3x4 formal.twin_ws_s4x3 formal.twin_negative
                     PROPERTIES LABELS "formal")
tpegen_design_point(twin_os_4x4_s8      30 uniform      121 --arch systolic-os --pe opt1 --view behavioral --rows 4 --cols 4)
tpegen_design_point(twin_os_shift_3x5_u7x5 30 extremes  122 --arch systolic-os --pe opt1 --view behavioral --drain shift --rows 3 --cols 5 --unsigned --a-width 7 --b-width 5)
tpegen_design_point(twin_ws_5x3_s5x11   30 normal:0:30  123 --arch systolic-ws --pe opt1 --view behavioral --rows 5 --cols 3 --a-width 5 --b-width 11 --in-regs 1)
tpegen_design_point(twin_cube_2x2x2_u8  30 extremes     124 --arch cube --pe opt1 --view behavioral --rows 2 --cols 2 --depth 2 --unsigned)
tpegen_design_point(twin_tree_c3d5_s8   30 uniform      125 --arch mac-tree --pe opt1 --view behavioral --cols 3 --depth 5)
tpegen_design_point(twin_m2d_3x5x3_s8   30 uniform      126 --arch matrix2d --pe opt1 --view behavioral --rows 3 --cols 5 --depth 3)
tpegen_bad_input(view_value "--view = 'fast': valid values are structural, behavioral" generate --arch systolic-os --pe opt1 --view fast -o ${WORK}/bad/v1)
tpegen_bad_input(view_pe    "--view for --pe mac: it applies to --pe opt1" generate --arch systolic-os --view behavioral -o ${WORK}/bad/v2)
tpegen_bad_input(view_opt2  "--view behavioral for --pe opt2: it applies to --pe opt1 only" generate --arch cube --pe opt2 --view behavioral -o ${WORK}/bad/v3)
