/**
 * The werkbak (issue 14): server-rendered pages for coordinators, schools, the directeur and the DB,
 * on the same express app as the API. Every read and every step goes through the API's own routes
 * (src/werkbak/api.ts), so roles, school scope and need-to-know are the API's, not a second copy.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { BeleidVoorbeeld } from '../shared/beleidsversie';
import { stringify } from 'csv-stringify/sync';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Actor, Role } from '../auth/actors';
import type { Authenticator } from '../auth/authenticator';
import type { Register } from '../api/processen';
import { Problem, problems } from '../api/problem';
import { limietPerToken } from '../api/protection';
import type { RouteDef } from '../api/route';
import { ROOT } from '../config';
import { addDays, toIsoDate } from '../domain/dates';
import { policies } from '../domain/policies';
import { thuiszitterRapportCsv, type ThuiszitterRapport } from '../readmodels/thuiszitters';
import type { Logger } from '../log';
import { agendaLinks, ics } from './agenda';
import { apiVoor, type Roep } from './api';
import { bodyUit, formulieren, type Formulier } from './formulier';
import { magStarten, mijnWerk } from './mijnWerk';
import type { ZaakRegel } from '../api/routes/zaken';
import { overzicht } from './overzicht';
import { sessies, type Sessie, type Sessies } from './sessie';
import { helpers, weergave } from './weergave';

export interface WerkbakDeps {
  client: Client;
  taskQueue: string;
  authenticator: Authenticator;
  logger: Logger;
  register: Register;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes: readonly RouteDef<any, any, any>[];
  /** Signs the session and CSRF cookies; the first signs, all verify (src/werkbak/sessie.ts). */
  sleutels: string[];
  idleMs: number;
  maxMs: number;
  /** Where users reach the werkbak (WERKBAK_URL): the base of the agenda links and their events. */
  url: string;
  /** Requests per minute per signed-in user (the API's RATE_LIMIT_TOKEN); absent: none. */
  limietPerToken?: number;
  /** Served over TLS: Secure cookies with `__Host-` names. */
  secure: boolean;
  now?: () => number;
}

/** The werkbak's own paths; everything else (the API) passes by untouched. */
const PADEN =
  /^\/($|inloggen$|uitloggen$|overzicht$|rapportages\/thuiszitters(\.csv)?$|agenda($|\/)|zaken($|\.csv$|\/)|nieuw($|\/)|static\/)/;

/** The most rows a CSV export holds (ten pages of the API). */
const CSV_MAX = 2000;

/** Who sees the overview: the roles of GET /api/v1/impasses. */
export const OVERZICHT: readonly Role[] = ['directeur', 'coordinator', 'bestuur'];

/** HTML pages load only our own styles; forms post only to us. */
const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const STATIC = new Map<string, string>([
  ['utrecht-html.css', require.resolve('@utrecht/component-library-css/dist/html.css')],
  ['utrecht-tokens.css', require.resolve('@utrecht/design-tokens/dist/index.css')],
  ['werkbak.css', path.join(ROOT, 'src', 'werkbak', 'static', 'werkbak.css')],
]);

