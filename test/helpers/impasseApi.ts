import type { ImpasseRegel } from '../../src/readmodels/impasses';
/**
 * Small helpers for the impasse API tests on a `zakenHarness` stack: create bodies, the directeur's
 * view (`GET /api/v1/impasses`, eventually consistent: poll), actions, and expected day counts.
 */
import type { Role } from '../../src/auth/actors';
import { addDays, getPolicy, impasseServiceniveau, toInstant, toIsoDate, type IsoDate } from '../../src/domain';
import { waitFor } from './api';
import { apiClient } from './apiClient';
import type { Harness } from './zakenHarness';

export const IMPASSE_CREATE = '/api/v1/zaken/impasse';
export const IMPASSES = '/api/v1/impasses';
export const DAG_MS = 86_400_000;
export const TZ = 'Europe/Amsterdam';

/** A row of the directeur's view. */
export type ImpasseRij = ImpasseRegel;
export interface ImpasseLijst {
  impasses: ImpasseRij[];
  aantalVastgelopen: number;
}
export const RIJ_VELDEN = [
  'dagenOpNiveau',
  'dagenTotaal',
  'gestart',
  'id',
  'niveau',
  'niveauSinds',
  'school',
  'schooldagenOpNiveau',
  'vastgelopen',
  'vastgelopenSinds',
  'volgendeDeadline',
];

/** A valid create body with a distinctive pupil name (so lists and mails can be searched for it). */
export function impasseMelding(overrides: Record<string, unknown> = {}) {
  return {
    school: { brin: '12AB', naam: 'De Regenboog', regio: 'midden' },
    leerling: { naam: 'Quirijn Vandersnoek' },
    reden: 'Geen passende plek gevonden na het onderzoek.',
    ...overrides,
  };
}

/** Midnight (Amsterdam) of a date, as the workflow counts a gemeldOp from it. */
export const middernacht = (d: IsoDate): string => new Date(toInstant(d, '00:00', TZ)).toISOString();
/** Whole days since midnight (Amsterdam) of a date, as the view counts them. */
export const dagenSinds = (d: IsoDate, now = Date.now()): number =>
  Math.floor((now - toInstant(d, '00:00', TZ)) / DAG_MS);
/** The 17:00 (Amsterdam) instant of a date: when a service level expires. */
export const om17 = (d: IsoDate): string => new Date(toInstant(d, '17:00', TZ)).toISOString();

/** The 'wet' service level (10 school days, regio midden) of an impasse on a rung since `d`. */
export const serviceniveau = (d: IsoDate) => impasseServiceniveau(d, getPolicy('wet'), 'midden');

/**
 * A gemeldOp at least `dagen` ago whose service level expired before today (robust to holidays),
 * and, given `eerderDan`, whose service level expired before that one's.
 */
export function vastgelopenMelding(dagen: number, eerderDan?: IsoDate): IsoDate {
  const vandaag = toIsoDate(Date.now());
  let d = addDays(vandaag, -dagen);
  while (serviceniveau(d).datum >= vandaag || (eerderDan && serviceniveau(d).datum >= serviceniveau(eerderDan).datum))
    d = addDays(d, -7);
  return d;
}

export function impasseApi(h: Harness) {
  const api = apiClient(() => h);
  const { auth, gemaakt, get, act } = api;
  const create = (body: unknown, rol: Role = 'coordinator') => api.create('impasse', body, rol);
  const nieuw = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const res = await create(impasseMelding(overrides));
    if (res.status !== 201) throw new Error(`create ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const view = async (id: string, rol: Role = 'coordinator') => {
    const res = await get(id, rol);
    if (res.status !== 200) throw new Error(`GET ${id} ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const lijst = (qs = '', rol: Role = 'directeur') => api.list(`${IMPASSES}${qs}`, rol);
  /** Polls the view until `ok` holds (visibility is eventually consistent). */
  const lijstTot = (qs: string, ok: (l: ImpasseLijst) => boolean, rol: Role = 'directeur', timeoutMs = 20_000) =>
    waitFor(
      async () => {
        const res = await lijst(qs, rol);
        if (res.status !== 200) throw new Error(`GET ${IMPASSES}${qs} ${res.status}: ${JSON.stringify(res.body)}`);
        return ok(res.body) ? (res.body as ImpasseLijst) : undefined;
      },
      timeoutMs,
      250,
    );
  return { auth, gemaakt, create, nieuw, get, view, act, lijst, lijstTot };
}

export const ids = (l: ImpasseLijst): string[] => l.impasses.map((r) => r.id);
