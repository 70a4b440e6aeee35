/** The yearly terugplaatsing report (Stap 5) from its rows: which cases count, durations, outcomes per year. */
import { schoolYearByLabel } from '../../src/domain';
import { terugplaatsingRapport } from '../../src/readmodels/terugplaatsingen';
import type { TerugplaatsingRapportRegel } from '../../src/shared/terugplaatsing';

const rij = (r: Partial<TerugplaatsingRapportRegel> & Pick<TerugplaatsingRapportRegel, 'zaakId' | 'gestart'>) =>
  ({
    beleid: 'spow',
    status: 'verkenning',
    verstePunt: '2.1',
    plaatsingstafel: false,
    symbiose: false,
    ...r,
  }) as TerugplaatsingRapportRegel;

const jaar = schoolYearByLabel('2026-2027');
const regels = [
  // Back in a regular school after 100 days: 1 September → 10 December 2026.
  rij({
    zaakId: 'tp-a',
    gestart: '2026-09-01',
    geeindigd: '2026-12-10',
    status: 'teruggeplaatst',
    uitkomst: 'teruggeplaatst',
    verstePunt: '4.3',
    evaluatieOpTijd: true,
  }),
  // Stopped at the evaluation after 30 days, late.
  rij({
    zaakId: 'tp-b',
    gestart: '2027-03-01',
    geeindigd: '2027-03-31',
    status: 'gestopt',
    uitkomst: 'gestopt',
    verstePunt: '4.3',
    evaluatieOpTijd: false,
    symbiose: true,
  }),
  // Not wenselijk on the day.
  rij({
    zaakId: 'tp-c',
    gestart: '2027-05-10',
    geeindigd: '2027-05-10',
    status: 'niet-wenselijk',
    uitkomst: 'niet-wenselijk',
    verstePunt: '1.2',
  }),
  // Started in the year, ended after it: still running as the year saw it.
  rij({
    zaakId: 'tp-d',
    gestart: '2027-06-01',
    geeindigd: '2027-10-01',
    status: 'teruggeplaatst',
    uitkomst: 'teruggeplaatst',
    verstePunt: '4.3',
    plaatsingstafel: true,
  }),
  // Started the year before, still open.
  rij({ zaakId: 'tp-e', gestart: '2026-05-01', status: 'besluitvorming', verstePunt: '3.1' }),
  // Ended before the year: not counted.
  rij({ zaakId: 'tp-f', gestart: '2026-01-05', geeindigd: '2026-07-01', status: 'gestopt', uitkomst: 'gestopt' }),
  // Started after the year: not counted.
  rij({ zaakId: 'tp-g', gestart: '2027-08-02' }),
];

describe('the yearly terugplaatsing report', () => {
  const r = terugplaatsingRapport('spow', jaar, regels, ['tp-z']);

  it('counts the cases that ran in the school year, outcomes as the year saw them', () => {
    expect(r).toMatchObject({
      beleid: 'spow',
      schooljaar: '2026-2027',
      van: '2026-08-01',
      tot: '2027-07-31',
      aantal: 5,
    });
    expect(r.zaken.map((z) => z.zaakId)).toEqual(['tp-e', 'tp-a', 'tp-b', 'tp-c', 'tp-d']);
    expect(r.uitkomsten).toEqual({ teruggeplaatst: 1, gestopt: 1, nietWenselijk: 1, lopend: 2 });
    expect(r.perStatus).toEqual({ teruggeplaatst: 1, gestopt: 1, 'niet-wenselijk': 1, lopend: 1, besluitvorming: 1 });
    expect(r.zaken.find((z) => z.zaakId === 'tp-d')).toMatchObject({ status: 'lopend', dagen: null });
    expect(r.zaken.find((z) => z.zaakId === 'tp-d')).not.toHaveProperty('uitkomst');
    expect(r.nietBeantwoord).toEqual(['tp-z']);
  });

  it('durations in days from the signal to the end, positive: median, mean, shortest, longest', () => {
    expect(r.zaken.find((z) => z.zaakId === 'tp-a')!.dagen).toBe(100);
    expect(r.doorlooptijdDagen).toEqual({ aantal: 3, mediaan: 30, gemiddeld: 43.3, kortste: 0, langste: 100 });
  });

  it('per sub-step how many got that far; plaatsingstafels, symbioses, evaluations on time', () => {
    const bereikt = Object.fromEntries(r.bereikt.map((b) => [b.stap, b.aantal]));
    expect(bereikt).toMatchObject({ '1.1': 5, '1.2': 5, '1.3': 4, '3.1': 4, '3.2': 3, '4.3': 3 });
    expect(r).toMatchObject({ plaatsingstafel: 1, symbiose: 1, evaluatie: { opTijd: 1, teLaat: 1 } });
  });

  it('a year without cases: zeros and no durations', () => {
    expect(terugplaatsingRapport('spow', schoolYearByLabel('2019-2020'), regels)).toMatchObject({
      aantal: 0,
      zaken: [],
      doorlooptijdDagen: { aantal: 0, mediaan: null, gemiddeld: null, kortste: null, langste: null },
    });
  });
});
