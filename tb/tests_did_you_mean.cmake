# An unknown value of every enum-like flag: one line naming the flag, the valid values and
# the near miss, exit 2 (before any tool runs).
tpegen_usage_error(dym_arch "invalid --arch = 'systolc-os': valid values are systolic-os, .*; did you mean 'systolic-os'\\?$"
                   generate --arch systolc-os -o ${WORK}/bad/dym)
tpegen_usage_error(dym_pe "invalid --pe = 'mca' for architecture cube: valid PE variants are mac, .*; did you mean 'mac'\\?$"
                   generate --arch cube --pe mca -o ${WORK}/bad/dym)
tpegen_usage_error(dym_encoding "invalid --encoding = 'both': valid values are and, booth, ent; did you mean 'booth'\\?$"
                   generate --arch cube --pe opt1 --encoding both -o ${WORK}/bad/dym)
tpegen_usage_error(dym_tree "invalid --tree = 'walace': valid values are dadda, wallace, timing; did you mean 'wallace'\\?$"
                   generate --arch cube --pe opt1 --tree walace -o ${WORK}/bad/dym)
tpegen_usage_error(dym_final_adder "invalid --final-adder = 'kogge_stone': valid values are .*; did you mean 'kogge-stone'\\?$"
                   generate --arch cube --pe opt1 --final-adder kogge_stone -o ${WORK}/bad/dym)
tpegen_usage_error(dym_drain "invalid --drain = 'shfit': valid values are buffered, shift, resolved; did you mean 'shift'\\?$"
                   generate --arch systolic-os --drain shfit -o ${WORK}/bad/dym)
tpegen_usage_error(dym_view "invalid --view = 'behavioural': valid values are structural, behavioral; did you mean 'behavioral'\\?$"
                   generate --arch systolic-os --pe opt1 --view behavioural -o ${WORK}/bad/dym)
tpegen_usage_error(dym_wrap "invalid --wrap = 'axii': valid values are none, axi, axi-gemm; did you mean 'axi'\\?$"
                   generate --arch cube --wrap axii -o ${WORK}/bad/dym)
tpegen_usage_error(dym_activity "invalid --activity = 'gat': valid values are static, sim, gate; did you mean 'gate'\\?$"
                   synth --arch cube --activity gat)
tpegen_usage_error(dym_gate_delay "invalid --gate-delay = 'libery': valid values are unit, liberty; did you mean 'liberty'\\?$"
                   synth --arch cube --activity gate --gate-delay libery)
tpegen_usage_error(dym_target "invalid --target = 'ice4': valid values are asic, ice40, ecp5, xilinx7, gowin; did you mean 'ice40'\\?$"
                   synth --arch cube --target ice4)
tpegen_usage_error(dym_device "invalid --device = 'up5': valid values are up5k, hx8k; did you mean 'up5k'\\?$"
                   synth --arch cube --target ice40 --device up5)
tpegen_usage_error(dym_kind "invalid --kind = 'multiplyer': valid values are multiplier, opt1-step, opt4e-step; did you mean 'multiplier'\\?$"
                   arith --kind multiplyer -o ${WORK}/bad/dym)
tpegen_usage_error(dym_executor "invalid --executor = 'slrum': valid values are local, slurm; did you mean 'slurm'\\?$"
                   sweep ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/typo_key.json --executor slrum --work ${WORK}/bad/dym_sweep)
tpegen_usage_error(dym_config_value "invalid --tree = 'wallce': valid values are dadda, wallace, timing; did you mean 'wallace'\\?$"
                   generate --config ${CMAKE_CURRENT_SOURCE_DIR}/scripts/testdata/typo_value.json -o ${WORK}/bad/dym)
