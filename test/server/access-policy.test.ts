/** The Host / Origin rules as tables (access-policy.ts); the HTTP and WebSocket behaviour is in origin.test.ts. */
import { describe, expect, it } from 'vitest';
import { AccessPolicy, clientAddress, normaliseOrigin, parseHostHeader } from '../../src/server/access-policy.js';

describe('parseHostHeader', () => {
  it.each<[string | undefined, ReturnType<typeof parseHostHeader>]>([
    ['localhost:8080', { hostname: 'localhost', port: 8080 }],
    ['LocalHost', { hostname: 'localhost', port: 80 }],
    ['127.0.0.1:1', { hostname: '127.0.0.1', port: 1 }],
    ['[::1]:8080', { hostname: '[::1]', port: 8080 }],
    ['rowpc.local', { hostname: 'rowpc.local', port: 80 }],
    [undefined, undefined],
    ['', undefined],
    ['evil.example@127.0.0.1', undefined],
    ['127.0.0.1:0', undefined],
    ['127.0.0.1:70000', undefined],
    ['[not-ip]:80', undefined],
    ['a b', undefined],
    ['localhost:8080/x', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseHostHeader(value)).toEqual(expected);
  });
});

describe('normaliseOrigin', () => {
  it.each<[string, string | undefined]>([
    ['http://localhost', 'http://localhost:80'],
    ['http://LOCALHOST:80', 'http://localhost:80'],
    ['https://a.example', 'https://a.example:443'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://rowpc.local:8080/', 'http://rowpc.local:8080'],
    ['null', undefined],
    ['file://', undefined],
    ['ws://localhost:8080', undefined],
    ['http://a.example/path', undefined],
    ['http://user@a.example', undefined],
    ['rowpc.local', undefined],
  ])('%j → %j', (value, expected) => {
    expect(normaliseOrigin(value)).toBe(expected);
  });
});

describe('AccessPolicy', () => {
  const local = new AccessPolicy();
  it.each<[string, string, boolean]>([
    ['http://127.0.0.1:8080', '127.0.0.1:8080', true],
    ['http://localhost', 'localhost:80', true],
    ['http://localhost:8080', 'localhost:8080', true],
    ['http://[::1]:8080', '[::1]:8080', true],
    ['http://localhost:3000', 'localhost:8080', false], // another port is another origin
    ['http://127.0.0.1:8080', 'localhost:8080', false], // same machine, but not the page's own host
    ['https://127.0.0.1:8080', '127.0.0.1:8080', false],
    ['http://evil.example:8080', 'evil.example:8080', false], // a rebound name fails on Host
  ])('loopback server: Origin %s with Host %s → %s', (origin, host, expected) => {
    expect(local.originAllowed(origin, host)).toBe(expected);
  });

  it('beyond loopback any IP is a Host and so is a named --host; other names are not; on loopback only loopback names', () => {
    const any = new AccessPolicy({ listenHost: '0.0.0.0' });
    expect([any.hostAllowed('10.1.2.3:8080'), any.hostAllowed('[fe80::1]'), any.hostAllowed('rowpc.local:8080')]).toEqual([true, true, false]);
    const named = new AccessPolicy({ listenHost: 'rowpc.local' });
    expect([named.hostAllowed('rowpc.local:8080'), named.hostAllowed('10.1.2.3:8080'), named.hostAllowed('other.local')]).toEqual([true, true, false]);
    const v6 = new AccessPolicy({ listenHost: 'fe80::1' });
    expect(v6.hostAllowed('[fe80::1]:8080')).toBe(true);
    for (const listenHost of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      const lo = new AccessPolicy({ listenHost });
      expect([listenHost, lo.hostAllowed('localhost:8080'), lo.hostAllowed('10.1.2.3:8080'), lo.hostAllowed('rowpc.local')]).toEqual([listenHost, true, false, false]);
    }
    expect(new AccessPolicy({ listenHost: '127.0.0.2' }).hostAllowed('127.0.0.2:8080')).toBe(true);
  });

  it('counts IPv4-mapped IPv6 peers as their IPv4 address', () => {
    expect([clientAddress('::ffff:10.0.0.7'), clientAddress('10.0.0.7'), clientAddress('::1'), clientAddress(undefined)]).toEqual(['10.0.0.7', '10.0.0.7', '::1', 'unknown']);
  });
});
