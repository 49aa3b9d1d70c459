# systolic-ws: three sizes (one non-square), both signedness modes, int8 and odd widths, the three
# operand distributions, pipeline registers and a wrapping accumulator. OPT1 (carry-save
# accumulation, bit-heap PEs) over the same sizes: every encoding, both trees, 4:2 compressors
# and each read-out adder appear somewhere in the matrix of the architectures. The mutant (a
# broken accumulator adder) must fail with element mismatches.
tpegen_design_point(ws_4x4_s8 30 uniform       7 --arch systolic-ws --rows 4 --cols 4)
tpegen_design_point(ws_4x4_u8 30 extremes      8 --arch systolic-ws --rows 4 --cols 4 --unsigned)
tpegen_design_point(ws_5x3_s5x11 30 normal:0:30   9 --arch systolic-ws --rows 5 --cols 3 --a-width 5 --b-width 11 --in-regs 2 --out-regs 1)
tpegen_design_point(ws_5x3_u12x3 30 uniform      10 --arch systolic-ws --rows 5 --cols 3 --unsigned --a-width 12 --b-width 3)
tpegen_design_point(ws_16x16_s8 30  extremes     11 --arch systolic-ws)
tpegen_design_point(ws_16x16_u8 30  uniform      12 --arch systolic-ws --unsigned)
tpegen_design_point(opt1_ws_2x3_s8      30 uniform      47 --arch systolic-ws --pe opt1 --rows 2 --cols 3)
tpegen_design_point(opt1_ws_2x3_u8      30 extremes     48 --arch systolic-ws --pe opt1 --rows 2 --cols 3 --unsigned --encoding ent)
tpegen_design_point(opt1_ws_5x3_s6x10   30 normal:0:20  49 --arch systolic-ws --pe opt1 --rows 5 --cols 3 --a-width 6 --b-width 10 --encoding and --use-42)
tpegen_design_point(opt1_ws_5x3_u7x5    30 uniform      50 --arch systolic-ws --pe opt1 --rows 5 --cols 3 --unsigned --a-width 7 --b-width 5 --tree wallace --out-regs 1)
tpegen_design_point(opt1_ws_8x8_s8      30 normal:0:30  51 --arch systolic-ws --pe opt1 --rows 8 --cols 8 --encoding ent --final-adder kogge-stone)
tpegen_design_point(opt1_ws_8x8_u8      30 uniform      52 --arch systolic-ws --pe opt1 --rows 8 --cols 8 --unsigned)
tpegen_mutant(systolic-ws --arch systolic-ws --rows 2 --cols 2)
