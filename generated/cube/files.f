rtl/tpe_pipe.v
rtl/tpe_pipe_rst.v
rtl/tpe_cube_mac_r8c8d8_s8x8_acc32_dot.v
rtl/tpe_cube_mac_r8c8d8_s8x8_acc32.v
