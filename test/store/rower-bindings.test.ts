/** rowers.json: validated on load (a bad file is one warning, an empty table), written atomically. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingsPath, loadBindings, parseBindings, saveBindings } from '../../src/store/rower-bindings.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'ergsprint-bindings-'));

describe('rower bindings', () => {
  it('round trip through the file; the write leaves no temporary file behind', () => {
    const d = dir();
    const p = bindingsPath(d);
    saveBindings(p, { 'e7:51': { name: 'Lane 3', athlete: 'Ada' }, b: { athlete: 'Grace' } });
    expect(readdirSync(d)).toEqual(['rowers.json']);
    const warn: string[] = [];
    expect(loadBindings(p, (l) => void warn.push(l))).toEqual({ 'e7:51': { name: 'Lane 3', athlete: 'Ada' }, b: { athlete: 'Grace' } });
    expect(warn).toEqual([]);
  });

  it('a missing file is an empty table, silently', () => {
    const warn: string[] = [];
    expect(loadBindings(join(dir(), 'rowers.json'), (l) => void warn.push(l))).toEqual({});
    expect(warn).toEqual([]);
  });

  it.each([
    ['not JSON', '{"version":1,', 'not JSON'],
    ['wrong version', '{"version":2,"rowers":{}}', 'expected {"version":1,"rowers":{...}}'],
    ['bad id', '{"version":1,"rowers":{"a b":{}}}', 'rower id "a b" is not a rower id'],
    ['name too long', `{"version":1,"rowers":{"a":{"name":"${'n'.repeat(41)}"}}}`, 'rowers.a.name must be 1–40 characters'],
    ['unknown field', '{"version":1,"rowers":{"a":{"colour":"red"}}}', 'rowers.a has unknown fields (colour)'],
  ])('%s: one warning line, an empty table', (_what, text, reason) => {
    const p = join(dir(), 'rowers.json');
    writeFileSync(p, text);
    const warn: string[] = [];
    expect(loadBindings(p, (l) => void warn.push(l))).toEqual({});
    expect(warn).toEqual([`${p}: ${reason}; rower names start empty`]);
  });

  it('a failed write leaves the old file whole', () => {
    const d = dir();
    const p = bindingsPath(d);
    saveBindings(p, { a: { athlete: 'Ada' } });
    const before = readFileSync(p, 'utf8');
    // a directory where the temporary file would go makes the write fail
    expect(() => saveBindings(join(p, 'x'), { a: { athlete: 'Bob' } })).toThrow();
    expect(readFileSync(p, 'utf8')).toBe(before);
    expect(existsSync(`${p}.${process.pid}.tmp`)).toBe(false);
    expect(typeof parseBindings(JSON.parse(before))).toBe('object');
  });
});
