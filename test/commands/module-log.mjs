// `node --import ./module-log.mjs …`: appends the URL of every ES module the process loads to $MODULE_LOG.
import { register } from 'node:module';

register(new URL('./module-log-hooks.mjs', import.meta.url));
