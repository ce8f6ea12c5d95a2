#!/usr/bin/env python3
"""Side-by-side wall-clock comparisons and the footprint table; writes JSON for report.py.

    compare.py OUT_JSON [--runs 7] [--baseline JAR] [--real MANIFEST] [--no-samples]

Run from the repository root after benchmarks/gen/build-set.sh and a build of cli/target/wasm-layout.jar.
For the generated set (target/gen/set) and every samples/*/wasm-layout.yaml it times, each as one
sequential batch over all modules of the manifest, repeated --runs times (the median is reported):
  ours     ./wasm-layout link MANIFEST -o DIR   (the launcher: end to end, JVM start included, with the
           class-data-sharing archive and JIT flags it passes)
  before   with --baseline JAR: `java -jar JAR link MANIFEST -o DIR`, an older build timed in the same run
  relink   clang-19 (driver, only wasm-ld on PATH) relinking every module's object files at its
           planned place: the flags of `wasm-layout flags --json`, or, where the plan cannot be
           written as wasm-ld flags, --import-memory --global-base=<planned data start>, -z stack-size=<planned stack>
           and the limits (same link work, the stack then follows the data)
  wasm-opt `wasm-opt IN -o OUT` (read and write, no passes) of every module
and, for the footprint sample and the 16 generated apps, the memory footprint from `plan --json`.

The real-program set (--real, default samples/apps/wasm-layout.yaml when it exists; --no-samples skips
the samples and the footprint) is timed without relinking (its object files are not kept) but also as
  validate `./wasm-layout link MANIFEST -o DIR --validate` (link, then run every module in Chicory, watched)
  v8       `node benchmarks/v8run.mjs DIR STEPS.json`: V8 running the same linked set in one memory
"""
import glob
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.getcwd()
GEN = os.path.join(ROOT, "benchmarks/target/gen")
JAR = os.path.join(ROOT, "cli/target/wasm-layout.jar")
LAUNCHER = os.path.join(ROOT, "wasm-layout")
V8RUN = os.path.join(ROOT, "benchmarks/v8run.mjs")
NODE = shutil.which("node")
CLANG = os.environ.get("CLANG", "/usr/bin/clang-19")
WASM_LD = os.environ.get("WASM_LD", "/usr/bin/wasm-ld-19")
WASM_OPT = shutil.which("wasm-opt")
TOOLBIN = tempfile.mkdtemp(prefix="wasm-layout-ld.")
for n in ("wasm-ld", "wasm-ld-19"):
    os.symlink(WASM_LD, os.path.join(TOOLBIN, n))
CLANG_ENV = dict(os.environ, PATH=TOOLBIN)


