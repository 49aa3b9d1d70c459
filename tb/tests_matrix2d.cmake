# matrix2d: three sizes (one non-square), both signedness modes, int8 and odd widths, the three
# operand distributions, pipeline registers and a wrapping accumulator. OPT1 (carry-save
# accumulation, bit-heap PEs) over the same sizes: every encoding, both trees, 4:2 compressors
# and each read-out adder appear somewhere in the matrix of the architectures. The mutant (a
# broken accumulator adder) must fail with element mismatches.
tpegen_design_point(m2d_4x4x2_s8 30 uniform      25 --arch matrix2d --rows 4 --cols 4 --depth 2)
tpegen_design_point(m2d_4x4x2_u8 30 extremes     26 --arch matrix2d --rows 4 --cols 4 --depth 2 --unsigned)
tpegen_design_point(m2d_3x5x3_s5x11 30 normal:0:30  27 --arch matrix2d --rows 3 --cols 5 --depth 3 --a-width 5 --b-width 11 --in-regs 1 --out-regs 1)
tpegen_design_point(m2d_3x5x3_u12x3 30 uniform      28 --arch matrix2d --rows 3 --cols 5 --depth 3 --unsigned --a-width 12 --b-width 3)
tpegen_design_point(m2d_16x16x4_s8 30  normal:0:30  29 --arch matrix2d)
tpegen_design_point(m2d_16x16x4_u8 30  uniform      30 --arch matrix2d --unsigned)
tpegen_design_point(opt1_m2d_2x2x2_s8   30 uniform      65 --arch matrix2d --pe opt1 --rows 2 --cols 2 --depth 2)
tpegen_design_point(opt1_m2d_2x2x2_u8   30 extremes     66 --arch matrix2d --pe opt1 --rows 2 --cols 2 --depth 2 --unsigned --encoding ent)
tpegen_design_point(opt1_m2d_4x3x2_s6x10 30 normal:0:20 67 --arch matrix2d --pe opt1 --rows 4 --cols 3 --depth 2 --a-width 6 --b-width 10 --encoding and --final-adder kogge-stone)
tpegen_design_point(opt1_m2d_4x3x2_u7x5 30 uniform      68 --arch matrix2d --pe opt1 --rows 4 --cols 3 --depth 2 --unsigned --a-width 7 --b-width 5 --use-42 --tree wallace)
tpegen_design_point(opt1_m2d_8x8x4_s8   30 normal:0:30  69 --arch matrix2d --pe opt1 --rows 8 --cols 8 --depth 4 --encoding ent)
tpegen_design_point(opt1_m2d_8x8x4_u8   30 uniform      70 --arch matrix2d --pe opt1 --rows 8 --cols 8 --depth 4 --unsigned)
tpegen_mutant(matrix2d --arch matrix2d --rows 2 --cols 2 --depth 2)
