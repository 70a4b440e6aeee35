/**
 * The duration rules of the five samenwerkingsverbanden (issue 15), pure, on real dates: SPOW's plan
 * of 2020 (SBO to the end of groep 2, 5 or 8; SO at least one full school year; seed 001 L1137–1139),
 * Almere's "tenminste één volledig schooljaar" with its exemptions (seed 002 L629, L637), PPO-NK's
 * "ten minste één jaar" (seed 003 L355), VO Groningen's whole school career to 20 (seed 004 L221).
 */
import { beleidsversie, getPolicy, tlvEinddatum } from '../../src/domain';

const spow2020 = beleidsversie('spow', '2020-2024')!;
const almere = getPolicy('almere');
const ppoNk = getPolicy('ppo-nk');
const vo = getPolicy('vo-groningen-stad');
const regulier = (extra: Record<string, unknown>) =>
  ({ soort: 'regulier', groep: 5, afgiftedatum: '2027-01-11', ...extra }) as Parameters<typeof tlvEinddatum>[0];

describe('SPOW, plan of 2020: fixed moments for the SBO, a full school year for the SO', () => {
  it.each([
    [1, '2028-07-31', 2],
    [2, '2027-07-31', 2],
    [3, '2029-07-31', 5],
    [5, '2027-07-31', 5],
    [6, '2029-07-31', 8],
  ])('SBO in groep %i (school year 2026-2027): to %s, the end of groep %i', (groep, datum, doel) => {
    const e = tlvEinddatum(regulier({ groep, tlvSoort: 'sbo' }), spow2020);
    expect(e.datum).toBe(datum);
    expect(e.regel).toMatch(new RegExp(`\\(einde groep ${doel}\\)$`));
  });
  it('SO: the end date is chosen, at least the first full school year after the start', () => {
    expect(() => tlvEinddatum(regulier({ tlvSoort: 'so', startdatum: '2027-03-01' }), spow2020)).toThrow(/einddatum/);
    expect(() =>
      tlvEinddatum(regulier({ tlvSoort: 'so', startdatum: '2027-03-01', einddatum: '2027-07-31' }), spow2020),
    ).toThrow(/tot ten minste maandag 31 juli 2028/);
    expect(
      tlvEinddatum(regulier({ tlvSoort: 'so', startdatum: '2027-03-01', einddatum: '2028-07-31' }), spow2020).datum,
    ).toBe('2028-07-31');
  });
});

describe('Almere: at least one full school year, a reasoned end date; SO III and EMB exempt', () => {
  it('a start up to the first school day after the summer counts that school year; a later one the next', () => {
    const eind = (startdatum: string, einddatum: string) =>
      tlvEinddatum(regulier({ startdatum, einddatum, categorie: 'so-ii' }), almere).datum;
    expect(eind('2027-08-23', '2028-07-31')).toBe('2028-07-31');
    // Noord's summer holiday ends on 2 September 2029: Monday 3 September is the first school day.
    expect(eind('2029-09-03', '2030-07-31')).toBe('2030-07-31');
    expect(() => eind('2027-09-13', '2028-07-31')).toThrow(/tot ten minste dinsdag 31 juli 2029/);
    expect(eind('2027-09-13', '2029-07-31')).toBe('2029-07-31');
  });
  it('SO III has no minimum; an EMB TLV neither, with a chosen end date', () => {
    expect(
      tlvEinddatum(regulier({ startdatum: '2027-03-01', einddatum: '2027-12-22', categorie: 'so-iii' }), almere),
    ).toMatchObject({ datum: '2027-12-22', regel: expect.stringMatching(/voetnoot 24.*\(categorie so-iii\)$/) });
    expect(
      tlvEinddatum({ soort: 'emb', schooljaarWaarin14: '2030-2031', einddatum: '2027-12-22' }, almere),
    ).toMatchObject({ datum: '2027-12-22', regel: expect.stringMatching(/EMB: zonder minimale duur/) });
    expect(() => tlvEinddatum({ soort: 'emb', schooljaarWaarin14: '2030-2031' }, almere)).toThrow(/einddatum/);
  });
});

describe('PPO-NK: at least a year, reviewed yearly', () => {
  it.each([
    ['2027-03-01', '2028-07-31', 'the end of the school year in which the year is full'],
    ['2027-08-23', '2028-07-31', 'a year ending in the summer holiday ends with the school year before it'],
    ['2027-09-03', '2028-07-31', 'a year ending on 2 September, in noord still the holiday: the same'],
    ['2027-09-13', '2029-07-31', 'a year ending on 12 September: the end of that school year'],
    ['2024-02-29', '2025-07-31', 'from 29 February: the year ends on 28 February 2025'],
  ])('a start on %s without a chosen date: to %s (%s)', (startdatum, datum) => {
    expect(tlvEinddatum(regulier({ startdatum }), ppoNk).datum).toBe(datum);
  });
  it('a chosen date at least a year on; several years are possible', () => {
    expect(() => tlvEinddatum(regulier({ startdatum: '2024-02-29', einddatum: '2025-02-27' }), ppoNk)).toThrow(
      /tot ten minste vrijdag 28 februari 2025/,
    );
    expect(tlvEinddatum(regulier({ startdatum: '2027-03-01', einddatum: '2030-07-31' }), ppoNk).datum).toBe(
      '2030-07-31',
    );
  });
});

describe('VO Groningen Stad: the whole school career, to the end of the school year in which the pupil turns 20', () => {
  it('from the school year it turns 20; no other end date', () => {
    expect(tlvEinddatum({ soort: 'loopbaan', schooljaarWaarinLeeftijd: '2031-2032' }, vo)).toMatchObject({
      datum: '2032-07-31',
      regel: expect.stringMatching(/20 jaar wordt \(schooljaar 2031-2032, waarin de leerling 20 wordt\)$/),
    });
    expect(() =>
      tlvEinddatum({ soort: 'loopbaan', schooljaarWaarinLeeftijd: '2031-2032', einddatum: '2030-07-31' }, vo),
    ).toThrow(/loopt tot het einde van schooljaar 2031-2032/);
    expect(() => tlvEinddatum(regulier({}), vo)).toThrow(/hele schoolloopbaan/);
  });
});
