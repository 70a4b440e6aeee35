import { createHash } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { compareDates, formatDutchDate, type IsoDate } from '../domain/dates';
import type { Regio } from '../domain/regio';
import { schoolYearByLabel } from '../domain/schoolYear';
import type { Verzonden } from '../mail/outbox';
import type { Bericht, Ontvanger } from '../shared/bericht';
import type { TlvInventarisRegel } from '../shared/tlv';
import { Einddatum, Regio as RegioKey, ZaakType } from '../temporal/searchAttributes';
import { tlvInventarisQuery } from '../workflows/tlv';

export interface InventarisOpdracht {
  regio: Regio;
  /** '2027-2028': the TLVs whose end date lies in it. */
  schooljaar: string;
  /** The region's first school day after the summer, and the rule behind it. */
  eersteSchooldag: IsoDate;
  regel: string;
}

/** Counts and case ids only: the result lands in the workflow's history. */
export interface InventarisUitkomst {
  regio: Regio;
  schooljaar: string;
  /** Granted TLVs ending in the school year that answered. */
  zaken: number;
  /** S(B)O schools they are at. */
  scholen: number;
  /** Mails this attempt sent; `alVerzonden`: mails an earlier attempt or run had sent already. */
  verzonden: number;
  alVerzonden: number;
  /** Cases that did not answer the query (named by id in the coordinator's mail). */
  nietBeantwoord: string[];
  /** S(B)O schools without an e-mail address in their cases, or whose mail was refused. */
  nietBereikt: number;
}

/** How many cases are asked at once: a worker answers each query from its cache or by a replay. */
const GELIJKTIJDIG = 8;
const QUERY_MS = 30_000;

/** A short, stable stand-in for an e-mail address in an outbox key (keys hold no personal data). */
export const kort = (s: string): string =>
  createHash('sha256').update(s.trim().toLowerCase()).digest('hex').slice(0, 12);

export function hartslag(): () => void {
  let ctx: Context | undefined;
  try {
    ctx = Context.current();
  } catch {
    return () => undefined; // Not in an activity (a test calling it directly).
  }
  const t = setInterval(() => ctx.heartbeat(), 10_000);
  return () => clearInterval(t);
}

async function metBeperking<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const uit: R[] = new Array(items.length);
  let volgende = 0;
  const werker = async () => {
    for (let i = volgende++; i < items.length; i = volgende++) uit[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, werker));
  return uit;
}

export interface SboGroep {
  /** The outbox key's part: the BRIN, or a hash of the address (or name) when there is none. */
  sleutel: string;
  naam: string;
  brin?: string;
  emails: string[];
  regels: TlvInventarisRegel[];
}

export const leerlingRegel = (r: TlvInventarisRegel) => ({
  zaakId: r.zaakId,
  leerling: r.leerling,
  einddatum: formatDutchDate(r.einddatum),
  einddatumRegel: r.einddatumRegel,
});

/**
 * The yearly TLV inventory (seed 001 L1270–1273): reads the granted TLVs of a region that end in a
 * school year from visibility, asks each case for its pupil and S(B)O school, and mails one message
 * per S(B)O school and one per coordinator address. Every message has a key per region and school
 * year, so a retry or a rerun sends only what did not go yet.
 */
export function inventarisActivities(client: () => Promise<Client>, stuur: (n: Bericht) => Promise<Verzonden[]>) {
  return {
    async inventariseerTlvs(o: InventarisOpdracht): Promise<InventarisUitkomst> {
      const stop = hartslag();
      try {
        return await inventariseer(await client(), stuur, o);
      } finally {
        stop();
      }
    },
  };
}

/** The granted TLVs a visibility query finds, each as its case answers: the pupil and the S(B)O school. */
export async function leesTlvs(
  client: Client,
  query: string,
): Promise<{ regels: TlvInventarisRegel[]; nietBeantwoord: string[] }> {
  const ids: string[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 200 })) ids.push(wf.workflowId);
  const nietBeantwoord: string[] = [];
  const antwoorden = await metBeperking(ids, GELIJKTIJDIG, async (id) => {
    try {
      return await client.connection.withDeadline(Date.now() + QUERY_MS, () =>
        client.workflow.getHandle(id).query(tlvInventarisQuery),
      );
    } catch {
      nietBeantwoord.push(id);
      return null;
    } finally {
      try {
        Context.current().heartbeat();
      } catch {
        // Not in an activity.
      }
    }
  });
  nietBeantwoord.sort();
  return { regels: antwoorden.filter((r): r is TlvInventarisRegel => r !== null), nietBeantwoord };
}

/** The TLVs grouped by the S(B)O school they are at (by BRIN, else by its address or name). */
export function perSbo(regels: TlvInventarisRegel[]): Map<string, SboGroep> {
  const groepen = new Map<string, SboGroep>();
  for (const r of regels) {
    const sleutel = r.sbo.brin ?? kort(r.sbo.email ?? `naam:${r.sbo.naam}`);
    const g = groepen.get(sleutel) ?? { sleutel, naam: r.sbo.naam, brin: r.sbo.brin, emails: [], regels: [] };
    if (r.sbo.email && !g.emails.includes(r.sbo.email)) g.emails.push(r.sbo.email);
    g.regels.push(r);
    groepen.set(sleutel, g);
  }
  return groepen;
}

