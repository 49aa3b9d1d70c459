# The golden schedule (model/golden/schedule.hpp) proven on the bare engines' RTL: every
# architecture driven by tb/harness/driver_schedule.hpp (`tpegen sim --driver schedule`) from
# the descriptor its registry entry gives, with cycle-exact checks of every step and result.
# Random shapes of up to three tiles and two more, so M, N and K take every remainder; the
# k1 points fix K = 1. Small odd sizes: the Verilated models are small, and ccache shares them
# with the hand-driver points where the design is the same.
function(tpegen_sched_point name trials seed)
  add_test(NAME sim.sched_${name} COMMAND ${TPEGEN_BIN} sim ${ARGN} --driver schedule --trials ${trials} --dist uniform
           --seed ${seed} --build-opt 0 --work ${WORK}/sim/sched_${name})
  set_tests_properties(sim.sched_${name} PROPERTIES LABELS "sim")
endfunction()

tpegen_sched_point(os_3x2            40 101 --arch systolic-os --rows 3 --cols 2)
tpegen_sched_point(os_2x3_shift      40 102 --arch systolic-os --rows 2 --cols 3 --drain shift)
tpegen_sched_point(os_3x2_opt1_io    40 103 --arch systolic-os --rows 3 --cols 2 --pe opt1 --in-regs 1 --out-regs 1)
tpegen_sched_point(os_4x3_opt1_resolved 40 115 --arch systolic-os --rows 4 --cols 3 --pe opt1 --drain resolved)
tpegen_sched_point(ws_3x2            40 104 --arch systolic-ws --rows 3 --cols 2)
tpegen_sched_point(ws_4x2_io         40 116 --arch systolic-ws --rows 4 --cols 2 --in-regs 2 --out-regs 1 --unsigned)
tpegen_sched_point(ws_2x2_opt1       40 105 --arch systolic-ws --rows 2 --cols 2 --pe opt1)
# cols >= 3: a bank's row k is rewritten no sooner than cols - 1 + k cycles after its last row
# (timing weight_bank_rewrite_cycles); each of these lost results with "from the cycle after".
# 2x4: rows < cols - 1, where the rule, not the single write port, spaces the passes.
tpegen_sched_point(ws_3x4            40 117 --arch systolic-ws --rows 3 --cols 4)
tpegen_sched_point(ws_4x5            40 118 --arch systolic-ws --rows 4 --cols 5)
tpegen_sched_point(ws_2x4            40 119 --arch systolic-ws --rows 2 --cols 4)
tpegen_sched_point(ws_3x4_opt1_io    40 120 --arch systolic-ws --rows 3 --cols 4 --pe opt1 --in-regs 2 --out-regs 1)
tpegen_sched_point(cube_2x3x2        40 106 --arch cube --rows 2 --cols 3 --depth 2)
tpegen_sched_point(cube_3x2x2_opt2   40 107 --arch cube --rows 3 --cols 2 --depth 2 --pe opt2 --encoding ent)
tpegen_sched_point(tree_c3d2         40 108 --arch mac-tree --cols 3 --depth 2)
tpegen_sched_point(tree_c2d3_opt1    40 109 --arch mac-tree --cols 2 --depth 3 --pe opt1 --in-regs 1)
tpegen_sched_point(m2d_3x2x3         40 110 --arch matrix2d --rows 3 --cols 2 --depth 3)
tpegen_sched_point(opt4c_r2c3        40 111 --arch opt4c --rows 2 --cols 3)
tpegen_sched_point(opt4e_c3d2        40 112 --arch opt4e --cols 3 --depth 2)
tpegen_sched_point(bitslice_laconic_c3 40 113 --arch bitslice --pe laconic --cols 3)
tpegen_sched_point(bitslice_opt3_c2  40 114 --arch bitslice --pe opt3 --cols 2)
# K = 1: first_i and last_i on one step, every step a result.
tpegen_sched_point(k1_os_3x2          6 121 --arch systolic-os --rows 3 --cols 2 --gemm 7x1x5)
tpegen_sched_point(k1_ws_3x2          6 122 --arch systolic-ws --rows 3 --cols 2 --gemm 7x1x5)
tpegen_sched_point(k1_tree_c3d2       6 123 --arch mac-tree --cols 3 --depth 2 --gemm 4x1x7)
tpegen_sched_point(k1_opt4e_c3d2      6 124 --arch opt4e --cols 3 --depth 2 --gemm 3x1x4)