export function werkbak(deps: WerkbakDeps): express.Router {
  const now = deps.now ?? Date.now;
  const router = express.Router();
  const eta = weergave();
  const sessie = sessies({ idleMs: deps.idleMs, maxMs: deps.maxMs, secure: deps.secure, now });
  const api = apiVoor(deps.routes);
  const vandaag = () => toIsoDate(now());
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => deps.sleutels,
    getSessionIdentifier: (req) => (req.res?.locals.sessie?.sid as string | undefined) ?? '',
    cookieName: deps.secure ? '__Host-werkbak-csrf' : 'werkbak-csrf',
    cookieOptions: { sameSite: 'strict', secure: deps.secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
  });

  router.use((req, res, next) => {
    if (!PADEN.test(req.path)) return next('router');
    res.setHeader('Content-Security-Policy', CSP);
    next();
  });
  router.get('/static/:bestand', (req, res, next) => {
    const bestand = STATIC.get(req.params.bestand);
    if (!bestand) return next(new Problem(404, 'Niet gevonden', 'Dit bestand bestaat niet.'));
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendFile(bestand);
  });
  router.use(cookieParser(deps.sleutels));
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 500 }));

  // Who is signed in: the session's token hash, asked of the API's authenticator on every page.
  const aangemeld = ingelogd(deps, sessie);
  router.use(async (req, res, next) => {
    try {
      await aangemeld(req, res);
      next();
    } catch (err) {
      next(err);
    }
  });
  // The API's per-token limit, per signed-in user: a page may cost many reads.
  if (deps.limietPerToken) router.use(limietPerToken(deps.limietPerToken));
  router.use(doubleCsrfProtection);

  const pagina = (req: Request, res: Response, view: string, data: Record<string, unknown>, status = 200) => {
    const actor = res.locals.actor as Actor | undefined;
    const html = eta.render(view, {
      ...data,
      h: helpers,
      actor,
      pad: req.path,
      // An error before the cookies were read (a malformed path) shows a page without forms.
      csrf: req.cookies ? generateCsrfToken(req, res) : '',
      starten: actor ? magStarten(actor, deps.register) : [],
      magOverzicht: actor ? OVERZICHT.includes(actor.rol) : false,
      // The reports are the coordinator's and the directeur's (the API's roles).
      magRapport: actor ? actor.rol === 'coordinator' || actor.rol === 'directeur' : false,
    });
    res.status(status).type('html').send(html);
  };

  router.get('/inloggen', (req, res) => {
    if (res.locals.actor) return res.redirect(303, '/');
    pagina(req, res, 'inloggen', { titel: 'Inloggen', verlopen: req.query.verlopen === '1' });
  });
  router.post('/inloggen', async (req, res, next) => {
    try {
      const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
      const result = token ? await deps.authenticator.actorVoor({ authorization: `Bearer ${token}` }) : undefined;
      if (!result || !('actor' in result)) {
        const fout =
          result && 'geweigerd' in result && result.geweigerd === 'verlopen'
            ? 'Dit token is verlopen. Vraag de beheerder van het samenwerkingsverband om een nieuw token.'
            : 'Dit token kennen we niet. Controleer het en probeer het opnieuw.';
        return pagina(req, res, 'inloggen', { titel: 'Inloggen', fout }, 401);
      }
      res.locals.sessie = sessie.begin(res, token);
      res.locals.actor = result.actor;
      res.redirect(303, '/');
    } catch (err) {
      next(err);
    }
  });
  router.post('/uitloggen', (_req, res) => {
    sessie.einde(res);
    res.redirect(303, '/inloggen');
  });

  // The agenda feed: a calendar app sends no cookie and no token, only the secret in its link.
  const links = agendaLinks(deps.client, deps.taskQueue, deps.sleutels[0]);
  router.get('/agenda/:bestand', async (req, res, next) => {
    try {
      const geheim = /^([A-Za-z0-9_-]{43})\.ics$/.exec(req.params.bestand)?.[1];
      const tokenHash = geheim ? await links.van(geheim) : null;
      const result = tokenHash ? await deps.authenticator.actorVoor({ sessie: tokenHash }) : undefined;
      if (!result || !('actor' in result))
        throw new Problem(404, 'Niet gevonden', 'Deze agendalink bestaat niet (meer). Maak in de werkbak een nieuwe.');
      const { items } = await mijnWerk(api(result.actor), deps.register, vandaag());
      res.setHeader('Content-Disposition', 'inline; filename="termijnen.ics"');
      res.type('text/calendar; charset=utf-8').send(ics(items, deps.url));
    } catch (err) {
      next(err);
    }
  });

  // Every other page needs a signed-in user.
  router.use((req, res, next) => {
    if (res.locals.actor) return next();
    const verlopen = req.signedCookies && Object.keys(req.signedCookies).length > 0;
    res.redirect(303, verlopen ? '/inloggen?verlopen=1' : '/inloggen');
  });
  const roepVoor = (res: Response): Roep => api(res.locals.actor as Actor);

  router.get('/', async (req, res, next) => {
    try {
      const { items, meer } = await mijnWerk(roepVoor(res), deps.register, vandaag());
      pagina(req, res, 'mijnwerk', { titel: 'Mijn werk', items, meer, vandaag: vandaag() });
    } catch (err) {
      next(err);
    }
  });

  // The directeur's overview (and the coordinator's and DB's, as far as the API lets them read).
  router.get('/overzicht', async (req, res, next) => {
    try {
      if (!OVERZICHT.includes((res.locals.actor as Actor).rol))
        throw new Problem(
          404,
          'Niet gevonden',
          'Het overzicht is er voor de directeur, de coördinator en het bestuur.',
        );
      pagina(req, res, 'overzicht', { titel: 'Overzicht', overzicht: await overzicht(roepVoor(res), vandaag()) });
    } catch (err) {
      next(err);
    }
  });

  // The thuiszitters report on demand (issue 16 item 6): the API's report, as a page and as CSV.
  const rapportQuery = (req: Request) => {
    const tekst = (k: string, standaard: string) =>
      typeof req.query[k] === 'string' && req.query[k] ? String(req.query[k]) : standaard;
    return { beleid: tekst('beleid', 'wet'), van: tekst('van', addDays(vandaag(), -90)), tot: tekst('tot', vandaag()) };
  };
  const leesRapport = (res: Response, q: Record<string, string>) =>
    roepVoor(res)<ThuiszitterRapport>('get', '/api/v1/rapportages/thuiszitters', { query: q });
  router.get('/rapportages/thuiszitters', async (req, res, next) => {
    const q = rapportQuery(req);
    const basis = { titel: 'Thuiszitters', q, beleiden: Object.keys(policies), csv: new URLSearchParams(q).toString() };
    try {
      pagina(req, res, 'thuiszitters', { ...basis, rapport: await leesRapport(res, q) });
    } catch (err) {
      if (err instanceof Problem && err.status === 400)
        return pagina(req, res, 'thuiszitters', { ...basis, fout: err }, 400);
      next(err);
    }
  });
  router.get('/rapportages/thuiszitters.csv', async (req, res, next) => {
    try {
      const q = rapportQuery(req);
      const csv = thuiszitterRapportCsv(await leesRapport(res, q));
      res.setHeader('Content-Disposition', `attachment; filename="thuiszitters-${q.beleid}-${q.van}-${q.tot}.csv"`);
      res.type('text/csv; charset=utf-8').send(csv);
    } catch (err) {
      next(err);
    }
  });

  const tokenHash = (res: Response) => (res.locals.sessie as Sessie).tokenHash;
  router.get('/agenda', async (req, res, next) => {
    try {
      pagina(req, res, 'agenda', { titel: 'Agenda', sinds: await links.sinds(tokenHash(res)), sleutel: randomUUID() });
    } catch (err) {
      next(err);
    }
  });
  router.post('/agenda/nieuw', async (req, res, next) => {
    try {
      const sleutel = (req.body as Record<string, unknown>)._sleutel;
      if (typeof sleutel !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(sleutel))
        throw new Problem(400, 'Ongeldig verzoek', 'Open de agendapagina opnieuw en probeer het nog eens.');
      const geheim = await links.nieuw(tokenHash(res), sleutel);
      const link = `${deps.url}/agenda/${geheim}.ics`;
      pagina(req, res, 'agenda', {
        titel: 'Agenda',
        sinds: await links.sinds(tokenHash(res)),
        link,
        sleutel: randomUUID(),
      });
    } catch (err) {
      next(err);
    }
  });
  router.post('/agenda/intrekken', async (_req, res, next) => {
    try {
      await links.intrekken(tokenHash(res));
      res.redirect(303, '/agenda');
    } catch (err) {
      next(err);
    }
  });

  const lijstQuery = (req: Request) => {
    const q: Record<string, string> = {};
    for (const k of ['type', 'status', 'school', 'deadlineVoor', 'open'])
      if (typeof req.query[k] === 'string' && req.query[k] !== '') q[k] = req.query[k] as string;
    return q;
  };
  const lijst = async (res: Response, q: Record<string, string>, limiet: number) =>
    roepVoor(res)<{ zaken: ZaakRegel[]; meer: boolean; volgendePagina: string | null }>('get', '/api/v1/zaken', {
      query: { ...q, limiet: String(limiet) },
    });

  router.get('/zaken', async (req, res, next) => {
    const filters = lijstQuery(req);
    const vorige = typeof req.query.pagina === 'string' && req.query.pagina ? req.query.pagina : undefined;
    const basis = { titel: 'Zaken', filters, register: deps.register, csv: new URLSearchParams(filters).toString() };
    try {
      const { zaken, volgendePagina } = await lijst(res, { ...filters, ...(vorige ? { pagina: vorige } : {}) }, 50);
      pagina(req, res, 'zaken', {
        ...basis,
        zaken,
        verder: volgendePagina ? new URLSearchParams({ ...filters, pagina: volgendePagina }).toString() : '',
        eerste: vorige ? new URLSearchParams(filters).toString() : undefined,
      });
    } catch (err) {
      if (err instanceof Problem && err.status === 400)
        return pagina(req, res, 'zaken', { ...basis, zaken: [], verder: '', fout: err }, 400);
      next(err);
    }
  });

  // The list as CSV: the same rows as the page (ids, codes and dates; no names, so every role may have it).
  router.get('/zaken.csv', async (req, res, next) => {
    try {
      // Every page, up to CSV_MAX rows.
      const filters = lijstQuery(req);
      const zaken: ZaakRegel[] = [];
      let volgende: string | null = null;
      do {
        const p = await lijst(res, { ...filters, ...(volgende ? { pagina: volgende } : {}) }, 200);
        zaken.push(...p.zaken);
        volgende = p.volgendePagina;
      } while (volgende && zaken.length < CSV_MAX);
      const csv = stringify(
        zaken.map((z) => [
          z.id,
          z.type,
          z.status,
          z.school ?? '',
          z.beleid ?? '',
          z.volgendeDeadline ?? '',
          z.gestart,
          z.open ? 'ja' : 'nee',
        ]),
        { header: true, columns: ['id', 'type', 'status', 'school', 'beleid', 'volgendeDeadline', 'gestart', 'open'] },
      );
      res.setHeader('Content-Disposition', `attachment; filename="zaken-${vandaag()}.csv"`);
      res.type('text/csv; charset=utf-8').send(csv);
    } catch (err) {
      next(err);
    }
  });

  /** A case page: its view as the API gives it to this actor, and a form per action the role may take. */
  const zaakPagina = async (
    req: Request,
    res: Response,
    id: string,
    extra: {
      fout?: Problem;
      actie?: string;
      variant?: number;
      waarden?: Record<string, unknown>;
      gedaan?: string;
      /** A move to another policy version, previewed: confirmed with the same key. */
      voorbeeld?: BeleidVoorbeeld;
    } = {},
  ) => {
    const actor = res.locals.actor as Actor;
    const view = await roepVoor(res)<Record<string, unknown>>('get', '/api/v1/zaken/:id', { params: { id } });
    const proces = deps.register.vanZaak(id);
    const acties = view.open
      ? Object.entries(proces.acties)
          .filter(
            ([, a]) =>
              proces.rollen.includes(actor.rol) &&
              (a.rollen ?? proces.rollen).includes(actor.rol) &&
              (a.hoortBij?.(view) ?? true),
          )
          .map(([naam, a]) => ({ naam, omschrijving: a.omschrijving, formulieren: formulieren(a.schema) }))
      : [];
    const gekoppeld = gekoppeldeZaken(view, id, deps.register);
    pagina(
      req,
      res,
      'zaak',
      {
        titel: `Zaak ${id}`,
        view,
        proces,
        acties,
        gekoppeld,
        sleutel: randomUUID(),
        fouten: veldFouten(extra.fout),
        ...extra,
      },
      extra.fout?.status ?? 200,
    );
  };

  router.get('/zaken/:id', async (req, res, next) => {
    try {
      if (!deps.register.zaakIdSchema.safeParse(req.params.id).success)
        throw new Problem(404, 'Niet gevonden', 'Deze zaak bestaat niet.');
      // Only a step's own name (or the start) in the banner: a crafted link cannot put text there.
      const gedaan = req.query.gedaan;
      const acties = deps.register.vanZaak(req.params.id).acties;
      const bekend =
        typeof gedaan === 'string' && (gedaan === 'gestart' || Object.prototype.hasOwnProperty.call(acties, gedaan));
      await zaakPagina(req, res, req.params.id, { gedaan: bekend ? gedaan : undefined });
    } catch (err) {
      next(err);
    }
  });

  router.post('/zaken/:id/acties/:actie', async (req, res, next) => {
    const { id, actie } = req.params;
    const post = req.body as Record<string, unknown>;
    const variant = Number(post._variant) || 0;
    try {
      if (!deps.register.zaakIdSchema.safeParse(id).success)
        throw new Problem(404, 'Niet gevonden', 'Deze zaak bestaat niet.');
      const proces = deps.register.vanZaak(id);
      const def = Object.prototype.hasOwnProperty.call(proces.acties, actie) ? proces.acties[actie] : undefined;
      const formulier: Formulier | undefined = def && formulieren(def.schema)[variant];
      const body = formulier ? bodyUit(formulier, post) : {};
      try {
        // Moving a case to another policy version: first what changes, then the coordinator confirms.
        // (Without a reason the step itself refuses: the page says why, and nothing is previewed.)
        const { versie, reden } = body as { versie?: unknown; reden?: unknown };
        if (
          actie === 'beleid-wijzigen' &&
          post._bevestigd !== 'ja' &&
          typeof versie === 'string' &&
          typeof reden === 'string' &&
          reden.trim().length >= 3
        ) {
          const b = await roepVoor(res)<{ voorbeeld?: BeleidVoorbeeld }>('get', '/api/v1/zaken/:id/beleid', {
            params: { id },
            query: { versie },
          });
          if (b.voorbeeld?.fout) throw problems.conflict(b.voorbeeld.fout);
          return await zaakPagina(req, res, id, { actie, variant, waarden: post, voorbeeld: b.voorbeeld });
        }
        await roepVoor(res)('post', '/api/v1/zaken/:id/acties/:actie', {
          params: { id, actie },
          body,
          idempotencyKey: typeof post._sleutel === 'string' ? post._sleutel : undefined,
        });
      } catch (err) {
        // Refused (the API's or the workflow's reason): the page again, with the reason and what was typed.
        if (err instanceof Problem && err.status < 500 && err.status !== 404)
          return await zaakPagina(req, res, id, { fout: err, actie, variant, waarden: post });
        throw err;
      }
      res.redirect(303, `/zaken/${id}?gedaan=${encodeURIComponent(actie)}`);
    } catch (err) {
      next(err);
    }
  });

  router.get('/nieuw', (req, res) => {
    pagina(req, res, 'nieuw', { titel: 'Nieuwe zaak', lijst: true });
  });
  const startPagina = (
    req: Request,
    res: Response,
    type: string,
    extra: { fout?: Problem; waarden?: Record<string, unknown> } = {},
  ) => {
    const proces = magStarten(res.locals.actor as Actor, deps.register).find((p) => p.type === type);
    if (!proces) throw new Problem(404, 'Niet gevonden', `Er is geen zaaktype '${type}' dat u kunt starten.`);
    pagina(
      req,
      res,
      'nieuw',
      {
        titel: `Nieuwe ${proces.type}-zaak`,
        proces,
        formulieren: formulieren(proces.start.schema),
        sleutel: randomUUID(),
        fouten: veldFouten(extra.fout),
        variant: Number(extra.waarden?._variant) || 0,
        ...extra,
      },
      extra.fout?.status ?? 200,
    );
  };
  router.get('/nieuw/:type', (req, res, next) => {
    try {
      startPagina(req, res, req.params.type);
    } catch (err) {
      next(err);
    }
  });
  router.post('/nieuw/:type', async (req, res, next) => {
    const post = req.body as Record<string, unknown>;
    try {
      const proces = magStarten(res.locals.actor as Actor, deps.register).find((p) => p.type === req.params.type);
      if (!proces)
        throw new Problem(404, 'Niet gevonden', `Er is geen zaaktype '${req.params.type}' dat u kunt starten.`);
      const formulier = formulieren(proces.start.schema)[Number(post._variant) || 0];
      let antwoord: { id: string };
      try {
        antwoord = await roepVoor(res)<{ id: string }>('post', `/api/v1/zaken/${proces.type}`, {
          body: formulier ? bodyUit(formulier, post) : {},
          idempotencyKey: typeof post._sleutel === 'string' ? post._sleutel : undefined,
        });
      } catch (err) {
        if (err instanceof Problem && err.status < 500)
          return startPagina(req, res, proces.type, { fout: err, waarden: post });
        throw err;
      }
      res.redirect(303, `/zaken/${antwoord.id}?gedaan=gestart`);
    } catch (err) {
      next(err);
    }
  });

  // Errors as a page: a case the user may not read is "not found", an outage says when to try again.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (isCsrfFout(err))
      return pagina(
        req,
        res,
        'fout',
        {
          titel: 'Formulier verlopen',
          fout: new Problem(
            403,
            'Formulier verlopen',
            'Dit formulier is verlopen of niet van deze site. Open de pagina opnieuw en probeer het nog eens.',
          ),
        },
        403,
      );
    let problem: Problem;
    const status = (err as { status?: unknown })?.status;
    if (err instanceof Problem) problem = err;
    // A request the server could not read (a malformed path, a body too large): the client's mistake.
    else if (typeof status === 'number' && status >= 400 && status < 500)
      problem = new Problem(status, 'Ongeldig verzoek', 'Dit verzoek kon niet worden gelezen.');
    else {
      deps.logger.error(
        { requestId: res.locals.requestId, err: { type: (err as Error)?.name, message: (err as Error)?.message } },
        'onverwachte fout in de werkbak',
      );
      problem = new Problem(
        500,
        'Er ging iets mis',
        'Er ging iets mis aan onze kant. Vermeld het request-id bij een melding.',
      );
    }
    if (problem.status === 503) res.setHeader('Retry-After', '5');
    // A step or start that met an outage may still happen: offer the same form again, with its key,
    // so that sending it again does it once.
    const post = req.body as Record<string, unknown> | undefined;
    const herhaal =
      req.method === 'POST' && problem.status >= 500 && res.locals.actor && typeof post?._sleutel === 'string'
        ? {
            actie: `${req.baseUrl}${req.path}`,
            velden: Object.entries(post).flatMap(([k, v]) =>
              k === '_csrf' ? [] : (Array.isArray(v) ? v : [v]).filter((w) => typeof w === 'string').map((w) => [k, w]),
            ),
          }
        : undefined;
    pagina(
      req,
      res,
      'fout',
      { titel: problem.title, fout: problem, requestId: res.locals.requestId, herhaal },
      problem.status,
    );
  });
  return router;
}

