/**
 * The werkbak in a real browser (issue 14): Debian's chromium driven by playwright-core, on the real
 * stack (dev server, the product's worker, the API and its werkbak). Each role signs in with its
 * token; every page is checked with axe-core, at 320 px and with the keyboard. The pictures of the
 * main pages go to docs/werkbak/, which the README shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import ical, { type VEvent } from 'node-ical';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/auth/actors';
import { apiClient } from '../helpers/apiClient';
import { serve, startBrowser, vrijePoort } from '../helpers/browser';
import { impasseMelding, vastgelopenMelding } from '../helpers/impasseApi';
import { tlvAanvraag, tlvBeoordeling, tlvToekennen } from '../helpers/tlvApi';
import { aanmelding, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'werkbak');
/** A second deskundige: two decide on a TLV. */
const TWEEDE = 'werkbak-deskundige-2-0123456789abcdef';
/** What an HTML injection would look like in a reason: on the page it must stay text. */
const INJECTIE = '<img src=x onerror="document.title=1"><b>vet</b> omdat het onderzoek loopt';

let h: Harness;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
const api = apiClient(() => h);
/** A zorgplicht case of the other school (34CD), made through the API. */
let andereSchool: string;
let impasse: string;
let vastgelopen: string;

beforeAll(async () => {
  const poort = await vrijePoort();
  h = await startZakenHarness(
    'werkbak',
    [{ token: TWEEDE, id: 'werkbak-deskundige-2', naam: 'Tweede deskundige', rol: 'deskundige', brins: [] }],
    { werkbak: { url: `http://127.0.0.1:${poort}` } },
  );
  site = await serve(h.app, poort);
  browser = await startBrowser();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const res = await api.create(
    'zorgplicht',
    aanmelding({ school: { brin: '34CD', naam: 'De Linde', email: 'directie@linde.example', regio: 'midden' } }),
  );
  expect(res.status).toBe(201);
  andereSchool = res.body.id;
  // One of the dev school's own (12AB), for its Mijn werk and its agenda.
  expect((await api.create('zorgplicht', aanmelding())).status).toBe(201);
  const imp = await api.create('impasse', impasseMelding());
  expect(imp.status).toBe(201);
  impasse = imp.body.id;
  // Reported 30 days ago, past E1's service level: stuck at once (the directeur's overview).
  const vast = await api.create(
    'impasse',
    impasseMelding({ school: { brin: '34CD', naam: 'De Linde', regio: 'midden' }, gemeldOp: vastgelopenMelding(30) }),
  );
  expect(vast.status).toBe(201);
  vastgelopen = vast.body.id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await h?.teardown();
});

async function inloggen(rol: Role, breedte = 1280): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: breedte, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(`${site.url}/`);
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  await page.fill('input[name=token]', h.tokenOf(rol));
  await page.click('main button[type=submit]');
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await page.locator('h1').textContent()).toBe('Mijn werk');
  return { ctx, page };
}

