import { Problem } from '../api/problem';
import type { Actor } from '../auth/actors';
import { addDays } from '../domain/dates';
import type { Register } from '../api/processen';
import type { ZaakRegel } from '../api/routes/zaken';
import type { DeadlineView } from '../shared/zaak';
import type { Roep } from './api';
import { woorden } from './weergave';

/** One line of Mijn werk: a case, what is due next and by which rule, and whether it is late or stuck. */
export interface WerkItem {
  zaak: ZaakRegel;
  /** What is expected: the next step where the process names one, else the deadline's kind. */
  wat: string;
  wie?: string;
  deadline?: DeadlineView;
  teLaat: boolean;
  vastgelopen: boolean;
}

/** How many cases Mijn werk reads in full (each view one query): the soonest deadlines. */
const GELEZEN = 30;
const TEGELIJK = 6;
/** Mijn werk looks this far ahead; what is overdue or stuck has a deadline before it too. */
const VOORUIT_DAGEN = 56;

/**
 * Mijn werk, for every role the same way: the open cases the API lists for this actor (the API's
 * need-to-know decides which: a school its own, the directeur the stuck ones, the DB its rungs),
 * soonest deadline first, each read in full for the rule behind the date. Stuck and late on top.
 */
export async function mijnWerk(
  roep: Roep,
  register: Register,
  vandaag: string,
): Promise<{ items: WerkItem[]; meer: boolean }> {
  // The list comes newest first: asking only for the deadlines due within the weeks ahead (overdue
  // included) leaves out the cases that can wait; the stuck ones are asked for by status.
  const lijst = (query: Record<string, string>) =>
    roep<{ zaken: ZaakRegel[]; meer: boolean }>('get', '/api/v1/zaken', { query: { open: 'true', ...query } });
  const vastgelopen = vastgelopenStatussen(register);
  const [termijnen, ...vast] = await Promise.all([
    lijst({ deadlineVoor: addDays(vandaag, VOORUIT_DAGEN), limiet: '200' }),
    ...vastgelopen.map((status) => lijst({ status, limiet: '50' })),
  ]);
  const zaken = [...new Map([...vast, termijnen].flatMap((l) => l.zaken).map((z) => [z.id, z])).values()];
  const meer = [termijnen, ...vast].some((l) => l.meer);
  // Stuck first, then the soonest deadline: those are read in full.
  const isVast = (z: ZaakRegel) => vastgelopen.includes(z.status);
  const volgorde = [...zaken].sort(
    (a, b) =>
      Number(isVast(b)) - Number(isVast(a)) ||
      (a.volgendeDeadline ?? '9999').localeCompare(b.volgendeDeadline ?? '9999'),
  );
  const items: WerkItem[] = [];
  const rij = volgorde.slice(0, GELEZEN);
  for (let i = 0; i < rij.length; i += TEGELIJK) {
    const views = await Promise.all(
      rij.slice(i, i + TEGELIJK).map((z) =>
        // Gone from the actor's reach since the list (closed, moved on): skipped. An outage is the page's 503.
        roep<Record<string, unknown>>('get', '/api/v1/zaken/:id', { params: { id: z.id } }).catch((err) => {
          if (err instanceof Problem && err.status === 404) return undefined;
          throw err;
        }),
      ),
    );
    views.forEach((view, j) => {
      const zaak = rij[i + j];
      if (view) items.push(item(zaak, view, isVast(zaak), vandaag));
    });
  }
  const gesorteerd = items.sort(
    (a, b) => gewicht(b) - gewicht(a) || (a.deadline?.datum ?? '9999').localeCompare(b.deadline?.datum ?? '9999'),
  );
  return { items: gesorteerd, meer: meer || volgorde.length > GELEZEN };
}

const gewicht = (i: WerkItem) => (i.vastgelopen ? 2 : 0) + (i.teLaat ? 1 : 0);

/** The statuses that mean stuck: each process's (src/processen), and the impasse's own 'vastgelopen'. */
const vastgelopenStatussen = (register: Register): string[] => [
  ...new Set(
    register.processen.flatMap((p) => [
      ...(p.inzage?.vastgelopen ?? []),
      ...p.statussen.filter((s) => s === 'vastgelopen'),
    ]),
  ),
];

function item(zaak: ZaakRegel, view: Record<string, unknown>, vast: boolean, vandaag: string): WerkItem {
  const deadlines = (Array.isArray(view.deadlines) ? view.deadlines : []) as DeadlineView[];
  const komend = [...deadlines].sort((a, b) => a.datum.localeCompare(b.datum));
  // The one the index calls next; else the first still to come; else the last one passed.
  const deadline =
    komend.find((d) => d.tijdstip === zaak.volgendeDeadline) ??
    komend.find((d) => d.datum >= vandaag) ??
    komend[komend.length - 1];
  const stap = view.volgendeStap as { omschrijving?: string; wie?: string } | undefined;
  return {
    zaak,
    wat: stap?.omschrijving ?? woorden(deadline?.soort ?? zaak.status),
    wie: stap?.wie,
    deadline,
    teLaat: Boolean(deadline && deadline.datum < vandaag),
    vastgelopen: vast || Boolean(view.vastgelopen),
  };
}

export const magStarten = (actor: Actor, register: Register) =>
  register.processen.filter((p) => p.start.rollen.includes(actor.rol));
