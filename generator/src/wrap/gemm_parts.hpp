// The blocks of the `--wrap axi-gemm` subsystem (AXI_DESIGN.md §2), each an IR builder of its
// own file that adds its logic to the subsystem module. gemm_subsystem.cpp wires them:
//   stream loader -> operand buffers -> sequencer -> engine -> collector -> C memories
//   -> unloader -> output stream, under the job control.
#pragma once

#include <string>
#include <vector>

#include "config/design_config.hpp"
#include "golden/schedule.hpp"
#include "ir/module.hpp"
#include "wrap/gemm_geometry.hpp"

namespace tpegen::wrap {

/// Job values the blocks share, set at START (all registers).
struct GemmJob {
  ir::ExprP start;                    // the cycle a job starts (counters reset)
  ir::ExprP m_last, k_last, n_last;   // M-1, K-1, N-1 (size_bits wide)
  ir::ExprP m, n;                     // M and N
  ir::ExprP tm_last, tn_last;         // tiles - 1 along M and N (valid when `tiles_ready`)
  ir::ExprP tiles_ready;
  ir::ExprP aborting;
  int size_bits = 1;
};

/// One beat into an operand buffer: `go` writes `data` (P lanes of lane_bits) into sub-RAM
/// `sub` of bank `bank` at `addr` (null bank/sub: the only one).
struct BufferWrite {
  ir::ExprP go, bank, sub, addr, data;
};

/// Adds the memories of one operand; returns per bank the slice lanes (slice_cols x lane_bits,
/// lane c at bits [c*W +: W]) one cycle after `raddr`, picked by `group_q` (registered with
/// the read, null when the word holds one slice).
std::vector<ir::ExprP> add_operand_buffer(ir::Module& m, const std::string& name, const OperandGeometry& g,
                                          const BufferWrite& w, const ir::ExprP& raddr, const ir::ExprP& group_q);

/// The input stream: B rows, then A rows, each row from a beat boundary.
struct LoaderOut {
  BufferWrite a, b;
  ir::ExprP take, done, early_last, missing_last;  // done: the last beat of A was taken
};
LoaderOut add_stream_loader(ir::Module& m, const GemmGeometry& g, const GemmJob& job, const ir::ExprP& loading);

/// The sequencer's side of the buffers and the engine's feed (F = 2 cycles after S0).
struct SequencerOut {
  ir::ExprP a_raddr, a_group_q, b_raddr, b_group_q;  // to the buffers
  ir::ExprP a_lanes, b_lanes;                        // from the buffers: wires to assign (bank 0 lowest)
  ir::ExprP a_i, b_i, valid_i, first_i, last_i;      // to the engine (flops; b_i not when the engine latches it)
  ir::ExprP w_load_i;                                // NextStep weights (mac-tree): b_i into the weight register
  ir::ExprP issue, done;                             // a valid step this cycle; every step issued
  // Banked weights and partial sums (systolic-ws): b_i is the weight row w_i; c_i the row's
  // partial sum from the C memory, whose read port the sequencer drives while it computes.
  ir::ExprP bank_i, c_i, w_we_i, w_row_i, w_bank_i;
  ir::ExprP c_raddr;                                 // to the C memory (read enabled while computing)
  ir::ExprP c_rdata;                                 // from the C memory: a wire to assign (lane j at j*ACC)
};
SequencerOut add_sequencer(ir::Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                           const DesignConfig& c, const GemmJob& job, const ir::ExprP& go);
/// MInner (systolic-ws): passes of a strip's rows per K round and column tile, their weight rows
/// written from the pass's first cycle on, partial sums fed back from the C memory.
SequencerOut add_ws_sequencer(ir::Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                              const DesignConfig& c, const GemmJob& job, const ir::ExprP& go);
/// systolic-ws: cycles between the starts of consecutive passes, and the fewest cycles between
/// the first passes of consecutive K rounds (a partial sum written before it is read).
int ws_pass_period(const golden::ScheduleDescriptor& d);
int ws_revisit_cycles(const golden::ScheduleDescriptor& d);

/// The collectors: results into the C memories at {row group, tile row, column tile}.
/// Each returns the memories' read data (one ACC word per engine column, one cycle after
/// `raddr`) and `done` (the job's last result is written).
struct CollectorOut {
  std::vector<ir::ExprP> rdata;
  ir::ExprP done;
};
/// Columns (systolic-os): column j's results, rows of a tile in order, into C memory j.
CollectorOut add_column_collector(ir::Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                                  const DesignConfig& c, const GemmJob& job, const ir::ExprP& c_o,
                                  const ir::ExprP& c_valid_o, const ir::ExprP& re, const ir::ExprP& raddr);

/// Block (the dot-product grids): a whole tile per c_valid_o, its rows one per cycle into one
/// C memory of tile_n lanes.
CollectorOut add_block_collector(ir::Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                                 const DesignConfig& c, const GemmJob& job, const ir::ExprP& c_o,
                                 const ir::ExprP& c_valid_o, const ir::ExprP& re, const ir::ExprP& raddr);

/// MInner (systolic-ws): one row per c_valid_o, every K round's into the C memory at
/// {row, column tile}, the next round's partial sum.
CollectorOut add_ws_collector(ir::Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                              const DesignConfig& c, const GemmJob& job, const ir::ExprP& c_o,
                              const ir::ExprP& c_valid_o, const ir::ExprP& re, const ir::ExprP& raddr);

/// The unloader: C row by row into beats (EC-byte containers, rows padded to beats), on the
/// output stream. ABORT closes a started packet with a zero beat carrying tlast.
struct UnloaderOut {
  ir::ExprP re, raddr;           // to the C memories
  ir::ExprP tdata, tvalid, tlast;
  ir::ExprP sent, finished;       // a beat taken; the packet's tlast beat taken
  ir::ExprP idle;                 // no beat on offer and no packet open (an abort may end)
};
struct UnloaderIn {
  ir::ExprP go;                   // unload phase
  std::vector<ir::ExprP> rdata;   // C memories: one ACC word per engine column
  ir::ExprP tready;
};
UnloaderOut add_unloader(ir::Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                         const DesignConfig& c, const GemmJob& job, const UnloaderIn& in);

}  // namespace tpegen::wrap
