#!/usr/bin/env python3
"""Reads the JMH JSON files run.sh writes and prints benchmarks/RESULTS.md (or answers run.sh's questions).

    report.py slow-relocate OUT LARGE TARGET_MBS      relocate benchmarks under the target, as a regex alternation
    report.py validator-missed OUT TARGET_RATIO       exit 0 when watched/unwatched (compiler) is over the target
    report.py write OUT LARGE TARGET_MBS TARGET_RATIO ELAPSED [--quick] [--pic=PIC.wasm]
    report.py speed COMPARE_JSON [STAGES.txt [STAGES_BEFORE.txt]]   the issue #14 section alone

Every number is the median of the measured iterations of all forks; MB is 10^6 bytes.
"""
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone


def load(out, name):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return json.load(f)


def short(b):
    return b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1]


def method(b):
    return b["benchmark"].rsplit(".", 1)[-1]


def samples(metric):
    return [x for fork in metric["rawData"] for x in fork]


def median(metric):
    return statistics.median(samples(metric))


def relocate_rows(out, large):
    size = os.path.getsize(large)
    rows = []
    for b in load(out, "relocate"):
        s = samples(b["primaryMetric"])  # ops/s
        mbs = [x * size / 1e6 for x in s]
        rows.append((method(b), statistics.median(s), statistics.median(mbs), min(mbs), max(mbs), b))
    return size, rows


def validator_ratios(out, name="validator"):
    by = {}
    for b in load(out, name):
        by.setdefault(b["params"]["engine"], {})[method(b)] = b
    res = {}
    for engine, m in by.items():
        if "watched" in m and "unwatched" in m:
            w = median(m["watched"]["primaryMetric"])
            u = median(m["unwatched"]["primaryMetric"])
            res[engine] = (w, u, w / u, m)
    return res


