// What a picture of a design shows, read from its IR (ir::Design) and the roles the builders
// give their blocks (ir::Role): the wrappers around the engine, the grid of PEs (the generate
// loops around the instance of role "pe"), which PE outputs feed which neighbour (from the
// symbolic slices of the PE's connections), what reaches the PEs from outside the grid, and
// the encoders, skew buffers and read-out adders. Nothing here is drawn per architecture.
#pragma once

#include <string>
#include <vector>

#include "ir/module.hpp"

namespace tpegen::diagram {

/// PE (i, j) drives PE (i + di, j + dj) through these PE ports (output names without _o).
struct Link {
  int di = 0, dj = 0;
  std::vector<std::string> data;     // wider than one bit
  std::vector<std::string> control;  // one bit wide
};

/// How the PEs share a signal from outside the grid: one per PE, one per row, one per column,
/// or one for all.
enum class Spread { Each, Row, Column, All };

/// PE inputs (or outputs) connected outside the grid, grouped by spread and far end: a port
/// of the core, a register or port one assignment away, or a block of a role.
struct Feed {
  bool into_pe = true;
  Spread spread = Spread::All;
  std::string far_kind;              // "port", "register", "encoder", "skew", "readout" or "logic"
  std::vector<std::string> far_names;  // port and register names
  std::vector<std::string> data, control;
};

/// Blocks of one role on one side of the grid (skews, read-out adders).
struct EdgeBlocks {
  ir::Role role;
  std::vector<std::string> names;  // instance names (u_ dropped) or net prefixes
};

/// A wrapper around the engine: module name, kind ("axi" or "pipeline") and port groups.
struct Layer {
  std::string module;
  std::string kind;
  std::vector<std::pair<std::string, bool>> port_groups;  // prefix, true for an input group
  int fifo_depth = 0;                                      // axi: the result FIFO's entries
};

struct DiagramModel {
  std::string top;
  std::vector<Layer> layers;  // outermost first
  std::string core;           // the engine's module
  std::vector<std::string> core_inputs, core_outputs;  // its ports but clock and reset
  std::string pe_module, pe_instance, pe_what;
  int rows = 1, cols = 1;     // the PE generate loops' counts
  bool readout_in_pe = false; // the PE module holds a read-out adder
  std::vector<Link> links;
  std::vector<Feed> feeds;
  std::vector<EdgeBlocks> edges;   // side set: on that edge of the grid
  int readouts_beside_pes = 0;     // read-out adders of the core with no side
  int encoders = 0;                // encoder instances (loop counts multiplied)
  bool encoder_per_row = false;    // inside the PE row loop or as many as rows times a factor
  std::string encoder_module, encoder_what;
  std::vector<std::string> encoder_inputs;  // the core's data ports it reads
};

/// Reads the model from a built design; throws std::logic_error when no instance has role "pe".
DiagramModel read_model(const ir::Design& d);

}  // namespace tpegen::diagram
