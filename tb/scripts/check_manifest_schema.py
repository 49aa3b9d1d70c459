#!/usr/bin/env python3
"""Checks manifest.json of every registry design against schema/manifest.schema.json.

Walks the registry (`tpegen list --json`) like check_filelists.sh: every architecture x PE
variant, plain, with pipeline registers (where the architecture takes them), with --wrap axi,
and systolic-os with --drain shift. A small validator of the JSON Schema subset the schema
uses (python3's standard library only). It first proves it can fail: manifests with an
empty port doc, a missing timing key or prose where a number belongs must be rejected.
usage: check_manifest_schema.py TPEGEN WORKDIR SCHEMA
"""
import copy
import json
import os
import shutil
import subprocess
import sys


def validate(value, schema, root, path="$"):
    """Returns a list of 'path: problem' strings (empty: valid)."""
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), f"unsupported $ref {ref}"
        target = root["$defs"]
        for key in ref[len("#/$defs/"):].split("/"):  # a definition or a part of one
            target = target[key]
        return validate(value, target, root, path)
    errors = []
    types = {"object": dict, "array": list, "string": str, "boolean": bool}
    t = schema.get("type")
    if t in types and not isinstance(value, types[t]):
        return [f"{path}: expected {t}, got {json.dumps(value)[:60]}"]
    if t == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return [f"{path}: expected integer, got {json.dumps(value)[:60]}"]
    if t == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return [f"{path}: expected number, got {json.dumps(value)[:60]}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: expected {schema['const']!r}, got {value!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path}: {value} < {schema['minimum']}")
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        errors.append(f"{path}: {value} <= {schema['exclusiveMinimum']}")
    if "minLength" in schema and len(value) < schema["minLength"]:
        errors.append(f"{path}: empty string" if not value else f"{path}: shorter than {schema['minLength']}")
    if isinstance(value, dict):
        for k in schema.get("required", []):
            if k not in value:
                errors.append(f"{path}: missing key '{k}'")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                errors += validate(v, props[k], root, f"{path}.{k}")
            elif extra is False:
                errors.append(f"{path}: unknown key '{k}' (not in the schema)")
            elif isinstance(extra, dict):
                errors += validate(v, extra, root, f"{path}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            errors += validate(v, schema["items"], root, f"{path}[{i}]")
    return errors


def self_test(schema, manifest):
    """The validator must reject broken manifests, or the walk below proves nothing."""
    def broken(f):
        m = copy.deepcopy(manifest)
        f(m)
        return m
    cases = {
        "empty port doc": broken(lambda m: m["ports"][-1].update(doc="")),
        "missing timing key": broken(lambda m: m["timing"].pop("latency_first_result_cycles")),
        "prose macs_per_cycle": broken(lambda m: m["timing"].update(macs_per_cycle="about cols/2")),
        "unknown top-level key": broken(lambda m: m.update(extra=1)),
        "wrong schema_version": broken(lambda m: m.update(schema_version=0)),
        "boolean as integer": broken(lambda m: m["timing"].update(tile_spacing_cycles=True)),
    }
    assert not validate(manifest, schema, schema), "self test: the unchanged manifest must pass"
    for what, m in cases.items():
        if not validate(m, schema, schema):
            sys.exit(f"FAIL: the validator accepts a manifest with {what}")


def points(registry):
    for a in registry["architectures"]:
        dims = []
        for flag in ("rows", "cols", "depth"):
            if a[flag]["used"]:
                dims += [f"--{flag}", "2"]
        for pe in a["pes"]:
            base = ["--arch", a["name"], "--pe", pe["name"]] + dims
            name = f'{a["name"]}_{pe["name"]}'
            yield name, base
            yield name + "_pipe", base + ["--in-regs", "1", "--out-regs", "1", "--unsigned"]
            yield name + "_axi", base + ["--wrap", "axi"]
            if a["name"] == "systolic-os":
                yield name + "_shift", base + ["--drain", "shift"]
            if a["axi_gemm"]:  # --wrap axi-gemm supports it (`tpegen list --json`)
                yield name + "_axi_gemm", base + ["--wrap", "axi-gemm"]


def main():
    tpegen, work, schema_path = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    schema = json.load(open(schema_path))
    registry = json.loads(subprocess.run([tpegen, "list", "--json"], check=True, capture_output=True, text=True).stdout)
    checked = rejected = 0
    tested_self = False
    for name, flags in points(registry):
        out = os.path.join(work, name)
        gen = subprocess.run([tpegen, "generate", *flags, "-o", out], capture_output=True, text=True)
        if gen.returncode != 0:
            # Handshake designs reject pipeline registers by design; anything else is a failure.
            if name.endswith("_pipe") and "has a valid/ready handshake" in gen.stderr:
                rejected += 1
                continue
            sys.exit(f"FAIL {name}: generate failed: {gen.stderr}")
        manifest = json.load(open(os.path.join(out, "manifest.json")))
        if not tested_self:
            self_test(schema, manifest)
            tested_self = True
        errors = validate(manifest, schema, schema)
        if errors:
            sys.exit(f"FAIL {name} ({' '.join(flags)}): manifest.json does not follow {schema_path}:\n  " +
                     "\n  ".join(errors[:20]))
        t = manifest["timing"]
        # Facts the schema cannot say: the latencies are ordered, fixed-latency steps take a cycle.
        if t["latency_last_result_cycles"] < t["latency_first_result_cycles"] or t["step_cycles_max"] < t["step_cycles_min"]:
            sys.exit(f"FAIL {name}: latency or step cycle range inverted: {t}")
        if t["protocol"] == "fixed_latency" and (t["step_cycles_max"] != 1 or t["macs_per_cycle_data"] != "any"):
            sys.exit(f"FAIL {name}: a fixed-latency design with variable steps or a data-dependent MAC rate")
        if t["macs_per_cycle"] > t["peak_macs_per_cycle"]:
            sys.exit(f"FAIL {name}: macs_per_cycle {t['macs_per_cycle']} above the peak {t['peak_macs_per_cycle']}")
        checked += 1
    print(f"OK: {checked} manifests follow {os.path.basename(schema_path)} (schema_version "
          f"{schema['properties']['schema_version']['const']}); {rejected} pipeline points rejected by design")


if __name__ == "__main__":
    main()