# The hand drivers against the golden schedule (--check-schedule): per trial, the operands each
# driver feeds, tile by tile, must be those of schedule() for the same GEMM (one point per family).
function(tpegen_check_schedule_point name seed)
  add_test(NAME sim.check_schedule_${name} COMMAND ${TPEGEN_BIN} sim ${ARGN} --check-schedule --trials 30 --dist uniform
           --seed ${seed} --build-opt 0 --work ${WORK}/sim/check_schedule_${name})
  set_tests_properties(sim.check_schedule_${name} PROPERTIES LABELS "sim")
endfunction()
tpegen_check_schedule_point(os_3x2       131 --arch systolic-os --rows 3 --cols 2)
tpegen_check_schedule_point(ws_3x2       132 --arch systolic-ws --rows 3 --cols 2)
tpegen_check_schedule_point(cube_2x3x2   133 --arch cube --rows 2 --cols 3 --depth 2)
tpegen_check_schedule_point(tree_c3d2    134 --arch mac-tree --cols 3 --depth 2)
tpegen_check_schedule_point(opt4e_c3d2   135 --arch opt4e --cols 3 --depth 2)
tpegen_check_schedule_point(bitslice_laconic_c3 136 --arch bitslice --pe laconic --cols 3)

# Once a finding (make test-findings): the schedule rewrote a weight bank one cycle after its
# last row, while PE(k, j) reads it k + j cycles after the row: with 2 x 3 PEs, 2x2x9 gave
# C[1][2] = A[1][0]*B[0][8] + A[1][1]*B[1][8] (the third tile's weights). The schedule now
# loads each weight row as early as the rule allows, where 2x2x9 no longer reaches the limit:
# 3x5x3 (two strips, three K rounds) does, and fails with the old rule (C[1][2]).
function(tpegen_ws_bank_rewrite name gemm)
  add_test(NAME sim.${name} COMMAND ${TPEGEN_BIN} sim --arch systolic-ws --rows 2 --cols 3 --driver schedule
           --gemm ${gemm} --trials 1 --seed 5 --build-opt 0 --work ${WORK}/sim/${name})
  set_tests_properties(sim.${name} PROPERTIES LABELS "sim")
endfunction()
tpegen_ws_bank_rewrite(ws_bank_rewrite 2x2x9)
tpegen_ws_bank_rewrite(ws_bank_rewrite_rounds 3x5x3)

tpegen_bad_input(sim_driver "invalid --driver = 'auto': valid values are hand, schedule" sim --arch cube --driver auto)
tpegen_bad_input(check_schedule_axi "invalid --check-schedule with --wrap axi: it traces the bare engine's inputs"
                 sim --arch cube --wrap axi --check-schedule)
tpegen_bad_input(sim_driver_duty "invalid --duty = 50 with --driver schedule: the schedule fixes every cycle; valid value is 100"
                 sim --arch cube --driver schedule --duty 50)
tpegen_bad_input(sim_driver_axi "invalid --driver = 'schedule' with --wrap axi: the schedule driver feeds the bare engine"
                 sim --arch cube --wrap axi --driver schedule)

# Opt-in (`make test-heavy`): further schedule points whose architecture, rule and PE the default
# points above already cover; the default run keeps one point per architecture, the systolic-ws
# rewrite rule at 3x4, 2x4 and over K rounds, K = 1 once, and two --check-schedule families
# (a cold `make test` went over 15 minutes with all of them).
set_property(TEST
  sim.sched_os_2x3_shift sim.sched_os_3x2_opt1_io sim.sched_os_4x3_opt1_resolved sim.sched_ws_3x2
  sim.sched_ws_4x2_io sim.sched_ws_2x2_opt1 sim.sched_ws_4x5 sim.sched_ws_3x4_opt1_io sim.sched_cube_3x2x2_opt2
  sim.sched_tree_c2d3_opt1 sim.sched_bitslice_opt3_c2 sim.sched_k1_ws_3x2 sim.sched_k1_tree_c3d2
  sim.sched_k1_opt4e_c3d2 sim.ws_bank_rewrite sim.check_schedule_cube_2x3x2 sim.check_schedule_tree_c3d2
  sim.check_schedule_opt4e_c3d2 sim.check_schedule_bitslice_laconic_c3
  APPEND PROPERTY LABELS heavy)