/** axe-core's serious and critical findings on the page: there must be none. */
async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${new URL(page.url()).pathname}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const foto = (page: Page, naam: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${naam}.png`), fullPage: true });

it('sends a visitor to the sign-in page, and refuses an unknown token there', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const res = await page.goto(`${site.url}/zaken/${andereSchool}`);
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  expect(res?.status()).toBe(200);
  expect(await page.locator('input[name=token]').count()).toBe(1);
  await foto(page, 'inloggen');
  await page.fill('input[name=token]', 'dev-coordinator-dit-is-geen-token');
  await page.click('main button[type=submit]');
  expect(await page.locator('[role=alert]').textContent()).toMatch(/Dit token kennen we niet/);
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  await ctx.close();
});

it('the coordinator starts a zorgplicht case, extends it, and sees the second extension refused on the page', async () => {
  const { ctx, page } = await inloggen('coordinator');
  await page.click('nav >> text=Nieuwe zaak');
  await page.click('text=Start een zorgplichtzaak');
  await page.fill('#start-0-leerling-naam', 'Quirijn <b>Vandersnoek</b>');
  await page.fill('#start-0-school-brin', '12ab');
  await page.fill('#start-0-school-naam', 'De Regenboog');
  await page.fill('#start-0-school-email', 'directie@regenboog.example');
  await page.selectOption('#start-0-school-regio', 'midden');
  await page.fill('#start-0-ouders-0-naam', 'Fenna Vandersnoek');
  await page.fill('#start-0-ouders-0-email', 'fenna@ouders.example');
  await page.fill('#start-0-aanmelddatum', vandaag(-10));
  await foto(page, 'nieuwe-zaak');
  await page.click('text=Zaak starten');
  const id = new URL(page.url()).pathname.split('/').pop()!;
  expect(id).toMatch(/^zp-/);
  expect(await page.locator('[role=status]').textContent()).toMatch(/De zaak is gestart/);
  // The pupil's name, typed with markup, is shown as text.
  expect(await page.locator('dd', { hasText: 'Quirijn <b>Vandersnoek</b>' }).count()).toBe(1);
  expect(await page.locator('.kenmerken b').count()).toBe(0);
  expect(await page.locator('h2', { hasText: 'Termijnen' }).count()).toBe(1);
  expect(await page.locator('table').first().textContent()).toMatch(/artikel 40/);

  // Extend: the reason holds an injection attempt, which the timeline shows as text.
  const verlengen = page.locator('section.actie', { hasText: 'verlengen' });
  await verlengen.locator('summary').click();
  await verlengen.locator('input[name=weken]').fill('4');
  await verlengen.locator('textarea[name=reden]').fill(INJECTIE);
  // The coordinator acts on the school board's mandate, and says whose (the workflow asks).
  await verlengen.locator('input[name=mandaat]').fill('bestuur van De Regenboog');
  await verlengen.locator('button[type=submit]').click();
  expect(await page.locator('[role=status]').textContent()).toMatch(/verlengen.*vastgelegd/);
  expect((await api.get(id)).body.status).toBe('verlengd');
  expect(await page.locator('.tijdlijn').textContent()).toContain(INJECTIE);
  expect(await page.locator('.tijdlijn img, .tijdlijn b').count()).toBe(0);
  expect(await page.title()).not.toBe('1');
  const stappen = await page.locator('.tijdlijn > li').count();

  // A second extension: the workflow refuses it; the page says why, and nothing changed.
  const nogmaals = page.locator('section.actie', { hasText: 'verlengen' });
  await nogmaals.locator('summary').click();
  await nogmaals.locator('input[name=weken]').fill('2');
  await nogmaals.locator('textarea[name=reden]').fill('nog meer tijd nodig');
  await nogmaals.locator('input[name=mandaat]').fill('bestuur van De Regenboog');
  await nogmaals.locator('button[type=submit]').click();
  const fout = page.locator('[role=alert]');
  expect(await fout.textContent()).toMatch(/Deze stap is niet gezet\..*eenmaal|al verlengd|Er is niets veranderd/s);
  expect(await fout.textContent()).toMatch(/Er is niets veranderd/);
  expect(await page.locator('.tijdlijn > li').count()).toBe(stappen);
  // What was typed is kept, so the user can correct it.
  expect(await page.locator('section.actie textarea[name=reden]').first().inputValue()).toBe('nog meer tijd nodig');
  await foto(page, 'weigering');
  const view = (await api.get(id)).body;
  expect(view.status).toBe('verlengd');
  expect(view.tijdlijn.filter((t: { soort: string }) => t.soort === 'verlengd')).toHaveLength(1);
  await ctx.close();
});

it("the school sees Mijn werk with its own cases only; another school's case is not found", async () => {
  const eigen = await api.create('zorgplicht', aanmelding());
  expect(eigen.status).toBe(201);
  const { ctx, page } = await inloggen('school');
  const tekst = (await page.locator('main').textContent()) ?? '';
  expect(tekst).toContain(eigen.body.id);
  expect(tekst).not.toContain(andereSchool);
  expect(tekst).not.toContain('34CD');
  expect(await page.locator('.werkitem').count()).toBeGreaterThan(0);
  expect(await page.locator('.werkitem').first().textContent()).toMatch(/Regel/);
  await foto(page, 'mijn-werk-school');
  const res = await page.goto(`${site.url}/zaken/${andereSchool}`);
  expect(res?.status()).toBe(404);
  expect(await page.locator('[role=alert]').textContent()).toMatch(/Deze zaak bestaat niet/);
  expect(await page.locator('main').textContent()).not.toMatch(/De Linde|Quirijn/);
  await page.goto(`${site.url}/zaken?school=34CD`);
  expect(await page.locator('[role=alert]').textContent()).toMatch(/eigen school/);
  await ctx.close();
});

it('the coordinator climbs an impasse rung with the form of that step', async () => {
  const { ctx, page } = await inloggen('coordinator');
  await foto(page, 'mijn-werk');
  await page.goto(`${site.url}/zaken/${impasse}`);
  const escaleren = page.locator('section.actie', { has: page.locator('summary', { hasText: 'Naar E2' }) });
  await escaleren.locator('summary', { hasText: 'Naar E2' }).click();
  const form = escaleren.locator('details[open] form');
  await form.locator('textarea[name=reden]').fill('de ondersteuningsadviseur komt er niet uit met de school');
  await form.locator('label', { hasText: 'ouders' }).click();
  await form.locator('label', { hasText: 'huidige school' }).click();
  await form.locator('button[type=submit]').click();
  expect(await page.locator('[role=status]').textContent()).toMatch(/vastgelegd/);
  const view = (await api.get(impasse)).body;
  expect(view.niveau ?? view.trede ?? view.status).toBeDefined();
  expect(JSON.stringify(view)).toMatch(/E2/);
  await foto(page, 'zaak');
  // The plaatsingstafel offers the DB's binding decision, not Almere's doorzettingsmacht.
  const stappen = () => page.locator('section.actie h3').allTextContents();
  expect((await stappen()).join(' | ')).toMatch(/bindend besluit/i);
  expect((await stappen()).join(' | ')).not.toMatch(/Doorzettingsmacht/);
  // An Almere impasse climbs its own route: the teamleider Toeleiding names the school there.
  const almere = (await api.create('impasse', impasseMelding({ beleid: 'almere' }))).body.id as string;
  await page.goto(`${site.url}/zaken/${almere}`);
  expect((await stappen()).join(' | ')).toMatch(/Doorzettingsmacht/);
  expect((await stappen()).join(' | ')).not.toMatch(/bindend besluit/i);
  await ctx.close();
});

it('the coordinator moves a TLV to another version of its policy: first what changes, then the confirmation', async () => {
  const zaak = (await api.create('tlv', tlvAanvraag())).body.id as string;
  expect((await api.act(zaak, 'beoordelen', tlvBeoordeling, 'deskundige')).status).toBe(200);
  const besluit = await request(h.app)
    .post(`/api/v1/zaken/${zaak}/acties/besluiten`)
    .set('Authorization', `Bearer ${TWEEDE}`)
    .send(tlvToekennen);
  expect(besluit.status).toBe(200);
  const eind = besluit.body.tlv.einddatum as string;
  const { ctx, page } = await inloggen('coordinator');
  await page.goto(`${site.url}/zaken/${zaak}`);
  const sectie = page.locator('section.actie', {
    has: page.locator('h3', { hasText: 'andere versie van haar beleid' }),
  });
  await sectie.locator('summary').click();
  const form = sectie.locator('details[open] form');
  await form.locator('[name=versie]').fill('2020-2024');
  await form.locator('[name=reden]').fill('Terug naar de duur van het plan van 2020');
  await form.locator('button[type=submit]').click();
  // The preview: nothing changed yet, the end date before and after.
  const voorbeeld = page.locator('#voorbeeld');
  expect(await voorbeeld.locator('h2').textContent()).toMatch(/Naar versie 2020-2024 van beleid spow/);
  expect(await voorbeeld.locator('tbody tr').first().textContent()).toMatch(/einddatum/);
  expect((await api.get(zaak)).body.beleidsversie).toBe('2020-2024-addendum');
  expect(await axe(page)).toEqual([]);
  await voorbeeld.locator('button[type=submit]').click();
  expect(await page.locator('[role=status]').textContent()).toMatch(/vastgelegd/);
  const na = (await api.get(zaak)).body;
  expect(na.beleidsversie).toBe('2020-2024');
  expect(na.tlv.einddatum < eind).toBe(true);
  expect(na.tijdlijn.filter((t: { soort: string }) => t.soort === 'beleid-gewijzigd')).toHaveLength(1);
  await ctx.close();
});

it('exports the case list as CSV, without names', async () => {
  const { ctx, page } = await inloggen('coordinator');
  await page.goto(`${site.url}/zaken?type=zorgplicht`);
  await foto(page, 'zaken');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Exporteren als CSV')]);
  const tekst = fs.readFileSync((await download.path())!, 'utf8');
  const rijen = parse(tekst, { columns: true }) as Record<string, string>[];
  expect(Object.keys(rijen[0])).toEqual([
    'id',
    'type',
    'status',
    'school',
    'beleid',
    'volgendeDeadline',
    'gestart',
    'open',
  ]);
  expect(rijen.map((r) => r.id)).toContain(andereSchool);
  expect(rijen.every((r) => r.type === 'zorgplicht')).toBe(true);
  expect(tekst).not.toMatch(/Quirijn|Vandersnoek|ouders\.example/);
  await ctx.close();
});

it('subscribes to the agenda feed at a personal link; a new link or revoking ends the old one', async () => {
  const { ctx, page } = await inloggen('school');
  await page.click('nav >> text=Agenda');
  expect(await page.locator('main').textContent()).toMatch(/nog geen agendalink/);
  await page.click('text=Agendalink maken');
  const link = await page.locator('#agendalink').inputValue();
  expect(link).toMatch(new RegExp(`^${site.url}/agenda/[A-Za-z0-9_-]{43}\\.ics$`));
  await foto(page, 'agenda');
  // A calendar app fetches it without cookie or token.
  const feed = await fetch(link);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
  const tekst = await feed.text();
  const events = Object.values(ical.sync.parseICS(tekst)).filter((e): e is VEvent => e?.type === 'VEVENT');
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) {
    expect(String(e.summary)).toMatch(/^(zorgplicht|impasse|tlv): /);
    expect(String(e.description)).toMatch(/Regel: /);
  }
  // Each event links to its case page.
  expect(tekst.match(new RegExp(`${site.url}/zaken/`, 'g'))?.length).toBe(events.length);
  const zorgplicht = events.filter((e) => String(e.summary).startsWith('zorgplicht'));
  expect(zorgplicht.length).toBeGreaterThan(0);
  expect(String(zorgplicht[0].description)).toMatch(/artikel 40/);
  // Its own school's cases only, and no names.
  expect(tekst).not.toContain(andereSchool);
  expect(tekst).not.toMatch(/Quirijn|Vandersnoek|Fenna|Regenboog/);
  // A new link: the old one stops working.
  await page.click('text=Nieuwe agendalink maken');
  const nieuw = await page.locator('#agendalink').inputValue();
  expect(nieuw).not.toBe(link);
  expect((await fetch(link)).status).toBe(404);
  expect((await fetch(nieuw)).status).toBe(200);
  await page.click('text=Agendalink intrekken');
  expect(await page.locator('main').textContent()).toMatch(/nog geen agendalink/);
  expect((await fetch(nieuw)).status).toBe(404);
  expect((await fetch(`${site.url}/agenda/niet-geldig.ics`)).status).toBe(404);
  await ctx.close();
});

it('the thuiszitters report on demand: counts for a period and the cases as CSV, by case id only', async () => {
  const kind = await api.create('thuiszitter', {
    leerling: { naam: 'Quirijn Vandersnoek' },
    ouders: [{ naam: 'Fenna Vandersnoek', email: 'fenna@ouders.example' }],
    beleid: 'wet',
    sinds: vandaag(-20),
    reden: 'Nergens ingeschreven.',
  });
  expect(kind.status).toBe(201);
  const { ctx, page } = await inloggen('directeur');
  await page.click('nav >> text=Thuiszitters');
  await page.fill('#van', vandaag(-30));
  await page.fill('#tot', vandaag());
  await page.click('button:has-text("Tonen")');
  const zaken = page.locator('[aria-label="Zaken"] tbody');
  expect(await zaken.textContent()).toContain(kind.body.id);
  expect(await page.locator('main').textContent()).not.toMatch(/Quirijn|Vandersnoek/);
  const csv = await page.request.get(
    `${site.url}/rapportages/thuiszitters.csv?beleid=wet&van=${vandaag(-30)}&tot=${vandaag()}`,
  );
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const tekst = await csv.text();
  expect(tekst.split('\n')[0]).toMatch(/^zaakId,sinds,/);
  expect(tekst).toContain(kind.body.id);
  expect(tekst).not.toMatch(/Quirijn|Vandersnoek/);
  // A school has no reports.
  const school = await inloggen('school');
  expect(await school.page.locator('nav >> text=Thuiszitters').count()).toBe(0);
  await school.ctx.close();
  await ctx.close();
});

it("the directeur's overview: stuck impasses by rung and by school, days stuck, and open cases per week", async () => {
  const { ctx, page } = await inloggen('directeur');
  // Mijn werk puts the stuck case on top, marked in text as well as in colour.
  const eerste = page.locator('.werkitem').first();
  expect(await eerste.textContent()).toContain(vastgelopen);
  expect(await eerste.locator('.label').textContent()).toBe('Vastgelopen');
  await page.click('nav >> text=Overzicht');
  const vast = page.locator('table', { has: page.locator('caption', { hasText: 'vastgelopen' }) });
  expect(await vast.textContent()).toContain(vastgelopen);
  expect(await vast.textContent()).toMatch(/34CD.*E1/s);
  const perTrede = page.locator('[aria-label="Open impasses per trede"] tbody tr', { hasText: 'E1' });
  // On E1: the stuck one (and the other impasse, unless an earlier test climbed it to E2).
  expect(await perTrede.locator('td').allTextContents()).toEqual([
    'E1',
    expect.stringMatching(/^[12]$/),
    '1',
    expect.stringMatching(/^\d+$/),
  ]);
  expect(await page.locator('[aria-label="Open impasses per school"] tbody tr').allTextContents()).toContainEqual(
    expect.stringMatching(/^34CD11\d+$/),
  );
  const grafiek = page.locator('figure.grafiek svg[role=img]');
  expect(await grafiek.locator('rect').count()).toBeGreaterThan(0);
  expect(await page.locator('[aria-label="Open zaken per week"] tbody tr').count()).toBe(52);
  await foto(page, 'overzicht');
  // A school has no overview.
  const school = await inloggen('school');
  expect(await school.page.locator('nav >> text=Overzicht').count()).toBe(0);
  expect((await school.page.goto(`${site.url}/overzicht`))?.status()).toBe(404);
  await school.ctx.close();
  await ctx.close();
});

it('every page passes axe-core, fits 320 px and works with the keyboard alone', async () => {
  const bevindingen: string[] = [];
  for (const rol of ['coordinator', 'school', 'directeur', 'bestuur'] as const) {
    for (const breedte of [1280, 320]) {
      const { ctx, page } = await inloggen(rol, breedte);
      const paginas = [
        '/',
        '/zaken',
        '/nieuw',
        '/agenda',
        ...(rol === 'school' ? [`/zaken/${andereSchool}`] : ['/overzicht']),
        ...(rol === 'coordinator' || rol === 'directeur' ? ['/rapportages/thuiszitters'] : []),
        ...(rol === 'coordinator'
          ? [
              `/zaken/${impasse}`,
              `/zaken/${andereSchool}`,
              '/nieuw/zorgplicht',
              '/nieuw/impasse',
              '/nieuw/tlv',
              '/nieuw/terugplaatsing',
              '/nieuw/thuiszitter',
            ]
          : []),
      ];
      for (const p of paginas) {
        await page.goto(`${site.url}${p}`);
        // Open every folded form too: axe checks what is shown.
        await page.evaluate("document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))");
        // axe at 320 px for the coordinator's pages (they hold every kind): the rest is checked for width.
        if (breedte === 1280 || rol === 'coordinator') bevindingen.push(...(await axe(page)));
        if (breedte === 320) {
          const breed = await page.evaluate<number>('document.documentElement.scrollWidth');
          if (breed > 320) bevindingen.push(`${rol} ${p}: ${breed}px breed bij 320px`);
        }
      }
      await ctx.close();
    }
  }
  // The sign-in page and an error page, signed out.
  const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${site.url}/static/bestaat-niet.css`);
  expect(await page.locator('[role=alert]').textContent()).toMatch(/bestaat niet/);
  bevindingen.push(...(await axe(page)));
  await page.goto(`${site.url}/inloggen`);
  bevindingen.push(...(await axe(page)));
  expect(bevindingen).toEqual([]);

  // Keyboard alone: the skip link comes first; sign in and open a case without a mouse.
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Naar de inhoud');
  for (let i = 0; i < 5 && (await page.evaluate<string>('document.activeElement?.id')) !== 'token'; i++)
    await page.keyboard.press('Tab');
  await page.keyboard.type(h.tokenOf('coordinator'));
  await page.keyboard.press('Enter');
  await page.waitForURL(`${site.url}/`);
  for (
    let i = 0;
    i < 30 &&
    !(await page.evaluate<boolean>("Boolean(document.activeElement?.getAttribute('href')?.startsWith('/zaken/'))"));
    i++
  )
    await page.keyboard.press('Tab');
  const href = await page.evaluate<string>("document.activeElement?.getAttribute('href')");
  expect(href).toMatch(/^\/zaken\//);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${site.url}${href}`);
  expect(await page.locator('h1').textContent()).toMatch(/^Zaak /);
  await foto(page, 'zaak-320px');
  await ctx.close();
});

