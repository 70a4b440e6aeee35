/**
 * The token file behind the real app (stack: supertest opens a socket): the embedded default's dev
 * tokens, an expired token, a token removed while the API runs, a broken file, an old plain file.
 * No Temporal server: GET /api/v1/ik answers before any call to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { devTokenFile, ensureDevTokens, loadTokenFile, roles } from '../../src/auth/actors';
import { tokenFileAuthenticator } from '../../src/auth/tokenFileAuthenticator';
import { hashToken } from '../../src/auth/tokenHash';
import { memoryLogger, waitFor } from '../helpers/api';
import { tempDirs } from '../helpers/tmp';

const tempDir = tempDirs();
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const entry = (token: string, over: Record<string, unknown> = {}) => ({
  tokenHash: hashToken(token),
  id: `id-${token[0]}`,
  naam: `Naam ${token[0]}`,
  rol: 'coordinator',
  ...over,
});

function api(tokensFile: string) {
  const log = memoryLogger('auth-api');
  const app = createApp({
    client: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 200 }) }),
    taskQueue: 'auth',
    authenticator: tokenFileAuthenticator(tokensFile, { logger: log.logger }),
    logger: log.logger,
    coordinatorEmail: 'coordinator@swv.example',
  });
  const ik = (token: string) => request(app).get('/api/v1/ik').set('Authorization', `Bearer ${token}`);
  return { app, log, ik };
}

const fileWith = (tokens: unknown[]) => {
  const file = path.join(tempDir('auth-api-'), 'tokens.json');
  fs.writeFileSync(file, JSON.stringify({ tokens }));
  return file;
};

const expect401 = (res: request.Response) => {
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 401, title: 'Niet geauthenticeerd' });
};

describe('tokens behind the API', () => {
  it('the dev tokens of the embedded default work for every role, from a tokens.json of hashes', async () => {
    const dir = tempDir('auth-api-');
    const tokensFile = path.join(dir, 'tokens.json');
    const devTokensFile = path.join(dir, 'dev-tokens.json');
    ensureDevTokens({ tokensFile, devTokensFile });
    const dev = JSON.parse(fs.readFileSync(devTokensFile, 'utf8')) as Record<string, string>;
    const { ik } = api(tokensFile);
    for (const rol of roles) {
      const res = await ik(dev[rol]);
      expect(res.status).toBe(200);
      expect(res.body.rol).toBe(rol);
    }
    expect401(await ik(hashToken(dev.coordinator)));
    expect(loadTokenFile(tokensFile).tokens.every((t) => t.token === undefined)).toBe(true);
  });

  it('a removed token is refused within 2 s, without a restart; the others keep working', async () => {
    const file = fileWith([entry(A), entry(B)]);
    const { ik } = api(file);
    expect((await ik(A)).status).toBe(200);
    fs.writeFileSync(file, JSON.stringify({ tokens: [entry(B)] }));
    const removed = Date.now();
    const res = await waitFor(
      async () => {
        const r = await ik(A);
        return r.status === 401 ? r : undefined;
      },
      2_000,
      100,
    );
    expect(Date.now() - removed).toBeLessThan(2_000);
    expect401(res);
    expect(res.body.detail).toBe('Stuur een geldig token mee: Authorization: Bearer <token>.');
    expect((await ik(B)).status).toBe(200);
  });

  it('an expired token is 401 saying it expired, not whose it was', async () => {
    const file = fileWith([entry(A, { geldigTot: '2020-01-01' }), entry(B, { geldigTot: '2999-01-01T00:00:00Z' })]);
    const { ik } = api(file);
    const res = await ik(A);
    expect401(res);
    expect(res.body.detail).toContain('verlopen');
    expect(JSON.stringify(res.body)).not.toMatch(/id-a|Naam a/);
    expect((await ik(B)).status).toBe(200);
  });

  it('a broken file keeps the last good tokens working and logs an error without its content', async () => {
    const file = fileWith([entry(A)]);
    const { ik, log } = api(file);
    fs.writeFileSync(file, `{ "tokens": [ { "token": "${B}" `);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await ik(A)).status).toBe(200);
    expect401(await ik(B));
    const errors = log.lines.map((l) => JSON.parse(l)).filter((l) => l.level === 50);
    expect(errors).toEqual([
      expect.objectContaining({ msg: expect.stringContaining('de vorige tokens blijven gelden') }),
    ]);
    expect(log.lines.join('')).not.toContain(B);
  });

  it('an old file with plain tokens still works, and the API warns about it without printing them', async () => {
    const old = devTokenFile();
    const file = path.join(tempDir('auth-api-'), 'tokens.json');
    fs.writeFileSync(file, JSON.stringify(old));
    const { ik, log } = api(file);
    for (const t of old.tokens) expect((await ik(t.token)).body.id).toBe(t.id);
    const warnings = log.lines.map((l) => JSON.parse(l)).filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    for (const t of old.tokens) expect(log.lines.join('')).not.toContain(t.token);
  });
});
