# --wrap axi-gemm (AXI_DESIGN.md stage S2): the subsystem that owns the schedule, on
# systolic-os, systolic-ws and the dot-product grids (cube, matrix2d, mac-tree). rtl.axi_gemm_*: iverilog -g2005, yosys of the wrapped design (verilator -Wall: sim --lint);
# sim.axi_gemm_*: every job runs through the design's generated C driver (<top>_driver.c,
# compiled as C99 into the model); the host (tb/harness/axi_gemm_host.hpp) is its bus, with
# random tvalid/tready, gaps and long stalls, and checks every element against the golden GEMM,
# the driver's beats against the layout, the padding, tlast, the beat formulas, STEPS/RESULTS
# against the golden schedule, the SIZE refusals at the limits (the driver's and the
# hardware's) and ABORT during the input, the computation and the output.
function(tpegen_axi_gemm_point name trials seed)
  add_test(NAME rtl.axi_gemm_${name} COMMAND ${SCRIPTS}/check_rtl.sh ${TPEGEN_BIN} ${WORK}/rtl/axi_gemm_${name}
           --lint-in-sim --wrap axi-gemm ${ARGN})
  set_tests_properties(rtl.axi_gemm_${name} PROPERTIES LABELS "rtl")
  add_test(NAME sim.axi_gemm_${name} COMMAND ${TPEGEN_BIN} sim --wrap axi-gemm ${ARGN} --lint --trials ${trials}
           --seed ${seed} --build-opt 0 --work ${WORK}/sim/axi_gemm_${name})
  set_tests_properties(sim.axi_gemm_${name} PROPERTIES LABELS "sim")
endfunction()
tpegen_axi_gemm_point(os_3x2_opt1        8 1 --arch systolic-os --rows 3 --cols 2 --pe opt1 --axis-width 32)
tpegen_axi_gemm_point(os_2x3_shift       8 2 --arch systolic-os --rows 2 --cols 3 --drain shift --axis-width 64)
tpegen_axi_gemm_point(os_4x4             6 3 --arch systolic-os --rows 4 --cols 4 --axis-width 128)
# Two columns, four results per beat: the unloader packs two 2-column chunks into a beat.
tpegen_axi_gemm_point(os_2x2_w128        6 13 --arch systolic-os --rows 2 --cols 2 --axis-width 128)
# 8 x 8: results leave the engine up to 22 cycles after their step (ABORT must wait for them).
tpegen_axi_gemm_point(os_8x8             3 9 --arch systolic-os --rows 8 --cols 8 --axis-width 64)
# A wide bus (3 x 5: B words of lcm(5, 32) lanes in 5 sub-RAMs) and the narrowest one (8-bit
# elements, an 8-bit wrapping accumulator: K is not bounded by MAX_K).
tpegen_axi_gemm_point(os_3x5_w256        4 7 --arch systolic-os --rows 3 --cols 5 --axis-width 256)
tpegen_axi_gemm_point(os_2x2_w8          6 8 --arch systolic-os --rows 2 --cols 2 --a-width 4 --b-width 4
                      --acc-width 8 --acc-wrap --axis-width 8)
# One row, one column: the bank, tile-row and lane counters of width 1 that never wrap.
tpegen_axi_gemm_point(os_1x3_opt1        6 11 --arch systolic-os --rows 1 --cols 3 --pe opt1 --axis-width 64)
tpegen_axi_gemm_point(os_2x1_shift       6 12 --arch systolic-os --rows 2 --cols 1 --drain shift --axis-width 32)
tpegen_axi_gemm_point(os_3x2_opt1_res_u5 8 4 --arch systolic-os --rows 3 --cols 2 --pe opt1 --drain resolved
                      --a-width 5 --b-width 11 --unsigned --in-regs 1 --out-regs 1 --axis-width 32)
# K = 1 (every step ends a tile: the spacing rule alone paces the engine) and the largest job
# the buffers take.
add_test(NAME sim.axi_gemm_os_k1 COMMAND ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-os --rows 3 --cols 2
         --drain shift --axis-width 32 --gemm 7x1x5 --trials 2 --seed 5 --build-opt 0 --work ${WORK}/sim/axi_gemm_os_k1)
set_tests_properties(sim.axi_gemm_os_k1 PROPERTIES LABELS "sim")
add_test(NAME sim.axi_gemm_os_limits COMMAND ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-os --rows 3 --cols 2
         --axis-width 32 --gemm 96x64x64 --trials 1 --seed 6 --build-opt 0 --work ${WORK}/sim/axi_gemm_os_limits)
