# OPT4C (columns of OPT3 PEs, each sharing one sparse EN-T encoder; valid/ready A stream,
# variable latency): one column of 1, 4, 8 PEs and R = 2, 3, 4 lock-step columns, signed
# int8 and unsigned / wider odd widths, the operand distributions normal(0,10), normal(0,30),
# normal(0,50), uniform and extremes, a wrapping accumulator. The driver checks every element,
# the a_ready_o timing against the EN-T digit counts of each step and the latency of each
# result; it prints the average partial products per A operand.
tpegen_design_point(opt4c_c1_s8       30 normal:0:10  101 --arch opt4c --cols 1)
tpegen_design_point(opt4c_c1_u6x10    30 extremes     102 --arch opt4c --cols 1 --unsigned --a-width 6 --b-width 10)
tpegen_design_point(opt4c_c4_s8       30 normal:0:50  103 --arch opt4c --cols 4)
tpegen_design_point(opt4c_c4_u7x5     30 uniform      104 --arch opt4c --cols 4 --unsigned --a-width 7 --b-width 5)
tpegen_design_point(opt4c_c8_s8       30 extremes     105 --arch opt4c --cols 8)
tpegen_design_point(opt4c_c8_u8       30 uniform      106 --arch opt4c --cols 8 --unsigned --acc-width 20 --acc-wrap)
tpegen_design_point(opt4c_c8_s12x6    30 normal:0:50  107 --arch opt4c --cols 8 --a-width 12 --b-width 6)
tpegen_mutant(opt4c --arch opt4c --cols 2)
tpegen_bad_input(opt4c_in_regs "--in-regs = 1: architecture opt4c has a valid/ready handshake" generate --arch opt4c --in-regs 1 -o ${WORK}/bad/a)
# --rows R > 1: R encoder-columns in lock step (B broadcast, M tiled by R, a step lasts for
# its slowest operand); non-square, odd widths, unsigned.
tpegen_design_point(opt4c_r2c3_s8     30 normal:0:30  108 --arch opt4c --rows 2 --cols 3)
tpegen_design_point(opt4c_r3c2_u6x9   30 uniform      109 --arch opt4c --rows 3 --cols 2 --unsigned --a-width 6 --b-width 9)
tpegen_design_point(opt4c_r4c4_s5x7   30 extremes     110 --arch opt4c --rows 4 --cols 4 --a-width 5 --b-width 7)
tpegen_bad_input(opt4c_depth "--depth = 2: architecture opt4c has no depth dimension" generate --arch opt4c --depth 2 -o ${WORK}/bad/a)
