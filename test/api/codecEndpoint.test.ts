/**
 * The Temporal UI's remote codec (issue 14 item 9): `POST /codec/decode` decodes the product's
 * encrypted payloads for the coordinator and the directeur only; CORS lets the UI's origin call it,
 * with credentials, and no other origin. No Temporal server is needed: the codec is the product's own.
 */
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { devTokenFile, roles, type Role } from '../../src/auth/actors';
import { tokenAuthenticator } from '../../src/auth/tokenSet';
import { AesGcmPayloadCodec } from '../../src/temporal/codec';
import { generateKeyRing } from '../../src/temporal/keys';
import { memoryLogger } from '../helpers/api';
import { expectDutchProblem } from '../helpers/zakenHarness';

const tokens = devTokenFile();
const bearer = (rol: Role) => `Bearer ${tokens.tokens.find((t) => t.rol === rol)!.token}`;
const UI = 'http://localhost:8233';
const codec = new AesGcmPayloadCodec(generateKeyRing());
const app = createApp({
  client: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 200 }) }),
  taskQueue: 'codec',
  authenticator: tokenAuthenticator(tokens),
  logger: memoryLogger('codec').logger,
  coordinatorEmail: 'coordinator@swv.example',
  codec,
  uiOrigin: UI,
});
const json = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
  ),
  data: Buffer.from(p.data!).toString('base64'),
});

describe('POST /codec/decode (the Temporal UI reads the encrypted payloads)', () => {
  let versleuteld: ReturnType<typeof json>;
  beforeAll(async () => {
    const [p] = await codec.encode([defaultPayloadConverter.toPayload({ leerling: 'Sanne Testleerling' })]);
    versleuteld = json(p);
    expect(Buffer.from(versleuteld.data, 'base64').toString('latin1')).not.toContain('Sanne');
  });
  const decode = (body: unknown, rol?: Role) => {
    const r = request(app).post('/codec/decode').set('Origin', UI).set('X-Namespace', 'default');
    return (rol ? r.set('Authorization', bearer(rol)) : r).send(body as object);
  };

  it('decodes for the coordinator and the directeur, in the codec server format', async () => {
    for (const rol of ['coordinator', 'directeur'] as const) {
      const res = await decode({ payloads: [versleuteld] }, rol);
      expect(res.status).toBe(200);
      const [p] = res.body.payloads;
      const terug = defaultPayloadConverter.fromPayload({
        metadata: Object.fromEntries(
          Object.entries(p.metadata as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
        ),
        data: Buffer.from(p.data, 'base64'),
      });
      expect(terug).toEqual({ leerling: 'Sanne Testleerling' });
      expect(res.headers['access-control-allow-origin']).toBe(UI);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
    }
  });

  it('is 401 without a token and 403 for the other roles: the history holds the child’s data', async () => {
    expectDutchProblem(await decode({ payloads: [versleuteld] }), 401);
    for (const rol of roles.filter((r) => r !== 'coordinator' && r !== 'directeur'))
      expectDutchProblem(await decode({ payloads: [versleuteld] }, rol), 403);
  });

  it('answers the UI’s preflight without a token, and gives no CORS to another origin', async () => {
    const pre = await request(app)
      .options('/codec/decode')
      .set('Origin', UI)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace');
    expect(pre.status).toBe(204);
    expect(pre.headers).toMatchObject({
      'access-control-allow-origin': UI,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-credentials': 'true',
    });
    expect(pre.headers['access-control-allow-headers']).toMatch(/Content-Type/);
    const ander = await request(app)
      .post('/codec/decode')
      .set('Origin', 'https://kwaadwillend.example')
      .set('Authorization', bearer('coordinator'))
      .send({ payloads: [versleuteld] });
    expect(ander.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves a payload it cannot decode as it is, and refuses a malformed body with 400', async () => {
    const [vreemd] = await new AesGcmPayloadCodec(generateKeyRing()).encode([defaultPayloadConverter.toPayload('x')]);
    const gewoon = json(defaultPayloadConverter.toPayload({ a: 1 }));
    const res = await decode({ payloads: [json(vreemd), gewoon] }, 'coordinator');
    expect(res.status).toBe(200);
    expect(res.body.payloads).toEqual([json(vreemd), gewoon]);
    expectDutchProblem(await decode({ payloads: [{ data: '%%%' }] }, 'coordinator'), 400);
    expectDutchProblem(await decode({}, 'coordinator'), 400);
  });

  it('decodes for a coordinator signed in to the werkbak: the UI sends the session cookie, no token', async () => {
    const metWerkbak = createApp({
      client: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 200 }) }),
      taskQueue: 'codec',
      authenticator: tokenAuthenticator(tokens),
      logger: memoryLogger('codec-werkbak').logger,
      coordinatorEmail: 'coordinator@swv.example',
      codec,
      uiOrigin: UI,
      werkbak: {
        sleutels: ['een-geheim-van-minstens-tweeendertig-tekens'],
        idleMs: 3_600_000,
        maxMs: 36_000_000,
        secure: false,
        url: 'http://localhost:3000',
      },
    });
    const aangemeld = async (rol: Role) => {
      const agent = request.agent(metWerkbak);
      const form = await agent.get('/inloggen');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
      const token = bearer(rol).slice('Bearer '.length);
      expect((await agent.post('/inloggen').type('form').send({ _csrf: csrf, token })).status).toBe(303);
      return agent;
    };
    const coordinator = await aangemeld('coordinator');
    const res = await coordinator
      .post('/codec/decode')
      .set('Origin', UI)
      .send({ payloads: [versleuteld] });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.payloads[0].data, 'base64').toString()).toContain('Sanne Testleerling');
    const school = await aangemeld('school');
    expectDutchProblem(
      await school
        .post('/codec/decode')
        .set('Origin', UI)
        .send({ payloads: [versleuteld] }),
      403,
    );
    expectDutchProblem(
      await request(metWerkbak)
        .post('/codec/decode')
        .send({ payloads: [versleuteld] }),
      401,
    );
  });
});
