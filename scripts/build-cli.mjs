// Bundles the ergsprint executable (src/bin.ts) with esbuild into dist/bin.js and dist/chunks/:
// every command stays a lazily loaded chunk (esbuild code splitting), so `--version` and `--help`
// load no command, and a command loads a handful of files instead of the ~100 modules tsc emits.
// rxjs is bundled from its ES module build (Node's `import 'rxjs'` would load its whole CommonJS
// build, ≈ 0.1 s); every other dependency stays in node_modules, loaded when a chunk needs it.
// dist/chunks/meta.json (esbuild's metafile) says which sources each chunk holds (tests read it).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist/chunks`, { recursive: true, force: true });
const result = await build({
  entryPoints: { bin: `${root}src/bin.ts` },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  absWorkingDir: root,
  outdir: `${root}dist`,
  chunkNames: 'chunks/[name]-[hash]',
  external: Object.keys(pkg.dependencies).filter((name) => name !== 'rxjs'),
  alias: { rxjs: `${root}node_modules/rxjs/dist/esm/index.js` },
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${root}dist/chunks/meta.json`, JSON.stringify(result.metafile));
console.log(`ergsprint built into ${root}dist/bin.js (${Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length} files)`);
