// Builds the browser display: bundles web/src/main.ts (with uPlot) into dist/web/app.js with esbuild,
// copies index.html, style.css and uPlot's stylesheet next to it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/web`;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${root}web/src/main.ts`],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outfile: `${out}/app.js`,
  logLevel: 'warning',
});
copyFileSync(`${root}web/index.html`, `${out}/index.html`);
copyFileSync(`${root}web/style.css`, `${out}/style.css`);
copyFileSync(`${root}web/favicon.svg`, `${out}/favicon.svg`);
copyFileSync(`${root}node_modules/uplot/dist/uPlot.min.css`, `${out}/uplot.css`);
console.log(`display built into ${out}`);