set_tests_properties(sim.axi_gemm_os_limits PROPERTIES LABELS "sim")
# The subsystem must be able to fail: a collector that drops the last column's results, an
# unloader that leaves stale lanes in C's padding, and (below) a sequencer without spacing.
add_test(NAME mutant.axi_gemm_collect COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-os --rows 3 --cols 2 --inject-bug gemm_collect --trials 4
         --build-opt 0 --work ${WORK}/mutant/axi_gemm_collect)
set_tests_properties(mutant.axi_gemm_collect PROPERTIES LABELS "sim")
add_test(NAME mutant.axi_gemm_pad COMMAND ${SCRIPTS}/expect_failure.sh "padding byte [0-9]+ is not 0"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-os --rows 2 --cols 3 --inject-bug gemm_pad --axis-width 64
         --trials 4 --build-opt 0 --work ${WORK}/mutant/axi_gemm_pad)
set_tests_properties(mutant.axi_gemm_pad PROPERTIES LABELS "sim")
# A sequencer that ignores the tile spacing (2R-1 cycles between last steps; --drain shift
# also before a first step): the results of consecutive tiles collide in the drain chains.
add_test(NAME mutant.axi_gemm_spacing COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-os --rows 3 --cols 2 --drain shift --inject-bug seq_spacing
         --trials 4 --build-opt 0 --work ${WORK}/mutant/axi_gemm_spacing)
set_tests_properties(mutant.axi_gemm_spacing PROPERTIES LABELS "sim")

# The dot-product grids: a whole tile per result, K padded to the tile's depth with zeros (the
# host's random row padding and B rows of earlier jobs must multiply as 0), mac-tree's weights
# loaded a cycle ahead (w_load_i). The seeds give K < depth, K not a multiple of depth and edge
# tiles along M and N among the trials. matrix2d 3x2x3 at 32 bits: A words of lcm(3, 4) lanes in
# 3 sub-RAMs, 3 B banks.
tpegen_axi_gemm_point(cube_2x2x2_opt2    8 1 --arch cube --rows 2 --cols 2 --depth 2 --pe opt2 --axis-width 32)
tpegen_axi_gemm_point(m2d_3x2x3_opt1     8 2 --arch matrix2d --rows 3 --cols 2 --depth 3 --pe opt1 --axis-width 32)
tpegen_axi_gemm_point(tree_c3d2          8 1 --arch mac-tree --cols 3 --depth 2 --axis-width 64)
# Opt-in (heavy): pipeline registers, 11/5-bit unsigned operands (2-byte A containers) and a
# depth-8 cube over a 64-bit bus; the narrowest bus (one element per beat) on mac-tree with a
# wrapping 8-bit accumulator; OPT2 matrix2d on a 128-bit bus; the 1x1x1 cube.
tpegen_axi_gemm_point(cube_4x3x8_u11x5_io 4 31 --arch cube --rows 4 --cols 3 --depth 8 --a-width 11 --b-width 5
                      --unsigned --in-regs 1 --out-regs 1 --axis-width 64)
tpegen_axi_gemm_point(tree_c4d4_w8       6 32 --arch mac-tree --cols 4 --depth 4 --a-width 4 --b-width 4 --acc-width 8
                      --acc-wrap --axis-width 8)
tpegen_axi_gemm_point(m2d_2x4x2_opt2_w128 6 33 --arch matrix2d --rows 2 --cols 4 --depth 2 --pe opt2 --axis-width 128)
tpegen_axi_gemm_point(cube_1x1x1         6 34 --arch cube --rows 1 --cols 1 --depth 1 --axis-width 32)
# The dot-grid path must be able to fail: the k >= K lanes fed unmasked (seq_pad), results
# closer than a tile's rows (seq_spacing, at K <= depth, where nothing else spaces them), the
# last column of each tile dropped (gemm_collect). Without the spacing a result comes while the
# collector still writes the previous tile's rows: it is lost and the job never ends.
add_test(NAME mutant.axi_gemm_cube_pad COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch cube --rows 2 --cols 2 --depth 2 --inject-bug seq_pad --trials 4
         --seed 1 --build-opt 0 --work ${WORK}/mutant/axi_gemm_cube_pad)
add_test(NAME mutant.axi_gemm_tree_pad COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch mac-tree --cols 3 --depth 2 --inject-bug seq_pad --trials 4
         --seed 1 --build-opt 0 --work ${WORK}/mutant/axi_gemm_tree_pad)
