import type { Actor } from '../auth/actors';
import type { Register } from '../api/processen';
import type { DeadlineView } from '../shared/zaak';
import type { Roep } from './api';

export interface ZaakRegel {
  id: string;
  type: string;
  status: string;
  school?: string;
  beleid?: string;
  volgendeDeadline: string | null;
  gestart: string;
  open: boolean;
}

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

/**
 * Mijn werk, for every role the same way: the open cases the API lists for this actor (the API's
 * need-to-know decides which: a school its own, the directeur the stuck ones, the DB its rungs),
 * soonest deadline first, each read in full for the rule behind the date. Stuck and late on top.
 */
export async function mijnWerk(roep: Roep, register: Register, vandaag: string): Promise<WerkItem[]> {
  const { zaken } = await roep<{ zaken: ZaakRegel[] }>('get', '/api/v1/zaken', {
    query: { open: 'true', limiet: '200' },
  });
  const volgorde = [...zaken].sort((a, b) =>
    (a.volgendeDeadline ?? '9999').localeCompare(b.volgendeDeadline ?? '9999'),
  );
  const items: WerkItem[] = [];
  const rij = volgorde.slice(0, GELEZEN);
  for (let i = 0; i < rij.length; i += TEGELIJK) {
    const views = await Promise.all(
      rij
        .slice(i, i + TEGELIJK)
        .map((z) =>
          roep<Record<string, unknown>>('get', '/api/v1/zaken/:id', { params: { id: z.id } }).catch(() => undefined),
        ),
    );
    views.forEach((view, j) => {
      const zaak = rij[i + j];
      if (view) items.push(item(zaak, view, register, vandaag));
    });
  }
  return items.sort(
    (a, b) => gewicht(b) - gewicht(a) || (a.deadline?.datum ?? '9999').localeCompare(b.deadline?.datum ?? '9999'),
  );
}

const gewicht = (i: WerkItem) => (i.vastgelopen ? 2 : 0) + (i.teLaat ? 1 : 0);

function item(zaak: ZaakRegel, view: Record<string, unknown>, register: Register, vandaag: string): WerkItem {
  const proces = register.processen.find((p) => p.type === zaak.type);
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
    wat: stap?.omschrijving ?? (deadline ? `${deadline.soort.replace(/[-_]/g, ' ')}` : zaak.status.replace(/-/g, ' ')),
    wie: stap?.wie,
    deadline,
    teLaat: Boolean(deadline && deadline.datum < vandaag),
    vastgelopen: Boolean(view.vastgelopen) || Boolean(proces?.inzage?.vastgelopen?.includes(zaak.status)),
  };
}

export const magStarten = (actor: Actor, register: Register) =>
  register.processen.filter((p) => p.start.rollen.includes(actor.rol));
