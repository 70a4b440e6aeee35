import { randomUUID } from 'node:crypto';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../src/api/app';
import { authenticate, problemHandler, requestContext } from '../../src/api/middleware';
import { defineRoute, mount } from '../../src/api/route';
import { devTokenFile, roles, type Role, type DevTokenFile } from '../../src/auth/actors';
import { tokenAuthenticator } from '../../src/auth/tokenSet';
import { memoryLogger, waitFor } from '../helpers/api';
import { devServerEnv } from '../helpers/temporal';
import { expectProblem } from '../helpers/zakenHarness';

describe('API system routes against a real dev server', () => {
  let env: TestWorkflowEnvironment;
  let client: Client;
  let app: express.Express;
  let tokenFile: DevTokenFile;
  const log = memoryLogger('api-test');
  const taskQueue = `api-test-${randomUUID()}`;
  const tokenOf = (rol: Role) => tokenFile.tokens.find((t) => t.rol === rol)!.token;

  beforeAll(async () => {
    env = await devServerEnv();
    client = new Client({ connection: env.connection, namespace: env.namespace });
    tokenFile = devTokenFile();
    app = createApp({
      client,
      taskQueue,
      authenticator: tokenAuthenticator(tokenFile),
      logger: log.logger,
      coordinatorEmail: 'coordinator@swv.example',
    });
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
  });

  describe('GET /health', () => {
    it('is 503 while no worker polls the task queue', async () => {
      const res = await request(app).get('/health');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        status: 'niet-beschikbaar',
        temporal: { ok: true },
        worker: { ok: false, taskQueue, pollers: 0, detail: 'Geen worker neemt taken aan' },
      });
    });

    it('is 200 once a real worker polls the task queue', async () => {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        namespace: env.namespace,
        taskQueue,
        workflowsPath: require.resolve('../../src/workflows'),
        activities: {},
      });
      const res = await worker.runUntil(() =>
        waitFor(
          async () => {
            const r = await request(app).get('/health');
            return r.status === 200 ? r : undefined;
          },
          15_000,
          300,
        ),
      );
      expect(res.body.status).toBe('ok');
      expect(res.body.temporal.ok).toBe(true);
      expect(res.body.worker).toEqual({ ok: true, taskQueue, pollers: expect.any(Number) });
      expect(res.body.worker.pollers).toBeGreaterThan(0);
    });

    it('is 503 with temporal.ok=false when Temporal does not answer', async () => {
      const { Connection } = await import('@temporalio/client');
      // Lazy connection to a port nothing listens on.
      const dead = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
      const deadApp = createApp({
        client: dead,
        taskQueue,
        authenticator: tokenAuthenticator(tokenFile),
        logger: memoryLogger().logger,
        coordinatorEmail: 'coordinator@swv.example',
      });
      const started = Date.now();
      const res = await request(deadApp).get('/health');
      const ms = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('niet-beschikbaar');
      expect(res.body.temporal.ok).toBe(false);
      expect(res.body.worker.ok).toBe(false);
      // The client's own retries stop at the call deadline (3 s): close only after it, or a retry
      // still scheduled would hit a closed channel.
      await new Promise((r) => setTimeout(r, 3_500));
      await dead.connection.close().catch(() => undefined);
      // A health check is polled by load balancers/monitors with short timeouts: it must answer
      // promptly when Temporal is down, not after the client's gRPC retries (~20 s).
      expect(ms).toBeLessThan(5_000);
    }, 60_000);
  });

  describe('GET /openapi.json', () => {
    it('is an OpenAPI 3.1 document with the system paths, bearer auth and the Problem schema', async () => {
      const res = await request(app).get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.body;
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/v1/ik']));
      expect(doc.paths['/health'].get.security).toEqual([]);
      expect(doc.paths['/api/v1/ik'].get.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(doc.paths['/api/v1/ik'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
      expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
      expect(doc.components.schemas.Problem).toBeDefined();
      expect(doc.components.schemas.Problem.properties).toEqual(
        expect.objectContaining({
          type: expect.anything(),
          title: expect.anything(),
          status: expect.anything(),
          requestId: expect.anything(),
        }),
      );
    });
  });

  describe('GET /api/v1/ik', () => {
    it('is 401 problem+json without a token, in Dutch', async () => {
      const res = await request(app).get('/api/v1/ik');
      expectProblem(res, 401);
      expect(res.body.title).toBe('Niet geauthenticeerd');
      expect(res.body.type).toBe('urn:passend-onderwijs:problem:niet-geauthenticeerd');
      expect(res.body.instance).toBe('/api/v1/ik');
    });

    it('is 401 with an unknown bearer token', async () => {
      expectProblem(
        await request(app).get('/api/v1/ik').set('Authorization', 'Bearer dev-coordinator-onbekend-token'),
        401,
      );
    });

    it('is 401 with a Basic authorization header', async () => {
      expectProblem(await request(app).get('/api/v1/ik').set('Authorization', 'Basic x'), 401);
      expectProblem(
        await request(app)
          .get('/api/v1/ik')
          .set('Authorization', `Basic ${tokenOf('coordinator')}`),
        401,
      );
    });

    it.each([...roles])('is 200 with the %s token and returns that actor', async (rol) => {
      const res = await request(app)
        .get('/api/v1/ik')
        .set('Authorization', `Bearer ${tokenOf(rol)}`);
      expect(res.status).toBe(200);
      const entry = tokenFile.tokens.find((t) => t.rol === rol)!;
      expect(res.body).toEqual({ id: entry.id, naam: entry.naam, rol, brins: entry.brins });
      expect(res.body).not.toHaveProperty('token');
      if (rol === 'school') expect(res.body.brins).toEqual(['12AB']);
    });

    it('accepts the scheme case-insensitively', async () => {
      const res = await request(app)
        .get('/api/v1/ik')
        .set('Authorization', `bearer ${tokenOf('directeur')}`);
      expect(res.status).toBe(200);
    });
  });

  describe('errors', () => {
    it('an unknown route is a 404 problem', async () => {
      const res = await request(app).get('/api/v1/bestaat-niet?x=1');
      expectProblem(res, 404);
      expect(res.body.title).toBe('Niet gevonden');
      expect(res.body.detail).toBe('Er is geen route GET /api/v1/bestaat-niet.');
      expect(res.body.instance).toBe('/api/v1/bestaat-niet');
    });

    it.each(['/api/v1/bestaat-niet', '/api/v1/ik', '/health'])(
      'malformed JSON on POST %s is a 400 problem',
      async (p) => {
        const res = await request(app).post(p).set('Content-Type', 'application/json').send('{"kapot": ');
        expectProblem(res, 400);
        expect(res.body.title).toBe('Ongeldige JSON');
        expect(JSON.stringify(res.body)).not.toContain('kapot');
      },
    );

    it('a body over the limit is a 413 problem', async () => {
      const res = await request(app)
        .post('/api/v1/ik')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ x: 'a'.repeat(300 * 1024) }));
      expectProblem(res, 413);
    });
  });

  describe('X-Request-Id', () => {
    it('is echoed when well-formed', async () => {
      const res = await request(app).get('/health').set('X-Request-Id', 'abc-123_DEF.4');
      expect(res.headers['x-request-id']).toBe('abc-123_DEF.4');
      const problem = await request(app).get('/nergens').set('X-Request-Id', 'req-42');
      expect(problem.headers['x-request-id']).toBe('req-42');
      expect(problem.body.requestId).toBe('req-42');
    });

    it.each([
      ['200 characters', 'a'.repeat(200)],
      ['spaces', 'met spaties erin'],
      ['characters outside [A-Za-z0-9._-]', 'abc;rm/x'],
    ])('is replaced when it has %s', async (_what, incoming) => {
      const res = await request(app).get('/api/v1/ik').set('X-Request-Id', incoming);
      const id = res.headers['x-request-id'];
      expect(id).toBeDefined();
      expect(id).not.toBe(incoming);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.requestId).toBe(id);
    });

    it('is generated when absent, unique per request', async () => {
      const a = await request(app).get('/health');
      const b = await request(app).get('/health');
      expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });
  });

  describe('request log', () => {
    it('has one line per request with route, status and actor, but no query string or token', async () => {
      const token = tokenOf('school');
      const before = log.lines.length;
      const res = await request(app)
        .get('/api/v1/ik?naam=Jantje&bsn=999990019')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Request-Id', 'log-test-1');
      expect(res.status).toBe(200);
      await request(app)
        .get('/api/v1/bestaat-niet?naam=Pietje')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Request-Id', 'log-test-2');
      await request(app)
        .get('/api/v1/ik?naam=Klaasje')
        .set('Authorization', 'Bearer geheim-maar-fout-token-123456')
        .set('X-Request-Id', 'log-test-3');
      // 'finish' fires after the response is flushed; give pino a tick.
      await new Promise((r) => setTimeout(r, 50));
      const added = log.lines.slice(before).join('');
      for (const secret of ['Jantje', 'Pietje', 'Klaasje', '999990019', token, 'geheim-maar-fout-token', 'naam=']) {
        expect(added).not.toContain(secret);
      }
      const entries = log.lines.slice(before).map((l) => JSON.parse(l));
      const ok = entries.find((e) => e.requestId === 'log-test-1');
      expect(ok).toEqual(
        expect.objectContaining({
          msg: 'request',
          method: 'GET',
          route: '/api/v1/ik',
          status: 200,
          actorId: 'dev-school',
          rol: 'school',
          service: 'api-test',
        }),
      );
      expect(entries.find((e) => e.requestId === 'log-test-2')).toEqual(
        expect.objectContaining({ route: 'onbekend', status: 404 }),
      );
      expect(entries.find((e) => e.requestId === 'log-test-3')).toEqual(expect.objectContaining({ status: 401 }));
      // All lines of the whole suite so far: never a token.
      const all = log.lines.join('');
      for (const t of tokenFile.tokens) expect(all).not.toContain(t.token);
      expect(all).not.toContain('Jantje');
    });
  });
});

