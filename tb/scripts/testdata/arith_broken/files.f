// A tpegen arith folder whose file list names a file that is not there (bad input of synth --from).
rtl/missing.v
