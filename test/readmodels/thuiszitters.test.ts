import { parse } from 'csv-parse/sync';
import { thuiszitterRapport, thuiszitterRapportCsv } from '../../src/readmodels/thuiszitters';
import type { ThuiszitterRapportRegel } from '../../src/shared/thuiszitter';

const regel = (zaakId: string, r: Partial<ThuiszitterRapportRegel>): ThuiszitterRapportRegel => ({
  zaakId,
  beleid: 'spow',
  sinds: '2027-01-11',
  verzuim: 'relatief',
  redenGroep: 'geen-passend-aanbod',
  status: 'thuiszitter',
  vrijstellingen: [],
  // The absence counts from the first day at home, unless a row says otherwise.
  telVanaf: r.sinds ?? '2027-01-11',
  ...r,
});

describe('the thuiszitters report over a period (pure)', () => {
  // The first quarter of 2027: the landelijke thuiszittersregistratie's period (seed 001 L147).
  const rijen = [
    regel('tz-a', { sinds: '2027-03-20', status: 'dreigend' }), // 12 days by 31 March: under 4 weeks, not counted yet
    regel('tz-b', { thuiszitterSinds: '2027-02-08' }), // at home since 11 January: over 4 weeks, counted
    regel('tz-c', {
      sinds: '2026-11-02',
      verzuim: 'absoluut',
      thuiszitterSinds: '2026-11-02',
      status: 'streefdatum-verstreken',
      streefdatum: '2027-02-02',
      redenGroep: 'schorsing-of-verwijdering',
    }), // 150 days by 31 March: over 3 months, past its target
    regel('tz-d', {
      sinds: '2026-12-01',
      thuiszitterSinds: '2026-12-29',
      status: 'teruggekeerd',
      uitkomst: 'terug-volledig',
      einddatum: '2027-02-15',
    }), // back in the quarter after 76 days
    regel('tz-e', { sinds: '2026-09-01', uitkomst: 'aanbod-elders', einddatum: '2026-12-01', status: 'aanbod-elders' }), // ended before
    regel('tz-f', { sinds: '2027-04-02', status: 'dreigend' }), // after the quarter
    regel('tz-j', { sinds: '2027-02-01', status: 'afgewezen', thuiszitterSinds: '2027-02-01' }), // dismissed: no thuiszitter
    regel('tz-h', { sinds: '2027-02-01', telVanaf: undefined, status: 'dreigend', redenGroep: 'ziekte' }), // ill all along: apart
    regel('tz-i', { sinds: '2026-11-02', status: 'teruggekeerd', uitkomst: 'terug-volledig', einddatum: '2027-01-01' }), // back on the first day: last quarter's
    regel('tz-g', {
      sinds: '2027-01-04',
      thuiszitterSinds: '2027-02-01',
      vrijstellingen: [{ van: '2027-02-15', tot: '2027-04-15' }],
      redenGroep: 'gedrag-of-psychisch',
      status: 'vrijstelling',
    }), // under a vrijstelling on 31 March: 87 days at home, 45 of them exempt, 42 count
  ];

  it('counts the children at home in the period by duration band, status at its end, reason group and outcome', () => {
    const r = thuiszitterRapport('spow', '2027-01-01', '2027-03-31', rijen, ['tz-weg']);
    expect(r.zaken.map((z) => z.zaakId)).toEqual(['tz-c', 'tz-d', 'tz-g', 'tz-b', 'tz-a']);
    expect(r).toMatchObject({ aantal: 5, thuiszitters: 4, ziek: 1, nietBeantwoord: ['tz-weg'] });
    expect(r.perDuurband).toEqual({
      'korter-dan-4-weken': 1,
      '4-weken-tot-3-maanden': 3,
      'langer-dan-3-maanden': 1,
    });
    expect(r.perStatus).toMatchObject({
      dreigend: 1,
      thuiszitter: 1,
      'streefdatum-verstreken': 1,
      teruggekeerd: 1,
      vrijstelling: 1,
    });
    expect(r.perRedenGroep).toMatchObject({
      'geen-passend-aanbod': 3,
      'schorsing-of-verwijdering': 1,
      'gedrag-of-psychisch': 1,
    });
    expect(r.perUitkomst).toEqual({ 'terug-volledig': 1, 'terug-gedeeltelijk': 0, 'aanbod-elders': 0 });
    expect(r.zaken.find((z) => z.zaakId === 'tz-d')).toMatchObject({ dagen: 76, einddatum: '2027-02-15' });
    expect(r.zaken.find((z) => z.zaakId === 'tz-g')).toMatchObject({ dagen: 42, duurband: '4-weken-tot-3-maanden' });
  });

  it('writes the cases as CSV by case id, codes and dates only', () => {
    const csv = thuiszitterRapportCsv(thuiszitterRapport('spow', '2027-01-01', '2027-03-31', rijen));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      'zaakId',
      'sinds',
      'thuiszitterSinds',
      'verzuim',
      'redenGroep',
      'status',
      'dagen',
      'duurband',
      'uitkomst',
      'einddatum',
    ]);
    expect(rows.find((x) => x.zaakId === 'tz-d')).toMatchObject({
      dagen: '76',
      uitkomst: 'terug-volledig',
      einddatum: '2027-02-15',
    });
  });
});
