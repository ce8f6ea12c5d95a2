// Test harness for the samples: runs a sample's modules together in ONE WebAssembly.Memory
// under Node's WASI, without wasm-layout, to produce the sample's expected output.
//
//   node harness/run.mjs <sample-dir> [--omit <module>]...
//
// It reads <sample-dir>/harness.json (a hand-made layout mirroring wasm-layout.yaml) and
//   - "placed" modules: rebuilds them from source with the layout baked in (build.sh with
//     PLACED_DIR: --import-memory, --global-base, -z stack-size, a confined sbrk, -D addresses of
//     shared regions, since wasm-ld cannot leave a data symbol undefined at a chosen address);
//   - "pic" modules: instantiates the committed build/<m>.pic.wasm as a side module, binding
//     __memory_base, __stack_pointer, __table_base and GOT.mem.* (regions or its own exports).
// Then it executes the "run" steps. Only the modules write to stdout, so stdout is exactly the
// expected output. Layout facts and overlap checks go to stderr. A module's "argv" (harness.json,
// as in wasm-layout.yaml) is what its WASI sees after argv[0], which is the module's name.
//
// Needs Node >= 20 (node:wasi, preview1) and the toolchain of ../common.sh for placed builds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WASI } from 'node:wasi';

const PAGE = 65536;
const argv = process.argv.slice(2);
const sampleDir = resolve(argv[0] ?? '.');
const omit = new Set();
const wasmOverride = {};
const buildOverride = {}; // --as name=placed|pic: run a module another way than harness.json says
let standalone = false;
for (let i = 1; i < argv.length; i++) {
  if (argv[i] === '--omit') omit.add(argv[++i]);
  else if (argv[i] === '--standalone') standalone = true;
  else if (argv[i] === '--wasm') { const [k, v] = argv[++i].split('='); wasmOverride[k] = v; }
  else if (argv[i] === '--as') { const [k, v] = argv[++i].split('='); buildOverride[k] = v; }
  else throw new Error(`unknown argument ${argv[i]}`);
}
const plan = JSON.parse(readFileSync(join(sampleDir, 'harness.json'), 'utf8'));
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

// --standalone: run the committed modules as they are, each in its own memory (only for
// samples whose modules do not share anything, i.e. footprint). --wasm name=path picks a variant.
if (standalone) {
  for (const step of plan.run) {
    const [name, fn] = step.call.split('.');
    if (fn !== '_start') throw new Error('--standalone runs commands only');
    const file = join(sampleDir, wasmOverride[name] ?? `build/${name}.wasm`);
    const wasi = newWasi(plan.modules.find((m) => m.name === name) ?? { name });
    const module = new WebAssembly.Module(readFileSync(file));
    const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport });
    const code = wasi.start(instance);
    if (code !== 0) log(`${name}._start exited with ${code}`);
  }
  process.exit(0);
}
const hex = (n) => '0x' + n.toString(16);
const align = (n, a) => Math.ceil(n / a) * a;

const pages = plan.memory.pages;
const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
const regions = plan.regions ?? {}; // name -> { at, size }
const owned = []; // [start, end, what] for the overlap check

for (const [name, r] of Object.entries(regions)) owned.push([r.at, r.at + r.size, `region ${name}`]);

const modules = plan.modules.filter((m) => !omit.has(m.name))
  .map((m) => ({ ...m, build: buildOverride[m.name] ?? m.build }));