/**
 * Sends through the outbox and counts: a refused address or a missing mailbox is counted as not
 * sent and the rest still go (as perBericht); any other failure is the activity's to retry.
 */
export function verzender(stuur: (n: Bericht) => Promise<Verzonden[]>) {
  const telling = {
    verzonden: 0,
    alVerzonden: 0,
    async verstuur(n: Bericht): Promise<boolean> {
      try {
        for (const v of await stuur(n)) {
          if (v.alVerzonden) telling.alVerzonden++;
          else telling.verzonden++;
        }
        return true;
      } catch (err) {
        if (!(err instanceof ApplicationFailure) || !err.nonRetryable) throw err;
        return false;
      }
    },
  };
  return telling;
}

async function inventariseer(
  client: Client,
  stuur: (n: Bericht) => Promise<Verzonden[]>,
  o: InventarisOpdracht,
): Promise<InventarisUitkomst> {
  const sy = schoolYearByLabel(o.schooljaar);
  const basis = `tlv-inventaris/${o.regio}/${sy.label}`;
  const query = [
    `${ZaakType.name} = 'tlv'`,
    `${RegioKey.name} = '${o.regio}'`,
    `${Einddatum.name} >= '${sy.start}'`,
    `${Einddatum.name} <= '${sy.end}'`,
    `ExecutionStatus = 'Running'`,
  ].join(' AND ');
  const gelezen = await leesTlvs(client, query);
  const { nietBeantwoord } = gelezen;
  // Visibility may lag a step behind the case: its own answer decides.
  const regels = gelezen.regels
    .filter((r) => compareDates(r.einddatum, sy.start) >= 0 && compareDates(r.einddatum, sy.end) <= 0)
    .sort((a, b) => compareDates(a.einddatum, b.einddatum) || a.zaakId.localeCompare(b.zaakId));
  const groepen = perSbo(regels);

  const uit = verzender(stuur);
  const verstuur = (n: Bericht) => uit.verstuur(n);
  const nietBereikt = new Set<string>();
  const algemeen = {
    schooljaar: sy.label,
    regio: o.regio,
    datum: formatDutchDate(o.eersteSchooldag),
    datumRegel: o.regel,
    einde: formatDutchDate(sy.end),
  };

  for (const g of groepen.values()) {
    const aan: Ontvanger[] = g.emails.map((email) => ({ rol: 'school', email }));
    const bereikt =
      aan.length > 0 &&
      (await verstuur({
        sleutel: `${basis}/sbo/${g.sleutel}`,
        sjabloon: 'tlv-inventaris-school',
        aan,
        gegevens: {
          ...algemeen,
          school: g.naam,
          aantal: String(g.regels.length),
          leerlingen: g.regels.map(leerlingRegel),
        },
      }));
    if (!bereikt) nietBereikt.add(g.sleutel);
  }

  // One mail per coordinator address, with the TLVs of the cases that name it; the cases that did
  // not answer are named to all of them (whose they are is unknown), or to the SWV's mailbox.
  const perCoordinator = new Map<string, SboGroep[]>();
  for (const g of groepen.values())
    for (const r of g.regels) {
      const lijst = perCoordinator.get(r.coordinatorEmail) ?? [];
      let eigen = lijst.find((x) => x.sleutel === g.sleutel);
      if (!eigen) lijst.push((eigen = { ...g, regels: [] }));
      eigen.regels.push(r);
      perCoordinator.set(r.coordinatorEmail, lijst);
    }
  if (perCoordinator.size === 0 && nietBeantwoord.length > 0) perCoordinator.set('', []);
  for (const [email, scholen] of perCoordinator) {
    await verstuur({
      sleutel: `${basis}/coordinator/${email ? kort(email) : 'swv'}`,
      sjabloon: 'tlv-inventaris-coordinator',
      aan: [email ? { rol: 'coordinator', email } : { rol: 'coordinator' }],
      gegevens: {
        ...algemeen,
        aantal: String(scholen.reduce((n, s) => n + s.regels.length, 0)),
        aantalScholen: String(scholen.length),
        scholen: scholen.map((s) => ({
          school: s.naam,
          brin: s.brin ?? '',
          nietBereikt: nietBereikt.has(s.sleutel),
          leerlingen: s.regels.map(leerlingRegel),
        })),
        heeftNietBeantwoord: nietBeantwoord.length > 0,
        nietBeantwoord: nietBeantwoord.map((id) => ({ id })),
      },
    });
  }

  return {
    regio: o.regio,
    schooljaar: sy.label,
    zaken: regels.length,
    scholen: groepen.size,
    verzonden: uit.verzonden,
    alVerzonden: uit.alVerzonden,
    nietBeantwoord,
    nietBereikt: nietBereikt.size,
  };
}