add_test(NAME mutant.axi_gemm_cube_spacing COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: no tlast on the output"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch cube --rows 2 --cols 2 --depth 2 --inject-bug seq_spacing --gemm 5x2x5
         --trials 2 --build-opt 0 --work ${WORK}/mutant/axi_gemm_cube_spacing)
add_test(NAME mutant.axi_gemm_m2d_collect COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch matrix2d --rows 3 --cols 2 --depth 3 --inject-bug gemm_collect
         --trials 4 --build-opt 0 --work ${WORK}/mutant/axi_gemm_m2d_collect)
set_tests_properties(mutant.axi_gemm_cube_pad mutant.axi_gemm_tree_pad mutant.axi_gemm_cube_spacing
                     mutant.axi_gemm_m2d_collect PROPERTIES LABELS "sim")
# Four new points in the default run (the three sims and rtl.axi_gemm_cube_2x2x2_opt2); the
# rest is opt-in, as the default run is over its time budget.
set_property(TEST rtl.axi_gemm_m2d_3x2x3_opt1 rtl.axi_gemm_tree_c3d2
             rtl.axi_gemm_cube_4x3x8_u11x5_io sim.axi_gemm_cube_4x3x8_u11x5_io
             rtl.axi_gemm_tree_c4d4_w8 sim.axi_gemm_tree_c4d4_w8
             rtl.axi_gemm_m2d_2x4x2_opt2_w128 sim.axi_gemm_m2d_2x4x2_opt2_w128
             rtl.axi_gemm_cube_1x1x1 sim.axi_gemm_cube_1x1x1
             mutant.axi_gemm_cube_pad mutant.axi_gemm_tree_pad mutant.axi_gemm_cube_spacing mutant.axi_gemm_m2d_collect
             APPEND PROPERTY LABELS heavy)

# systolic-ws (MInner): passes of a strip's rows per K round and column tile, weight rows into
# the two banks from the pass's first cycle, partial sums fed back from the C memory. The seeds
# give several K rounds, column tiles and strips, K not a multiple of rows, and rounds short
# enough that the sequencer must pad them (column tiles x pass period < latency + 2).
tpegen_axi_gemm_point(ws_3x2_opt1        8 1 --arch systolic-ws --rows 3 --cols 2 --pe opt1 --axis-width 32)
# Opt-in (heavy): rows < cols - 1 (the bank rule, not the rows, sets the pass period), one PE
# row, 11/5-bit unsigned operands with pipeline registers, a 256-bit bus, the narrowest bus with
# a wrapping 8-bit accumulator, an 8 x 8 array, K = 1 and the largest job.
tpegen_axi_gemm_point(ws_2x5_w64         6 3 --arch systolic-ws --rows 2 --cols 5 --axis-width 64)
tpegen_axi_gemm_point(ws_1x3_opt1        6 11 --arch systolic-ws --rows 1 --cols 3 --pe opt1 --axis-width 64)
tpegen_axi_gemm_point(ws_3x2_u11x5_io    6 4 --arch systolic-ws --rows 3 --cols 2 --pe opt1 --a-width 11 --b-width 5
                      --unsigned --in-regs 1 --out-regs 1 --axis-width 32)
tpegen_axi_gemm_point(ws_4x4_w256        4 7 --arch systolic-ws --rows 4 --cols 4 --axis-width 256)
tpegen_axi_gemm_point(ws_2x2_w8          6 8 --arch systolic-ws --rows 2 --cols 2 --a-width 4 --b-width 4 --acc-width 8
                      --acc-wrap --axis-width 8)
tpegen_axi_gemm_point(ws_8x8             3 9 --arch systolic-ws --rows 8 --cols 8 --axis-width 64)
add_test(NAME sim.axi_gemm_ws_k1 COMMAND ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-ws --rows 3 --cols 2
         --axis-width 32 --gemm 7x1x5 --trials 2 --seed 5 --build-opt 0 --work ${WORK}/sim/axi_gemm_ws_k1)
add_test(NAME sim.axi_gemm_ws_limits COMMAND ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-ws --rows 3 --cols 2
         --axis-width 32 --gemm 64x64x64 --trials 1 --seed 6 --build-opt 0 --work ${WORK}/sim/axi_gemm_ws_limits)
