// node stack-check-v8.mjs CHECKED.wasm UNCHECKED.wasm PAGES ROUNDS RUNS
// The stack check's cost in V8: both linked stackheavy modules compiled once, then RUNS times each, in
// alternating order, a fresh instance and memory running _start with ROUNDS rounds. Prints JSON: the
// median and the fastest milliseconds of each, and checked / unchecked of both.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [checked, unchecked, pages, rounds, runs] = process.argv.slice(2);
const modules = [checked, unchecked].map(f => new WebAssembly.Module(readFileSync(f)));

function once(module) {
  const memory = new WebAssembly.Memory({ initial: Number(pages), maximum: Number(pages) * 8 });
  const wasi = new WASI({ version: 'preview1', args: ['stackheavy', rounds], env: {}, returnOnExit: true,
    stdout: 2 });
  const instance = new WebAssembly.Instance(module, { env: { memory }, wasi_snapshot_preview1: wasi.wasiImport });
  const start = process.hrtime.bigint();
  const exit = wasi.start(instance);
  if (exit !== 0) throw new Error('stackheavy exited with ' + exit);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const times = [[], []];
for (let i = 0; i < Number(runs); i++) {
  const order = i % 2 === 0 ? [0, 1] : [1, 0]; // neither always runs second (tier-up, caches)
  for (const k of order) times[k].push(once(modules[k]));
}
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const [c, u] = times.map(median);
// the fastest run is what the code costs when nothing else takes the cores; the median, what a loaded machine saw
const [cMin, uMin] = times.map(xs => Math.min(...xs));
console.log(JSON.stringify({ node: process.version, v8: process.versions.v8, runs: Number(runs), rounds: Number(rounds),
  checkedMs: c, uncheckedMs: u, ratio: c / u, checkedMinMs: cMin, uncheckedMinMs: uMin, minRatio: cMin / uMin }));
