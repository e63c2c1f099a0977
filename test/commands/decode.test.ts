import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { CliError } from '../../src/cli-error.js';
import { runDecode } from '../../src/commands/decode.js';
import { haveVectors, vectors } from '../ftms/shared-vectors.js';

/** Run `ergsprint <args>` through the real program with stdout captured; exit code as main() maps it. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await buildProgram().parseAsync(['node', 'ergsprint', ...args]);
    return { code: 0, out };
  } catch (err) {
    if (err instanceof CliError) return { code: err.exitCode, out };
    if (err instanceof Error && 'exitCode' in err) return { code: 2, out }; // commander usage error
    throw err;
  } finally {
    spy.mockRestore();
    stderr.mockRestore();
  }
}

async function withStdin(input: string, args: string[], json = true): Promise<{ failed: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const failed = await runDecode(args, { char: '2ad1', json }, { stdin: Readable.from([input]), stdout });
  return { failed, out };
}

afterEach(() => vi.restoreAllMocks());

describe('ergsprint decode', () => {
  it('--json prints the raw reading in the vectors.json shape', async () => {
    // flags 0x0021 (More Data, power) | power 0xfff6 = -10 W
    const { code, out } = await cli(['decode', '--json', '2100f6ff']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ flags: 0x21, moreData: true, powerW: -10, trailingBytes: 0, reservedFlagBits: 0 });
  });
  it('a too-short payload is an error object and exit 1; others still print', async () => {
    // flags 0x0020 needs 6 bytes (SR, SC, power); 4 given
    const { code, out } = await cli(['decode', '--json', '2000 0000', '0100']);
    expect(code).toBe(1);
    const [bad, good] = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(bad).toMatchObject({ error: 'TOO_SHORT' });
    expect(typeof bad?.message).toBe('string');
    expect(good).toEqual({ flags: 1, moreData: true, trailingBytes: 0, reservedFlagBits: 0 });
  });
  it('invalid hex is BAD_HEX', async () => {
    const { code, out } = await cli(['decode', '--json', 'zz01']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ error: 'BAD_HEX' });
  });
  it('unknown --char is bad usage (exit 2)', async () => {
    const { code, out } = await cli(['decode', '--char', '2a99', '00']);
    expect(code).toBe(2);
    expect(out).toBe('');
  });
  it('--char 2a37 decodes heart rate; colons allowed', async () => {
    const { out } = await cli(['decode', '--json', '--char', '2a37', '16:59:a2:02']);
    expect(JSON.parse(out)).toEqual({ heartRate: 89, contactSupported: true, contactDetected: true, rrMs: [658.2] });
  });
  it.each([
    ['2acc', '0400', { features: 4 }],
    ['2ad3', '0001', { status: 'idle' }],
    ['2ada', '04', { status: 'started-or-resumed' }],
    ['2ad9', '800705', { result: 'control-not-permitted' }],
  ])('--char %s', async (char, payload, expected) => {
    const { code, out } = await cli(['decode', '--json', '--char', char, payload]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject(expected);
  });
  it('without --json prints an aligned field listing with units', async () => {
    // flags 0x0820 | SR 0x3c = 30 | SC 0x0007 | power 0x00c8 = 200 | elapsed 0x005a = 90
    const { out } = await cli(['decode', '20083c0700c8005a00']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('2ad1 20083c0700c8005a00');
    // names padded to the longest, 'reservedFlagBits' (16), then two spaces
    expect(lines).toContain('  strokeRate        30 spm');
    expect(lines).toContain('  powerW            200 W');
    expect(lines).toContain('  elapsedS          90 s');
    expect(lines).toContain('  flags             0x0820');
  });
  it('the text listing notes sentinel values', async () => {
    // flags 0x0209 (More Data, pace, HR) | pace 0xffff | HR 0
    const { out } = await cli(['decode', '0902ffff00']);
    expect(out).toMatch(/paceS500 +65535 s\/500m {2}\(no pace\)/);
    expect(out).toMatch(/heartRate +0 bpm {2}\(no sensor\)/);
  });
  it('reads one payload per line from stdin, skipping blank lines', async () => {
    const { failed, out } = await withStdin('0100\n\n  21 00 f6 ff  \r\n', []);
    expect(failed).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { flags: 1, moreData: true, trailingBytes: 0, reservedFlagBits: 0 },
      { flags: 0x21, moreData: true, powerW: -10, trailingBytes: 0, reservedFlagBits: 0 },
    ]);
  });
});

describe.runIf(haveVectors)('decode --json agrees with every vector', () => {
  it('rowerData', async () => {
    const { code, out } = await cli(['decode', '--json', ...vectors.rowerData.map((v) => v.hex)]);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(vectors.rowerData.length);
    vectors.rowerData.forEach((v, i) => {
      if (v.error !== null) expect(lines[i]).toMatchObject({ error: v.error });
      else expect(lines[i]).toEqual(v.expected);
    });
    expect(code).toBe(vectors.rowerData.some((v) => v.error !== null) ? 1 : 0);
  });
  it('heartRate', async () => {
    const { code, out } = await cli(['decode', '--json', '--char', '2a37', ...vectors.heartRate.map((v) => v.hex)]);
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(vectors.heartRate.map((v) => v.expected));
  });
});

describe('decode stdin limits', () => {
  it('stops past maxInputBytes and past maxLineBytes, after printing what came before', async () => {
    const run = async (input: string, limits: { maxInputBytes: number; maxLineBytes: number }): Promise<{ err: unknown; out: string }> => {
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (c: Buffer) => (out += c.toString()));
      const err = await runDecode([], { char: '2ad1', json: true }, { stdin: Readable.from([input]), stdout }, limits).then(() => undefined, (e: unknown) => e);
      return { err, out };
    };
    const total = await run('0100\n'.repeat(30), { maxInputBytes: 100, maxLineBytes: 100 });
    expect(total.err).toBeInstanceOf(CliError);
    expect((total.err as CliError).message).toBe('stdin: more than 100 bytes of input (split it into smaller runs)');
    const line = await run(`0100\n${'0'.repeat(101)}\n`, { maxInputBytes: 1000, maxLineBytes: 100 });
    expect([(line.err as CliError).exitCode, (line.err as CliError).message]).toEqual([2, 'stdin:2: line longer than 100 bytes (one payload per line)']);
    expect(line.out.trim().split('\n')).toHaveLength(1);
  });
});
