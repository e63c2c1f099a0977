/**
 * What a CLI process loaded, in source terms. Each URL the module log saw (module-log.mjs) becomes
 * the sources it holds: a bundled file of dist/ becomes the files of src/ and node_modules/ that
 * esbuild put into it (dist/chunks/meta.json, written by scripts/build-cli.mjs); any other file
 * stays its own path from the package root (node_modules/fastify/fastify.js, …).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './cli-process.js';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

export function sourcesOf(urls: readonly string[]): string[] {
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'chunks', 'meta.json'), 'utf8')) as Metafile;
  return urls
    .filter((u) => u.startsWith('file:'))
    .flatMap((u) => {
      const path = relative(root, fileURLToPath(u));
      const output = meta.outputs[path];
      return output ? Object.keys(output.inputs) : [path];
    });
}
