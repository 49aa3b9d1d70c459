# K = 1 (first_i and last_i on the same step): the dot-product grids (cube; mac-tree with
# held weights, OPT2; matrix2d OPT2), a valid/ready column that pads K to E = 2 operands, and
# systolic-os (first_i and last_i skewed together). The same designs as other sim points, so
# only the GEMM shape is new (ccache reuses their Verilated C++).
function(tpegen_k1_point name gemm)
  add_test(NAME sim.k1_${name} COMMAND ${TPEGEN_BIN} sim ${ARGN} --gemm ${gemm} --trials 4 --dist extremes --seed 61
           --build-opt 0 --work ${WORK}/sim/k1_${name})
  set_tests_properties(sim.k1_${name} PROPERTIES LABELS "sim")
endfunction()
tpegen_k1_point(cube_2x2x2     5x1x3 --arch cube --rows 2 --cols 2 --depth 2)
tpegen_k1_point(opt2_tree_c2d2 3x1x5 --arch mac-tree --pe opt2 --cols 2 --depth 2 --encoding ent)
tpegen_k1_point(opt2_m2d_2x2x2 3x1x3 --arch matrix2d --pe opt2 --rows 2 --cols 2 --depth 2 --encoding ent)
tpegen_k1_point(opt4e_c3d2_s8  4x1x4 --arch opt4e --cols 3 --depth 2 --acc-width 6 --acc-wrap)
tpegen_k1_point(os_4x4_s8      5x1x6 --arch systolic-os --rows 4 --cols 4)
