// Runs a TypeScript bench script with plain Node 20 (no type stripping there): esbuild bundles the
// listed entry points (our src/ and test/ code inlined, packages left to node_modules) into
// node_modules/.cache/ergsprint-bench/ and the first one is run with the arguments after `--`.
// Usage: node test/bench/run-ts.mjs main.ts [child.ts ...] [-- args]
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const entries = dash < 0 ? argv : argv.slice(0, dash);
const args = dash < 0 ? [] : argv.slice(dash + 1);
if (entries.length === 0) {
  console.error('usage: node test/bench/run-ts.mjs main.ts [child.ts ...] [-- args]');
  process.exit(2);
}
const outdir = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'ergsprint-bench');
await build({ entryPoints: entries, outdir, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'inline', outExtension: { '.js': '.mjs' }, logLevel: 'warning' });
const main = join(outdir, basename(entries[0]).replace(/\.ts$/, '.mjs'));
const child = spawn(process.execPath, ['--enable-source-maps', '--expose-gc', main, ...args], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
