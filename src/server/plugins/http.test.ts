import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestContext } from '../test/harness.js';
import { registerErrorHandling } from './errors.js';
import { jsonSender } from './http.js';

/** What a client reads: the body decoded as its content-encoding says. */
function decoded(res: { rawPayload: Buffer; headers: Record<string, unknown> }): string {
  const encoding = res.headers['content-encoding'];
  const bytes =
    encoding === 'br'
      ? brotliDecompressSync(res.rawPayload)
      : encoding === 'gzip'
        ? gunzipSync(res.rawPayload)
        : res.rawPayload;
  return bytes.toString('utf8');
}

describe('API answers: checked, tagged, compressed', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp('pglite');
  });
  afterAll(() => ctx?.close());

  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });

  it.each(['br', 'gzip'])(
    'sends the members list as %s to a client that takes it, the same JSON as plain',
    async (encoding) => {
      const plain = await get('/api/v1/members');
      const packed = await get('/api/v1/members', { 'accept-encoding': `${encoding}, identity` });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers.vary).toContain('accept-encoding');
      expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(decoded(packed))).toEqual(plain.json());
      // One entity, whatever its encoding: the ETag is the same and a revalidation answers 304.
      expect(packed.headers.etag).toBe(plain.headers.etag);
      const again = await get('/api/v1/members', {
        'accept-encoding': encoding,
        'if-none-match': packed.headers.etag as string,
      });
      expect(again.statusCode).toBe(304);
    },
  );

  it('prefers brotli, and honours q=0', async () => {
    expect(
      (await get('/api/v1/members', { 'accept-encoding': 'gzip, deflate, br, zstd' })).headers['content-encoding'],
    ).toBe('br');
    expect((await get('/api/v1/members', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe(
      'gzip',
    );
    expect(
      (await get('/api/v1/members', { 'accept-encoding': 'identity' })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('leaves an answer under 1 KiB as it is', async () => {
    const one = await get('/api/v1/members/USA', { 'accept-encoding': 'br, gzip' });
    expect(one.statusCode).toBe(200);
    expect(one.rawPayload.length).toBeLessThan(1024);
    expect(one.headers['content-encoding']).toBeUndefined();
    expect(one.json()).toMatchObject({ code: 'USA', version: 1 });
    expect(one.headers.etag).toBe('"1"');
  });

  it('compresses the other answers too (the meetings list, the people)', async () => {
    for (const url of ['/api/v1/meetings', '/api/v1/people']) {
      const plain = await get(url);
      const packed = await get(url, { 'accept-encoding': 'gzip' });
      expect(plain.rawPayload.length).toBeGreaterThan(1024);
      expect(packed.headers['content-encoding'], url).toBe('gzip');
      expect(JSON.parse(decoded(packed))).toEqual(plain.json());
    }
  });

  it('sends the cached meeting page compressed, the same bytes every time', async () => {
    const { items } = (await get('/api/v1/meetings')).json();
    const url = `/api/v1/meetings/${items.find((m: { startDate: string }) => m.startDate === '2014-12-03').id}`;
    const first = await get(url, { 'accept-encoding': 'br' });
    const second = await get(url, { 'accept-encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(JSON.parse(decoded(first)).delegations).toHaveLength(60);
  });
});

describe('jsonSender', () => {
  const Thing = z.object({ name: z.string(), version: z.number().int() });
  let app: FastifyInstance;
  let value: unknown;
  beforeAll(async () => {
    app = Fastify();
    registerErrorHandling(app);
    const send = jsonSender(Thing, { etag: (thing) => thing.version });
    app.get('/thing', async (req, reply) => send(req, reply, value as z.input<typeof Thing>));
    await app.ready();
  });
  afterAll(() => app.close());

  it('sends only what the response schema allows, tagged with the version', async () => {
    value = { name: 'Iraq', version: 3, passwordHash: 'never leaves' };
    const res = await app.inject({ url: '/thing' });
    expect(res.json()).toEqual({ name: 'Iraq', version: 3 });
    expect(res.headers.etag).toBe('"3"');
  });

  it('answers 500, with no internals, when a value breaks its response schema', async () => {
    value = { name: 42, version: 1 };
    const res = await app.inject({ url: '/thing' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'internal_error' });
    expect(res.body).not.toContain('42');
  });

  it('prepares a value once: the same object is checked and serialized only the first time', async () => {
    const kept = { name: 'Jordan', version: 1 };
    value = kept;
    const first = await app.inject({ url: '/thing' });
    // Changed behind the sender's back: a cached value never changes, so the kept answer stands.
    kept.name = 'changed';
    const second = await app.inject({ url: '/thing' });
    expect(second.body).toBe(first.body);
    value = { ...kept };
    expect((await app.inject({ url: '/thing' })).json().name).toBe('changed');
  });
});