def load_compare(out):
    path = os.path.join(out, "compare.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def pic_rows(out, pic):
    if not pic or not os.path.exists(pic):
        return 0, []
    size = os.path.getsize(pic)
    rows = []
    for b in load(out, "pic"):
        s = samples(b["primaryMetric"])
        mbs = [x * size / 1e6 for x in s]
        rows.append((method(b), statistics.median(s), statistics.median(mbs), min(mbs), max(mbs), b))
    return size, rows


def link_section(out, size_large, rows, pic, p):
    """Section 1 additions: pic throughput, then the side-by-side CLI comparisons."""
    psize, prow = pic_rows(out, pic)
    if prow:
        p("PIC module: `benchmarks/target/gen/pic.wasm`, %d bytes (%.1f MB), 4 generated libc-free units linked by "
          "`benchmarks/gen/build-set.sh` with `-fPIC -nostdlib -Wl,--shared -Wl,--experimental-pic`. "
          "Settings: %s." % (psize, psize / 1e6, settings(prow[0][5])))
        p()
        p("| benchmark | what one op does | ops/s | ms/op | MB/s (median) | MB/s (range) |")
        p("|---|---|---:|---:|---:|---:|")
        what = {"pic": "`Patcher.patch(.., \"pic\", ..)` on the parsed, inspected module",
                "picPipeline": "parse + inspect + pic from the bytes"}
        for name, ops, mbs, lo, hi, b in sorted(prow, key=lambda r: r[0]):
            p("| %s | %s | %.2f | %s | **%.0f** | %.0f to %.0f |" % (name, what.get(name, ""), ops, fmt_ms(1000 / ops),
                                                                   mbs, lo, hi))
        p()
    c = load_compare(out)
    if not c:
        return
    p("### End to end, side by side (wall clock, JVM start included)")
    p()
    runs = c["link"][0]["runs"] if c["link"] else 0
    p("Each cell is the median of %d timed runs (after one untimed run) of a sequential batch over all modules of the "
      "manifest, measured by `benchmarks/compare.py`:" % runs)
    p()
    p("- **wasm-layout link**: `./wasm-layout link MANIFEST -o DIR`, the launcher (one JVM with the class-data-sharing "
      "archive and C1 alone: plan, patch every module, write layout.json, lock, reports);")
    p("- **relink (wasm-ld)**: the rebuild flow: `clang-19` as driver (only `wasm-ld-19` on its PATH) relinking each "
      "module's object files with the flags of `wasm-layout flags --json` (`--import-memory --global-base ... "
      "-z stack-size ... --initial-memory --max-memory`); where the plan cannot be written as wasm-ld flags "
      "(marked \\*) the same link with `--global-base` at the planned data start. Compiling is not timed;")
    p("- **wasm-opt round trip**: `wasm-opt IN -o OUT` (Binaryen, no passes: read and write) of every module.")
    p()
    if "loadavg_before" in c:
        p("1-minute load average before and after these timings: %.2f and %.2f (2 cores; above about 1 someone else "
          "was using the machine too)." % (c["loadavg_before"], c["loadavg_after"]))
        p()
    p("Tools: %s; %s; %s." % (c["tools"].get("clang", "?"), c["tools"].get("wasm-ld", "?"), c["tools"].get("wasm-opt", "?")))
    p()
    p("| set | modules | MB | wasm-layout link s | relink (wasm-ld) s | wasm-opt round trip s | ours / relink | ours / wasm-opt |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in c["link"]:
        o, l, w = statistics.median(r["ours"]), statistics.median(r["relink"]), statistics.median(r["wasm_opt"])
        star = " \\*" if r["computed_flags"] else ""
        p("| %s%s | %d | %.2f | %.3f | %.3f | %.3f | **%.2fx** | **%.2fx** |" % (
            r["label"], star, r["modules"], r["bytes"] / 1e6, o, l, w, o / l, o / w))
    p()
    if c.get("jvm_floor"):
        p("The JVM floor: `./wasm-layout --version` (start the JVM, load picocli, print) takes "
          "**%.3f s** (median), a fixed cost in every `wasm-layout link` cell above." % statistics.median(c["jvm_floor"]))
        if c.get("jvm_floor_plain"):
            p("(`java -jar cli/target/wasm-layout.jar --version`, without the archive: %.3f s.)"
              % statistics.median(c["jvm_floor_plain"]))
        p()
    for r in c["link"]:
        o, l, w = statistics.median(r["ours"]), statistics.median(r["relink"]), statistics.median(r["wasm_opt"])
        worse = [n for n, t in (("relinking with wasm-ld", l), ("the wasm-opt round trip", w)) if o > t]
        if worse:
            p("- **%s: wasm-layout link is slower than %s.**" % (r["label"], " and ".join(worse)))
    p()
    p("A ratio under 1 means `wasm-layout link` is faster. Ranges (lowest to highest run):")
    p()
    for r in c["link"]:
        p("- %s: ours %.3f to %.3f s, relink %.3f to %.3f s, wasm-opt %.3f to %.3f s%s" % (
            r["label"], min(r["ours"]), max(r["ours"]), min(r["relink"]), max(r["relink"]), min(r["wasm_opt"]),
            max(r["wasm_opt"]), ("; flags computed from the plan for " + ", ".join(r["computed_flags"]))
            if r["computed_flags"] else ""))
    p()


def footprint_section(out, p):
    c = load_compare(out)
    if not c or not c.get("footprint"):
        return
    p("## 2. Footprint")
    p()
    p("Shared = the one memory `wasm-layout plan --json` plans (its `footprint`); separate = the sum of each module's "
      "initial memory as linked by default (`inspect --json` `memory.minPages`); ideal = the sum over modules of the "
      "bytes they really ask for: static data (the data region) + the manifest's stack + heap (the planned regions "
      "owned by modules; reserved host regions not counted). 1 page = 64 KiB.")
    p()
    p("| set | modules | ideal bytes | shared bytes (pages) | separate bytes (pages) | shared / ideal | separate / ideal | pages saved |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|")
    for f in c["footprint"]:
        sep = f["separate_pages"] * 65536
        p("| %s | %d | %d | %d (%d) | %d (%d) | **%.2fx** | **%.2fx** | %d |" % (
            f["label"], f["modules"], f["ideal_bytes"], f["shared_bytes"], f["shared_pages"], sep, f["separate_pages"],
            f["shared_bytes"] / f["ideal_bytes"], sep / f["ideal_bytes"], f["separate_pages"] - f["shared_pages"]))
    p()
    for f in c["footprint"]:
        k = f["ideal_by_kind"]
        p("- %s: ideal = data %d + stacks %d + heaps %d bytes; the plan uses %d bytes of its %d (padding for alignment "
          "and page-ending heaps is the rest)." % (f["label"], k.get("data", 0), k.get("stack", 0), k.get("heap", 0),
                                                   f["used_bytes"], f["shared_bytes"]))
    p()


def runtime_section(out, p):
    by = {}
    for b in load(out, "runtime"):
        by.setdefault((b["params"]["module"], b["params"]["engine"]), {})[method(b)] = b
    if not by:
        return
    anyb = next(iter(next(iter(by.values())).values()))
    p("### Linked module against the original (no watching)")
    p()
    p("A footprint sample module as built (`original`, its own memory) against the same module as `wasm-layout link` "
      "wrote it (`linked`, importing a plain `ByteArrayMemory` with the plan's limits), both in plain Chicory with "
      "WASI. Parsed and compiled once per trial; one op = instantiate + `_start` to its exit. Settings: %s." % settings(anyb))
    p()
    p("| module | engine | original ms/op | linked ms/op | linked / original |")
    p("|---|---|---:|---:|---:|")
    for (mod, engine), m in sorted(by.items()):
        if "original" in m and "linked" in m:
            o, l = median(m["original"]["primaryMetric"]), median(m["linked"]["primaryMetric"])
            p("| %s | %s | %s | %s | **%.2fx** |" % (mod, engine, fmt_ms(o), fmt_ms(l), l / o))
    p()


def machine():
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    cpu = "?"
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True).stdout.strip()
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
        "cpu": cpu,
        "memory": mem,
        "os": platform.platform(),
        "java": java,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
    }


