#!/usr/bin/env python3
"""Side-by-side wall-clock comparisons and the footprint table; writes JSON for report.py.

    compare.py OUT_JSON [--runs 7]

Run from the repository root after benchmarks/gen/build-set.sh and a build of cli/target/wasm-layout.jar.
For the generated set (target/gen/set) and every samples/*/wasm-layout.yaml it times, each as one
sequential batch over all modules of the manifest, repeated --runs times (the median is reported):
  ours     java -jar cli/target/wasm-layout.jar link MANIFEST -o DIR   (end to end, JVM start included)
  relink   clang-19 (driver, only wasm-ld on PATH) relinking every module's object files at its
           planned place: the flags of `wasm-layout flags --json`, or, where the plan cannot be
           written as wasm-ld flags, --import-memory --global-base=<planned data start>, -z stack-size=<planned stack>
           and the limits (same link work, the stack then follows the data)
  wasm-opt `wasm-opt IN -o OUT` (read and write, no passes) of every module
and, for the footprint sample and the 16 generated apps, the memory footprint from `plan --json`.
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


def run(cmd, env=None):
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise SystemExit("failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr[-2000:]))


def timed(batch, runs):
    """batch: list of (cmd, env). Runs it once untimed (warm the file cache), then `runs` times."""
    for cmd, env in batch:
        run(cmd, env)
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        for cmd, env in batch:
            run(cmd, env)
        out.append(time.perf_counter() - t)
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


def compare(label, manifest, objects, runs, work):
    """objects: module -> (object files, extra driver flags)."""
    plan, modules = manifest_modules(manifest)
    flags = placed_flags(manifest, plan)
    size = sum(os.path.getsize(w) for _, w in modules)
    out_dir = os.path.join(work, "ours-" + label.replace("/", "_"))
    ours = timed([(["java", "-jar", JAR, "link", manifest, "-o", out_dir], None)], runs)
    relink_batch, computed = [], []
    for name, _ in modules:
        objs, extra = objects[name]
        if flags.get(name + "#computed"):
            computed.append(name)
        relink_batch.append(([CLANG, "--target=wasm32-wasi", "-O2", *objs, *extra, *wl(flags[name]),
                              "-Wl,--strip-debug", "-o", os.path.join(work, "relink-" + name + ".wasm")], CLANG_ENV))
    relink = timed(relink_batch, runs)
    opt = timed([([WASM_OPT, w, "-o", os.path.join(work, "opt-" + n + ".wasm")], None) for n, w in modules], runs)
    return {"label": label, "manifest": os.path.relpath(manifest, ROOT), "modules": len(modules), "bytes": size,
            "ours": ours, "relink": relink, "wasm_opt": opt, "computed_flags": computed, "runs": runs}


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
    work = tempfile.mkdtemp(prefix="wasm-layout-compare.")
    res = {"link": [], "footprint": [], "tools": {}, "loadavg_before": os.getloadavg()[0]}
    for tool, cmd in (("clang", [CLANG, "--version"]), ("wasm-ld", [WASM_LD, "--version"]),
                      ("wasm-opt", [WASM_OPT, "--version"])):
        res["tools"][tool] = subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
    try:
        res["jvm_floor"] = timed([(["java", "-jar", JAR, "--version"], None)], runs)
        s = os.path.join(GEN, "set")
        objs = {}
        for i in range(len(glob.glob(os.path.join(s, "m*.wasm")))):
            objs["m%d" % i] = (sorted(glob.glob(os.path.join(s, "obj/m%d/*.o" % i))), [])
        print("== compare: generated set", file=sys.stderr)
        res["link"].append(compare("generated set", os.path.join(s, "wasm-layout.yaml"), objs, runs, work))
        for manifest in sorted(glob.glob(os.path.join(ROOT, "samples/*/wasm-layout.yaml"))):
            d = os.path.dirname(manifest)
            label = "samples/" + os.path.basename(d)
            print("== compare: " + label, file=sys.stderr)
            objdir = os.path.join(work, "obj-" + os.path.basename(d))
            os.makedirs(objdir)
            res["link"].append(compare(label, manifest, sample_objects(d, objdir), runs, work))
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
