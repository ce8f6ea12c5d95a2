// Prints the layout facts of every prebuilt module as Markdown, from the committed
// build/<file>.objdump.txt (wasm-objdump -x) and build/<module>.symbols.txt (llvm-readobj --symbols).
//   node harness/facts.mjs > /tmp/facts.md      (used to write the tables in README.md)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const samplesDir = dirname(dirname(fileURLToPath(import.meta.url)));

function symbolsOf(file) {
  // llvm-readobj blocks: Name, Type, Flags [ (0x..), Offset, Segment, Size / ElementIndex
  const out = {};
  if (!existsSync(file)) return out;
  const text = readFileSync(file, 'utf8');
  for (const block of text.split('Symbol {').slice(1)) {
    const name = /Name: (\S+)/.exec(block)?.[1];
    const flags = parseInt(/Flags \[ \((0x[0-9A-Fa-f]+)\)/.exec(block)?.[1] ?? '0', 16);
    const offset = /Offset: (0x[0-9A-Fa-f]+)/.exec(block)?.[1];
    out[name] = { flags, offset: offset === undefined ? undefined : parseInt(offset, 16) };
  }
  return out;
}

function facts(dir, wasmFile) {
  const base = wasmFile.replace(/\.wasm$/, '');
  const dump = readFileSync(join(dir, 'build', `${base}.objdump.txt`), 'utf8');
  const syms = symbolsOf(join(dir, 'build', `${base}.symbols.txt`));
  const lines = dump.split('\n');
  const f = { file: wasmFile, segments: [], exports: [], imports: [], customs: [] };
  let section = '';
  for (const line of lines) {
    const sec = /^(\w+)\[\d+\]:$/.exec(line) || /^(Custom):$/.exec(line);
    if (sec) { section = sec[1]; continue; }
    let m;
    if ((m = / - name: "([^"]+)"/.exec(line)) && section === 'Custom') f.customs.push(m[1]);
    if ((m = /memory\[0\] pages: initial=(\d+)(?: max=(\d+))?(?: <- (\S+))?/.exec(line)))
      f.memory = { initial: +m[1], max: m[2] ? +m[2] : null, import: m[3] ?? null };
    if ((m = /<__stack_pointer> - init i32=(\d+)/.exec(line))) f.sp = +m[1];
    if ((m = /global\[\d+\] i32 mutable=1 <- env\.__stack_pointer/.exec(line))) f.sp = 'imported';
    if ((m = /<(__heap_base|__data_end)> - init i32=(\d+)/.exec(line))) f[m[1]] = { value: +m[2], how: 'exported global' };
    if ((m = /D <(__heap_base|__data_end)> segment=\d+ offset=(\d+)/.exec(line)) && !f[m[1]])
      f[m[1]] = { value: +m[2], how: 'linking symbol' };
    if (section === 'Data' && (m = /^ - segment\[(\d+)\] (?:<([^>]+)> )?memory=0 size=(\d+) - init (?:i32=(\d+)|global=\d+ <(\w+)>)/.exec(line)))
      f.segments.push({ name: m[2] ?? `#${m[1]}`, size: +m[3], at: m[4] !== undefined ? +m[4] : `${m[5]}+0` });
    if (section === 'Export' && (m = /^ - (\w+)\[\d+\].* -> "([^"]+)"/.exec(line))) f.exports.push(`${m[2]}${m[1] === 'func' ? '' : ` [${m[1]}]`}`);
    if (section === 'Import' && (m = /<- (\S+)$/.exec(line))) f.imports.push(m[1]);
  }
  for (const name of ['__heap_base', '__data_end']) {
    if (!f[name] && syms[name] && syms[name].offset !== undefined)
      f[name] = { value: syms[name].offset, how: `symbol flags 0x${syms[name].flags.toString(16)}` };
  }
  const firstData = Math.min(...f.segments.filter((s) => typeof s.at === 'number').map((s) => s.at));
  f.stackFirst = typeof f.sp === 'number' ? f.sp <= firstData : null;
  const last = f.segments.filter((s) => typeof s.at === 'number').at(-1);
  f.segmentsEnd = last ? last.at + last.size : null;
  return f;
}

const fmtPages = (m) => m.import ? `import ${m.import} min ${m.initial}` : `${m.initial}${m.max === null ? ', no max' : ` .. ${m.max}`}`;

for (const sample of readdirSync(samplesDir).sort()) {
  const dir = join(samplesDir, sample);
  if (!existsSync(join(dir, 'build'))) continue;
  const files = readdirSync(join(dir, 'build')).filter((x) => x.endsWith('.wasm')).sort();
  console.log(`\n#### ${sample}\n`);
  console.log('| file | memory pages | global base | data segments (name @ offset, size) | __stack_pointer init | __heap_base | __data_end | stack-first | relocation sections | exports |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const file of files) {
    const f = facts(dir, file);
    let segs = f.segments.map((s) => `${s.name} @ ${s.at}, ${s.size}`).join('; ');
    if (f.segments.length > 4) // wasm-opt's memory packing; names 0..2 come from the stale segment info
      segs = `${f.segments.length} segments from ${f.segments[0].at} to ${f.segmentsEnd} (split by wasm-opt; the names wasm-objdump shows for the first ones come from the stale linking segment info)`;
    const hb = f.__heap_base ? `${f.__heap_base.value}` : '—';
    const de = f.__data_end ? `${f.__data_end.value}` : `— (segments end ${f.segmentsEnd ?? '—'})`;
    const rel = f.customs.filter((c) => c === 'linking' || c.startsWith('reloc.') || c === 'dylink.0').join(', ');
    const imps = f.imports.filter((i) => !i.startsWith('wasi_snapshot_preview1.'));
    const wasi = f.imports.length - imps.length;
    const exps = f.exports.join(', ') + (imps.length || wasi ? `<br>imports: ${[...imps, ...(wasi ? [`${wasi} wasi_snapshot_preview1.*`] : [])].join(', ')}` : '');
    const gb = typeof f.segments[0]?.at === 'number' ? f.segments[0].at : f.segments[0]?.at ?? '—';
    console.log(`| ${file} | ${fmtPages(f.memory)} | ${gb} | ${segs} | ${f.sp ?? 'none (no stack use)'} | ${hb} | ${de} | ${f.stackFirst === null ? 'n/a' : f.stackFirst ? 'yes' : 'no'} | ${rel} | ${exps} |`);
  }
}
