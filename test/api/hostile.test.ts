import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, describe, it } from 'node:test';
import { createLogger } from '../../api/server/log.ts';
import { startLocal, storage } from './local-server.ts';
import { assertProblem, assertSchema, call } from './responses.ts';

/** What the server logs at warn and above (its structured log), and what reaches console.error. */
const problems: unknown[] = [];
const local = await startLocal({ alwaysOpen: true, logger: createLogger({ level: 'warn', destination: { write: (line: string) => void problems.push(JSON.parse(line)) } }) });
after(() => local.stop());
const { baseUrl } = local;
const { hostname, port } = new URL(baseUrl);

/** Sends raw bytes and reads the whole answer (the server closes the connection after a refused request). */
function raw(bytes: string | Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/** GET with a path exactly as written (fetch would normalize it). */
function getPath(path: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }));
    })
      .on('error', reject)
      .end();
  });
}

describe(`hostile requests (${storage})`, () => {
  it('keeps problem documents within the spec’s limits whatever the path holds', async () => {
    const res = await call(baseUrl, 'get', '/halls/{hallId}/snapshot', { path: { hallId: 'x'.repeat(3000) }, query: { q: 'y'.repeat(3000) } });
    assertProblem(res, 404, 'not-found');
    assert.ok(res.body.instance.length <= 2048 && res.body.detail.length <= 1000);
    assert.ok(res.body.instance.startsWith('/api/v1/halls/xxx'), 'the path, cut');
    for (const path of ['/api/v1/halls/%zz|^`{}[]\\/snapshot?a=%&b=<>', `/api/v1/services/${'%E4'.repeat(900)}`, '//evil.example/api/v1/x']) {
      const got = await getPath(path);
      assert.match(got.contentType, /^application\/problem\+json/, path);
      const body = JSON.parse(got.body);
      assertSchema('Problem', body, `the problem for ${path}`);
      assert.ok(!String(body.instance ?? '').startsWith('//'), `${body.instance} names no other host`);
    }
  });

  it('cuts field errors named after hostile members to the spec’s lengths', async () => {
    const body = { categoryId: 'A', [`${'k'.repeat(400)}`]: 1, ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`m${i}`, i])) };
    const res = await call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: 'guangan-zwzx' }, headers: { 'Idempotency-Key': `ho-${randomUUID()}` }, body });
    assertProblem(res, 422, 'validation');
    assert.ok(res.body.errors.length <= 100, `${res.body.errors.length} errors`);
    assert.ok(res.body.errors.every((e: { pointer: string }) => e.pointer.length <= 200));
  });

  it('answers a request Node cannot parse with a problem document', async () => {
    const bad = await raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nThis is not a header\r\n\r\n');
    assert.equal(bad.status, 400);
    assert.match(bad.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(bad.headers['access-control-allow-origin'], '*');
    const problem = JSON.parse(bad.body);
    assertSchema('Problem', problem);
    assert.equal(problem.type, 'urn:zhengwu-widgets:problem:bad-request');

    const huge = await raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'f'.repeat(20_000)}\r\n\r\n`);
    assert.equal(huge.status, 431);
    assert.match(huge.headers['content-type'] ?? '', /^application\/problem\+json/);
    const tooLarge = JSON.parse(huge.body);
    assertSchema('Problem', tooLarge);
    assert.equal(tooLarge.type, 'urn:zhengwu-widgets:problem:request-header-fields-too-large');
    assert.equal(tooLarge.status, 431);
  });

  it('lets a client go away in the middle of its request without an error in the log', async () => {
    const logged: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    problems.length = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(
            'POST /api/v1/ratings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ho-aborted-0001\r\nContent-Length: 4000\r\n\r\n{"caseId":',
          );
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      console.error = log;
    }
    assert.deepEqual([...logged, ...problems], []);
    assert.equal((await call(baseUrl, 'get', '/health')).status, 200, 'and the server goes on');
  });
});
