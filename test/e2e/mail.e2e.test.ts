/**
 * The notification path end to end: API → workflow on a real dev server → the product's worker and
 * activities → Outbox → real SMTP → .eml files in the sink's directory. The dev server runs on real
 * time, so the dates are relative to today and the expected ones come from the domain functions.
 */
import path from 'node:path';
import {
  formatDutchDate,
  getPolicy,
  tijdelijkePlaatsingsdatum,
  verlengdeBeslisdatum,
  zorgplichtBeslisdatum,
} from '../../src/domain';
import { waitFor } from '../helpers/api';
import { ledgerRijen } from '../helpers/grootboek';
import { apiClient } from '../helpers/apiClient';
import {
  aanmelding,
  COORDINATOR_EMAIL,
  expectDutchProblem,
  readMails,
  startZakenHarness,
  vandaag,
  type Harness,
  type Mail,
} from '../helpers/zakenHarness';

const DUTCH_DATE =
  /^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/;
const LEERLING = 'Quirijn Vandersnoek';
const wet = getPolicy('wet');

describe('e-mail notifications end to end (real dev server, real worker, real SMTP)', () => {
  let h: Harness;
  const api = apiClient(() => h);
  const mailsTo = (address: string) => readMails(h.mailDir).filter((m) => m.to.includes(address));
  const ledger = () => ledgerRijen(path.join(h.dataDir, 'outbox.sqlite')).verzonden ?? 0;

  beforeAll(async () => {
    h = await startZakenHarness('mail-e2e');
  }, 120_000);

  afterAll(async () => {
    await h?.teardown();
  });

  describe('a case registered 12 weeks after the aanmelding (both deadlines already passed)', () => {
    const aanmelddatum = vandaag(-84);
    const beslis = zorgplichtBeslisdatum(aanmelddatum, wet);
    const plaatsing = tijdelijkePlaatsingsdatum(aanmelddatum, wet);
    const schoolEmail = 'directie.overdue@regenboog.example';
    const ouders = [
      { naam: 'Fenna Vandersnoek', email: 'fenna.overdue@ouders.example' },
      { naam: 'Joost Vandersnoek', email: 'joost.overdue@ouders.example' },
    ];
    let id: string;
    let mails: { school: Mail[]; coordinator: Mail[]; ouders: Mail[] };

    it('is created and marked overdue and temporarily placed at once', async () => {
      expect(formatDutchDate(beslis.datum)).toMatch(DUTCH_DATE);
      expect(formatDutchDate(plaatsing.datum)).toMatch(DUTCH_DATE);
      expect(plaatsing.datum < vandaag()).toBe(true);

      const body = aanmelding({
        aanmelddatum,
        ouders,
        school: { brin: '12AB', naam: 'De Regenboog', email: schoolEmail, regio: 'midden' },
      });
      const res = await api.create('zorgplicht', body, 'coordinator');
      expect(res.status).toBe(201);
      id = res.body.id;
      expect(res.body.deadlines.map((d: { datum: string }) => d.datum)).toEqual([beslis.datum, plaatsing.datum]);

      const view = await waitFor(async () => {
        const r = await api.get(id, 'coordinator');
        return r.body.status === 'tijdelijk-geplaatst' ? r.body : undefined;
      }, 20_000);
      expect(view.termijnOverschreden).toBe(true);
      expect(view.tijdelijkGeplaatst).toBe(true);
      expect(view.tijdlijn.map((t: { soort: string }) => t.soort)).toEqual(
        expect.arrayContaining(['aangemeld', 'termijn-overschreden', 'tijdelijk-geplaatst']),
      );
    });

    const overschredenOnderwerp = () =>
      `Beslistermijn verstreken: aanmelding bij De Regenboog (${formatDutchDate(beslis.datum)})`;
    const geplaatstOnderwerp = () => `Tijdelijke plaatsing op De Regenboog (${formatDutchDate(plaatsing.datum)})`;
    const isOverschreden = (m: Mail) => m.subject.startsWith('Beslistermijn verstreken: aanmelding bij ');
    const isGeplaatst = (m: Mail) => m.subject.startsWith('Tijdelijke plaatsing op ');

    it('mails school and coordinator both notices and the parents only the placement, each role its own mail', async () => {
      // termijn-overschreden → school, coordinator; tijdelijk-geplaatst → school, coordinator, ouders.
      mails = await waitFor(async () => {
        const m = {
          school: mailsTo(schoolEmail),
          coordinator: mailsTo(COORDINATOR_EMAIL),
          ouders: mailsTo(ouders[0].email),
        };
        return m.school.length >= 2 && m.coordinator.length >= 2 && m.ouders.length >= 1 ? m : undefined;
      }, 30_000);
      // Give a stray extra mail a moment to arrive before counting exactly.
      await new Promise((r) => setTimeout(r, 1000));
      expect(readMails(h.mailDir)).toHaveLength(5);

      expect(mails.school.filter(isOverschreden)).toHaveLength(1);
      expect(mails.school.filter(isGeplaatst)).toHaveLength(1);
      expect(mails.coordinator.filter(isOverschreden)).toHaveLength(1);
      expect(mails.coordinator.filter(isGeplaatst)).toHaveLength(1);
      expect(mails.ouders).toHaveLength(1);
      expect(isGeplaatst(mails.ouders[0])).toBe(true);

      // Recipients: the school's and coordinator's mails go to that address only; the parents' to both parents.
      for (const m of mails.school) expect(m.to).toBe(schoolEmail);
      for (const m of mails.coordinator) expect(m.to).toBe(COORDINATOR_EMAIL);
      expect(mails.ouders[0].to.split(/,\s*/).sort()).toEqual(ouders.map((o) => o.email).sort());
      expect(mailsTo(ouders[1].email)).toEqual(mails.ouders);
      for (const m of readMails(h.mailDir)) expect(m.headers.from).toContain('noreply@passendonderwijs.local');

      // The deadlines are written as Dutch dates (from the domain functions), no ISO dates anywhere.
      const beslisNl = formatDutchDate(beslis.datum);
      const plaatsingNl = formatDutchDate(plaatsing.datum);
      for (const m of [...mails.school, ...mails.coordinator].filter(isOverschreden)) {
        expect(m.subject.endsWith(`(${beslisNl})`)).toBe(true);
        expect(m.body).toContain(`is op ${beslisNl} verstreken zonder besluit en zonder verlenging`);
        expect(m.body).toContain(`(aangemeld op ${formatDutchDate(aanmelddatum)})`);
        expect(m.body).toContain(`Grondslag: ${beslis.regel}.`);
      }
      for (const m of readMails(h.mailDir).filter(isGeplaatst)) {
        expect(m.subject.endsWith(`(${plaatsingNl})`)).toBe(true);
        expect(m.body).toContain(`Op ${plaatsingNl} had `);
        expect(m.body).toContain(`Grondslag: ${plaatsing.regel}.`);
      }
      for (const m of readMails(h.mailDir)) {
        expect(`${m.subject}\n${m.body}`).not.toMatch(/\{\{|\}\}/);
        expect(`${m.subject}\n${m.body}`).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
        expect(m.body).toContain('Met vriendelijke groet,');
      }
    });

    it("names the school in every mail and addresses only the recipient's role", () => {
      const aanmeldNl = formatDutchDate(aanmelddatum);
      const plaatsingNl = formatDutchDate(plaatsing.datum);
      const overschreden = overschredenOnderwerp();
      const geplaatst = geplaatstOnderwerp();
      const subjectsOf = (list: Mail[]) => list.map((m) => m.subject).sort();
      expect(subjectsOf(mails.school)).toEqual([overschreden, geplaatst].sort());
      expect(subjectsOf(mails.coordinator)).toEqual([overschreden, geplaatst].sort());
      expect(subjectsOf(mails.ouders)).toEqual([geplaatst]);

      const schoolOverschreden = mails.school.find(isOverschreden)!;
      expect(schoolOverschreden.body).toMatch(/^Beste school,\n/);
      expect(schoolOverschreden.body).toContain(
        `De beslistermijn voor de aanmelding van ${LEERLING} bij De Regenboog (aangemeld op ${aanmeldNl})`,
      );
      expect(schoolOverschreden.body).toContain(`Neem zo snel mogelijk een besluit en leg het vast (zaak ${id}).`);
      expect(schoolOverschreden.body).not.toContain('Beste coördinator');
      expect(schoolOverschreden.body).not.toContain('Neem contact op met de school');

      const coordinatorOverschreden = mails.coordinator.find(isOverschreden)!;
      expect(coordinatorOverschreden.body).toMatch(/^Beste coördinator,\n/);
      expect(coordinatorOverschreden.body).toContain(`Neem contact op met de school (zaak ${id}).`);
      expect(coordinatorOverschreden.body).not.toContain('Beste school');
      expect(coordinatorOverschreden.body).not.toContain('Neem zo snel mogelijk een besluit');

      const schoolGeplaatst = mails.school.find(isGeplaatst)!;
      expect(schoolGeplaatst.body).toMatch(/^Beste school,\n/);
      expect(schoolGeplaatst.body).toContain(
        `Op ${plaatsingNl} had De Regenboog nog niet beslist over de aanmelding van ${LEERLING} van ${aanmeldNl}.`,
      );
      expect(schoolGeplaatst.body).toContain(`Leg het besluit zo snel mogelijk vast (zaak ${id}).`);
      expect(schoolGeplaatst.body).not.toContain('Volg de zaak op');

      const coordinatorGeplaatst = mails.coordinator.find(isGeplaatst)!;
      expect(coordinatorGeplaatst.body).toMatch(/^Beste coördinator,\n/);
      expect(coordinatorGeplaatst.body).toContain(`Volg de zaak op met de school (zaak ${id}).`);
      expect(coordinatorGeplaatst.body).not.toMatch(/Beste school|Leg het besluit/);

      const oudersMail = mails.ouders[0];
      expect(oudersMail.body).toMatch(/^Beste ouder of verzorger,\n/);
      expect(oudersMail.body).toContain(
        `Daarom is ${LEERLING} vanaf nu tijdelijk geplaatst en ingeschreven op De Regenboog`,
      );
      expect(oudersMail.body).toContain('dat mag alleen als een andere school uw kind toelaat');
      // Not the school's or the coordinator's wording, no case id, no other addresses.
      expect(oudersMail.body).not.toMatch(/Beste school|Beste coördinator|Leg het besluit|Volg de zaak|zaak zp-/);
      expect(oudersMail.body).not.toContain(schoolEmail);
      expect(oudersMail.body).not.toContain(COORDINATOR_EMAIL);
      for (const m of readMails(h.mailDir)) expect(`${m.subject}\n${m.body}`).not.toMatch(/\btrue\b/);
      // Subjects show up in mailbox lists and server logs: no pupil name there.
      for (const m of readMails(h.mailDir)) expect(m.subject).not.toContain(LEERLING);
    });

    it('refuses verlengen (409) now that the deadline has passed, and sends nothing for it', async () => {
      const before = readMails(h.mailDir).length;
      const res = await api.act(
        id,
        'verlengen',
        { weken: 2, reden: 'Wij hebben meer tijd nodig voor het onderzoek.' },
        'school',
      );
      expectDutchProblem(res, 409);
      expect(res.body.title).toBe('Stap nu niet toegestaan');
      expect(res.body.detail).toMatch(/tijdelijk geplaatst|vóór de beslisdatum/);
      const view = await api.get(id, 'coordinator');
      expect(view.body.verlenging).toBeUndefined();
      expect(view.body.status).toBe('tijdelijk-geplaatst');
      expect(readMails(h.mailDir)).toHaveLength(before);
    });

    it('sends no mail twice after the worker restarts on the same DATA_DIR', async () => {
      const emls = readMails(h.mailDir).length;
      const sent = ledger();
      expect(sent).toBe(5);
      await h.stopWorker();
      await h.startWorker();
      // The new worker replays the history (query), then runs the rest of the case (decision).
      const view = await api.get(id, 'coordinator');
      expect(view.status).toBe(200);
      expect(view.body.status).toBe('tijdelijk-geplaatst');
      const besluit = await api.act(
        id,
        'besluiten',
        { uitkomst: 'toegelaten', reden: 'De tijdelijke plaatsing wordt definitief.' },
        'school',
      );
      expect(besluit.status).toBe(200);
      expect(besluit.body.status).toBe('toegelaten');
      await h.client.workflow.getHandle(id).result();
      await new Promise((r) => setTimeout(r, 3000));
      // Only the parents' letter of the decision is new: nothing of before the restart went twice.
      const nieuw = readMails(h.mailDir).slice(emls);
      expect(nieuw.map((m) => m.subject)).toEqual(['Besluit over uw aanmelding bij De Regenboog']);
      expect(nieuw[0].to.split(/,\s*/).sort()).toEqual(ouders.map((o) => o.email).sort());
      expect(ledger()).toBe(sent + 1);
    });
  });

  describe('a case registered today', () => {
    it('verlengen mails the parents the new beslisdatum (in Dutch) and the reason', async () => {
      const aanmelddatum = vandaag();
      const ouderEmail = 'fenna.vandaag@ouders.example';
      const schoolEmail = 'directie.vandaag@regenboog.example';
      const body = aanmelding({
        aanmelddatum,
        ouders: [{ naam: 'Fenna Vandersnoek', email: ouderEmail }],
        school: { brin: '12AB', naam: 'De Regenboog', email: schoolEmail, regio: 'midden' },
      });
      const created = await api.create('zorgplicht', body, 'school');
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const before = readMails(h.mailDir).length;

      const reden = 'Wij wachten op het onderwijskundig rapport van de vorige school.';
      const res = await api.act(id, 'verlengen', { weken: 3, reden }, 'school');
      expect(res.status).toBe(200);
      const nieuw = verlengdeBeslisdatum(aanmelddatum, 3, wet);
      expect(res.body.status).toBe('verlengd');
      expect(res.body.deadlines[0]).toEqual(
        expect.objectContaining({ soort: 'beslistermijn', datum: nieuw.datum, regel: nieuw.regel }),
      );

      const [mail] = await waitFor(async () => {
        const m = mailsTo(ouderEmail);
        return m.length ? m : undefined;
      }, 20_000);
      const nieuwNl = formatDutchDate(nieuw.datum);
      expect(nieuwNl).toMatch(DUTCH_DATE);
      expect(mail.to).toBe(ouderEmail);
      expect(mail.subject).toBe(`De beslistermijn voor uw aanmelding bij De Regenboog is verlengd tot ${nieuwNl}`);
      expect(mail.subject).toContain('verlengd');
      expect(mail.body).toMatch(/^Beste ouder of verzorger,/);
      expect(mail.body).toContain(
        `U heeft ${LEERLING} op ${formatDutchDate(aanmelddatum)} schriftelijk aangemeld bij De Regenboog.`,
      );
      expect(mail.body).toContain('verlengt de beslistermijn eenmalig met 3 weken');
      expect(mail.body).toContain(`De school beslist nu uiterlijk op ${nieuwNl}.`);
      expect(mail.body).toContain(`Reden van de verlenging: ${reden}`);
      expect(mail.body).toContain(`Grondslag: ${nieuw.regel}.`);
      expect(mail.body).toContain(formatDutchDate(tijdelijkePlaatsingsdatum(aanmelddatum, wet).datum));
      expect(mail.body).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);

      // Only the parents are told; the school and coordinator get no mail for it.
      await new Promise((r) => setTimeout(r, 1000));
      expect(readMails(h.mailDir)).toHaveLength(before + 1);
      expect(mailsTo(schoolEmail)).toHaveLength(0);
    });
  });

  describe('an overdue case of a pupil enrolled at another school', () => {
    const aanmelddatum = vandaag(-84);
    const schoolEmail = 'directie.elders@regenboog.example';
    const ouderEmail = 'fenna.elders@ouders.example';
    let before: number;
    let nieuw: Mail[];

    it('is not temporarily placed: school and coordinator get the overdue and no-placement notices, the parents nothing', async () => {
      before = readMails(h.mailDir).length;
      const body = aanmelding({
        aanmelddatum,
        ouders: [{ naam: 'Fenna Vandersnoek', email: ouderEmail }],
        school: { brin: '12AB', naam: 'De Regenboog', email: schoolEmail, regio: 'midden' },
        ingeschrevenElders: { brin: '56EF', naam: 'OBS De Linde' },
      });
      const created = await api.create('zorgplicht', body, 'coordinator');
      expect(created.status).toBe(201);
      nieuw = await waitFor(async () => {
        const m = readMails(h.mailDir).slice(before);
        return m.length >= 4 ? m : undefined;
      }, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      nieuw = readMails(h.mailDir).slice(before);
      const plaatsingNl = formatDutchDate(tijdelijkePlaatsingsdatum(aanmelddatum, wet).datum);
      expect(nieuw.map((m) => m.to).sort()).toEqual([COORDINATOR_EMAIL, COORDINATOR_EMAIL, schoolEmail, schoolEmail]);
      expect(mailsTo(ouderEmail)).toEqual([]);
      const geen = nieuw.filter((m) => m.subject.startsWith(`Geen besluit op ${plaatsingNl}: aanmelding bij `));
      expect(geen.map((m) => m.to).sort()).toEqual([COORDINATOR_EMAIL, schoolEmail]);
      for (const m of geen)
        expect(m.body).toContain(
          'Omdat de leerling op een andere school staat ingeschreven, volgt geen tijdelijke plaatsing.',
        );
      const view = await api.get(created.body.id, 'coordinator');
      expect(view.body.status).toBe('termijn-overschreden');
      expect(view.body.tijdelijkGeplaatst).toBe(false);
      expect(view.body.tijdlijn.map((t: { soort: string }) => t.soort)).toContain('geen-tijdelijke-plaatsing');
    });

    it('names the school and addresses only the recipient in the no-placement notice', () => {
      const geen = nieuw.filter((m) => m.subject.startsWith('Geen besluit op '));
      for (const m of geen) {
        expect(m.subject).toMatch(/: aanmelding bij De Regenboog$/);
        expect(m.body).toContain(`van ${LEERLING} bij De Regenboog (aangemeld op ${formatDutchDate(aanmelddatum)})`);
      }
      expect(geen.find((m) => m.to === schoolEmail)!.body).toMatch(/^Beste school,\n/);
      expect(geen.find((m) => m.to === COORDINATOR_EMAIL)!.body).toMatch(/^Beste coördinator,\n/);
    });
  });

  it('the worker log (two workers, DEBUG) carries no personal data', () => {
    // Captured at DEBUG with the core's logs forwarded: it saw the notification activities run.
    const all = h.workerLog.join('\n');
    expect(all).toContain('stuurBerichten');
    for (const secret of [LEERLING, 'Vandersnoek', 'ouders.example', 'regenboog.example', '999990019'])
      expect(all).not.toContain(secret);
  });
});
