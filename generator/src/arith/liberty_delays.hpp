// Reads a DelayModel from a liberty file: the cells are found by their pin functions (a full
// adder has outputs maj3 and xor3 of three inputs, a half adder and2 and xor2, ...), the
// smallest by area of each kind, and each arc's delay is the larger of cell_rise and cell_fall
// at a reference point: load = 2 full-adder inputs (fanout 2), input slew = the full adder's
// own output slew at that load. A library without a full-adder (or half-adder) cell (e.g.
// sg13g2) gets it composed from its XOR2, AND2 and OR2 gates; without those it is an error.
#pragma once

#include <string>

#include "arith/delay_model.hpp"
#include "liberty/library.hpp"

namespace tpegen::arith {

/// Only combinational cells usable for new logic (liberty::usable_for_new_logic: not
/// dont_use) are candidates. Throws std::invalid_argument with one line naming what is missing.
DelayModel delays_from_liberty(const liberty::Library& lib);

/// One line per number, for the manifest and --print-delays.
std::string describe(const DelayModel& d);

}  // namespace tpegen::arith
