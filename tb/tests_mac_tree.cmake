# mac-tree: three sizes (one non-square), both signedness modes, int8 and odd widths, the three
# operand distributions, pipeline registers and a wrapping accumulator. OPT1 (carry-save
# accumulation, bit-heap PEs) over the same sizes: every encoding, both trees, 4:2 compressors
# and each read-out adder appear somewhere in the matrix of the architectures. The mutant (a
# broken accumulator adder) must fail with element mismatches.
tpegen_design_point(tree_c4d4_s8 30 uniform      19 --arch mac-tree --cols 4 --depth 4)
tpegen_design_point(tree_c4d4_u8 30 extremes     20 --arch mac-tree --cols 4 --depth 4 --unsigned)
tpegen_design_point(tree_c5d3_s5x11 30 normal:0:30  21 --arch mac-tree --cols 5 --depth 3 --a-width 5 --b-width 11 --in-regs 1)
tpegen_design_point(tree_c5d3_u12x3 30 uniform      22 --arch mac-tree --cols 5 --depth 3 --unsigned --a-width 12 --b-width 3)
tpegen_design_point(tree_c16d16_s8 30 extremes     23 --arch mac-tree)
tpegen_design_point(tree_c16d16_u8 30 normal:60:40 24 --arch mac-tree --unsigned)
tpegen_design_point(opt1_tree_c2d2_s8   30 uniform      59 --arch mac-tree --pe opt1 --cols 2 --depth 2)
tpegen_design_point(opt1_tree_c2d2_u8   30 extremes     60 --arch mac-tree --pe opt1 --cols 2 --depth 2 --unsigned --encoding ent)
tpegen_design_point(opt1_tree_c3d5_s6x10 30 normal:0:20 61 --arch mac-tree --pe opt1 --cols 3 --depth 5 --a-width 6 --b-width 10 --encoding and --use-42)
tpegen_design_point(opt1_tree_c3d5_u7x5 30 uniform      62 --arch mac-tree --pe opt1 --cols 3 --depth 5 --unsigned --a-width 7 --b-width 5 --tree wallace --in-regs 1)
tpegen_design_point(opt1_tree_c4d8_s8   30 normal:0:30  63 --arch mac-tree --pe opt1 --cols 4 --depth 8 --encoding ent)
tpegen_design_point(opt1_tree_c4d8_u8   30 uniform      64 --arch mac-tree --pe opt1 --cols 4 --depth 8 --unsigned)
tpegen_mutant(mac-tree --arch mac-tree --cols 2 --depth 2)