def secondary(b, name):
    """A secondary metric by name (JMH writes some names with a leading middle dot)."""
    for k, v in b.get("secondaryMetrics", {}).items():
        if k.lstrip("\u00b7") == name:
            return v
    return None


def seconds(t):
    n, unit = t.split()
    return float(n) * {"s": 1, "ms": 1e-3, "min": 60}[unit]


def settings(b):
    return "%d fork(s) x %d measured iterations of %s (after %d warmup iterations of %s)" % (
        b["forks"], b["measurementIterations"], b["measurementTime"], b["warmupIterations"], b["warmupTime"])


def fmt_ms(ms):
    return "%.3f" % ms if ms < 1 else "%.1f" % ms if ms < 100 else "%.0f" % ms


def jfr_section(out, name):
    path = os.path.join(out, "jfr", name + ".md")
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.read()


def stage_lines(path):
    """StageCpu's output: stage -> (ms, MB/s)."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            w = line.split()
            if len(w) >= 4 and w[2] == "ms" and w[4] == "MB/s":
                out[w[0]] = (float(w[1]), float(w[3]))
    return out


def cpu_med(r, key):
    v = r.get(key + "_cpu") or (r.get("cpu") or {}).get(key)
    return statistics.median(v) if v else float("nan")


def speed_section(c, p, stages=None, stages_before=None):
    """The goals of issue #14, each as a ratio measured in one run (compare.py; StageCpu for in process)."""
    if not c:
        return
    med = statistics.median
    p("## Speed against the tools people compare us with (issue #14)")
    p()
    p("Everything in this section comes from one run of `benchmarks/compare.py` on this machine: for each set the "
      "commands take turns (one untimed run each, then %d rounds), so a change in the machine's load falls on all of "
      "them alike. Cells are medians; *wall* is elapsed time, *CPU* the user + system time of the process and its "
      "children, which other processes on the machine change much less than the wall clock. 1-minute load average "
      "before and after: %.2f and %.2f on %s cores." % (c["link"][0]["runs"] if c["link"] else c["real"]["runs"],
                                                          c["loadavg_before"], c["loadavg_after"], os.cpu_count()))
    if c.get("baseline"):
        p()
        p("*before* is `java -jar` of the jar built at the commit before this work (no archive, default JIT, one "
          "thread), timed in the same rounds.")
    p()
    real = c.get("real")
    gen = next((r for r in c["link"] if r["label"] == "generated set"), None)
    if real:
        names = ", ".join("%s %.2f MB" % (n, b / 1e6) for n, b in zip(real["names"], real["sizes"]))
        p("**Real-program set** `%s`: %d C programs (%s), %.2f MB; V8 is Node %s running the linked set in one "
          "`WebAssembly.Memory` with the manifest's run steps (`benchmarks/v8run.mjs`). The last line of "
          "`link --validate`: `%s`." % (real["manifest"], real["modules"], names, real["bytes"] / 1e6,
                                         c["tools"].get("node", "?"), (real.get("validate_tail") or ["?"])[0]))
        p()
        p("| command | wall s | CPU s |")
        p("|---|---:|---:|")
        rows = [("`wasm-layout link`", "ours"), ("`wasm-layout link`, before", "before"),
                ("`wasm-opt IN -o OUT` (every module)", "wasm_opt"), ("`wasm-layout link --validate`", "validate"),
                ("`wasm-layout link --validate`, before", "validate_before"), ("V8 (node) runs the linked set", "v8")]
        for label, key in rows:
            if real.get(key):
                p("| %s | %.3f | %.3f |" % (label, med(real[key]), cpu_med(real, key)))
        p()
    if gen:
        p("**Generated set** (`benchmarks/gen/build-set.sh`, %d modules, %.1f MB):" % (gen["modules"], gen["bytes"] / 1e6))
        p()
        p("| command | wall s | CPU s |")
        p("|---|---:|---:|")
        for label, key in (("`wasm-layout link`", "ours"), ("`wasm-layout link`, before", "before"),
                           ("relink with wasm-ld (every module)", "relink"), ("`wasm-opt IN -o OUT` (every module)", "wasm_opt")):
            if gen.get(key):
                p("| %s | %.3f | %.3f |" % (label, med(gen[key]), cpu_med(gen, key)))
        p()
    small = [r for r in c["link"] if r["label"] != "generated set" and r.get("before")]
    if small:
        p("**Samples** (tiny modules: starting the JVM is most of the cost), `wasm-layout link` against before, wall / CPU s:")
        p()
        p("| set | after | before | wasm-ld relink | wasm-opt |")
        p("|---|---:|---:|---:|---:|")
        for r in small:
            p("| %s | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f |" % (
                r["label"], med(r["ours"]), cpu_med(r, "ours"), med(r["before"]), cpu_med(r, "before"),
                med(r["relink"]), cpu_med(r, "relink"), med(r["wasm_opt"]), cpu_med(r, "wasm_opt")))
        p()
    if c.get("jvm_floor_cpu"):
        p("JVM floor, `--version`: launcher %.3f s wall / %.3f s CPU; `java -jar` %.3f / %.3f." % (
            med(c["jvm_floor"]), med(c["jvm_floor_cpu"]), med(c["jvm_floor_plain"]), med(c["jvm_floor_plain_cpu"])))
        p()
    if stages:
        p("**In process** (`StageCpu`: `RelocateBenchmark`'s stages on `large.wasm`, median thread CPU time of 40 "
          "rounds after 40 warm-up rounds, one thread (`-XX:ActiveProcessorCount=1`) so that CPU time is the whole cost):")
        p()
        p("| stage | before ms | before MB/s | after ms | after MB/s |")
        p("|---|---:|---:|---:|---:|")
        for st in ("parse", "inspect", "relocate", "pipeline"):
            b = (stages_before or {}).get(st, (float("nan"), float("nan")))
            a = stages.get(st, (float("nan"), float("nan")))
            p("| %s | %.1f | %.0f | %.1f | %.0f |" % (st, b[0], b[1], a[0], a[1]))
        p()
    p("| goal | measured | ratio | |")
    p("|---|---|---:|---|")
    if real:
        o, w = med(real["ours"]), med(real["wasm_opt"])
        p("| real set: `link` at most 0.5x the wasm-opt read/write | %.3f s against %.3f s (CPU %.3f against %.3f) "
          "| **%.2fx** (CPU %.2fx) | %s |" % (o, w, cpu_med(real, "ours"), cpu_med(real, "wasm_opt"), o / w,
                                             cpu_med(real, "ours") / cpu_med(real, "wasm_opt"), "met" if o / w <= 0.5 else "not met"))
    if stages:
        mbs = stages["pipeline"][1]
        p("| in process: parse + inspect + relocate at 1 GB/s or more | %.0f MB/s on one thread | **%.2fx** of the goal | "
          "not met |" % (mbs, mbs / 1000))
    if gen:
        o, l = med(gen["ours"]), med(gen["relink"])
        p("| generated set: `link` no slower than the wasm-ld relink | %.3f s against %.3f s (CPU %.3f against %.3f) "
          "| **%.2fx** (CPU %.2fx) | %s |" % (o, l, cpu_med(gen, "ours"), cpu_med(gen, "relink"), o / l,
                                             cpu_med(gen, "ours") / cpu_med(gen, "relink"), "met" if o <= l else "not met"))
    if real:
        v, e = med(real["validate"]), med(real["v8"])
        p("| real set: `link --validate` at most 8x V8 running the set | %.3f s against %.3f s (CPU %.3f against %.3f) "
          "| **%.1fx** (CPU %.1fx) | %s |" % (v, e, cpu_med(real, "validate"), cpu_med(real, "v8"), v / e,
                                             cpu_med(real, "validate") / cpu_med(real, "v8"), "met" if v / e <= 8 else "not met"))
    p()


