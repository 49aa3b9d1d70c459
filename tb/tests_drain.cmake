# systolic-os `--drain shift` (no drain registers, the accumulators shift the results out,
# the next tile's first_i waits first_after_last_cycles): mac and opt1, signed and
# unsigned, odd sizes, odd widths and port registers; the buffered drain is covered by
# the os_* and opt1_os_* points. The driver pads tiles to exactly the manifest's minimum.
tpegen_design_point(os_shift_3x5_s8         30 uniform      101 --arch systolic-os --drain shift --rows 3 --cols 5)
tpegen_design_point(os_shift_4x2_u6x10      30 extremes     102 --arch systolic-os --drain shift --rows 4 --cols 2 --unsigned --a-width 6 --b-width 10 --out-regs 1)
tpegen_design_point(opt1_os_shift_3x5_s8    30 normal:0:30  103 --arch systolic-os --pe opt1 --drain shift --rows 3 --cols 5)
tpegen_design_point(opt1_os_shift_4x2_u7x5  30 extremes     104 --arch systolic-os --pe opt1 --drain shift --rows 4 --cols 2 --unsigned --a-width 7 --b-width 5 --encoding ent --in-regs 1)
tpegen_mutant(os-shift --arch systolic-os --drain shift --rows 2 --cols 2)
# `--drain resolved` (opt1 only: buffered, binary drain registers, a per-PE resolving
# adder): signed and unsigned, odd sizes and widths, a single row, port registers, each
# per-PE adder kind; the mutant breaks the per-PE adder.
tpegen_design_point(opt1_os_res_3x5_s8      30 normal:0:30  105 --arch systolic-os --pe opt1 --drain resolved --rows 3 --cols 5)
tpegen_design_point(opt1_os_res_4x2_u7x5    30 extremes     106 --arch systolic-os --pe opt1 --drain resolved --rows 4 --cols 2 --unsigned --a-width 7 --b-width 5 --encoding ent --final-adder ripple --out-regs 1)
tpegen_design_point(opt1_os_res_1x3_s6x10   30 uniform      107 --arch systolic-os --pe opt1 --drain resolved --rows 1 --cols 3 --a-width 6 --b-width 10 --final-adder kogge-stone --in-regs 1)
tpegen_mutant(opt1-os-res --arch systolic-os --pe opt1 --drain resolved --rows 2 --cols 2)
tpegen_bad_input(drain_value "--drain = 'flush': valid values are buffered, shift, resolved" generate --arch systolic-os --drain flush -o ${WORK}/bad/d1)
tpegen_bad_input(drain_arch  "--drain for --arch systolic-ws: it applies to --arch systolic-os only" generate --arch systolic-ws --drain shift -o ${WORK}/bad/d2)
tpegen_bad_input(drain_res_mac "--drain resolved for --pe mac: it applies to --pe opt1 only" generate --arch systolic-os --drain resolved -o ${WORK}/bad/d3)
