rtl/tpe_opt4e_opt3_c32d4_s8x8_acc32_enc.v
rtl/tpe_ha.v
rtl/tpe_fa.v
rtl/tpe_opt4e_opt3_c32d4_s8x8_acc32_pe.v
rtl/tpe_opt4e_opt3_c32d4_s8x8_acc32.v
