// Runs a folder written by `wasm-layout link` under V8 (Node's WASI), in ONE WebAssembly.Memory
// with the planned limits, as a host would load it (README, "Loading the output in a host"):
//
//   node harness/linked.mjs <linked-dir> [module...]
//
// Calls `_start` of each named module (default: every module of layout.json, in its order) and
// leaves stdout to the modules, so stdout can be compared byte for byte with what the original
// modules print alone (harness/run.mjs --standalone). A non-zero exit is reported on stderr and
// becomes this script's exit code. Needs Node >= 20 (node:wasi, preview1; V8 there runs the legacy
// exception-handling instructions clang 19 emits without a flag).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WASI } from 'node:wasi';

const [dirArg, ...names] = process.argv.slice(2);
const dir = resolve(dirArg ?? '.');
const layout = JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8'));
const [importModule, importName] = layout.memory.import.split('.');
const memory = new WebAssembly.Memory({ initial: layout.memory.initialPages, maximum: layout.memory.maxPages });

let status = 0;
for (const name of names.length ? names : layout.modules.map((m) => m.name)) {
  const module = new WebAssembly.Module(readFileSync(join(dir, `${name}.wasm`)));
  const wasi = new WASI({ version: 'preview1', returnOnExit: true, args: [name], env: {} });
  const instance = new WebAssembly.Instance(module, {
    [importModule]: { [importName]: memory },
    wasi_snapshot_preview1: wasi.wasiImport,
  });
  const code = wasi.start(instance);
  if (code !== 0) {
    process.stderr.write(`${name}._start exited with ${code}\n`);
    status = code;
  }
}
process.exitCode = status;