// Last: its cases would show in the agenda and the overview the tests above count.
it('the coordinator records on an impasse that the pupil is at home, enrolled nowhere, with a checkbox: a thuiszitter case opens', async () => {
  const zaak = (await api.create('impasse', impasseMelding())).body.id as string;
  const { ctx, page } = await inloggen('coordinator');
  await page.goto(`${site.url}/zaken/${zaak}`);
  const sectie = page.locator('section.actie', { has: page.locator('h3', { hasText: 'zit thuis' }) });
  await sectie.locator('summary', { hasText: 'Invullen' }).click();
  const form = sectie.locator('details[open] form');
  await form.locator('[name=sinds]').fill(vandaag());
  await form.locator('[name=reden]').fill('Geen school neemt de leerling aan; hij zit thuis.');
  // Said, not assumed: the box is unticked until the coordinator ticks it (here with the keyboard).
  const nergens = form.locator('input[type=checkbox][name=nergensIngeschreven]');
  expect(await nergens.isChecked()).toBe(false);
  await nergens.focus();
  await page.keyboard.press('Space');
  await form.locator('button[type=submit]').click();
  expect(await page.locator('[role=status]').textContent()).toMatch(/vastgelegd/);
  expect((await api.get(zaak)).body.thuis).toMatchObject({ zaakId: `${zaak}-thuiszitter` });
  // Enrolled somewhere: the school named, the box left alone (it used to be sent regardless, and refused).
  const ander = (await api.create('impasse', impasseMelding())).body.id as string;
  await page.goto(`${site.url}/zaken/${ander}`);
  await sectie.locator('summary', { hasText: 'Invullen' }).click();
  await form.locator('[name=sinds]').fill(vandaag());
  await form.locator('[name=reden]').fill('Hij komt niet meer naar school.');
  await form.locator('summary', { hasText: 'Ingeschreven op' }).click();
  await form.locator('[name="ingeschrevenOp.brin"]').fill('12AB');
  await form.locator('[name="ingeschrevenOp.naam"]').fill('De Regenboog');
  await form.locator('button[type=submit]').click();
  expect(await page.locator('[role=status]').textContent()).toMatch(/vastgelegd/);
  expect((await api.get(ander)).body.thuis).toMatchObject({ zaakId: `${ander}-thuiszitter` });
  await ctx.close();
});
