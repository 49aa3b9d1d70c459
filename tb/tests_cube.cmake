# cube: three sizes (one non-square), both signedness modes, int8 and odd widths, the three
# operand distributions, pipeline registers and a wrapping accumulator. OPT1 (carry-save
# accumulation, bit-heap PEs) over the same sizes: every encoding, both trees, 4:2 compressors
# and each read-out adder appear somewhere in the matrix of the architectures. The mutant (a
# broken accumulator adder) must fail with element mismatches.
tpegen_design_point(cube_2x2x2_s8 30 uniform     13 --arch cube --rows 2 --cols 2 --depth 2)
tpegen_design_point(cube_2x2x2_u8 30 extremes    14 --arch cube --rows 2 --cols 2 --depth 2 --unsigned)
tpegen_design_point(cube_4x3x2_s5x11 30 normal:0:30  15 --arch cube --rows 4 --cols 3 --depth 2 --a-width 5 --b-width 11 --out-regs 1)
tpegen_design_point(cube_4x3x2_u12x3 30 uniform      16 --arch cube --rows 4 --cols 3 --depth 2 --unsigned --a-width 12 --b-width 3)
tpegen_design_point(cube_8x8x8_s8 30 normal:0:30  17 --arch cube)
tpegen_design_point(cube_8x8x8_u8 30 extremes     18 --arch cube --unsigned --acc-width 16 --acc-wrap)
tpegen_design_point(opt1_cube_2x2x2_s8  30 uniform      53 --arch cube --pe opt1 --rows 2 --cols 2 --depth 2)
tpegen_design_point(opt1_cube_2x2x2_u8  30 extremes     54 --arch cube --pe opt1 --rows 2 --cols 2 --depth 2 --unsigned --encoding ent)
tpegen_design_point(opt1_cube_3x2x4_s6x10 30 normal:0:20 55 --arch cube --pe opt1 --rows 3 --cols 2 --depth 4 --a-width 6 --b-width 10 --encoding and --tree wallace)
tpegen_design_point(opt1_cube_3x2x4_u7x5 30 uniform     56 --arch cube --pe opt1 --rows 3 --cols 2 --depth 4 --unsigned --a-width 7 --b-width 5 --use-42 --final-adder ripple)
tpegen_design_point(opt1_cube_4x4x4_s8  30 normal:0:30  57 --arch cube --pe opt1 --rows 4 --cols 4 --depth 4 --encoding ent --final-adder kogge-stone)
tpegen_design_point(opt1_cube_4x4x4_u8  30 uniform      58 --arch cube --pe opt1 --rows 4 --cols 4 --depth 4 --unsigned)
tpegen_mutant(cube --arch cube --rows 2 --cols 2 --depth 2)