describe('mount(): roles, validation and problems (unit, no Temporal)', () => {
  const tokens = devTokenFile();
  const tokenOf = (rol: Role) => tokens.tokens.find((t) => t.rol === rol)!.token;
  const registry = new OpenAPIRegistry();
  const router = express.Router();
  mount(
    router,
    registry,
    defineRoute({
      method: 'post',
      path: '/test/:id',
      summary: 'Testroute',
      tags: ['test'],
      roles: ['coordinator'],
      params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
      query: z.object({ modus: z.enum(['snel', 'grondig']).optional() }),
      body: z.object({ aantal: z.number().int(), omschrijving: z.string().min(1) }),
      responses: { 200: { description: 'ok' } },
      handler: async ({ params, query, body, actor }) => ({
        status: 200,
        body: { id: params.id, modus: query.modus ?? null, ...body, door: actor.id },
      }),
    }),
  );
  const { logger } = memoryLogger('mount-test');
  const app = express();
  app.set('query parser', 'simple');
  app.use(requestContext(logger));
  app.use(express.json());
  app.use(authenticate(tokenAuthenticator(tokens)));
  app.use(router);
  app.use(problemHandler(logger));

  const valid = { aantal: 3, omschrijving: 'Overleg' };

  it('registers the path with bearer security and problem responses', () => {
    const paths = registry.definitions
      .filter((d) => d.type === 'route')
      .map((d) => (d as { route: { path: string; method: string } }).route);
    expect(paths).toEqual([expect.objectContaining({ path: '/test/{id}', method: 'post' })]);
  });

  it('is 200 with a valid request by an allowed role', async () => {
    const res = await request(app)
      .post('/test/abc?modus=snel')
      .set('Authorization', `Bearer ${tokenOf('coordinator')}`)
      .send(valid);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'abc', modus: 'snel', aantal: 3, omschrijving: 'Overleg', door: 'dev-coordinator' });
  });

  it('is 401 without a token', async () => {
    const res = await request(app).post('/test/abc').send(valid);
    expectProblem(res, 401);
  });

  it('is 403 for a role that is not allowed, before validating the body', async () => {
    const res = await request(app)
      .post('/test/abc')
      .set('Authorization', `Bearer ${tokenOf('school')}`)
      .send({ aantal: 'x' });
    expectProblem(res, 403);
    expect(res.body.title).toBe('Geen toegang');
    expect(res.body.type).toBe('urn:passend-onderwijs:problem:geen-toegang');
    expect(res.body.detail).toContain('school');
    expect(res.body.detail).toContain('coordinator');
  });

  it('is 400 with invalidParams naming the body field and a Dutch reason', async () => {
    const res = await request(app)
      .post('/test/abc')
      .set('Authorization', `Bearer ${tokenOf('coordinator')}`)
      .send({ aantal: 'drie', omschrijving: 'Overleg' });
    expectProblem(res, 400);
    expect(res.body.title).toBe('Ongeldige invoer');
    expect(res.body.detail).toContain('de body');
    expect(res.body.invalidParams).toEqual([{ name: 'aantal', reason: 'moet een getal zijn' }]);
  });

  it('reports every invalid field, a missing body included', async () => {
    const res = await request(app)
      .post('/test/abc')
      .set('Authorization', `Bearer ${tokenOf('coordinator')}`)
      .send({ aantal: 1.5 });
    expectProblem(res, 400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['aantal', 'omschrijving']);
  });

  it('is 400 for an invalid query or path parameter, naming it', async () => {
    const q = await request(app)
      .post('/test/abc?modus=traag')
      .set('Authorization', `Bearer ${tokenOf('coordinator')}`)
      .send(valid);
    expectProblem(q, 400);
    expect(q.body.detail).toContain('de query');
    expect(q.body.invalidParams).toEqual([
      { name: 'modus', reason: 'Ongeldige optie: verwacht één van "snel"|"grondig"' },
    ]);
    const p = await request(app)
      .post('/test/ABC')
      .set('Authorization', `Bearer ${tokenOf('coordinator')}`)
      .send(valid);
    expectProblem(p, 400);
    expect(p.body.invalidParams).toEqual([
      { name: 'id', reason: 'Ongeldige tekst: moet overeenkomen met patroon /^[a-z]+$/' },
    ]);
  });

  it('a thrown non-problem error is a 500 problem without its message', async () => {
    const r2 = express.Router();
    mount(
      r2,
      new OpenAPIRegistry(),
      defineRoute({
        method: 'get',
        path: '/boem',
        summary: 'Boem',
        tags: ['test'],
        roles: 'public',
        responses: { 200: { description: 'ok' } },
        handler: async () => {
          throw new Error('geheime interne details');
        },
      }),
    );
    const mem = memoryLogger('boem');
    const a = express();
    a.use(requestContext(mem.logger));
    a.use(r2);
    a.use(problemHandler(mem.logger));
    const res = await request(a).get('/boem');
    expectProblem(res, 500);
    expect(JSON.stringify(res.body)).not.toContain('geheime');
    expect(mem.lines.join('')).toContain('onverwachte fout');
  });
});
