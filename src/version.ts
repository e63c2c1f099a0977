/** ergsprint's version, in one place (package.json's "version" says the same; test/cli.test.ts checks). Imports nothing. */
export const VERSION = '0.1.0';
