# --tree timing (arrival-driven tree) and --final-adder timing, as the other trees are tested:
# exhaustive 8x8 multipliers and OPT1 steps in Verilator against the C++ model and a*b, random
# 16x16, Yosys-SAT proofs of 6x6 multipliers and a 4x4 step, bad input, and the compare-arith
# flow: `tpegen synth --from` an arith folder (4x4 components, netlists proved equal to their
# RTL) and the smoke point (one 4x4 multiplier, Yosys 0.23 only). Kept small: an OPT1 array
# point costs minutes of Verilator build; the arrays share the tree code these components exercise.
foreach(sign signed unsigned)
  add_test(NAME arith.mul_timing_${sign}_8x8 COMMAND ${SCRIPTS}/check_component.sh ${TPEGEN_BIN}
           ${WORK}/arith/mul_timing_${sign} exhaustive --kind multiplier --encoding booth --${sign}
           --tree timing --final-adder timing)
  add_test(NAME arith.step_timing_${sign}_8x8 COMMAND ${SCRIPTS}/check_component.sh ${TPEGEN_BIN}
           ${WORK}/arith/step_timing_${sign} exhaustive --kind opt1-step --encoding ent --${sign} --tree timing --use-42)
  set_tests_properties(arith.mul_timing_${sign}_8x8 arith.step_timing_${sign}_8x8 PROPERTIES LABELS "arith")
  add_test(NAME formal.mul_timing_${sign}_6x6 COMMAND ${SCRIPTS}/formal_component.sh ${TPEGEN_BIN}
           ${WORK}/formal/mul_timing_${sign} --kind multiplier --encoding booth --${sign} --a-width 6 --b-width 6
           --tree timing --final-adder timing)
  set_tests_properties(formal.mul_timing_${sign}_6x6 PROPERTIES LABELS "formal")
endforeach()
add_test(NAME formal.step_timing_4x4 COMMAND ${SCRIPTS}/formal_component.sh ${TPEGEN_BIN} ${WORK}/formal/step_timing
         --kind opt1-step --encoding and --signed --a-width 4 --b-width 4 --acc-width 10 --acc-wrap --tree timing)
add_test(NAME arith.mul_timing_and42_16x16 COMMAND ${SCRIPTS}/check_component.sh ${TPEGEN_BIN}
         ${WORK}/arith/mul16_timing 100000 --kind multiplier --encoding and --unsigned
         --a-width 16 --b-width 16 --tree timing --use-42 --final-adder timing)
set_tests_properties(arith.mul_timing_and42_16x16 PROPERTIES LABELS "arith")
set_tests_properties(formal.step_timing_4x4 PROPERTIES LABELS "formal")
tpegen_bad_input(tree_unknown "invalid --tree = 'fast': valid values are dadda, wallace, timing"
                 arith --tree fast -o ${WORK}/bad/tree)
tpegen_bad_input(delay_liberty_no_xor "has no XOR2 cell" arith --tree timing --delay-liberty
                 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/no_xor2.lib -o ${WORK}/bad/delays)
add_test(NAME synth.compare_arith_smoke COMMAND ${CMAKE_COMMAND} -E env WIDTHS=4 SIGNS=signed ENCODINGS=booth
         TREES=timing ADDERS=timing KINDS=multiplier LIBS=sky130hd YOWASP=off
         ${SCRIPTS}/compare_arith.sh ${TPEGEN_BIN} ${WORK}/compare_arith_smoke)
set_tests_properties(synth.compare_arith_smoke PROPERTIES LABELS "synth"
                     PASS_REGULAR_EXPRESSION "2 points: tpegen 1, yosys-0.23 1")
add_test(NAME synth.arith_from_dir COMMAND ${SCRIPTS}/check_arith_synth.sh ${TPEGEN_BIN} ${WORK}/arith_synth)
set_tests_properties(synth.arith_from_dir PROPERTIES LABELS "synth")
add_test(NAME formal.mul_behavioral_6x6 COMMAND ${SCRIPTS}/formal_component.sh ${TPEGEN_BIN} ${WORK}/formal/mul_behavioral
         --kind multiplier --behavioral --signed --a-width 6 --b-width 6)
set_tests_properties(formal.mul_behavioral_6x6 PROPERTIES LABELS "formal")
# synth --from a tpegen arith folder (testdata/arith_mul4: tpegen arith --a-width 4 --b-width 4).
set(ARITH_DIR ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/arith_mul4)
tpegen_bad_input(arith_synth_liberty "invalid --liberty = '/nonexistent.lib': cannot read the file"
                 synth --from ${ARITH_DIR} --liberty /nonexistent.lib --work ${WORK}/bad/arith_synth)
tpegen_bad_input(arith_synth_flag "invalid --rows with --from = '.*arith_mul4': a tpegen arith folder takes only --liberty, --yosys, --booth, --work and --json"
                 synth --from ${ARITH_DIR} --rows 4)
tpegen_bad_input(arith_synth_yosys "invalid --yosys = '/nonexistent/yosys': not an executable file"
                 synth --from ${ARITH_DIR} --yosys /nonexistent/yosys --work ${WORK}/bad/arith_synth)
tpegen_bad_input(arith_synth_booth "invalid --booth: it applies only with --from a folder written by tpegen arith"
                 synth --arch cube --booth)
# --booth on Debian 12's Yosys 0.23, which has no booth pass: the error says what to do.
add_test(NAME synth.arith_booth_old_yosys COMMAND ${SCRIPTS}/expect_failure.sh "--booth needs a Yosys whose synth takes -booth"
         ${TPEGEN_BIN} synth --from ${ARITH_DIR} --booth --work ${WORK}/synth/arith_booth_old_yosys)
set_tests_properties(synth.arith_booth_old_yosys PROPERTIES LABELS "synth")
tpegen_bad_input(arith_synth_files "invalid --from = '.*arith_broken': files.f lists rtl/missing.v, which is missing"
                 synth --from ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/arith_broken)
tpegen_bad_input(arith_behavioral_tree "invalid --tree with --behavioral: the behavioural reference leaves the arithmetic to the synthesis tool; drop --tree"
                 arith --behavioral --tree wallace -o ${WORK}/bad/beh)
