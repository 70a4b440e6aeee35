/**
 * The screening moments of the terugplaatsingsbeleid (seed 001 L2047–2052: "één of twee momenten per
 * jaar" agreed between the S(B)O school and the OA, where pupils who may go back are discussed). Each
 * S(B)O school with TLVs in force gets one message per moment, listing its pupils, to it and the
 * coordinator (the OA). Keys per SWV, date and school: a retry or a rerun sends only what did not go.
 */
import type { Client } from '@temporalio/client';
import { addDays, formatDutchDate, toInstant, toIsoDate, type IsoDate } from '../domain/dates';
import { getPolicy } from '../domain/policies';
import { screeningmomenten } from '../domain/terugplaatsing';
import type { Verzonden } from '../mail/outbox';
import type { Bericht, Ontvanger } from '../shared/bericht';
import { SwvCode, ZaakStatus, ZaakType } from '../temporal/searchAttributes';
import { hartslag, leerlingRegel, leesTlvs, perSbo, verzender } from './inventaris';

/** The next screening moment of an SWV, and the rule behind its day. */
export interface ScreeningPlanning {
  beleid: string;
  datum: IsoDate;
  regel: string;
  /** 08:00 Europe/Amsterdam (the policy's reminder time) on `datum`, ISO. */
  tijdstip: string;
}

/**
 * The next moment dated today or later (and after the one a previous run sent): the workflow wakes at
 * 08:00 on it and asks again, so today's moment must still be the answer then; a worker that starts
 * later that day still sends it (the outbox sends each school's message once). A local activity: it
 * reads the policy and the holiday data, which a deploy may change, and its answer is recorded.
 */
export function screeningPlanning(a: { beleid: string; nu: number; gedaan?: IsoDate }): ScreeningPlanning {
  const policy = getPolicy(a.beleid);
  const { herinnering, tijdzone } = policy.tijden;
  const vandaag = toIsoDate(a.nu, tijdzone);
  // Two moments a year at most: within 400 days there is always one. From 90 days back, so a moment
  // moved past a holiday (1 March → 6 March) is still found on its own day.
  const volgende = screeningmomenten(addDays(vandaag, -90), addDays(vandaag, 400), policy, policy.regio).find(
    (m) => m.datum >= vandaag && (!a.gedaan || m.datum > a.gedaan),
  )!;
  return {
    beleid: a.beleid,
    datum: volgende.datum,
    regel: volgende.regel,
    tijdstip: new Date(toInstant(volgende.datum, herinnering, tijdzone)).toISOString(),
  };
}

export interface ScreeningOpdracht {
  beleid: string;
  datum: IsoDate;
  regel: string;
}

/** Counts and case ids only: the result lands in the workflow's history. */
export interface ScreeningUitkomst {
  beleid: string;
  datum: IsoDate;
  zaken: number;
  scholen: number;
  verzonden: number;
  alVerzonden: number;
  nietBeantwoord: string[];
  nietBereikt: number;
}

export function screeningActivities(client: () => Promise<Client>, stuur: (n: Bericht) => Promise<Verzonden[]>) {
  return {
    async screeningPlanning(a: { beleid: string; nu: number; gedaan?: IsoDate }): Promise<ScreeningPlanning> {
      return screeningPlanning(a);
    },
    async herinnerScreening(o: ScreeningOpdracht): Promise<ScreeningUitkomst> {
      const stop = hartslag();
      try {
        return await herinner(await client(), stuur, o);
      } finally {
        stop();
      }
    },
  };
}

async function herinner(
  client: Client,
  stuur: (n: Bericht) => Promise<Verzonden[]>,
  o: ScreeningOpdracht,
): Promise<ScreeningUitkomst> {
  // A policy code is checked by the policy schema (/^[a-z0-9-]+$/): safe in the query.
  const beleid = getPolicy(o.beleid).code;
  const query = [
    `${ZaakType.name} = 'tlv'`,
    `${SwvCode.name} = '${beleid}'`,
    `${ZaakStatus.name} = 'toegekend'`,
    `ExecutionStatus = 'Running'`,
  ].join(' AND ');
  const { regels, nietBeantwoord } = await leesTlvs(client, query);
  const groepen = perSbo(regels.sort((a, b) => a.leerling.localeCompare(b.leerling, 'nl')));
  const uit = verzender(stuur);
  let nietBereikt = 0;
  for (const g of groepen.values()) {
    const coordinatoren = [...new Set(g.regels.map((r) => r.coordinatorEmail))];
    const aan: Ontvanger[] = [
      ...g.emails.map((email): Ontvanger => ({ rol: 'school', email })),
      ...coordinatoren.map((email): Ontvanger => ({ rol: 'coordinator', email })),
    ];
    const bereikt =
      g.emails.length > 0 &&
      (await uit.verstuur({
        sleutel: `terugplaatsing-screening/${beleid}/${o.datum}/sbo/${g.sleutel}`,
        sjabloon: 'terugplaatsing-screening',
        aan,
        gegevens: {
          school: g.naam,
          datum: formatDutchDate(o.datum),
          datumRegel: o.regel,
          aantal: String(g.regels.length),
          leerlingen: g.regels.map(leerlingRegel),
        },
      }));
    if (!bereikt) nietBereikt++;
  }
  return {
    beleid,
    datum: o.datum,
    zaken: regels.length,
    scholen: groepen.size,
    verzonden: uit.verzonden,
    alVerzonden: uit.alVerzonden,
    nietBeantwoord,
    nietBereikt,
  };
}
