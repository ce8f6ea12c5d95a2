// node run-in-node.mjs MODULE.wasm INITIAL_PAGES MAX_PAGES [args...]: runs a linked module's _start in V8 with
// one imported memory and WASI; prints what it printed; on a trap prints "trap: <message>" and the
// wasm functions of its stack (V8 names them from the name section), and exits 134.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
const [file, initial, maximum, ...args] = process.argv.slice(2);
const memory = new WebAssembly.Memory({ initial: Number(initial), maximum: Number(maximum) });
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, returnOnExit: true });
const { instance } = await WebAssembly.instantiate(readFileSync(file), {
  env: { memory }, wasi_snapshot_preview1: wasi.wasiImport });
try {
  process.exitCode = wasi.start(instance);
} catch (e) {
  console.log('trap: ' + e.message);
  console.log(e.stack.split('\n').filter(l => l.includes('wasm')).map(l => l.trim()).join('\n'));
  process.exitCode = 134;
}
