// Loader hooks of module-log.mjs (they run on the loader thread).
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, `${url}\n`);
  return next(url, context);
}
