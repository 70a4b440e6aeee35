/** The overview's chart (src/werkbak/overzicht.ts): per week the cases open in it, by status. */
import { grafiek } from '../../src/werkbak/overzicht';
import type { ZaakRegel } from '../../src/api/routes/zaken';

const zaak = (gestart: string, gesloten: string | null, status: string): ZaakRegel => ({
  id: `zp-${gestart}`,
  type: 'zorgplicht',
  status,
  volgendeDeadline: null,
  gestart: `${gestart}T09:00:00.000Z`,
  gesloten: gesloten && `${gesloten}T09:00:00.000Z`,
  open: gesloten === null,
});

it('counts per week (Monday to Sunday, the last 52) the cases open in it, by their status now', () => {
  // Tuesday 1 December 2026: the last week starts Monday 30 November.
  const g = grafiek(
    [
      zaak('2026-11-16', null, 'in-onderzoek'), // open since the week of 16 November
      zaak('2026-11-18', '2026-11-24', 'toegelaten'), // open in the weeks of 16 and 23 November
      zaak('2025-01-06', '2025-02-03', 'toegelaten'), // before the 52 weeks
    ],
    '2026-12-01',
  );
  expect(g.staven).toHaveLength(52);
  expect(g.staven[51].week).toBe('2026-11-30');
  expect(g.staven[0].week).toBe('2025-12-08');
  const per = (week: string) =>
    Object.fromEntries(g.staven.find((s) => s.week === week)!.delen.map((d) => [d.status, d.aantal]));
  expect(per('2026-11-09')).toEqual({});
  expect(per('2026-11-16')).toEqual({ 'in-onderzoek': 1, toegelaten: 1 });
  expect(per('2026-11-23')).toEqual({ 'in-onderzoek': 1, toegelaten: 1 });
  expect(per('2026-11-30')).toEqual({ 'in-onderzoek': 1 });
  expect(g.max).toBe(2);
  expect(g.hoogste).toBe(2);
  expect(g.statussen.map((s) => s.status)).toEqual(['in-onderzoek', 'toegelaten']);
  // The tallest bar fills the chart (less its margin); the bars stand on the axis.
  const hoogste = g.staven.find((s) => s.week === '2026-11-16')!;
  expect(hoogste.delen.reduce((n, d) => n + d.hoogte, 0)).toBeCloseTo(g.hoogte - 10);
  expect(Math.max(...hoogste.delen.map((d) => d.y + d.hoogte))).toBeCloseTo(g.hoogte);
});

it('draws the weeks from Monday 00:00 in Amsterdam, not in UTC', () => {
  // Monday 23 November 2026, 00:30 in Amsterdam is Sunday 22 November 23:30 UTC.
  const g = grafiek(
    [
      {
        ...zaak('2026-11-22', '2026-11-23', 'toegelaten'),
        gestart: '2026-11-22T23:30:00.000Z',
        gesloten: '2026-11-23T10:00:00Z',
      },
    ],
    '2026-12-01',
  );
  const week = (w: string) => g.staven.find((s) => s.week === w)!.totaal;
  expect(week('2026-11-16')).toBe(0);
  expect(week('2026-11-23')).toBe(1);
  expect(grafiek([], '2026-12-01').hoogste).toBe(0);
});