def cli(*args):
    r = subprocess.run(["java", "-jar", JAR, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def run(cmd, env=None, ok=(0,)):
    """Runs cmd; returns the CPU seconds (user + system) it and its children used."""
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            err.seek(0)
            raise SystemExit("failed (%d): %s\n%s" % (code, " ".join(cmd), err.read().decode(errors="replace")[-2000:]))
    return usage.ru_utime + usage.ru_stime


def timed(batch, runs, ok=(0,)):
    """batch: list of (cmd, env). Runs it once untimed (warm the file cache), then `runs` times."""
    for cmd, env in batch:
        run(cmd, env, ok)
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        for cmd, env in batch:
            run(cmd, env, ok)
        out.append(time.perf_counter() - t)
    return out


def interleaved(batches, runs, ok=(0,)):
    """name -> batch: one untimed run each, then `runs` rounds taking every batch in turn, so that a
    change in the machine's load falls on all of them alike. name -> list of seconds."""
    for batch in batches.values():
        for cmd, env in batch:
            run(cmd, env, ok)
    out = {name: [] for name in batches}
    out.update({name + "_cpu": [] for name in batches})
    for _ in range(runs):
        for name, batch in batches.items():
            t = time.perf_counter()
            cpu = 0.0
            for cmd, env in batch:
                cpu += run(cmd, env, ok)
            out[name].append(time.perf_counter() - t)
            out[name + "_cpu"].append(cpu)
    return out


def manifest_modules(manifest):
    """(name, wasm path) of every module, from `plan --json` (no YAML parser needed)."""
    rc, out, err = cli("plan", manifest, "--json")
    if rc != 0:
        raise SystemExit("plan %s: %s" % (manifest, err))
    plan = json.loads(out)
    base = os.path.dirname(manifest)
    return plan, [(m["name"], os.path.join(base, m["input"])) for m in plan["modules"]]


def placed_flags(manifest, plan):
    """module -> wasm-ld flags (without -Wl,) that put it at its planned place."""
    rc, out, err = cli("flags", manifest, "--json")
    flags = json.loads(out) if out.strip().startswith("{") else {}
    mem = plan["memory"]
    page = mem["pageSize"]
    for m in plan["modules"]:
        name = m["name"]
        if flags.get(name):
            continue
        data = [r for r in plan["regions"] if r["owner"] == name and r["kind"] == "data"]
        stack = [r["end"] - r["start"] for r in plan["regions"] if r["owner"] == name and r["kind"] == "stack"]
        # the same link work; the stack then follows the data (the plan's own order cannot be expressed)
        flags[name] = ["--import-memory", "--global-base=%d" % data[0]["start"], "-z", "stack-size=%d" % stack[0],
                       "--initial-memory=%d" % (mem["maxPages"] * page),
                       "--max-memory=%d" % (mem["maxPages"] * page)]
        flags[name + "#computed"] = True
    return flags


def wl(flags):
    out, i = [], 0
    while i < len(flags):
        if flags[i] == "-z":
            out.append("-Wl,-z," + flags[i + 1])
            i += 2
        else:
            out.append("-Wl," + flags[i])
            i += 1
    return out


# ---- the samples' object files: compiled from the wasm_module lines of samples/<s>/build.sh

KIND = {"command": [], "reactor": ["-mexec-model=reactor"], "bare": ["-nostdlib", "-Wl,--no-entry"]}
SAMPLE_CFLAGS = ["--target=wasm32-wasi", "-O2", "-std=c11", "-w"]


def sample_objects(sample_dir, objdir):
    """module name -> (objects, link flags) for every wasm_module line of the sample's build.sh."""
    mods = {}
    with open(os.path.join(sample_dir, "build.sh")) as f:
        for line in f:
            if not line.startswith("wasm_module "):
                continue
            w = shlex.split(line.split("#")[0])
            name, kind, _layout, link, sources = w[1], w[2], w[3], w[4], w[5:]
            objs = []
            for s in sources:
                o = os.path.join(objdir, name + "." + os.path.basename(s) + ".o")
                run([CLANG, *SAMPLE_CFLAGS, "-c", os.path.join(sample_dir, s), "-o", o], CLANG_ENV)
                objs.append(o)
            link_flags = [x.replace("=", "=" + sample_dir + "/", 1) if x.startswith("-Wl,--allow-undefined-file=")
                          else x for x in shlex.split(link)]
            mods[name] = (objs, KIND[kind] + link_flags)
    return mods


def compare(label, manifest, objects, runs, work, baseline=None):
    """objects: module -> (object files, extra driver flags)."""
    plan, modules = manifest_modules(manifest)
    flags = placed_flags(manifest, plan)
    size = sum(os.path.getsize(w) for _, w in modules)
    out_dir = os.path.join(work, "ours-" + label.replace("/", "_"))
    batches = {"ours": [([LAUNCHER, "link", manifest, "-o", out_dir], None)]}
    if baseline:
        batches["before"] = [(["java", "-jar", baseline, "link", manifest, "-o", out_dir + "-before"], None)]
    relink_batch, computed = [], []
    for name, _ in modules:
        objs, extra = objects[name]
        if flags.get(name + "#computed"):
            computed.append(name)
        relink_batch.append(([CLANG, "--target=wasm32-wasi", "-O2", *objs, *extra, *wl(flags[name]),
                              "-Wl,--strip-debug", "-o", os.path.join(work, "relink-" + name + ".wasm")], CLANG_ENV))
    batches["relink"] = relink_batch
    batches["wasm_opt"] = [([WASM_OPT, w, "-o", os.path.join(work, "opt-" + n + ".wasm")], None) for n, w in modules]
    t = interleaved(batches, runs)
    res = {"label": label, "manifest": os.path.relpath(manifest, ROOT), "modules": len(modules), "bytes": size,
           "computed_flags": computed, "runs": runs}
    res.update(t)
    return res


def v8_steps(manifest, layout_json, path):
    """The manifest's modules and call steps as v8run.mjs reads them (region names become addresses)."""
    import yaml
    with open(manifest) as f:
        m = yaml.safe_load(f)
    with open(layout_json) as f:
        starts = {r["name"]: r["start"] for r in json.load(f)["regions"]}
    base = os.path.dirname(manifest)
    mods = [{"name": x["name"], "imports": x.get("imports") or {}, "argv": [str(a) for a in x.get("argv") or []],
             "env": {k: str(v) for k, v in (x.get("env") or {}).items()},
             "stdin": os.path.join(base, x["stdin"]) if x.get("stdin") else None} for x in m["modules"]]
    steps = []
    for s in m.get("run") or []:
        if set(s) - {"call", "args", "expect-exit", "expect-result", "expect-stdout"}:
            raise SystemExit("%s: v8run.mjs runs call steps only: %s" % (manifest, s))
        module, export = s["call"].split(".", 1)
        args = [a if isinstance(a, int) else starts[a] if a in starts else int(str(a), 0) for a in s.get("args") or []]
        steps.append({"module": module, "export": export, "args": args})
    with open(path, "w") as f:
        json.dump({"modules": mods, "steps": steps}, f)


def real_set(manifest, runs, work, baseline=None):
    """Link, wasm-opt round trip, link --validate and V8 running the linked set, side by side."""
    plan, modules = manifest_modules(manifest)
    size = sum(os.path.getsize(w) for _, w in modules)
    out_dir = os.path.join(work, "real")
    link = {"ours": [([LAUNCHER, "link", manifest, "-o", out_dir], None)],
            "wasm_opt": [([WASM_OPT, w, "-o", os.path.join(work, "opt-real-" + n + ".wasm")], None) for n, w in modules]}
    if baseline:
        link["before"] = [(["java", "-jar", baseline, "link", manifest, "-o", out_dir + "-before"], None)]
    t = interleaved(link, runs)
    steps = os.path.join(work, "real-steps.json")
    v8_steps(manifest, os.path.join(out_dir, "layout.json"), steps)
    # a failed run step (exit 1) is still a full run: what is timed is the work, not the verdict
    run_out = os.path.join(work, "real-validate")
    check = subprocess.run([LAUNCHER, "link", manifest, "-o", run_out, "--validate"], capture_output=True, text=True)
    val = {"validate": [([LAUNCHER, "link", manifest, "-o", run_out, "--validate"], None)],
           "v8": [([NODE, "--no-warnings", V8RUN, out_dir, steps], None)]}
    if baseline:
        val["validate_before"] = [(["java", "-jar", baseline, "link", manifest, "-o", run_out + "-before", "--validate"],
                                   None)]
    v = interleaved(val, runs, ok=(0, 1))
    return {"label": "real programs", "manifest": os.path.relpath(manifest, ROOT), "modules": len(modules),
            "bytes": size, "names": [n for n, _ in modules], "sizes": [os.path.getsize(w) for _, w in modules],
            "ours": t["ours"], "before": t.get("before"), "wasm_opt": t["wasm_opt"], "validate": v["validate"],
            "validate_before": v.get("validate_before"), "v8": v["v8"],
            "cpu": {k[:-4]: x for d in (t, v) for k, x in d.items() if k.endswith("_cpu")}, "validate_exit": check.returncode, "validate_tail": check.stdout.splitlines()[-1:],
            "runs": runs}


def footprint(label, manifest, needs=None):
    plan, modules = manifest_modules(manifest)
    fp = plan["footprint"]
    owned = {}
    for r in plan["regions"]:
        if r["owner"]:
            owned.setdefault(r["kind"], 0)
            owned[r["kind"]] += r["end"] - r["start"]
    separate_pages = 0
    for _, w in modules:
        rc, out, err = cli("inspect", w, "--json")
        separate_pages += json.loads(out)["memory"]["minPages"]
    ideal = sum(owned.values())
    return {"label": label, "manifest": os.path.relpath(manifest, ROOT), "modules": len(modules),
            "shared_pages": fp["pages"], "shared_bytes": fp["bytes"], "used_bytes": fp["usedBytes"],
            "separate_pages": separate_pages, "separate_pages_plan": fp["separatePages"],
            "ideal_bytes": ideal, "ideal_by_kind": owned}


def main():
    out_json = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
    baseline = sys.argv[sys.argv.index("--baseline") + 1] if "--baseline" in sys.argv else None
    real = sys.argv[sys.argv.index("--real") + 1] if "--real" in sys.argv else os.path.join(ROOT, "samples/apps/wasm-layout.yaml")
    samples = "--no-samples" not in sys.argv
    work = tempfile.mkdtemp(prefix="wasm-layout-compare.")
    res = {"link": [], "footprint": [], "tools": {}, "loadavg_before": os.getloadavg()[0], "baseline": baseline}
    for tool, cmd in (("clang", [CLANG, "--version"]), ("wasm-ld", [WASM_LD, "--version"]),
                      ("wasm-opt", [WASM_OPT, "--version"]), ("node", [NODE, "--version"])):
        res["tools"][tool] = subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
    try:
        subprocess.run([LAUNCHER, "--version"], capture_output=True)  # builds the jar and the CDS archive if needed
        floor = {"ours": [([LAUNCHER, "--version"], None)], "java_jar": [(["java", "-jar", JAR, "--version"], None)]}
        f = interleaved(floor, runs)
        res["jvm_floor"] = f["ours"]
        res["jvm_floor_plain"] = f["java_jar"]
        res["jvm_floor_cpu"] = f["ours_cpu"]
        res["jvm_floor_plain_cpu"] = f["java_jar_cpu"]
        if os.path.exists(real):
            print("== compare: real programs", file=sys.stderr)
            res["real"] = real_set(real, runs, work, baseline)
        s = os.path.join(GEN, "set")
        objs = {}
        for i in range(len(glob.glob(os.path.join(s, "m*.wasm")))):
            objs["m%d" % i] = (sorted(glob.glob(os.path.join(s, "obj/m%d/*.o" % i))), [])
        print("== compare: generated set", file=sys.stderr)
        res["link"].append(compare("generated set", os.path.join(s, "wasm-layout.yaml"), objs, runs, work, baseline))
        for manifest in sorted(glob.glob(os.path.join(ROOT, "samples/*/wasm-layout.yaml"))) if samples else []:
            d = os.path.dirname(manifest)
            if os.path.abspath(manifest) == os.path.abspath(real):
                continue  # the real-program set, timed above (its build needs more than compile lines)
            label = "samples/" + os.path.basename(d)
            print("== compare: " + label, file=sys.stderr)
            objdir = os.path.join(work, "obj-" + os.path.basename(d))
            os.makedirs(objdir)
            res["link"].append(compare(label, manifest, sample_objects(d, objdir), runs, work, baseline))
        if samples:
            res["footprint"].append(footprint("samples/footprint", os.path.join(ROOT, "samples/footprint/wasm-layout.yaml")))
            res["footprint"].append(footprint("16 generated apps", os.path.join(GEN, "apps/wasm-layout.yaml")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(TOOLBIN, ignore_errors=True)
    res["loadavg_after"] = os.getloadavg()[0]
    with open(out_json, "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
