// Runs a WASI command under node:wasi with the process's own fds 0-2, so the shell's redirections decide
// what the module sees:  node run-node.mjs probe.wasm < input.txt 2>stderr.txt | cat
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', returnOnExit: true, args: [file, ...args], env: {} });
const module = new WebAssembly.Module(readFileSync(file));
const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
