/**
 * The werkbak's sign-in, session and CSRF protection over plain HTTP (issue 14): the cookie's
 * attributes, a forged or missing CSRF token, a tampered cookie, idle and absolute expiry on a clock
 * of the test's own, and a token removed from the API's authenticator ending its sessions.
 */
import request from 'supertest';
import { createApp } from '../../src/api/app';
import type { Authenticator } from '../../src/auth/authenticator';
import { tokenAuthenticator } from '../../src/auth/tokenSet';
import { memoryLogger } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import { aanmelding, startZakenHarness, type Harness } from '../helpers/zakenHarness';

const UUR = 3_600_000;
let h: Harness;
let klok = Date.now();
const api = apiClient(() => h);

beforeAll(async () => {
  h = await startZakenHarness('werkbak-sessie', [], { werkbak: { now: () => klok, idleMs: UUR } });
}, 120_000);
afterAll(async () => {
  await h?.teardown();
});

const csrfUit = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** Signs in as `rol` with an agent that keeps cookies, like a browser. */
async function aangemeld(token: string) {
  const agent = request.agent(h.app);
  const form = await agent.get('/inloggen');
  const res = await agent
    .post('/inloggen')
    .type('form')
    .send({ _csrf: csrfUit(form.text), token });
  return { agent, res };
}

it('signs in with a token: an httpOnly, SameSite=Strict, signed cookie, never the token itself', async () => {
  const anoniem = await request(h.app).get('/');
  expect(anoniem.status).toBe(303);
  expect(anoniem.headers.location).toBe('/inloggen');
  const { agent, res } = await aangemeld(h.tokenOf('school'));
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/');
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('werkbak='))!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(decodeURIComponent(cookie)).toMatch(/^werkbak=s:/);
  expect(decodeURIComponent(cookie)).not.toContain(h.tokenOf('school'));
  const home = await agent.get('/');
  expect(home.status).toBe(200);
  expect(home.text).toContain('School 12AB (dev)');
  expect(home.headers['content-security-policy']).toMatch(/default-src 'none'/);
  // The API itself still wants its bearer token: the cookie opens no API route.
  expect((await agent.get('/api/v1/zaken')).status).toBe(401);
});

it('refuses a form without its CSRF token, or with another session’s, and changes nothing', async () => {
  const created = await api.create('zorgplicht', aanmelding());
  const id = created.body.id as string;
  const { agent } = await aangemeld(h.tokenOf('school'));
  const pagina = await agent.get(`/zaken/${id}`);
  expect(pagina.status).toBe(200);
  const stap = { weken: '2', reden: 'het onderzoek loopt nog', _variant: '0' };
  const zonder = await agent.post(`/zaken/${id}/acties/verlengen`).type('form').send(stap);
  expect(zonder.status).toBe(403);
  expect(zonder.text).toMatch(/Formulier verlopen/);
  const ander = await aangemeld(h.tokenOf('coordinator'));
  const vreemd = csrfUit((await ander.agent.get('/')).text);
  const met = await agent
    .post(`/zaken/${id}/acties/verlengen`)
    .type('form')
    .send({ ...stap, _csrf: vreemd });
  expect(met.status).toBe(403);
  expect((await api.get(id)).body.status).toBe('in-onderzoek');
  // With the page's own token the step is taken.
  const goed = await agent
    .post(`/zaken/${id}/acties/verlengen`)
    .type('form')
    .send({ ...stap, _csrf: csrfUit(pagina.text) });
  expect(goed.status).toBe(303);
  expect((await api.get(id)).body.status).toBe('verlengd');
});

it('a tampered cookie is no session', async () => {
  const { res } = await aangemeld(h.tokenOf('coordinator'));
  const cookie = (res.headers['set-cookie'] as unknown as string[])
    .find((c) => c.startsWith('werkbak='))!
    .split(';')[0];
  const waarde = decodeURIComponent(cookie.slice('werkbak='.length));
  const vervalst = waarde.replace(/"rol"|"sid":"[^"]+"/, '"sid":"gestolen"');
  const res2 = await request(h.app)
    .get('/')
    .set('Cookie', `werkbak=${encodeURIComponent(vervalst + 'x')}`);
  expect(res2.status).toBe(303);
  expect(res2.headers.location).toMatch(/^\/inloggen/);
});

it('ends a session after an hour without a page, and after ten hours whatever happens', async () => {
  const { agent } = await aangemeld(h.tokenOf('coordinator'));
  klok += 50 * 60_000;
  expect((await agent.get('/')).status).toBe(200);
  // Each page renews the idle time: 50 minutes later it still holds.
  klok += 50 * 60_000;
  expect((await agent.get('/')).status).toBe(200);
  klok += 61 * 60_000;
  const verlopen = await agent.get('/');
  expect(verlopen.status).toBe(303);
  expect(verlopen.headers.location).toBe('/inloggen?verlopen=1');
  expect((await agent.get('/inloggen?verlopen=1')).text).toMatch(/Uw sessie is verlopen/);

  const lang = await aangemeld(h.tokenOf('coordinator'));
  for (let i = 0; i < 10; i++) {
    klok += 59 * 60_000;
    expect((await lang.agent.get('/zaken')).status).toBe(200);
  }
  klok += 59 * 60_000;
  expect((await lang.agent.get('/zaken')).status).toBe(303);
});

it('signs out, and a signed-out cookie opens nothing', async () => {
  const { agent } = await aangemeld(h.tokenOf('directeur'));
  const home = await agent.get('/');
  const uit = await agent
    .post('/uitloggen')
    .type('form')
    .send({ _csrf: csrfUit(home.text) });
  expect(uit.status).toBe(303);
  expect(uit.headers.location).toBe('/inloggen');
  expect((await agent.get('/')).status).toBe(303);
});

