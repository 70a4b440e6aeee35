/**
 * The kernel's part of moving a case to another version of its policy: one Update and one Query,
 * the same for every process. The process says how it holds its policy and what follows from it
 * (`BeleidHouder`); the kernel checks the step, previews it, records it in the timeline.
 */
import { defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';
import { formatDutchDate, toIsoDate } from '../domain/dates';
import type { Policy } from '../domain/policy';
import type { BeleidVoorbeeld, BeleidWijzigen } from '../shared/beleidsversie';
import type { DeadlineView } from '../shared/zaak';
import * as argument from './argumenten';
import type { Zaak } from './zaakkern';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const beleidWijzigenUpdate = defineUpdate<any, [BeleidWijzigen]>('beleid-wijzigen');
/** The same move, computed and undone: the dates it would change (the API asks before the coordinator confirms). */
export const beleidVoorbeeldQuery = defineQuery<BeleidVoorbeeld, [Record<string, Policy>, string?]>('beleid-voorbeeld');

export interface BeleidHouder {
  huidig: () => Policy;
  /** Takes `p` as the case's policy, without more. */
  zet: (p: Policy) => void;
  /**
   * Recomputes what the state keeps that follows from the policy (dates still ahead), now that it
   * follows the new one instead of `vorig`; a reason in Dutch when the move cannot be made.
   */
  herbereken: (vorig: Policy, vandaag: string) => string | undefined;
  /** The process's own state object (plain data): a preview restores it. */
  toestand: () => object;
  deadlines: () => DeadlineView[];
  /** After a confirmed move (not a preview): letters about dates that changed. */
  gewijzigd?: (wijzigingen: BeleidVoorbeeld['wijzigingen']) => void;
}

const versieVan = (p: Policy) => p.versie ?? 'zonder versie';

function kies(
  houder: BeleidHouder,
  kandidaten: Record<string, Policy> | undefined,
  versie: string,
  vandaag: string,
): Policy {
  const h = houder.huidig();
  const nieuw = kandidaten && Object.prototype.hasOwnProperty.call(kandidaten, h.code) ? kandidaten[h.code] : undefined;
  if (!nieuw || nieuw.versie !== versie) throw new Error(`Beleid ${h.code} heeft geen versie '${versie}'.`);
  if (nieuw.versie === h.versie) throw new Error(`De zaak volgt al versie '${versie}' van beleid ${h.code}.`);
  // A version still to come applies from its date: a case is not moved ahead of it.
  if (nieuw.geldigVanaf && nieuw.geldigVanaf > vandaag)
    throw new Error(
      `Versie '${versie}' van beleid ${h.code} geldt pas vanaf ${formatDutchDate(nieuw.geldigVanaf)}: de zaak kan er nog niet naartoe.`,
    );
  return nieuw;
}

function verschillen(voor: DeadlineView[], na: DeadlineView[]): BeleidVoorbeeld['wijzigingen'] {
  const soorten = [...new Set([...voor, ...na].map((d) => d.soort))];
  return soorten.flatMap((soort) => {
    const v = voor.find((d) => d.soort === soort);
    const n = na.find((d) => d.soort === soort);
    if (v && n && v.datum === n.datum && v.regel === n.regel) return [];
    return [{ soort, ...(v ? { van: v.datum } : {}), ...(n ? { naar: n.datum, regel: n.regel } : {}) }];
  });
}

/**
 * Computes the case under `nieuw` and puts everything back: a Query changes nothing. `herbereken`
 * only assigns top-level fields of the state, so a shallow copy restores it with every nested object
 * the same one (queued mail may hold on to one); what a process derives from the state and the
 * policy (its memos) follows again from the restored state.
 */
function voorbeeld(houder: BeleidHouder, nieuw: Policy, vandaag: string): BeleidVoorbeeld {
  const oud = houder.huidig();
  const t = houder.toestand() as Record<string, unknown>;
  const kopie = { ...t };
  const voor = houder.deadlines();
  try {
    houder.zet(nieuw);
    const fout = houder.herbereken(oud, vandaag);
    const na = houder.deadlines();
    return {
      beleid: oud.code,
      van: oud.versie,
      naar: versieVan(nieuw),
      deadlines: { voor, na },
      wijzigingen: verschillen(voor, na),
      ...(fout ? { fout } : {}),
    };
  } finally {
    houder.zet(oud);
    for (const k of Object.keys(t)) delete t[k];
    Object.assign(t, kopie);
  }
}

/** Registers the move on `zaak` (coordinator only, an open case, another version of the same policy). */
export function beleidWijzigbaar<V>(zaak: Zaak<V>, houder: BeleidHouder): void {
  const vandaag = () => toIsoDate(Date.now(), houder.huidig().tijden.tijdzone);
  // A Query does not move workflow time (it is the last activation's): the API says what day it is.
  setHandler(beleidVoorbeeldQuery, (kandidaten, op) => {
    const h = houder.huidig();
    const nieuw = kandidaten?.[h.code];
    if (!nieuw) throw new Error(`Beleid ${h.code} heeft deze versie niet.`);
    const dag = op ?? vandaag();
    const v = voorbeeld(houder, nieuw, dag);
    try {
      kies(houder, kandidaten, nieuw.versie ?? '', dag);
    } catch (err) {
      return { ...v, fout: (err as Error).message };
    }
    return v;
  });
  zaak.actie<BeleidWijzigen>(
    beleidWijzigenUpdate,
    {
      vorm: (a) => {
        argument.tekst(a.versie, 'versie', 1, 40);
        argument.reden(a.reden);
      },
      rollen: ['coordinator'],
      toestand: (a) => {
        const { fout } = voorbeeld(houder, kies(houder, a.kandidaten, a.versie.trim(), vandaag()), vandaag());
        if (fout) throw new Error(fout);
      },
      voerUit: (a) => {
        const nieuw = kies(houder, a.kandidaten, a.versie.trim(), vandaag());
        const { wijzigingen } = voorbeeld(houder, nieuw, vandaag());
        const oud = houder.huidig();
        houder.zet(nieuw);
        houder.herbereken(oud, vandaag());
        const datums = wijzigingen
          .map(
            (w) =>
              `${w.soort}: ${w.van ? formatDutchDate(w.van) : 'geen'} → ${w.naar ? formatDutchDate(w.naar) : 'geen'}`,
          )
          .join('; ');
        zaak.noteer({
          soort: 'beleid-gewijzigd',
          omschrijving: `Beleid ${oud.code}: versie ${versieVan(oud)} → ${versieVan(nieuw)}${nieuw.geldigVanaf ? ` (geldig vanaf ${formatDutchDate(nieuw.geldigVanaf)})` : ''}. ${datums ? `Gewijzigde data: ${datums}.` : 'Geen data gewijzigd.'}`,
          door: a.door,
          reden: a.reden,
          gegevens: { van: versieVan(oud), naar: versieVan(nieuw), wijzigingen: wijzigingen.length },
        });
        if (wijzigingen.length) houder.gewijzigd?.(wijzigingen);
      },
    },
    'deze zaak',
  );
}
