/**
 * Adding a process is its workflow file, its definition and a registry entry: a process that only
 * this test knows (test/fixtures/proefproces) is served by the generic API routes, with no edit in
 * src/. Real dev server, real worker with the kernel, the product's encrypting client.
 */
import path from 'node:path';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import request from 'supertest';
import type express from 'express';
import { createApp } from '../../src/api/app';
import { devTokenFile, type Role } from '../../src/auth/actors';
import { tokenAuthenticator } from '../../src/auth/tokenSet';
import { processen } from '../../src/processen';
import { dataConverter } from '../../src/temporal/client';
import { formatKeyRing, generateKeyRing } from '../../src/temporal/keys';
import { workflowBundlerOptions } from '../../src/worker/createWorker';
import { proefProces } from '../fixtures/proefproces/definitie';
import { memoryLogger, waitFor } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import { devServerEnv } from '../helpers/temporal';
import { quietLogger } from '../helpers/worker';

describe('a new process through the registry (test-only process "proef")', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let app: express.Express;
  const tokens = devTokenFile();
  const api = apiClient(() => ({ app, tokenOf: (rol: Role) => tokens.tokens.find((t) => t.rol === rol)!.token }));
  const taskQueue = 'proefproces';

  beforeAll(async () => {
    env = await devServerEnv();
    const converter = dataConverter({
      payloadKeys: formatKeyRing(generateKeyRing()),
      payloadKeysFile: '/nonexistent/payload-keys.json',
    });
    const client = new Client({
      connection: env.connection,
      namespace: env.namespace ?? 'default',
      dataConverter: converter,
    });
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, '..', 'fixtures', 'proefproces', 'workflows.ts'),
      ...workflowBundlerOptions,
      logger: quietLogger,
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      workflowBundle,
      dataConverter: converter,
    });
    running = worker.run();
    app = createApp({
      client,
      taskQueue,
      authenticator: tokenAuthenticator(tokens),
      logger: memoryLogger('proef').logger,
      coordinatorEmail: 'coordinator@swv.example',
      processen: [...processen, proefProces],
    });
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('starts, reads, takes a step, refuses the wrong role, a bad body and a step on the closed case', async () => {
    const start = await api.create('proef', { school: { brin: '12ab' }, onderwerp: 'proef' }, 'coordinator');
    expect(start.status).toBe(201);
    expect(start.body).toEqual({ id: expect.stringMatching(/^pr-[0-9a-f-]{36}$/), type: 'proef', status: 'open' });
    const id: string = start.body.id;
    expect(start.headers.location).toBe(`/api/v1/zaken/${id}`);

    const gelezen = await api.get(id, 'coordinator');
    expect(gelezen.status).toBe(200);
    expect(gelezen.body).toMatchObject({ id, type: 'proef', status: 'open', open: true, school: { brin: '12AB' } });

    // The school may act on proef cases (definition), but the workflow's validator keeps this step for the coordinator.
    const school = await api.act(id, 'afronden', { reden: 'klaar ermee' }, 'school');
    expect(school.status).toBe(403);
    expect(school.body.detail).toBe('De rol school zet deze stap niet in een proefzaak; wel: coordinator.');

    const zonderReden = await api.act(id, 'afronden', {}, 'coordinator');
    expect(zonderReden.status).toBe(400);
    expect(zonderReden.body.invalidParams).toEqual([expect.objectContaining({ name: 'reden' })]);

    const afgerond = await api.act(id, 'afronden', { reden: 'klaar ermee' }, 'coordinator');
    expect(afgerond.status).toBe(200);
    expect(afgerond.body).toMatchObject({ status: 'afgerond', open: false });
    expect(afgerond.body.tijdlijn.map((t: { soort: string }) => t.soort)).toEqual(['gestart', 'afgerond']);

    const nogmaals = await api.act(id, 'afronden', { reden: 'nog eens' }, 'coordinator');
    expect(nogmaals.status).toBe(409);
    expect(nogmaals.body.detail).toBe('De proefzaak is afgerond. Er kan geen stap meer worden gezet.');

    // The case list filters on the new type and its statuses (visibility catches up within seconds).
    const lijst = await waitFor(async () => {
      const r = await api.list('/api/v1/zaken?type=proef&status=afgerond', 'coordinator');
      return r.body.zaken?.some((z: { id: string }) => z.id === id) ? r : undefined;
    }, 15_000);
    expect(lijst.body.zaken.find((z: { id: string }) => z.id === id)).toMatchObject({
      type: 'proef',
      status: 'afgerond',
      school: '12AB',
      open: false,
    });
  }, 60_000);

  it('continues as a new run with its timeline and state, unseen by the API', async () => {
    const start = await api.create(
      'proef',
      { school: { brin: '12ab' }, onderwerp: 'lang', vervolgNa: 2 },
      'coordinator',
    );
    const id: string = start.body.id;
    const eerste = await api.get(id, 'coordinator');
    for (const tekst of ['een', 'twee', 'drie']) {
      const r = await api.act(id, 'noteren', { tekst }, 'school');
      expect(r.status).toBe(200);
    }
    // The second note ended the first run; the third was taken by the next one.
    const na = await api.get(id, 'coordinator');
    expect(na.body).toMatchObject({ status: 'open', notities: 3, runs: 2 });
    expect(na.body.runId).not.toBe(eerste.body.runId);
    expect(na.body.tijdlijn.map((t: { soort: string; omschrijving: string }) => t.omschrijving)).toEqual([
      'Proefzaak gestart',
      'een',
      'twee',
      'drie',
    ]);
    const afgerond = await api.act(id, 'afronden', { reden: 'klaar ermee' }, 'coordinator');
    expect(afgerond.body).toMatchObject({ status: 'afgerond', open: false, runs: 2 });
  }, 60_000);

  it('shows its start and its action, with their body schemas, in the OpenAPI document', async () => {
    const doc = (await request(app).get('/openapi.json')).body;
    expect(
      doc.paths['/api/v1/zaken/proef'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('onderwerp');
    expect(
      doc.paths['/api/v1/zaken/{id}/acties/afronden'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('reden');
    // And every process of the registry beside it: each start and each action with a body schema.
    for (const proces of [...processen, proefProces]) {
      expect(doc.paths[`/api/v1/zaken/${proces.type}`].post.requestBody).toBeDefined();
      for (const actie of Object.keys(proces.acties)) {
        const operatie = doc.paths[`/api/v1/zaken/{id}/acties/${actie}`].post;
        expect(operatie.requestBody.content['application/json'].schema).toBeDefined();
        expect(operatie.summary).toContain(`${proces.type}: ${proces.acties[actie].omschrijving}`);
      }
    }
    expect(doc.paths['/api/v1/zaken/{id}/acties/elders-ingeschreven'].post.summary).toMatch(/\(coordinator\)$/);
  });
});