// ---- placed builds -------------------------------------------------------------------------
const placed = modules.filter((m) => m.build === 'placed');
let workDir = null;
if (placed.length) {
  workDir = mkdtempSync(join(tmpdir(), 'wasm-layout-harness-'));
  const env = { ...process.env, PLACED_DIR: workDir };
  for (const m of placed) {
    const defines = Object.entries(m.defines ?? {}).map(([k, v]) =>
      `-D${k}=${hex(typeof v === 'string' ? regionAt(v) : v)}`);
    env[`PLACED_FLAGS_${m.name.replace(/-/g, '_')}`] = [
      '-Wl,--import-memory', `-Wl,--initial-memory=${pages * PAGE}`, `-Wl,--max-memory=${pages * PAGE}`,
      `-Wl,--global-base=${m.base}`, `-Wl,-z,stack-size=${m.stack}`, '-Wl,--export=__heap_base',
      '-Wl,--export=__data_end', `-DCONFINED_HEAP_SIZE=${m.heap ?? 0}`, ...defines,
    ].join(' ');
  }
  const r = spawnSync('bash', [join(sampleDir, 'build.sh')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`placed build of ${sampleDir} failed`);
}

function regionAt(name) {
  if (!(name in regions)) throw new Error(`unknown region ${name}`);
  return regions[name].at;
}

// ---- instantiation -------------------------------------------------------------------------
const instances = new Map(); // name -> { exports, wasi, kind }

function readUleb(bytes, pos) {
  let result = 0, shift = 0, b;
  do { b = bytes[pos.i++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
}

function dylinkMemInfo(module) {
  const [sec] = WebAssembly.Module.customSections(module, 'dylink.0');
  if (!sec) throw new Error('no dylink.0 section');
  const bytes = new Uint8Array(sec), pos = { i: 0 };
  while (pos.i < bytes.length) {
    const type = bytes[pos.i++], size = readUleb(bytes, pos), end = pos.i + size;
    if (type === 1) { // WASM_DYLINK_MEM_INFO
      const memSize = readUleb(bytes, pos), memAlign = readUleb(bytes, pos);
      const tableSize = readUleb(bytes, pos), tableAlign = readUleb(bytes, pos);
      return { memSize, memAlign, tableSize, tableAlign };
    }
    pos.i = end;
  }
  throw new Error('dylink.0 has no WASM_DYLINK_MEM_INFO');
}

function importsFor(m, module, wasi) {
  const imports = { env: { memory } };
  if (wasi) imports.wasi_snapshot_preview1 = wasi.wasiImport;
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module === 'env' || imp.module === 'wasi_snapshot_preview1' || imp.module.startsWith('GOT.')) continue;
    const provider = (m.imports ?? {})[imp.module] ?? imp.module;
    imports[imp.module] ??= {};
    if (instances.has(provider)) {
      imports[imp.module][imp.name] = instances.get(provider).exports[imp.name];
    } else if (omit.has(provider)) {
      imports[imp.module][imp.name] = () => 0; // optional module left out: a do-nothing stub
    } else {
      throw new Error(`${m.name} imports ${imp.module}.${imp.name} but ${provider} is not instantiated yet`);
    }
  }
  return imports;
}

function needsWasi(module) {
  return WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1');
}

function newWasi(m) {
  return new WASI({ version: 'preview1', returnOnExit: true, args: m.argv ? [m.name, ...m.argv] : [], env: {} });
}

for (const m of modules) {
  if (m.build === 'placed') {
    const module = new WebAssembly.Module(readFileSync(join(workDir, `${m.name}.wasm`)));
    const wasi = needsWasi(module) ? newWasi(m) : null;
    const instance = new WebAssembly.Instance(module, importsFor(m, module, wasi));
    const e = instance.exports;
    const heapBase = e.__heap_base.value, dataEnd = e.__data_end.value;
    const end = heapBase + (m.heap ?? 0);
    log(`${m.name}: placed, data ${hex(m.base)}..${hex(dataEnd)}, stack top ${hex(heapBase)}, heap ..${hex(end)}`);
    owned.push([m.base, end, `module ${m.name}`]);
    const fake = { exports: { ...e, memory } }; // node:wasi wants exports.memory
    const kind = e._start ? 'command' : e._initialize ? 'reactor' : 'bare';
    if (wasi && kind === 'bare') wasi.initialize(fake);
    instances.set(m.name, { exports: e, wasi, fake, kind });
  } else if (m.build === 'pic') {
    const module = new WebAssembly.Module(readFileSync(join(sampleDir, m.wasm)));
    const info = dylinkMemInfo(module);
    const base = m.base;
    if (base % 2 ** info.memAlign) throw new Error(`${m.name}: base ${base} breaks alignment 2^${info.memAlign}`);
    const stackTop = align(base + info.memSize, 16) + m.stack;
    const wasi = needsWasi(module) ? newWasi(m) : null;
    const imports = importsFor(m, module, wasi);
    Object.assign(imports.env, {
      __memory_base: new WebAssembly.Global({ value: 'i32', mutable: false }, base),
      __table_base: new WebAssembly.Global({ value: 'i32', mutable: false }, 0),
      __stack_pointer: new WebAssembly.Global({ value: 'i32', mutable: true }, stackTop),
      __indirect_function_table: new WebAssembly.Table({ initial: info.tableSize, element: 'anyfunc' }),
    });
    const selfGot = [];
    for (const imp of WebAssembly.Module.imports(module).filter((i) => i.module === 'GOT.mem')) {
      imports['GOT.mem'] ??= {};
      const g = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
      imports['GOT.mem'][imp.name] = g;
      if (imp.name in regions) g.value = regions[imp.name].at;
      else selfGot.push([imp.name, g]); // resolved against the module's own exports below
    }
    const instance = new WebAssembly.Instance(module, imports);
    const e = instance.exports;
    for (const [name, g] of selfGot) {
      if (!(e[name] instanceof WebAssembly.Global)) throw new Error(`${m.name}: unresolved GOT.mem.${name}`);
      g.value = base + e[name].value;
    }
    log(`${m.name}: pic, __memory_base ${hex(base)}, mem_size ${info.memSize}, __stack_pointer ${hex(stackTop)}`);
    owned.push([base, stackTop, `module ${m.name}`]);
    e.__wasm_apply_data_relocs?.();
    e.__wasm_call_ctors?.();
    const fake = { exports: { ...e, memory } };
    if (wasi) wasi.initialize(fake);
    instances.set(m.name, { exports: e, wasi, fake, kind: 'bare' });
  } else {
    throw new Error(`${m.name}: unknown build ${m.build}`);
  }
}

owned.sort((a, b) => a[0] - b[0]);
for (let i = 1; i < owned.length; i++)
  if (owned[i][0] < owned[i - 1][1])
    throw new Error(`layout overlap: ${owned[i - 1][2]} ..${hex(owned[i - 1][1])} and ${owned[i][2]} ${hex(owned[i][0])}..`);
if (owned.length && owned[owned.length - 1][1] > pages * PAGE) throw new Error('layout exceeds the memory');

// ---- run ----------------------------------------------------------------------------------
const bytes = () => new Uint8Array(memory.buffer);
for (const step of plan.run) {
  if (step.write) {
    const data = new TextEncoder().encode(step.text);
    if (data.length > regions[step.write].size) throw new Error(`write to ${step.write} too long`);
    bytes().set(data, regionAt(step.write) + (step.offset ?? 0));
    continue;
  }
  const [modName, fn] = step.call.split('.');
  if (omit.has(modName)) continue;
  const inst = instances.get(modName);
  if (!inst) throw new Error(`run: no module ${modName}`);
  const args = (step.args ?? []).map((a) => (typeof a === 'string' ? regionAt(a) : a));
  if (fn === '_start') {
    const code = inst.wasi.start(inst.fake);
    if (code !== 0) log(`${modName}._start exited with ${code}`);
  } else if (fn === '_initialize') {
    inst.wasi.initialize(inst.fake);
  } else {
    if (typeof inst.exports[fn] !== 'function') throw new Error(`run: ${modName} exports no ${fn}`);
    inst.exports[fn](...args);
  }
}
if (workDir) rmSync(workDir, { recursive: true, force: true });
writeSync(1, ''); // stdout is written synchronously by WASI; nothing left to flush
