// Builds the browser display: bundles web/src/main.ts (with uPlot) into dist/web/app.js and the
// history page web/src/history/main.ts into dist/web/history.js with esbuild, copies index.html,
// history.html, style.css and uPlot's stylesheet next to them.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/web`;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: `${root}web/src/main.ts`, history: `${root}web/src/history/main.ts` },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir: out,
  logLevel: 'warning',
});
copyFileSync(`${root}web/index.html`, `${out}/index.html`);
copyFileSync(`${root}web/history.html`, `${out}/history.html`);
copyFileSync(`${root}web/style.css`, `${out}/style.css`);
copyFileSync(`${root}web/favicon.svg`, `${out}/favicon.svg`);
copyFileSync(`${root}node_modules/uplot/dist/uPlot.min.css`, `${out}/uplot.css`);
console.log(`display built into ${out}`);
