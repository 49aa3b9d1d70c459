#include "diagram/diagram_model.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

namespace tpegen::diagram {
namespace {

using ir::Body;
using ir::Expr;
using ir::ExprKind;
using ir::GenerateFor;
using ir::Instance;
using ir::Module;

// An instance with the generate loops around it, outermost first.
struct Placed {
  const Instance* inst;
  std::vector<const GenerateFor*> loops;
};

void collect(const Body& b, std::vector<const GenerateFor*>& loops, std::vector<Placed>& out) {
  for (const Instance& i : b.instances) out.push_back({&i, loops});
  for (const GenerateFor& g : b.loops) {
    loops.push_back(&g);
    collect(g.body, loops, out);
    loops.pop_back();
  }
}

std::vector<Placed> placed_instances(const Module& m) {
  std::vector<Placed> out;
  std::vector<const GenerateFor*> loops;
  collect(m.body(), loops, out);
  return out;
}

// The bits of one net a connection covers for given loop variables: [lo, lo + width).
struct Span {
  std::string net;
  int width = 0;
  int lo = 0;
  bool by_row = false, by_col = false;  // the low bit moves with the row / column variable
};

// nullopt for anything but a whole net or a slice of one (constants, concatenations).
std::optional<Span> span_at(const ir::ExprP& e, const std::string& row_var, const std::string& col_var, int i, int j) {
  if (e->kind == ExprKind::Ref) return Span{e->net, e->width, 0, false, false};
  if (e->kind != ExprKind::Slice) return std::nullopt;
  Span s{e->net, e->width, e->offset, false, false};
  for (const ir::GenTerm& t : e->terms) {
    if (!row_var.empty() && t.var == row_var) {
      s.lo += t.coef * i;
      s.by_row = s.by_row || t.coef != 0;
    } else if (t.var == col_var) {
      s.lo += t.coef * j;
      s.by_col = s.by_col || t.coef != 0;
    }
  }
  return s;
}

std::string base_name(const std::string& port) {
  const size_t n = port.size();
  return n > 2 && port[n - 2] == '_' ? port.substr(0, n - 2) : port;
}

std::string short_instance(const std::string& name) { return name.rfind("u_", 0) == 0 ? name.substr(2) : name; }

std::string joined_comments(const Module* m) {
  std::string s;
  if (!m) return s;
  for (const std::string& c : m->comments) s += (s.empty() ? "" : " ") + c;
  return s;
}

// The wrapper layers from the top down to the engine (instances of role "core").
const Module& peel_layers(const ir::Design& d, DiagramModel& out) {
  const Module* m = d.find_module(d.top);
  if (!m) throw std::logic_error("diagram: the design has no top module " + d.top);
  for (;;) {
    const Instance* core = nullptr;
    Layer layer{m->name(), "pipeline", {}, 0};
    for (const Instance& i : m->body().instances) {
      if (i.role.kind == "core") core = &i;
      if (i.role.kind == "fifo") {
        layer.kind = "axi";
        for (auto& [name, value] : i.params)
          if (name == "AW") layer.fifo_depth = 1 << value;
      }
    }
    if (!core) return *m;
    if (layer.kind == "axi")
      for (const ir::Port& p : m->ports()) {
        if (p.name == m->clock || p.name == m->reset_n) continue;
        const std::string group = p.name.substr(0, p.name.rfind('_'));
        const bool known = std::any_of(layer.port_groups.begin(), layer.port_groups.end(),
                                       [&](auto& g) { return g.first == group; });
        // A group's direction is that of its widest port (tdata, wdata/rdata).
        if (!known) layer.port_groups.emplace_back(group, p.dir == ir::PortDir::In);
      }
    out.layers.push_back(layer);
    m = d.find_module(core->module);
    if (!m) throw std::logic_error("diagram: wrapper " + layer.module + " instantiates unknown " + core->module);
  }
}

void add_to(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

DiagramModel read_model(const ir::Design& d) {
  DiagramModel out;
  out.top = d.top;
  const Module& core = peel_layers(d, out);
  out.core = core.name();
  for (const ir::Port& p : core.ports())
    if (p.name != core.clock && p.name != core.reset_n)
      (p.dir == ir::PortDir::In ? out.core_inputs : out.core_outputs).push_back(p.name);
  const std::vector<Placed> placed = placed_instances(core);
  const auto pe_it =
      std::find_if(placed.begin(), placed.end(), [](const Placed& p) { return p.inst->role.kind == "pe"; });
  if (pe_it == placed.end()) throw std::logic_error("diagram: module " + core.name() + " has no instance of role pe");
  const Placed& pe = *pe_it;
  const Module* pe_mod = d.find_module(pe.inst->module);
  if (!pe_mod) throw std::logic_error("diagram: the PE module " + pe.inst->module + " is not in the design");
  out.pe_module = pe_mod->name();
  out.pe_instance = short_instance(pe.inst->name);
  out.pe_what = joined_comments(pe_mod);
  std::string row_var, col_var;
  if (!pe.loops.empty()) {
    const GenerateFor* col = pe.loops.back();
    out.cols = col->count;
    col_var = col->var;
    if (pe.loops.size() > 1) {
      const GenerateFor* row = pe.loops[pe.loops.size() - 2];
      out.rows = row->count;
      row_var = row->var;
    }
  }
  // The PE's read-out adder: its instance, or its inline logic (a `+`).
  for (const ir::Block& b : pe_mod->blocks) out.readout_in_pe = out.readout_in_pe || b.role.kind == "readout";
  for (const Placed& p : placed_instances(*pe_mod)) out.readout_in_pe = out.readout_in_pe || p.inst->role.kind == "readout";

  // Links: an output of PE (i, j) covering exactly the bits an input of a neighbour reads.
  // Sampled at an inner PE (2, 2): the slices are affine in the loop variables.
  const int si = 2, sj = 2;
  std::vector<std::string> linked;  // PE ports that are part of a link
  const int dirs[4][2] = {{0, 1}, {1, 0}, {-1, 0}, {0, -1}};
  for (const auto& [oport, oexpr] : pe.inst->conns) {
    if (d.port_dir(pe_mod->name(), oport) != ir::PortDir::Out) continue;
    const auto o = span_at(oexpr, row_var, col_var, si, sj);
    if (!o) continue;
    for (const auto& [iport, iexpr] : pe.inst->conns) {
      if (d.port_dir(pe_mod->name(), iport) != ir::PortDir::In) continue;
      for (const auto& dir : dirs) {
        const auto in = span_at(iexpr, row_var, col_var, si + dir[0], sj + dir[1]);
        if (!in || in->net != o->net || in->lo != o->lo || in->width != o->width) continue;
        if (!(o->by_row || o->by_col)) continue;  // one net for all PEs: no neighbour link
        auto link = std::find_if(out.links.begin(), out.links.end(),
                                 [&](const Link& l) { return l.di == dir[0] && l.dj == dir[1]; });
        if (link == out.links.end()) link = out.links.insert(out.links.end(), Link{dir[0], dir[1], {}, {}});
        add_to(pe_mod->width_of(oport) > 1 ? link->data : link->control, base_name(oport));
        add_to(linked, oport);
        add_to(linked, iport);
      }
    }
  }
  // Who else reads or drives a net of the core (the far end of a feed): a port, a block of a
  // role, or a port or register one assignment away (e.g. B rearranged by columns).
  std::vector<const ir::Assign*> assigns;
  std::vector<const Body*> bodies = {&core.body()};
  for (size_t k = 0; k < bodies.size(); ++k) {
    for (const ir::Assign& a : bodies[k]->assigns) assigns.push_back(&a);
    for (const GenerateFor& g : bodies[k]->loops) bodies.push_back(&g.body);
  }
  auto far_end = [&](const std::string& net, bool into_pe) -> std::pair<std::string, std::string> {
    if (core.find_port(net)) return {"port", net};
    for (const Placed& p : placed) {
      if (p.inst == pe.inst || p.inst->role.kind.empty()) continue;
      // The block must drive what a PE reads (or read what a PE drives).
      for (const auto& [port, e] : p.inst->conns)
        if ((e->kind == ExprKind::Ref || e->kind == ExprKind::Slice) && e->net == net &&
            (d.port_dir(p.inst->module, port) == ir::PortDir::Out) == into_pe)
          return {p.inst->role.kind, ""};
    }
    if (into_pe)
      for (const ir::Assign* a : assigns) {
        if (a->lhs->net != net || !(a->rhs->kind == ExprKind::Ref || a->rhs->kind == ExprKind::Slice)) continue;
        if (core.find_port(a->rhs->net)) return {"port", a->rhs->net};
        const ir::Net* n = core.find_net(a->rhs->net);
        if (n && n->is_reg) return {"register", a->rhs->net};
      }
    const bool beside = std::any_of(core.blocks.begin(), core.blocks.end(),
                                    [](const ir::Block& b) { return b.role.kind == "readout" && b.role.side.empty(); });
    return {!into_pe && beside ? "readout" : "logic", ""};
  };
  for (const auto& [port, e] : pe.inst->conns) {
    if (port == pe_mod->clock || port == pe_mod->reset_n) continue;
    if (std::find(linked.begin(), linked.end(), port) != linked.end()) continue;
    const auto s = span_at(e, row_var, col_var, si, sj);
    if (!s) continue;
    const bool into = d.port_dir(pe_mod->name(), port) == ir::PortDir::In;
    const Spread spread = s->by_row && s->by_col ? Spread::Each
                          : s->by_row            ? Spread::Row
                          : s->by_col            ? Spread::Column
                                                 : Spread::All;
    const auto [kind, name] = far_end(s->net, into);
    auto f = std::find_if(out.feeds.begin(), out.feeds.end(), [&, k = kind](const Feed& x) {
      return x.into_pe == into && x.spread == spread && x.far_kind == k;
    });
    if (f == out.feeds.end()) f = out.feeds.insert(out.feeds.end(), Feed{into, spread, kind, {}, {}, {}});
    if (!name.empty()) add_to(f->far_names, name);
    add_to(pe_mod->width_of(port) > 1 ? f->data : f->control, base_name(port));
  }

  // Encoders, skews and read-out adders.
  auto edge = [&](const ir::Role& role, const std::string& name) {
    auto g = std::find_if(out.edges.begin(), out.edges.end(), [&](const EdgeBlocks& x) {
      return x.role.kind == role.kind && x.role.side == role.side;
    });
    if (g == out.edges.end()) g = out.edges.insert(out.edges.end(), EdgeBlocks{role, {}});
    g->names.push_back(name);
  };
  for (const Placed& p : placed) {
    const ir::Role& r = p.inst->role;
    if (r.kind == "encoder") {
      int n = 1;
      for (const GenerateFor* g : p.loops) n *= g->count;
      out.encoders += n;
      out.encoder_module = p.inst->module;
      for (const auto& [port, e] : p.inst->conns)
        if ((e->kind == ExprKind::Ref || e->kind == ExprKind::Slice) && core.find_port(e->net) &&
            d.port_dir(p.inst->module, port) == ir::PortDir::In && core.width_of(e->net) > 1)
          add_to(out.encoder_inputs, e->net);
      out.encoder_what = joined_comments(d.find_module(p.inst->module));
    } else if (!r.side.empty()) {
      edge(r, short_instance(p.inst->name));
    }
  }
  out.encoder_per_row = out.encoders > 0 && out.encoders % out.rows == 0;
  for (const ir::Block& b : core.blocks) {
    if (b.role.side.empty())
      out.readouts_beside_pes += b.role.kind == "readout" ? 1 : 0;
    else
      edge(b.role, b.name);
  }
  return out;
}

}  // namespace tpegen::diagram
