# Timing constraints for tpe_matrix2d_mac_r16c16d4_s8x8_acc32, written by tpegen.
# Design: tpegen generate --arch matrix2d --pe mac --rows 16 --cols 16 --depth 4 --a-width 8 --b-width 8 --signed --max-k 65536 --acc-width 32 --clock-period 10
set clk_period 10
create_clock -name clk -period $clk_period [get_ports clk_i]
# The logic around the engine is assumed to take 20 % of the period on each side.
set_input_delay [expr 0.2 * $clk_period] -clock clk [get_ports {a_i b_i valid_i first_i last_i}]
set_output_delay [expr 0.2 * $clk_period] -clock clk [get_ports {c_o c_valid_o}]
# rst_ni is asynchronous (it clears valid bits only): no timing path starts at it.
set_false_path -from [get_ports rst_ni]
