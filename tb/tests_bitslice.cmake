# Bit-slice (a column of N PEs behind one sparse encoder of the A stream; valid/ready,
# variable latency), both PE variants at three sizes (cols 1, 4, 16 = the default; one at
# 2), signed int8, unsigned and odd / 16-bit widths, normal(0,10..50), uniform and extreme
# operands, wrapping accumulators (two narrower than the top digit weights). The driver
# checks every element, a_ready_o against the cycle rule of every step (laconic: Booth term
# counts of A and of the column's B; opt3: EN-T digits of A) and the cycle of every result.
tpegen_design_point(bitslice_laconic_c1_s8     30 normal:0:10  201 --arch bitslice --pe laconic --cols 1)
tpegen_design_point(bitslice_laconic_c4_u6x10  30 extremes     202 --arch bitslice --pe laconic --cols 4 --unsigned --a-width 6 --b-width 10)
tpegen_design_point(bitslice_laconic_c4_s5x11  30 uniform      203 --arch bitslice --pe laconic --cols 4 --a-width 5 --b-width 11 --acc-width 9 --acc-wrap)
tpegen_design_point(bitslice_laconic_c2_u16x6  30 uniform      204 --arch bitslice --pe laconic --cols 2 --unsigned --a-width 16 --b-width 6)
tpegen_design_point(bitslice_laconic_c16_s8    30 normal:0:30  205 --arch bitslice --pe laconic)
tpegen_design_point(bitslice_laconic_c16_u8    30 uniform      206 --arch bitslice --pe laconic --unsigned --acc-width 20 --acc-wrap)
tpegen_design_point(bitslice_opt3_c1_s8        30 normal:0:50  211 --arch bitslice --pe opt3 --cols 1)
tpegen_design_point(bitslice_opt3_c4_u7x5      30 uniform      212 --arch bitslice --pe opt3 --cols 4 --unsigned --a-width 7 --b-width 5 --acc-width 5 --acc-wrap)
tpegen_design_point(bitslice_opt3_c16_s8       30 extremes     213 --arch bitslice --pe opt3)
tpegen_design_point(bitslice_opt3_c16_s12x6    30 normal:0:20  214 --arch bitslice --pe opt3 --a-width 12 --b-width 6)
tpegen_mutant(bitslice-laconic --arch bitslice --pe laconic --cols 2)
tpegen_mutant(bitslice-opt3 --arch bitslice --pe opt3 --cols 2)
tpegen_bad_input(bitslice_in_regs "--in-regs = 1: architecture bitslice has a valid/ready handshake" generate --arch bitslice --in-regs 1 -o ${WORK}/bad/a)
tpegen_bad_input(bitslice_mac_pe "--pe = 'mac' for architecture bitslice: valid PE variants are laconic, opt3" generate --arch bitslice --pe mac -o ${WORK}/bad/a)
tpegen_bad_input(bitslice_rows "--rows = 2: architecture bitslice has no rows dimension" generate --arch bitslice --rows 2 -o ${WORK}/bad/a)