it('a token the authenticator no longer knows ends its sessions at the next page', async () => {
  // The API's authenticator is asked on every page: a token taken out of the token file (or past
  // its geldigTot) ends the sessions it opened.
  const echt = tokenAuthenticator(h.tokenFile);
  let ingetrokken = false;
  const authenticator: Authenticator = {
    actorVoor: (c) => (ingetrokken ? { geweigerd: 'onbekend' } : echt.actorVoor(c)),
  };
  const app = createApp({
    client: h.client,
    taskQueue: h.config.taskQueue,
    authenticator,
    logger: memoryLogger('werkbak-ingetrokken').logger,
    coordinatorEmail: h.config.coordinatorEmail,
    werkbak: {
      sleutels: ['een-geheim-van-minstens-tweeendertig-tekens'],
      idleMs: UUR,
      maxMs: 10 * UUR,
      secure: false,
      url: 'http://localhost:3000',
    },
  });
  const agent = request.agent(app);
  const form = await agent.get('/inloggen');
  await agent
    .post('/inloggen')
    .type('form')
    .send({ _csrf: csrfUit(form.text), token: h.tokenOf('coordinator') });
  expect((await agent.get('/zaken')).status).toBe(200);
  ingetrokken = true;
  const res = await agent.get('/zaken');
  expect(res.status).toBe(303);
  expect(res.headers.location).toMatch(/^\/inloggen/);
});

it('answers a malformed request with a 4xx page, not a 500', async () => {
  const { agent } = await aangemeld(h.tokenOf('coordinator'));
  expect((await agent.get('/zaken/%E0%A4%A')).status).toBe(400);
  expect((await request(h.app).get('/static/constructor')).status).toBe(404);
  expect((await request(h.app).get('/static/__proto__')).status).toBe(404);
  expect((await agent.get('/zaken/zp-niet-een-zaak')).status).toBe(404);
});

it('a step that meets an outage offers the same form again: sent twice, it happens once', async () => {
  const created = await api.create('zorgplicht', aanmelding());
  const id = created.body.id as string;
  const { agent } = await aangemeld(h.tokenOf('school'));
  const pagina = await agent.get(`/zaken/${id}`);
  const sleutel = /name="_sleutel" value="([^"]+-verlengen-0)"/.exec(pagina.text)![1];
  const stap = { weken: '2', reden: 'het onderzoek loopt nog', _variant: '0', _sleutel: sleutel };
  await h.stopWorker();
  try {
    const storing = await agent
      .post(`/zaken/${id}/acties/verlengen`)
      .type('form')
      .send({ ...stap, _csrf: csrfUit(pagina.text) });
    expect(storing.status).toBe(503);
    expect(storing.headers['retry-after']).toBe('5');
    expect(storing.text).toMatch(/Misschien is de stap toch gezet/);
    expect(storing.text).toContain(`name="_sleutel" value="${sleutel}"`);
    await h.startWorker();
    // The update was accepted by the server and runs once the worker is back; the retry answers it.
    const opnieuw = await agent
      .post(`/zaken/${id}/acties/verlengen`)
      .type('form')
      .send({ ...stap, _csrf: csrfUit(storing.text) });
    expect(opnieuw.status).toBe(303);
  } finally {
    await h.startWorker().catch(() => undefined);
  }
  const view = (await api.get(id)).body;
  expect(view.status).toBe('verlengd');
  expect(view.tijdlijn.filter((t: { soort: string }) => t.soort === 'verlengd')).toHaveLength(1);
}, 60_000);

it('makes the agenda link once for one form: sent twice (a double click, a reload), the same link', async () => {
  const { agent } = await aangemeld(h.tokenOf('coordinator'));
  const pagina = await agent.get('/agenda');
  const sleutel = /name="_sleutel" value="([^"]+)"/.exec(pagina.text)![1];
  const verstuur = async () => {
    const res = await agent
      .post('/agenda/nieuw')
      .type('form')
      .send({ _csrf: csrfUit(pagina.text), _sleutel: sleutel });
    expect(res.status).toBe(200);
    return /id="agendalink" type="text" readonly value="([^"]+)"/.exec(res.text)![1];
  };
  const [een, twee] = [await verstuur(), await verstuur()];
  expect(twee).toBe(een);
  expect(een).toMatch(/^http:\/\/127\.0\.0\.1:3000\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await request(h.app).get(new URL(een).pathname);
  expect(feed.status).toBe(200);
  expect(feed.text).toMatch(/^BEGIN:VCALENDAR/);
  expect(feed.text).not.toMatch(/TIMEZONE-ID|DTSTAMP:\d{8}T\d{6}\r?\n/);
});

it('ties a refused field to its input: the reason next to it, aria-invalid, a link from the summary', async () => {
  const created = await api.create('zorgplicht', aanmelding());
  const id = created.body.id as string;
  const { agent } = await aangemeld(h.tokenOf('school'));
  const pagina = await agent.get(`/zaken/${id}`);
  const res = await agent
    .post(`/zaken/${id}/acties/verlengen`)
    .type('form')
    .send({ _csrf: csrfUit(pagina.text), _variant: '0', weken: '99', reden: 'het onderzoek loopt nog' });
  expect(res.status).toBe(400);
  expect(res.text).toMatch(/<a href="#verlengen-0-weken">weken<\/a>:/);
  expect(res.text).toMatch(/<p class="veldfout" id="verlengen-0-weken-fout">[^<]+<\/p>/);
  expect(res.text).toMatch(
    /<input id="verlengen-0-weken" name="weken" type="number" value="99"[^>]*aria-invalid="true" aria-describedby="verlengen-0-weken-fout"/,
  );
  expect((await api.get(id)).body.status).toBe('in-onderzoek');
});
