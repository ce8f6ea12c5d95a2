// Runs what `wasm-layout link` wrote under Node's WASI, so its stdout can be compared with a
// sample's expected output. The tests write the plan (linker SamplesOnNodeTest):
//
//   node harness/output.mjs PLAN.json
//
// PLAN.json: { "fused": "DIR/fused.wasm" | null, "memory": { "initial", "maximum" },
//   "modules": [ { "name", "wasm", "imports": { importModule: providerModule }, "argv": [...], "env": {...} } ],
//   "steps": null | [ { "write": address, "text": "..." } | { "call": "module.export", "args": [numbers] } ] }
//
// fused: one instance. Without steps its _start runs (the manifest's calls, compiled in); with steps
//   (a manifest with host steps) the steps are done here: text written into the memory, exports
//   called as "module.export".
// Otherwise the linked set: ONE WebAssembly.Memory imported by every module (instantiated in manifest
//   order, imports between modules resolved to the provider's exports), each with its own WASI
//   (args = [name, ...argv]); the steps are done in order (null: every _start/_initialize).
// Only the modules write to stdout; exit codes other than 0 go to stderr and the exit status.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let status = 0;
const exited = (what, code) => {
  if (code) { process.stderr.write(`${what} exited with ${code}\n`); status = code; }
};

if (plan.fused) {
  const wasi = new WASI({ version: 'preview1', returnOnExit: true, args: [], env: {} });
  const module = new WebAssembly.Module(readFileSync(plan.fused));
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport });
  const e = instance.exports;
  if (!plan.steps) {
    exited('_start', wasi.start(instance));
  } else {
    wasi.initialize({ exports: { memory: e.memory } });
    for (const step of plan.steps) {
      if ('write' in step) new Uint8Array(e.memory.buffer).set(new TextEncoder().encode(step.text), step.write);
      if (step.call) e[step.call](...step.args);
    }
  }
} else {
  const memory = new WebAssembly.Memory(plan.memory);
  const instances = new Map();
  for (const m of plan.modules) {
    const wasi = new WASI({ version: 'preview1', returnOnExit: true, args: [m.name, ...m.argv], env: m.env });
    const module = new WebAssembly.Module(readFileSync(m.wasm));
    const imports = { env: { memory }, wasi_snapshot_preview1: wasi.wasiImport };
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.kind !== 'function' || imp.module === 'wasi_snapshot_preview1') continue;
      const provider = instances.get(m.imports[imp.module] ?? imp.module);
      if (!provider) throw new Error(`${m.name} imports ${imp.module}.${imp.name}, which no module provides`);
      (imports[imp.module] ??= {})[imp.name] = provider.exports[imp.name];
    }
    const instance = new WebAssembly.Instance(module, imports);
    instances.set(m.name, { exports: instance.exports, wasi, state: 'new' });
  }
  const steps = plan.steps ?? plan.modules.flatMap((m) => {
    const e = instances.get(m.name).exports;
    return e._start ? [{ call: `${m.name}._start`, args: [] }] : e._initialize ? [{ call: `${m.name}._initialize`, args: [] }] : [];
  });
  for (const step of steps) {
    if ('write' in step) new Uint8Array(memory.buffer).set(new TextEncoder().encode(step.text), step.write);
    if (!step.call) continue;
    const [name, fn] = [step.call.slice(0, step.call.indexOf('.')), step.call.slice(step.call.indexOf('.') + 1)];
    const it = instances.get(name);
    if (fn === '_start') {
      // a command runs through WASI's start, so that exit() ends it with a code instead of a throw
      exited(step.call, it.wasi.start({ exports: { memory, _start: it.exports._start } }));
      it.state = 'started';
    } else {
      if (it.state === 'new') { it.wasi.initialize({ exports: { memory } }); it.state = 'initialized'; }
      it.exports[fn](...step.args);
    }
  }
}
process.exitCode = status;
