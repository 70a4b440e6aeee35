/**
 * The directeur's overview (issue 14 item 7): the stuck impasses by rung and by school with their
 * days stuck (GET /api/v1/impasses), and a chart of the open cases per week over the last 52 weeks by
 * status (GET /api/v1/zaken, every page). Both through the API, as the signed-in actor reads them:
 * the directeur's chart holds the cases the directeur may list (impasses and stuck cases).
 */
import { addDays, toInstant } from '../domain/dates';
import type { ImpasseRegel } from '../readmodels/impasses';
import type { Roep } from './api';
import type { ZaakRegel } from '../api/routes/zaken';

export interface Staaf {
  week: string;
  x: number;
  delen: { status: string; aantal: number; y: number; hoogte: number; kleur: string }[];
  totaal: number;
}

export interface Grafiek {
  breedte: number;
  hoogte: number;
  max: number;
  staven: Staaf[];
  statussen: { status: string; kleur: string }[];
  /** The highest week's count (0 without cases). */
  hoogste: number;
  /** The list had more cases than it reads (LIJST_MAX): the chart shows the newest. */
  onvolledig: boolean;
}

/**
 * Colours with at least 4.5:1 against white; segments are parted by a white line, and the legend and
 * the table under the chart name every status, so no colour has to be told apart alone (WCAG 1.4.1).
 */
const KLEUREN = ['#01689b', '#b00020', '#2e7d32', '#a15c00', '#6a1b9a', '#00695c', '#4e342e', '#37474f', '#ad1457'];
const WEKEN = 52;
/** The most cases the chart reads (ten pages of the API). */
const LIJST_MAX = 2000;

export async function overzicht(roep: Roep, vandaag: string) {
  const [{ impasses }, { zaken, meer }] = await Promise.all([
    roep<{ impasses: ImpasseRegel[] }>('get', '/api/v1/impasses', { query: { limiet: '500' } }),
    alleZaken(roep),
  ]);
  const perTrede = groepeer(impasses, (i) => i.niveau);
  const perSchool = groepeer(impasses, (i) => i.school ?? 'onbekend');
  return {
    vastgelopen: impasses.filter((i) => i.vastgelopen).sort((a, b) => b.dagenOpNiveau - a.dagenOpNiveau),
    perTrede,
    perSchool,
    grafiek: grafiek(zaken, vandaag, meer),
  };
}

async function alleZaken(roep: Roep): Promise<{ zaken: ZaakRegel[]; meer: boolean }> {
  const zaken: ZaakRegel[] = [];
  let pagina: string | null = null;
  do {
    const p: { zaken: ZaakRegel[]; volgendePagina: string | null } = await roep('get', '/api/v1/zaken', {
      query: { limiet: '200', ...(pagina ? { pagina } : {}) },
    });
    zaken.push(...p.zaken);
    pagina = p.volgendePagina;
  } while (pagina && zaken.length < LIJST_MAX);
  return { zaken, meer: pagina !== null };
}

function groepeer(impasses: ImpasseRegel[], sleutel: (i: ImpasseRegel) => string) {
  const groepen = new Map<string, ImpasseRegel[]>();
  for (const i of impasses) groepen.set(sleutel(i), [...(groepen.get(sleutel(i)) ?? []), i]);
  return [...groepen.entries()]
    .map(([naam, lijst]) => ({
      naam,
      open: lijst.length,
      vastgelopen: lijst.filter((i) => i.vastgelopen).length,
      langst: Math.max(...lijst.map((i) => i.dagenOpNiveau)),
    }))
    .sort((a, b) => b.vastgelopen - a.vastgelopen || b.langst - a.langst || a.naam.localeCompare(b.naam));
}

/**
 * Per week (Monday 00:00 to Monday 00:00 in Amsterdam, the last 52), the cases open in it: started
 * before its end and not closed before its start, by their status now (visibility keeps no earlier
 * statuses).
 */
export function grafiek(zaken: ZaakRegel[], vandaag: string, onvolledig = false): Grafiek {
  const dag = new Date(`${vandaag}T12:00:00Z`).getUTCDay();
  const maandag = addDays(vandaag, -((dag + 6) % 7));
  const weken = Array.from({ length: WEKEN }, (_, i) => addDays(maandag, -7 * (WEKEN - 1 - i)));
  const statussen = [...new Set(zaken.map((z) => z.status))].sort();
  const kleur = (s: string) => KLEUREN[statussen.indexOf(s) % KLEUREN.length];
  const tellingen = weken.map((week) => {
    const van = toInstant(week, '00:00');
    const tot = toInstant(addDays(week, 7), '00:00');
    const open = zaken.filter(
      (z) => Date.parse(z.gestart) < tot && (z.gesloten === null || Date.parse(z.gesloten) >= van),
    );
    return {
      week,
      perStatus: statussen.map((s) => ({ status: s, aantal: open.filter((z) => z.status === s).length })),
    };
  });
  const hoogste = Math.max(0, ...tellingen.map((t) => t.perStatus.reduce((n, p) => n + p.aantal, 0)));
  const max = Math.max(1, hoogste);
  const breedte = 720;
  const hoogte = 240;
  const staaf = breedte / WEKEN;
  const staven = tellingen.map((t, i) => {
    let y = hoogte;
    const delen = t.perStatus
      .filter((p) => p.aantal > 0)
      .map((p) => {
        const h = (p.aantal / max) * (hoogte - 10);
        y -= h;
        return { status: p.status, aantal: p.aantal, y, hoogte: h, kleur: kleur(p.status) };
      });
    return { week: t.week, x: i * staaf, delen, totaal: t.perStatus.reduce((n, p) => n + p.aantal, 0) };
  });
  return {
    breedte,
    hoogte,
    max,
    hoogste,
    staven,
    statussen: statussen.map((s) => ({ status: s, kleur: kleur(s) })),
    onvolledig,
  };
}
