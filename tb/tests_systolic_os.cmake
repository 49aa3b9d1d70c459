# systolic-os: three sizes (one non-square), both signedness modes, int8 and odd widths, the three
# operand distributions, pipeline registers and a wrapping accumulator. OPT1 (carry-save
# accumulation, bit-heap PEs) over the same sizes: every encoding, both trees, 4:2 compressors
# and each read-out adder appear somewhere in the matrix of the architectures. The mutant (a
# broken accumulator adder) must fail with element mismatches.
tpegen_design_point(os_4x4_s8 30 uniform       1 --arch systolic-os --rows 4 --cols 4)
tpegen_design_point(os_4x4_u8 30 extremes      2 --arch systolic-os --rows 4 --cols 4 --unsigned)
tpegen_design_point(os_3x5_s5x11 30 normal:0:30   3 --arch systolic-os --rows 3 --cols 5 --a-width 5 --b-width 11 --in-regs 1 --out-regs 2)
tpegen_design_point(os_3x5_u12x3 30 uniform       4 --arch systolic-os --rows 3 --cols 5 --unsigned --a-width 12 --b-width 3)
tpegen_design_point(os_16x16_s8 30  normal:0:30   5 --arch systolic-os)
tpegen_design_point(os_16x16_u8 30  uniform       6 --arch systolic-os --unsigned --acc-width 20 --acc-wrap)
tpegen_design_point(opt1_os_2x3_s8      30 uniform      41 --arch systolic-os --pe opt1 --rows 2 --cols 3)
tpegen_design_point(opt1_os_2x3_u8      30 extremes     42 --arch systolic-os --pe opt1 --rows 2 --cols 3 --unsigned --encoding ent)
tpegen_design_point(opt1_os_4x4_s6x10   30 normal:0:20  43 --arch systolic-os --pe opt1 --rows 4 --cols 4 --a-width 6 --b-width 10 --encoding and --tree wallace --final-adder kogge-stone)
tpegen_design_point(opt1_os_4x4_u7x5    30 uniform      44 --arch systolic-os --pe opt1 --rows 4 --cols 4 --unsigned --a-width 7 --b-width 5 --use-42 --final-adder ripple --in-regs 1)
tpegen_design_point(opt1_os_8x8_s8      30 normal:0:30  45 --arch systolic-os --pe opt1 --rows 8 --cols 8 --encoding ent)
tpegen_design_point(opt1_os_8x8_u8      30 uniform      46 --arch systolic-os --pe opt1 --rows 8 --cols 8 --unsigned --final-adder behavioral)
tpegen_mutant(systolic-os --arch systolic-os --rows 2 --cols 2)
tpegen_mutant(opt1-os --arch systolic-os --pe opt1 --rows 2 --cols 2)
