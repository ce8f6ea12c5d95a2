// Runs a folder written by `wasm-layout link` in V8 (Node's WebAssembly and WASI): every module in
// ONE WebAssembly.Memory with the planned limits, the manifest's run steps in order. It is the
// reference `compare.py` times `wasm-layout link --validate` against; it checks nothing itself.
//
//   node benchmarks/v8run.mjs LINKED_DIR STEPS.json
//
// STEPS.json (compare.py writes it from the manifest): {"modules": [{"name", "imports": {import
// module: provider}, "argv": [...], "env": {...}, "stdin": path or null}], "steps": [{"module",
// "export", "args": [numbers]}]}; without steps every module's _start runs in manifest order.
// Whatever the modules print goes to LINKED_DIR/v8-<module>.out.
import { WASI } from 'node:wasi';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, stepsFile] = process.argv.slice(2);
const layout = JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8'));
const spec = JSON.parse(readFileSync(stepsFile, 'utf8'));
const memory = new WebAssembly.Memory({ initial: layout.memory.initialPages, maximum: layout.memory.maxPages });
const [memModule, memName] = layout.memory.import.split('.');

const compiled = new Map();
for (const m of spec.modules) compiled.set(m.name, new WebAssembly.Module(readFileSync(join(dir, `${m.name}.wasm`))));

const instances = new Map();
const wasis = new Map();
const fds = [];
function instantiate(m, seen = new Set()) {
  if (instances.has(m.name)) return instances.get(m.name);
  if (seen.has(m.name)) throw new Error(`import cycle at ${m.name}`);
  seen.add(m.name);
  const mod = compiled.get(m.name);
  const out = openSync(join(dir, `v8-${m.name}.out`), 'w');
  const stdin = m.stdin ? openSync(m.stdin, 'r') : openSync('/dev/null', 'r');
  fds.push(out, stdin);
  const wasi = new WASI({ version: 'preview1', returnOnExit: true, args: [m.name, ...m.argv], env: m.env,
    stdin, stdout: out, stderr: out });
  const imports = { [memModule]: { [memName]: memory }, wasi_snapshot_preview1: wasi.wasiImport };
  for (const imp of WebAssembly.Module.imports(mod)) {
    if (imp.module === memModule || imp.module === 'wasi_snapshot_preview1' || imports[imp.module]) continue;
    const provider = spec.modules.find((p) => p.name === (m.imports[imp.module] ?? imp.module));
    if (!provider) throw new Error(`${m.name} imports ${imp.module}.${imp.name}: no such module`);
    imports[imp.module] = instantiate(provider, seen).exports;
  }
  const instance = new WebAssembly.Instance(mod, imports);
  if (instance.exports._initialize) wasi.initialize(instance);
  instances.set(m.name, instance);
  wasis.set(m.name, wasi);
  return instance;
}
for (const m of spec.modules) instantiate(m);

const steps = spec.steps.length ? spec.steps
  : spec.modules.map((m) => ({ module: m.name, export: '_start', args: [] }));
for (const s of steps) {
  const instance = instances.get(s.module);
  if (s.export === '_start') wasis.get(s.module).start(instance);
  else instance.exports[s.export](...s.args);
}
fds.forEach(closeSync);
