# OPT2 (A encoded once per grid row, digits broadcast; one compressor tree per digit weight
# in each unit; final tree with the carry-save accumulator; CPA at read-out) in the
# dot-product grid architectures: three sizes (one non-square) x signed int8 and an unsigned
# odd width pair, booth and ent, both trees, 4:2 compressors and several read-out adders.
tpegen_design_point(opt2_cube_2x2x2_s8     30 uniform      81 --arch cube --pe opt2 --rows 2 --cols 2 --depth 2)
tpegen_design_point(opt2_cube_2x2x2_u7x5   30 extremes     82 --arch cube --pe opt2 --rows 2 --cols 2 --depth 2 --unsigned --a-width 7 --b-width 5 --encoding ent)
tpegen_design_point(opt2_cube_3x2x4_s8     30 extremes     83 --arch cube --pe opt2 --rows 3 --cols 2 --depth 4 --encoding ent --tree wallace --final-adder kogge-stone)
tpegen_design_point(opt2_cube_3x2x4_u5x11  30 uniform      84 --arch cube --pe opt2 --rows 3 --cols 2 --depth 4 --unsigned --a-width 5 --b-width 11 --use-42 --final-adder ripple --out-regs 1)
tpegen_design_point(opt2_cube_4x4x4_s8     30 normal:0:30  85 --arch cube --pe opt2 --rows 4 --cols 4 --depth 4)
tpegen_design_point(opt2_cube_4x4x4_u6x10  30 uniform      86 --arch cube --pe opt2 --rows 4 --cols 4 --depth 4 --unsigned --a-width 6 --b-width 10 --encoding ent)
tpegen_design_point(opt2_tree_c2d2_s8      30 uniform      87 --arch mac-tree --pe opt2 --cols 2 --depth 2 --encoding ent)
tpegen_design_point(opt2_tree_c2d2_u7x5    30 extremes     88 --arch mac-tree --pe opt2 --cols 2 --depth 2 --unsigned --a-width 7 --b-width 5)
tpegen_design_point(opt2_tree_c3d5_s8      30 extremes     89 --arch mac-tree --pe opt2 --cols 3 --depth 5 --use-42 --in-regs 1)
tpegen_design_point(opt2_tree_c3d5_u5x11   30 uniform      90 --arch mac-tree --pe opt2 --cols 3 --depth 5 --unsigned --a-width 5 --b-width 11 --encoding ent --tree wallace)
tpegen_design_point(opt2_tree_c4d8_s8      30 normal:0:30  91 --arch mac-tree --pe opt2 --cols 4 --depth 8 --encoding ent)
tpegen_design_point(opt2_tree_c4d8_u6x10   30 uniform      92 --arch mac-tree --pe opt2 --cols 4 --depth 8 --unsigned --a-width 6 --b-width 10 --final-adder behavioral)
tpegen_design_point(opt2_m2d_2x2x2_s8      30 uniform      93 --arch matrix2d --pe opt2 --rows 2 --cols 2 --depth 2 --encoding ent)
tpegen_design_point(opt2_m2d_2x2x2_u7x5    30 extremes     94 --arch matrix2d --pe opt2 --rows 2 --cols 2 --depth 2 --unsigned --a-width 7 --b-width 5)
tpegen_design_point(opt2_m2d_4x3x2_s8      30 extremes     95 --arch matrix2d --pe opt2 --rows 4 --cols 3 --depth 2 --final-adder kogge-stone)
tpegen_design_point(opt2_m2d_4x3x2_u5x11   30 uniform      96 --arch matrix2d --pe opt2 --rows 4 --cols 3 --depth 2 --unsigned --a-width 5 --b-width 11 --encoding ent --use-42 --in-regs 1 --out-regs 1)
tpegen_design_point(opt2_m2d_8x8x4_s8      30 normal:0:30  97 --arch matrix2d --pe opt2 --rows 8 --cols 8 --depth 4)
tpegen_design_point(opt2_m2d_8x8x4_u6x10   30 uniform      98 --arch matrix2d --pe opt2 --rows 8 --cols 8 --depth 4 --unsigned --a-width 6 --b-width 10 --encoding ent --tree wallace)
tpegen_mutant(opt2-cube --arch cube --pe opt2 --rows 2 --cols 2 --depth 2)
tpegen_bad_input(opt2_and "--encoding = 'and' for --pe opt2: valid values are booth, ent" generate --arch cube --pe opt2 --encoding and -o ${WORK}/bad/a)