/** The session's actor (res.locals.actor, res.locals.sessie), or none; an unknown token ends the session. */
function ingelogd(deps: Pick<WerkbakDeps, 'authenticator'>, sessie: Sessies) {
  return async (req: Request, res: Response): Promise<void> => {
    const s = sessie.lees(req, res);
    if (!s) return;
    const result = await deps.authenticator.actorVoor({ sessie: s.tokenHash });
    if (result && 'actor' in result) {
      res.locals.sessie = s;
      res.locals.actor = result.actor;
    } else sessie.einde(res);
  };
}

/**
 * The Temporal UI's codec calls (`/codec/decode`, same site, with credentials) carry the werkbak's
 * session cookie: a coordinator signed in to the werkbak reads a case's history in the UI without a
 * bearer token. The codec route's roles decide as for a token.
 */
export function codecSessie(
  deps: Omit<WerkbakDeps, 'logger' | 'register' | 'routes' | 'client' | 'taskQueue'>,
): RequestHandler {
  const parse = cookieParser(deps.sleutels);
  const aangemeld = ingelogd(deps, sessies({ ...deps, now: deps.now ?? Date.now }));
  return (req, res, next) => {
    if (!req.path.startsWith('/codec/') || res.locals.actor || req.get('authorization')) return next();
    parse(req, res, () => {
      aangemeld(req, res).then(() => next(), next);
    });
  };
}

/** A refusal's field errors by field name (the form's names are the API's paths: `ouders.0.email`). */
const veldFouten = (fout: Problem | undefined): Record<string, string> =>
  Object.fromEntries((fout?.invalidParams ?? []).map((p) => [p.name, p.reason]));

const isCsrfFout = (err: unknown) => (err as { code?: string })?.code === 'EBADCSRFTOKEN';

/** Other cases the view names (a zorgplicht's impasse, a TLV's terugplaatsing): links on the page. */
function gekoppeldeZaken(view: Record<string, unknown>, id: string, register: Register): string[] {
  const gevonden = new Set<string>();
  const zoek = (v: unknown, diepte: number) => {
    if (diepte > 3) return;
    if (typeof v === 'string') {
      if (v !== id && register.zaakIdSchema.safeParse(v).success) gevonden.add(v);
    } else if (Array.isArray(v)) v.forEach((w) => zoek(w, diepte + 1));
    else if (v && typeof v === 'object') Object.values(v).forEach((w) => zoek(w, diepte + 1));
  };
  for (const [k, v] of Object.entries(view)) if (k !== 'tijdlijn') zoek(v, 0);
  return [...gevonden];
}
