# OPT4E (OPT4C extended along K: E = depth operands per handshake into E sparse encoders,
# one CSA tree per PE): 1 to 8 PEs, one point with rows, E = 1, 2, 3, 4, 8 (so E rarely
# divides the random K: zero padding), signed int8, unsigned 7x5 and int8, signed 12x6, the
# distributions normal(0,10), normal(0,30), normal(0,50), uniform and extremes, wrapping
# accumulators (one narrower than the top digit weight and B: dropped input bits). The driver
# checks every element, a_ready_o against the slowest operand's EN-T digit count of every
# step and every result's cycle; it prints partial products per operand and cycles per k step.
tpegen_design_point(opt4e_c1d4_s8      30 normal:0:10  201 --arch opt4e --cols 1)
tpegen_design_point(opt4e_c4d3_u7x5    30 uniform      202 --arch opt4e --cols 4 --depth 3 --unsigned --a-width 7 --b-width 5)
tpegen_design_point(opt4e_c8d4_s8      30 normal:0:50  203 --arch opt4e --cols 8)
tpegen_design_point(opt4e_r2c3d2_s12x6 30 extremes     204 --arch opt4e --rows 2 --cols 3 --depth 2 --a-width 12 --b-width 6)
tpegen_design_point(opt4e_c5d8_u8      30 uniform      205 --arch opt4e --cols 5 --depth 8 --unsigned --acc-width 20 --acc-wrap)
tpegen_design_point(opt4e_c2d1_s8      30 normal:0:30  206 --arch opt4e --cols 2 --depth 1)
tpegen_design_point(opt4e_c3d2_s8_w6   30 normal:0:30  207 --arch opt4e --cols 3 --depth 2 --acc-width 6 --acc-wrap)
tpegen_mutant(opt4e --arch opt4e --cols 2 --depth 2)
tpegen_bad_input(opt4e_out_regs "--out-regs = 1: architecture opt4e has a valid/ready handshake" generate --arch opt4e --out-regs 1 -o ${WORK}/bad/a)
# The lock step itself: encoders that take operands on their own (--inject-bug lockstep) must
# fail the regression with element mismatches.
foreach(m "opt4e_lockstep;--arch;opt4e;--cols;2;--depth;2" "opt4c_lockstep;--arch;opt4c;--rows;2;--cols;2")
  list(POP_FRONT m name)
  add_test(NAME mutant.${name} COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
           ${TPEGEN_BIN} sim ${m} --inject-bug lockstep --trials 20 --build-opt 0 --work ${WORK}/mutant/${name})
  set_tests_properties(mutant.${name} PROPERTIES LABELS "sim")
endforeach()
# Formal: Yosys SAT proves the OPT4E step tree (2 digit streams, 4x3 bits, 8-bit wrapping
# accumulator) against (first ? 0 : s + c) + sum_e digit_e * b_e * 4^pos_e for every legal
# input (17 s signed, 26 s unsigned).
foreach(sign signed unsigned)
  add_test(NAME formal.opt4e_step_${sign}_e2_4x3 COMMAND ${SCRIPTS}/formal_component.sh ${TPEGEN_BIN}
           ${WORK}/formal/opt4e_step_${sign} --kind opt4e-step --${sign} --a-width 4 --b-width 3 --streams 2
           --acc-width 8 --acc-wrap)
  set_tests_properties(formal.opt4e_step_${sign}_e2_4x3 PROPERTIES LABELS "formal")
endforeach()
tpegen_bad_input(arith_opt4e_vectors "opt4e-step has no test vectors" arith --kind opt4e-step --vectors 10 -o ${WORK}/bad/a)
tpegen_bad_input(arith_streams "--streams = 0: valid range is 1..16" arith --kind opt4e-step --streams 0 -o ${WORK}/bad/a)
