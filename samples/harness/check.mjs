// Runs every sample's harness checks and compares stdout with the committed expected output.
//   node harness/check.mjs [--update] [sample...]
// Each entry of harness.json "checks" is one run of run.mjs (its args) and the file its stdout
// must equal. --update rewrites the expected files from the first check that names them
// (the later checks still have to agree).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const samplesDir = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const update = args.includes('--update');
let samples = args.filter((a) => a !== '--update');
if (!samples.length)
  samples = readdirSync(samplesDir).filter((d) => existsSync(join(samplesDir, d, 'harness.json'))).sort();

let failures = 0;
for (const sample of samples) {
  const dir = join(samplesDir, sample);
  const { checks } = JSON.parse(readFileSync(join(dir, 'harness.json'), 'utf8'));
  const written = new Set();
  for (const check of checks) {
    const r = spawnSync(process.execPath,
      ['--no-warnings', join(samplesDir, 'harness', 'run.mjs'), dir, ...check.args],
      { encoding: 'utf8', maxBuffer: 1 << 24 });
    const label = `${sample} ${check.args.join(' ') || '(default)'}`;
    if (r.status !== 0) {
      console.log(`FAIL ${label}: exit ${r.status}\n${r.stderr}`);
      failures++;
      continue;
    }
    const file = join(dir, check.expect);
    if (update && !written.has(file)) {
      writeFileSync(file, r.stdout);
      written.add(file);
      console.log(`wrote ${sample}/${check.expect}`);
      continue;
    }
    const expected = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (expected === r.stdout) console.log(`ok   ${label} = ${check.expect}`);
    else {
      console.log(`FAIL ${label}: stdout differs from ${check.expect}`);
      failures++;
    }
  }
}
process.exit(failures ? 1 : 0);
