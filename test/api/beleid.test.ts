/**
 * Policies and their versions through the API (issue 15), on a real stack: the list of the SWVs, one
 * policy's versions, a case's version and the preview of a move, the move itself (coordinator only,
 * recorded in the timeline), and a TLV under another SWV's route (SPPOH: the directeur decides).
 */
import request from 'supertest';
import { apiClient } from '../helpers/apiClient';
import { tlvAanvraag, tlvBeoordeling, tlvToekennen } from '../helpers/tlvApi';
import { expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const TWEEDE = 'beleid-deskundige-2-0123456789abcdef';
let h: Harness;
const api = apiClient(() => h);
const tweede = { Authorization: `Bearer ${TWEEDE}` };

beforeAll(async () => {
  h = await startZakenHarness('beleid-api', [
    { token: TWEEDE, id: 'beleid-deskundige-2', naam: 'Tweede deskundige (test)', rol: 'deskundige', brins: [] },
  ]);
}, 120_000);
afterAll(() => h?.teardown());

describe('GET /api/v1/beleid', () => {
  it('lists the law (PO, VO) and the five samenwerkingsverbanden with their routes and versions', async () => {
    const res = await api.list('/api/v1/beleid', 'school');
    expect(res.status).toBe(200);
    const perCode = Object.fromEntries((res.body as Record<string, unknown>[]).map((p) => [p.code as string, p]));
    expect(Object.keys(perCode).sort()).toEqual([
      'almere',
      'ppo-nk',
      'spow',
      'sppoh',
      'vo-groningen-stad',
      'wet',
      'wet-vo',
    ]);
    expect(perCode.sppoh).toMatchObject({
      sector: 'po',
      regio: 'midden',
      tlvRoute: 'mdo-directeur',
      impasseRoute: 'productstandaard',
    });
    expect(perCode['vo-groningen-stad']).toMatchObject({ sector: 'vo', regio: 'noord', tlvDuur: 'schoolloopbaan' });
    expect(perCode.spow.versies).toEqual([
      { versie: '2020-2024', geldigVanaf: '2020-08-01', bron: 'Ondersteuningsplan SPOW 2020-2024' },
      expect.objectContaining({ versie: '2020-2024-addendum', geldigVanaf: '2022-08-01' }),
    ]);
    const een = await api.list('/api/v1/beleid/almere', 'deskundige');
    expect(een.body.versies[0].tlv.duur).toMatchObject({ soort: 'doelgericht', minimaalSchooljaren: { waarde: 1 } });
    expectDutchProblem(await api.list('/api/v1/beleid/haaglanden'), 404);
  });
});

describe('moving a TLV case to another version of its policy', () => {
  it('the preview shows the dates that change and changes nothing; the coordinator moves it, with a reason, once', async () => {
    const zaak = (await api.create('tlv', tlvAanvraag())).body.id as string;
    expect((await api.act(zaak, 'beoordelen', tlvBeoordeling, 'deskundige')).status).toBe(200);
    const toegekend = await request(h.app)
      .post(`/api/v1/zaken/${zaak}/acties/besluiten`)
      .set(tweede)
      .send(tlvToekennen);
    expect(toegekend.status).toBe(200);
    const voor = toegekend.body;
    expect(voor.beleidsversie).toBe('2020-2024-addendum');

    const basis = await api.list(`/api/v1/zaken/${zaak}/beleid`);
    expect(basis.body).toMatchObject({ zaakId: zaak, beleid: 'spow', versie: '2020-2024-addendum' });
    expect(basis.body.voorbeeld).toBeUndefined();
    const p = await api.list(`/api/v1/zaken/${zaak}/beleid?versie=2020-2024`);
    expect(p.status).toBe(200);
    // Under the plan of 2020 an SBO TLV in groep 5 ends with groep 5, not groep 8.
    const eind = p.body.voorbeeld.wijzigingen.find((w: { soort: string }) => w.soort === 'einddatum');
    expect(eind).toMatchObject({ van: voor.tlv.einddatum, regel: expect.stringContaining('2, 5 en 8') });
    expect(eind.naar < eind.van).toBe(true);
    expect((await api.get(zaak)).body.tlv.einddatum).toBe(voor.tlv.einddatum);

    // Refused: an unknown version (400), the version it has (409), another role (403).
    const fout = await api.list(`/api/v1/zaken/${zaak}/beleid?versie=1999`);
    expectDutchProblem(fout, 400);
    expect(fout.body.invalidParams[0].reason).toMatch(/kies uit 2020-2024, 2020-2024-addendum/);
    expectDutchProblem(await api.list(`/api/v1/zaken/${zaak}/beleid?versie=2020-2024-addendum`), 409);
    expectDutchProblem(await api.list(`/api/v1/zaken/${zaak}/beleid?versie=2020-2024`, 'school'), 403);
    const stap = { versie: '2020-2024', reden: 'Terug naar de duur van het plan' };
    expectDutchProblem(await api.act(zaak, 'beleid-wijzigen', stap, 'school'), 403);
    expectDutchProblem(await api.act(zaak, 'beleid-wijzigen', { ...stap, versie: '1999' }), 409);
    expectDutchProblem(await api.act(zaak, 'beleid-wijzigen', { versie: '2020-2024' }), 400);

    const sleutel = `beleid-${Date.now()}`;
    const na = await api.act(zaak, 'beleid-wijzigen', stap, 'coordinator').set('Idempotency-Key', sleutel);
    expect(na.status).toBe(200);
    expect(na.body).toMatchObject({ beleidsversie: '2020-2024', tlv: { einddatum: eind.naar } });
    // The same step again with its key: once.
    const nogmaals = await api.act(zaak, 'beleid-wijzigen', stap, 'coordinator').set('Idempotency-Key', sleutel);
    expect(nogmaals.status).toBe(200);
    const tijdlijn = (await api.get(zaak)).body.tijdlijn.filter(
      (t: { soort: string }) => t.soort === 'beleid-gewijzigd',
    );
    expect(tijdlijn).toHaveLength(1);
    expect(tijdlijn[0]).toMatchObject({
      reden: stap.reden,
      gegevens: { van: '2020-2024-addendum', naar: '2020-2024' },
    });
  });
});

describe('a TLV under SPPOH: the directeur decides and reads the case', () => {
  it('voorbereiden (MDO), two deskundigen, the directeur; the directeur reads the case in full and lists it', async () => {
    const zaak = (await api.create('tlv', tlvAanvraag('12AB', { beleid: 'sppoh' }))).body.id as string;
    const v = (await api.get(zaak, 'directeur')).body;
    expect(v).toMatchObject({ beleid: 'sppoh', route: { soort: 'mdo-directeur', beslisser: 'directeur' } });
    expect(v.leerling.naam).toBe('Quirijn Vandersnoek');
    const mdo = {
      datum: vandaag(-1),
      deelnemers: ['ouders', 'IB De Regenboog', 'SBO De Vaart'],
      consensus: true,
      sboSchool: { naam: 'SBO De Vaart' },
      instemmingOuders: { gegeven: true },
      verslag: 'Consensus over het voorstel',
    };
    expect((await api.act(zaak, 'voorbereiden', mdo, 'school')).status).toBe(200);
    expect((await api.act(zaak, 'beoordelen', tlvBeoordeling, 'deskundige')).status).toBe(200);
    expect(
      (await request(h.app).post(`/api/v1/zaken/${zaak}/acties/beoordelen`).set(tweede).send(tlvBeoordeling)).status,
    ).toBe(200);
    const besluit = { ...tlvToekennen, einddatum: `${Number(vandaag().slice(0, 4)) + 2}-07-31` };
    expectDutchProblem(
      await request(h.app).post(`/api/v1/zaken/${zaak}/acties/besluiten`).set(tweede).send(besluit),
      403,
    );
    const res = await api.act(zaak, 'besluiten', besluit, 'directeur');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'toegekend', besluit: { door: { rol: 'directeur' } } });
    const lijst = await api.list('/api/v1/zaken?type=tlv&limiet=200', 'directeur');
    expect((lijst.body.zaken as { id: string }[]).map((r) => r.id)).toContain(zaak);
  });
});
