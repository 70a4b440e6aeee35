/**
 * The API's edges: security headers on every answer, rate limits per address and per token (429
 * with Retry-After), and a body read only after the token. No Temporal server is needed: these
 * answers come before any call to it.
 */
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { devTokenFile, type Role } from '../../src/auth/actors';
import { tokenAuthenticator } from '../../src/auth/tokenSet';
import { memoryLogger } from '../helpers/api';

const tokens = devTokenFile();
const bearer = (rol: Role) => `Bearer ${tokens.tokens.find((t) => t.rol === rol)!.token}`;
const app = (limieten?: { perAdres: number; perToken: number }) =>
  createApp({
    client: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 200 }) }),
    taskQueue: 'protection',
    authenticator: tokenAuthenticator(tokens),
    logger: memoryLogger('protection').logger,
    coordinatorEmail: 'coordinator@swv.example',
    limieten,
  });

describe('the API edges', () => {
  it('sends security and cache headers on every answer: documents, problems, unknown routes', async () => {
    const a = app();
    const antwoorden = [
      await request(a).get('/openapi.json'),
      await request(a).get('/api/v1/zaken'),
      await request(a).get('/api/v1/zaken').set('Authorization', 'Bearer onbekend'),
      await request(a).post('/api/v1/zaken/zorgplicht').set('Authorization', bearer('coordinator')).send('{kapot'),
      await request(a).get('/bestaat-niet'),
    ];
    expect(antwoorden.map((r) => r.status)).toEqual([200, 401, 401, 400, 404]);
    for (const r of antwoorden) {
      expect(r.headers).toMatchObject({
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'SAMEORIGIN',
      });
      expect(r.headers['strict-transport-security']).toBeUndefined();
      expect(r.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('reads no body before the token: a broken body without a valid token is 401, not 400', async () => {
    const r = await request(app())
      .post('/api/v1/zaken/zorgplicht')
      .set('Authorization', 'Bearer onbekend')
      .set('Content-Type', 'application/json')
      .send('{kapot');
    expect(r.status).toBe(401);
  });

  it('limits per token: past the limit 429 problem+json in Dutch with Retry-After, other tokens go on', async () => {
    const a = app({ perAdres: 100, perToken: 3 });
    const statussen: number[] = [];
    for (let i = 0; i < 4; i++)
      statussen.push((await request(a).get('/openapi.json').set('Authorization', bearer('school'))).status);
    expect(statussen).toEqual([200, 200, 200, 429]);
    const r = await request(a).get('/openapi.json').set('Authorization', bearer('school'));
    expect(r.status).toBe(429);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.headers['retry-after']).toBe('60');
    expect(r.body).toMatchObject({
      status: 429,
      title: 'Te veel verzoeken',
      detail: 'Te veel verzoeken met deze token; probeer het over een minuut opnieuw.',
    });
    expect((await request(a).get('/openapi.json').set('Authorization', bearer('coordinator'))).status).toBe(200);
  });

  it('limits per address, before authentication (guessing tokens is slowed down too)', async () => {
    const a = app({ perAdres: 3, perToken: 100 });
    const statussen: number[] = [];
    for (let i = 0; i < 4; i++)
      statussen.push((await request(a).get('/api/v1/zaken').set('Authorization', `Bearer gok-${i}`)).status);
    expect(statussen).toEqual([401, 401, 401, 429]);
  });

  it('answers 503 with Retry-After, not 500, when Temporal cannot be reached, and tells a writer how to retry', async () => {
    const r = await request(app())
      .post('/api/v1/zaken/zorgplicht')
      .set('Authorization', bearer('coordinator'))
      .set('Idempotency-Key', 'poging-0001')
      .send({
        leerling: { naam: 'Sanne Test' },
        school: { brin: '12AB', naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' },
        ouders: [{ naam: 'Ouder', email: 'ouder@example.org' }],
        aanmelddatum: new Date().toISOString().slice(0, 10),
      });
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.body.detail).toMatch(/herhaal hem met dezelfde Idempotency-Key, dan gebeurt hij één keer\.$/);
  }, 30_000);
});