def write(out, large, target_mbs, target_ratio, elapsed, quick, pic=None):
    m = machine()
    p = print
    p("# Benchmark results")
    p()
    if quick:
        p("**QUICK run (1 fork, 2 short iterations): a smoke test of run.sh, not a measurement.**")
        p()
    p("Written by `benchmarks/run.sh` (%s s of JMH). Every number is the **median** of all measured "
      "iterations of all forks; ranges are the lowest and highest iteration. MB = 10^6 bytes." % elapsed)
    p()
    p("| | |")
    p("|---|---|")
    p("| date | %s |" % m["date"])
    p("| commit | %s |" % m["commit"])
    p("| cores (`nproc`) | %s |" % m["nproc"])
    p("| CPU | %s |" % m["cpu"])
    p("| memory | %s |" % m["memory"])
    p("| OS | %s |" % m["os"])
    p("| java | %s |" % m["java"].replace("\n", "<br>"))
    p()

    targets = []

    # ---- relocate
    size, rows = relocate_rows(out, large)
    p("## 1. Link speed")
    p()
    p("### In process: relocate and pic throughput")
    p()
    p("Module: `benchmarks/target/gen/large.wasm`, %d bytes (%.1f MB), generated by `benchmarks/gen/generate.py` "
      "and linked by `benchmarks/gen/build.sh` with `-Wl,--emit-relocs`." % (size, size / 1e6))
    if rows:
        p("Settings: %s. One op = one pass over the whole module." % settings(rows[0][5]))
        p()
        p("| benchmark | what one op does | ops/s | ms/op | MB/s (median) | MB/s (range) |")
        p("|---|---|---:|---:|---:|---:|")
        what = {
            "parse": "`ParsedModule.parse` (decode sections, validate every body)",
            "inspect": "`Inspector.inspect` on the parsed module (facts, relocation check)",
            "relocate": "`Patcher.patch(.., \"relocate\", ..)` on the parsed, inspected module",
            "pipeline": "parse + inspect + relocate from the bytes",
        }
        order = ["relocate", "parse", "inspect", "pipeline"]
        for name, ops, mbs, lo, hi, b in sorted(rows, key=lambda r: order.index(r[0]) if r[0] in order else 9):
            p("| %s | %s | %.2f | %s | **%.0f** | %.0f to %.0f |" % (
                name, what.get(name, ""), ops, fmt_ms(1000 / ops), mbs, lo, hi))
            if name == "relocate":
                targets.append("relocate (`Patcher.patch`) at %.0f MB/s: %s (target %d MB/s or more)" % (
                    mbs, "met" if mbs >= target_mbs else "**missed**", target_mbs))
            elif mbs < target_mbs:
                targets.append("for information: `%s` runs at %.0f MB/s, under %d MB/s" % (name, mbs, target_mbs))
        p()
        prof = jfr_section(out, "relocate")
        if prof:
            p("### Where the time goes (JFR, benchmarks under %d MB/s)" % target_mbs)
            p()
            p("Share of execution samples whose top frame is the method (self) or that have it anywhere on the "
              "stack (total); from a separate 1-fork run with `-prof jfr`.")
            p()
            p(prof)
    else:
        p()
        p("(no results)")
        p()

    link_section(out, size, rows, pic, p)
    footprint_section(out, p)

    # ---- validator
    p("## 3. Runtime cost of linking")
    p()
    runtime_section(out, p)
    p("### The validator: watched against unwatched")
    p()
    ratios = validator_ratios(out)
    fixed = validator_ratios(out, "validator-fixed")
    anyb = next((x[3]["watched"] for x in ratios.values()), None)
    p("Workload: `run(rounds)` of `benchmarks/src/main/resources/workload/stores.c` (fills and updates int, "
      "byte and long arrays and a stack buffer). *watched* = `Validator.run` with the module's data and stack "
      "as its regions; *unwatched* = the same module in plain Chicory over a plain `ByteArrayMemory`. Both "
      "parse, compile (compiler engine) and instantiate in every op, as a validator run does.")
    if anyb:
        p("Settings: %s." % settings(anyb))
    p()
    p("| engine | rounds | unwatched ms/op | watched ms/op | watched / unwatched | target |")
    p("|---|---:|---:|---:|---:|---|")
    for engine in sorted(ratios):
        w, u, r, mm = ratios[engine]
        target = "<= %.1fx" % target_ratio if engine == "COMPILER" else "(none)"
        verdict = ""
        if engine == "COMPILER":
            verdict = " met" if r <= target_ratio else " **missed**"
            targets.append("validator overhead with the compiler at %.2fx: %s (target %.1fx or less)" % (
                r, "met" if r <= target_ratio else "**missed**", target_ratio))
        rounds = mm["watched"]["params"].get("rounds", "?")
        rounds = "auto (%s)" % ("30000" if engine == "COMPILER" else "600") if rounds == "auto" else rounds
        p("| %s | %s | %s | %s | **%.2fx** | %s%s |" % (engine, rounds, fmt_ms(u), fmt_ms(w), r, target, verdict))
    for engine in sorted(ratios):
        w, u, r, mm = ratios[engine]
        if "watchedHeapWidest" in mm:
            h = median(mm["watchedHeapWidest"]["primaryMetric"])
            p("| %s, heap widest | %s | %s | %s | %.2fx | |" % (engine, "auto" if mm["watched"]["params"].get(
                "rounds") == "auto" else mm["watched"]["params"].get("rounds"), fmt_ms(u), fmt_ms(h), h / u))
    for engine in sorted(fixed):
        w, u, r, mm = fixed[engine]
        p("| %s, fixed part only | 1 | %s | %s | %.2fx | |" % (engine, fmt_ms(u), fmt_ms(w), r))
    p()
    p("The *heap widest* rows run `watchedHeapWidest`: the same stores, with a 128 KiB heap region the "
      "workload never writes added to the module's regions, so the heap is the range a view tests inline at "
      "first; the first store outside it asks the whole permit and makes the range it landed in (stack and "
      "data) the inline one.")
    p()
    if fixed:
        p("The *fixed part only* rows run one round: parsing, compiling, instantiating and (watched) inspecting "
          "the module, the watchdog threads and the report; the rest of a full op is the stores themselves.")
        p()
    prof = jfr_section(out, "validator")
    if prof:
        p("#### Where the time goes (JFR, compiler engine)")
        p()
        p(prof)

    # ---- planner
    p("## 4. Planner scale")
    p()
    plans = sorted(load(out, "planner"), key=lambda b: int(b["params"]["modules"]))
    p("`Planner.plan(manifest, needs)` for N modules (random stack 1 to 5 KiB, heap 0 to 8 KiB, data 0 to 5000 bytes, "
      "alignments up to 4 KiB) and N/100 shared buffers, built in code; allocation from `-prof gc` "
      "(`gc.alloc.rate.norm`).")
    if plans:
        p("Settings: %s." % settings(plans[0]))
        p()
        p("| modules | ms/op | µs per module | allocated MB/op | KB per module | time in GC | time x vs previous row | allocation x vs previous row |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|")
        prev = None
        for b in plans:
            n = int(b["params"]["modules"])
            ms = median(b["primaryMetric"])
            alloc = secondary(b, "gc.alloc.rate.norm")
            a = median(alloc) if alloc else float("nan")
            gc = secondary(b, "gc.time")
            gc_share = "%.0f%%" % (100 * median(gc) / seconds(b["measurementTime"]) / 1000) if gc else "0%"
            grow_t = "%.1fx" % (ms / prev[1]) if prev else ""
            grow_a = "%.1fx" % (a / prev[2]) if prev else ""
            p("| %d | %s | %.2f | %.1f | %.2f | %s | %s | %s |" % (n, fmt_ms(ms), ms * 1000 / n, a / 1e6, a / n / 1e3,
                                                               gc_share, grow_t, grow_a))
            prev = (n, ms, a)
        p()
        p("Each row has 10x the modules of the previous one: a factor near 10 is linear growth, near 13 is "
          "n log n, near 100 quadratic. *time in GC* is the share of the measured time the collector took "
          "(`gc.time`).")
        p()

    speed_section(load_compare(out), p, stage_lines(os.path.join(out, "stages.txt")),
                  stage_lines(os.path.join(out, "stages-before.txt")))

    # ---- summary
    p("## Targets")
    p()
    for x in targets:
        p("- " + x)
    p()


def main():
    what = sys.argv[1]
    if what == "slow-relocate":
        out, large, target = sys.argv[2], sys.argv[3], float(sys.argv[4])
        _, rows = relocate_rows(out, large)
        print("|".join(r[0] for r in rows if r[2] < target))
    elif what == "validator-missed":
        out, target = sys.argv[2], float(sys.argv[3])
        r = validator_ratios(out).get("COMPILER")
        sys.exit(0 if r and r[2] > target else 1)
    elif what == "write":
        out, large, target_mbs, target_ratio, elapsed = sys.argv[2:7]
        pic = next((a[len("--pic="):] for a in sys.argv if a.startswith("--pic=")), None)
        write(out, large, float(target_mbs), float(target_ratio), elapsed, "--quick" in sys.argv, pic)
    elif what == "speed":
        with open(sys.argv[2]) as f:
            c = json.load(f)
        speed_section(c, print, stage_lines(sys.argv[3] if len(sys.argv) > 3 else None),
                      stage_lines(sys.argv[4] if len(sys.argv) > 4 else None))
    else:
        sys.exit("unknown command " + what)


if __name__ == "__main__":
    main()
