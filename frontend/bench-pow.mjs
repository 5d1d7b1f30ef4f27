// How fast the page's solver (src/pow.ts) searches on this machine, in node: `node bench-pow.mjs [numbers]`.
// Builds ALTCHA-like challenges whose number is the last one (the worst case: every number tried), with salts shaped
// like the server's (the session's and the identity's are about 100 characters), and prints hashes per second.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const numbers = Number(process.argv[2] ?? 500_000);
const dir = mkdtempSync(join(tmpdir(), 'bench-pow-'));
const file = join(dir, 'pow.mjs');
await build({ entryPoints: [new URL('./src/pow.ts', import.meta.url).pathname], bundle: true, format: 'esm',
  platform: 'node', outfile: file, logLevel: 'error' });
const { solve } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true });

const salts = {
  'session-like salt, 108 chars': `9f2c4e1a7b3d5f6e8a0b1c2d?campaign=42&player=${'x'.repeat(43)}&until=1767225600000`,
  'short salt, 40 chars': `9f2c4e1a7b3d5f6e8a0b1c2d?until=17672256`,
};

function challenge(salt, number, maxNumber) {
  const hex = createHash('sha256').update(salt + number).digest('hex');
  return { algorithm: 'SHA-256', salt, challenge: hex, maxNumber, signature: 'bench' };
}

solve(challenge(salts['short salt, 40 chars'], 20_000, 20_000)); // warm up the JIT
console.log(`node ${process.version}, ${numbers.toLocaleString('en')} numbers per run`);
for (const [name, salt] of Object.entries(salts)) {
  let best = 0;
  for (let run = 0; run < 3; run++) {
    const puzzle = challenge(salt, numbers, numbers);
    const start = performance.now();
    const found = solve(puzzle);
    const seconds = (performance.now() - start) / 1000;
    if (!found || found.number !== numbers) throw new Error(`the solver missed ${numbers}`);
    best = Math.max(best, (numbers + 1) / seconds);
  }
  const phone = best / 8;
  console.log(`${name}: ${Math.round(best).toLocaleString('en')} hashes/s`
    + ` (a cheap phone at 1/8: ${Math.round(phone).toLocaleString('en')} hashes/s;`
    + ` 172 000 numbers in ${(172_000 / phone).toFixed(1)} s, 5 000 000 in ${(5_000_000 / phone).toFixed(0)} s)`);
}