# The ws path must be able to fail: no round padding (seq_spacing: rows read partial sums
# not yet written), weight rows k >= K unmasked (seq_pad: A's padding meets stale weights),
# the last column dropped (gemm_collect).
add_test(NAME mutant.axi_gemm_ws_spacing COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-ws --rows 3 --cols 2 --pe opt1 --inject-bug seq_spacing
         --gemm 5x11x4 --trials 2 --build-opt 0 --work ${WORK}/mutant/axi_gemm_ws_spacing)
add_test(NAME mutant.axi_gemm_ws_pad COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-ws --rows 3 --cols 2 --inject-bug seq_pad --gemm 4x5x3
         --trials 2 --build-opt 0 --work ${WORK}/mutant/axi_gemm_ws_pad)
add_test(NAME mutant.axi_gemm_ws_collect COMMAND ${SCRIPTS}/expect_failure.sh "FAIL: trial [0-9]+: [0-9]+ of"
         ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-ws --rows 3 --cols 2 --inject-bug gemm_collect --trials 4
         --build-opt 0 --work ${WORK}/mutant/axi_gemm_ws_collect)
set_tests_properties(sim.axi_gemm_ws_k1 sim.axi_gemm_ws_limits mutant.axi_gemm_ws_spacing mutant.axi_gemm_ws_pad
                     mutant.axi_gemm_ws_collect PROPERTIES LABELS "sim")
# Two new points in the default run (sim and rtl ws_3x2_opt1); the rest is opt-in.
set_property(TEST rtl.axi_gemm_ws_2x5_w64 sim.axi_gemm_ws_2x5_w64 rtl.axi_gemm_ws_1x3_opt1 sim.axi_gemm_ws_1x3_opt1
             rtl.axi_gemm_ws_3x2_u11x5_io sim.axi_gemm_ws_3x2_u11x5_io rtl.axi_gemm_ws_4x4_w256 sim.axi_gemm_ws_4x4_w256
             rtl.axi_gemm_ws_2x2_w8 sim.axi_gemm_ws_2x2_w8 rtl.axi_gemm_ws_8x8 sim.axi_gemm_ws_8x8
             sim.axi_gemm_ws_k1 sim.axi_gemm_ws_limits
             mutant.axi_gemm_ws_spacing mutant.axi_gemm_ws_pad mutant.axi_gemm_ws_collect
             APPEND PROPERTY LABELS heavy)

# The header compiles (C99, -Wall -Werror) and its beat formulas give the documented counts.
# The generated C driver must be able to fail: it packs A's column 1 with its lowest bit
# flipped (--inject-bug driver_pack), so C differs from the golden GEMM.
add_test(NAME mutant.axi_gemm_driver_pack COMMAND ${SCRIPTS}/expect_failure.sh
         "FAIL: trial [0-9]+: [1-9][0-9]* of [0-9]+ elements differ" ${TPEGEN_BIN} sim --wrap axi-gemm --arch systolic-os
         --rows 3 --cols 2 --inject-bug driver_pack --gemm 4x5x3 --trials 2 --seed 1 --build-opt 0
         --work ${WORK}/mutant/axi_gemm_driver_pack)
set_tests_properties(mutant.axi_gemm_driver_pack PROPERTIES LABELS "sim;heavy")

# The header compiles (C99, -Wall -Werror) and its beat formulas give the documented counts;
# the C driver compiles warning-free as C99 and as C++ and refuses bad sizes by name.
add_test(NAME rtl.axi_gemm_header COMMAND ${SCRIPTS}/check_axi_gemm_header.sh ${TPEGEN_BIN} ${WORK}/rtl/axi_gemm_header
         --arch systolic-os --rows 3 --cols 2)
set_tests_properties(rtl.axi_gemm_header PROPERTIES LABELS "rtl")
tpegen_bad_input(axi_gemm_arch "--wrap = 'axi-gemm' for --arch opt4c: valid architectures are systolic-os, systolic-ws, cube, mac-tree, matrix2d \\(use"
                 generate --arch opt4c --wrap axi-gemm -o ${WORK}/bad/a)
tpegen_bad_input(axi_gemm_axis_width "--axis-width = 24 with --wrap axi-gemm: valid values are powers of two from 32"
                 generate --arch systolic-os --wrap axi-gemm --axis-width 24 -o ${WORK}/bad/a)
tpegen_bad_input(axi_gemm_bug_unwrapped "--inject-bug = 'gemm_pad'.*needs --wrap axi-gemm"
                 sim --arch systolic-os --inject-bug gemm_pad)
