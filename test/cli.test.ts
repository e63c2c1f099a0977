import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';

describe('ergsprint --help', () => {
  it('lists every command', () => {
    const help = buildProgram().helpInformation();
    for (const cmd of ['start', 'live', 'scan', 'replay', 'analyze', 'evaluate', 'import', 'export', 'inspect', 'simulate', 'decode']) {
      expect(help).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });
});
