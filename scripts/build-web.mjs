// Builds the browser display (web/src/*.ts) into dist/web with esbuild. Placeholder until the display lands.
import { mkdirSync } from 'node:fs';
mkdirSync(new URL('../dist/web', import.meta.url), { recursive: true });
