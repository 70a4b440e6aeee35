/**
 * The terugplaatsing's decisions, each an Update with a validator: a sub-step of the stappenplan
 * (`stap`), the parents' consent per school (`toestemming`), and stopping the traject (`stoppen`).
 * The gates are the seed's: contact with schools only after the parents agreed (L2078), the
 * groeidocument/OPP shared only with the parents' consent for that school (L2082), the plan by the
 * receiving school (L2117), the evaluation with all four parties (L2130–2133), the receiving school's
 * view decisive (L2136–2137).
 */
import { defineUpdate } from '@temporalio/workflow';
import { compareDates, formatDutchDate } from '../../domain/dates';
import { rolNietToegestaan } from '../../shared/fouten';
import type {
  KandidaatSchool,
  Stoppen,
  TerugplaatsingStap,
  TerugplaatsingView,
  Toestemming,
} from '../../shared/terugplaatsing';
import {
  evaluatiePartijen,
  stapBeschrijving,
  type EvaluatiePartij,
  type StapCode,
} from '../../shared/terugplaatsingStappen';
import type { Stap } from '../../shared/zaak';
import * as argument from '../argumenten';
import { thuisDatum, thuisVorm } from '../thuiszitter/openen';
import { koppelPlaatsingstafel } from './plaatsingstafel';
import { thuiszitterNaStoppen } from './thuiszitter';
import type { Terugplaatsingzaak, Vastlegging } from './toestand';

export const stapUpdate = defineUpdate<TerugplaatsingView, [TerugplaatsingStap]>('stap');
export const toestemmingUpdate = defineUpdate<TerugplaatsingView, [Toestemming]>('toestemming');
export const stoppenUpdate = defineUpdate<TerugplaatsingView, [Stoppen]>('stoppen');

const wat = 'een terugplaatsing';

/** Which school the actor acts for: the S(B)O school, the receiving school, or none (the SWV). */
export type Als = 'verwijzend' | 'ontvangend' | 'swv';

/** Who may record each sub-step, beside the coordinator (the SWV's ondersteuningsadviseur). */
const doorScholen: Record<Exclude<StapCode, '1.1' | '4.3'>, readonly Als[]> = {
  '1.2': ['verwijzend'],
  '1.3': ['verwijzend'],
  '1.4': ['verwijzend'],
  '1.5': ['verwijzend'],
  '1.6': ['verwijzend'],
  '2.1': ['verwijzend'],
  '2.2': ['verwijzend'],
  '2.3': ['verwijzend'],
  // L2086–2089: the SWV organises the plaatsingstafel.
  '2.4': [],
  '2.5': ['verwijzend', 'ontvangend'],
  '2.6': ['verwijzend', 'ontvangend'],
  '3.1': ['verwijzend', 'ontvangend'],
  // L2117: the receiving school documents the plan; L2096: the decision is the receiving school's.
  '3.2': ['ontvangend'],
  '3.3': ['ontvangend'],
  '4.1': ['verwijzend', 'ontvangend'],
  // L2134–2137: the receiving school's position stands; it records the evaluation (or the SWV does).
  '4.2': ['ontvangend'],
};

export const zelfdeSchool = (a: { brin?: string }, b: { brin?: string }) => !!a.brin && a.brin === b.brin;

/** Which school the actor acts for: a school in scope of the S(B)O school's BRIN refers, any other receives. */
export const alsVan =
  (z: Terugplaatsingzaak) =>
  ({ door, scope }: Stap): Als => {
    if (door.rol !== 'school') return 'swv';
    if (scope?.includes(z.input.school.brin)) return 'verwijzend';
    return 'ontvangend';
  };

/** The parents' consent for one school: the last word per school counts (withdrawn is no consent). */
export function heeftToestemmingVoor(t: Terugplaatsingzaak['t'], s: KandidaatSchool): boolean {
  const laatste = [...t.toestemmingen].reverse().find((x) => zelfdeSchool(x.school, s));
  return !!laatste && !laatste.ingetrokken;
}

export function terugplaatsingActies(z: Terugplaatsingzaak): void {
  const { zaak, t } = z;

  const als = alsVan(z);
  const gedaan = (stap: StapCode) => !!t.stappen[stap] && !t.stappen[stap]!.overgeslagen;
  const beslist = (stap: StapCode) => !!t.stappen[stap];
  const oudersAkkoord = () => t.stappen['1.3']?.gegevens?.overeenstemming === true;
  const heeftToestemming = (s: KandidaatSchool) => heeftToestemmingVoor(t, s);
  const opDatum = (v: Vastlegging | undefined) => (v ? ` (${formatDutchDate(v.op.slice(0, 10))})` : '');

  /** What must be done before a sub-step, each named: the refusal lists every missing one. */
  function ontbreekt(s: TerugplaatsingStap): string[] {
    const mist: string[] = [];
    const stap1 = () => {
      if (!gedaan('1.2')) mist.push('het interne onderzoek of een traject wenselijk is (stap 1.2)');
    };
    const overleg = () => {
      if (!oudersAkkoord())
        mist.push('het overleg met de ouders, waarin zij instemmen met het zoeken naar een school (stap 1.3)');
    };
    const gevonden = () => {
      if (!t.gevonden) mist.push('een passende school (stap 2.3, of geplaatst door de plaatsingstafel, stap 2.4)');
    };
    switch (s.stap) {
      case '1.2':
        break;
      case '1.3':
      case '1.4':
      case '1.5':
      case '1.6':
        stap1();
        break;
      case '2.1':
        stap1();
        overleg();
        break;
      case '2.2':
        overleg();
        if (!t.contact.some((c) => zelfdeSchool(c.school, s.school)))
          mist.push(`het contact met ${s.school.naam} (stap 2.1)`);
        if (!heeftToestemming(s.school))
          mist.push(
            `de toestemming van de ouders om het groeidocument/OPP met ${s.school.naam} te delen (actie 'toestemming')`,
          );
        break;
      case '2.3':
        if (!t.gedeeld.some((c) => zelfdeSchool(c.school, s.school)))
          mist.push(`het delen van het groeidocument/OPP met ${s.school.naam} (stap 2.2)`);
        break;
      case '2.4':
        overleg();
        break;
      case '2.5':
      case '2.6':
        gevonden();
        break;
      case '3.1':
        gevonden();
        if (!gedaan('2.6')) mist.push('het bezoek van de ouders aan de school (stap 2.6)');
        if (!beslist('2.5'))
          mist.push('de wederzijdse observatie, of waarom die is overgeslagen (stap 2.5, sterk aangeraden)');
        break;
      case '3.2':
        if (!gedaan('3.1')) mist.push('het gesprek over de verwachtingen (stap 3.1)');
        break;
      case '3.3':
        if (!gedaan('3.1')) mist.push('het gesprek over de verwachtingen (stap 3.1)');
        if (s.besluit === 'positief' && !gedaan('3.2'))
          mist.push('het terugplaatsingsplan van de ontvangende school (stap 3.2)');
        break;
      case '4.1':
        if (t.stappen['3.3']?.gegevens?.besluit !== 'positief') mist.push('een positief besluit (stap 3)');
        break;
      case '4.2':
        if (!t.startdatum) mist.push('de start op de ontvangende school (stap 4.1)');
        break;
    }
    return mist;
  }

  zaak.actie(
    stapUpdate,
    {
      vorm: (s) => {
        argument.keuze(s.stap, Object.keys(doorScholen) as StapCode[], 'stap');
        if (s.overgeslagen) argument.reden(s.reden);
        if ('school' in s) {
          argument.schoolRef(s.school);
          // The consent, the contact and the receiving school's access are per BRIN.
          argument.tekst(s.school.brin, 'school.brin', 4, 6);
        }
        if ('datum' in s && s.datum !== undefined) argument.datum(s.datum, 'datum');
        if (s.stap === '4.1') argument.datum(s.startdatum, 'startdatum');
        if (s.overgeslagen) return;
        if (s.stap === '1.2' || s.stap === '1.5') argument.janee(s.wenselijk, 'wenselijk');
        if (s.stap === '1.3') argument.janee(s.overeenstemming, 'overeenstemming');
        if (s.stap === '3.1') {
          argument.janee(s.symbiose, 'symbiose');
          argument.teksten(s.deelnemers, 'deelnemers', 2, 12);
        }
        if (s.stap === '3.3') argument.keuze(s.besluit, ['positief', 'negatief'], 'besluit');
        if (s.stap === '4.2') {
          argument.keuzes(s.deelnemers, evaluatiePartijen, 'deelnemers');
          argument.keuze(
            s.standpunten?.['ontvangende-school'],
            ['doorgaan', 'stoppen'],
            'standpunten.ontvangende-school',
          );
        }
      },
      rollen: ['coordinator', 'school'],
      toestand: (s) => {
        if (z.variant === 'vso-vo')
          throw new Error(
            `Deze terugplaatsing volgt de fasen VSO → VO van ${z.beleid.code}: leg een fase vast (actie 'fase', F1 … F6).`,
          );
        const b = stapBeschrijving[s.stap];
        const wie = als(s);
        if (wie !== 'swv' && !doorScholen[s.stap as keyof typeof doorScholen].includes(wie))
          throw rolNietToegestaan(
            `Stap ${s.stap} (${b.omschrijving.toLowerCase()}) zet ${b.wie === 'ondersteuningsadviseur' ? 'het samenwerkingsverband' : `de ${b.wie}`}, niet de ${wie === 'verwijzend' ? 'verwijzende' : 'ontvangende'} school.`,
          );
        if (s.overgeslagen && !b.optioneel) throw new Error(`Stap ${s.stap} kan niet worden overgeslagen.`);
        if (s.stap < '2' && t.gevonden)
          throw new Error(
            `Stap ${s.stap} hoort bij het signaleren; er is al een ontvangende school (${t.gevonden.naam}).`,
          );
        if (t.plaatsingstafel?.status === 'loopt' && s.stap >= '2')
          throw new Error(
            `De plaatsingstafel loopt (zaak ${t.plaatsingstafel.zaakId}): de terugplaatsing gaat verder zodra die de leerling plaatst.`,
          );
        // Recorded once; per-school steps once per school; the talk with the parents again until they agree.
        if (!b.perSchool && t.stappen[s.stap] && !(s.stap === '1.3' && !oudersAkkoord()))
          throw new Error(`Stap ${s.stap} is al vastgelegd${opDatum(t.stappen[s.stap])}.`);
        if (s.stap === '2.1' && t.contact.some((c) => zelfdeSchool(c.school, s.school)))
          throw new Error(`Het contact met ${s.school.naam} is al vastgelegd (stap 2.1).`);
        if (s.stap === '2.2' && t.gedeeld.some((c) => zelfdeSchool(c.school, s.school)))
          throw new Error(`Het groeidocument/OPP is al gedeeld met ${s.school.naam} (stap 2.2).`);
        if (['2.1', '2.2', '2.3', '2.4'].includes(s.stap) && t.gevonden)
          throw new Error(
            `Er is al een ontvangende school: ${t.gevonden.naam}. Een negatief besluit (stap 3) opent stap 2 weer.`,
          );
        const mist = ontbreekt(s);
        if (mist.length) {
          const wat =
            s.stap === '2.2'
              ? `Het groeidocument/OPP mag nog niet met ${s.school.naam} worden gedeeld (stappenplan terugplaatsing, stap 2.2: met toestemming van de ouders)`
              : `Stap ${s.stap} kan nog niet`;
          throw new Error(`${wat}; eerst nodig: ${mist.join('; ')}.`);
        }
        if ('datum' in s && s.datum && compareDates(s.datum, z.vandaag()) > 0)
          throw new Error('De datum ligt in de toekomst: leg een stap vast als hij gezet is.');
        if (s.stap === '4.1' && compareDates(s.startdatum, z.gestart) < 0)
          throw new Error(`De startdatum ligt vóór het begin van de terugplaatsing (${formatDutchDate(z.gestart)}).`);
        if (s.stap === '4.2') {
          if (compareDates(s.datum, t.startdatum!) < 0)
            throw new Error(
              `De evaluatie ligt vóór de start op de ontvangende school (${formatDutchDate(t.startdatum!)}).`,
            );
          const afwezig = evaluatiePartijen.filter((p) => !s.deelnemers.includes(p));
          if (afwezig.length)
            throw new Error(
              `Bij de evaluatie sluiten de ouders, de ontvangende school, de ondersteuningsadviseur en iemand van de verwijzende school aan; ontbreekt: ${afwezig.join(', ')}.`,
            );
        }
      },
      voerUit: (s) => voerStapUit(z, s),
    },
    wat,
  );

  zaak.actie(
    toestemmingUpdate,
    {
      vorm: (c) => {
        argument.schoolRef(c.school);
        argument.tekst(c.school.brin, 'school.brin', 4, 6);
        argument.datum(c.datum, 'datum');
        argument.tekst(c.gegevenDoor, 'gegevenDoor', 2, 200);
        argument.janee(c.schriftelijk, 'schriftelijk');
      },
      rollen: ['coordinator', 'school'],
      toestand: (c) => {
        if (als(c) === 'ontvangend')
          throw rolNietToegestaan('De toestemming van de ouders legt de verwijzende school vast.');
        if (compareDates(c.datum, z.vandaag()) > 0) throw new Error('De datum van de toestemming ligt in de toekomst.');
        if (!c.ingetrokken && heeftToestemming(c.school))
          throw new Error(`De toestemming voor ${c.school.naam} is al vastgelegd.`);
        if (c.ingetrokken && !heeftToestemming(c.school))
          throw new Error(`Er is geen toestemming voor ${c.school.naam} om in te trekken.`);
      },
      voerUit: ({ door, scope: _s, ...c }) => {
        t.toestemmingen.push({ ...c, door, op: zaak.nu() });
        zaak.noteer({
          soort: c.ingetrokken ? 'toestemming-ingetrokken' : 'toestemming',
          omschrijving: c.ingetrokken
            ? `De ouders trokken hun toestemming in om het groeidocument/OPP met ${c.school.naam} te delen`
            : `De ouders gaven ${c.schriftelijk ? 'schriftelijk' : 'mondeling'} toestemming om het groeidocument/OPP met ${c.school.naam} te delen (${formatDutchDate(c.datum)})`,
          door,
          gegevens: { school: c.school.brin, voor: c.voor, schriftelijk: c.schriftelijk },
        });
        z.voortgang();
      },
    },
    wat,
  );

  zaak.actie(
    stoppenUpdate,
    {
      vorm: (s) => {
        argument.reden(s.reden);
        if (s.leerlingThuis !== undefined) thuisVorm(s.leerlingThuis, 'leerlingThuis.');
      },
      rollen: ['coordinator', 'school'],
      toestand: (s) => {
        if (s.leerlingThuis) {
          // As on an impasse: that a child is at home, and where it is enrolled, the SWV records.
          if (s.door.rol !== 'coordinator')
            throw rolNietToegestaan('Dat de leerling zonder plek thuiszit (leerlingThuis) legt de coördinator vast.');
          thuisDatum(s.leerlingThuis.sinds, z.beleid.tijden.tijdzone);
        }
        if (als(s) === 'ontvangend')
          throw rolNietToegestaan(
            `De ontvangende school stopt de terugplaatsing bij de evaluatie (${z.variant === 'vso-vo' ? 'fase F6' : 'stap 4.2'}); stoppen doet de verwijzende school of het SWV.`,
          );
        // Once the pupil started, the evaluation decides, with the receiving school's position leading.
        if (als(s) === 'verwijzend' && t.startdatum)
          throw new Error(
            z.variant === 'vso-vo'
              ? 'De leerling is gestart op de vo-school: of de overstap standhoudt, besluit de vo-school bij de evaluatie van het OPP (fase F6).'
              : 'De leerling is gestart op de ontvangende school: of de terugplaatsing doorgaat, besluit de evaluatie (stap 4.2), waarin het standpunt van de ontvangende school leidend is.',
          );
      },
      voerUit: ({ reden, door, leerlingThuis }) => {
        zaak.noteer({ soort: 'gestopt', omschrijving: 'De terugplaatsing is gestopt', door, reden });
        z.sluit({ uitkomst: 'gestopt', reden, door, op: zaak.nu() });
        if (leerlingThuis) thuiszitterNaStoppen(z, leerlingThuis, door);
      },
    },
    wat,
  );
}

/** The change a sub-step makes: recorded, and where the stappenplan branches, the branch taken. */
function voerStapUit(z: Terugplaatsingzaak, s: TerugplaatsingStap): void {
  const { zaak, t } = z;
  const { door } = s;
  const op = zaak.nu();
  const b = stapBeschrijving[s.stap];
  const leg = (gegevens?: Vastlegging['gegevens'], reden?: string) => {
    t.stappen[s.stap] = { door, op, ...(reden ? { reden } : {}), ...(gegevens ? { gegevens } : {}) };
  };
  const noteer = (omschrijving: string, reden?: string, gegevens?: Vastlegging['gegevens']) =>
    zaak.noteer({
      soort: `stap:${s.stap}`,
      omschrijving,
      door,
      ...(reden ? { reden } : {}),
      ...(gegevens ? { gegevens } : {}),
    });
  z.voortgang();

  if (s.overgeslagen) {
    t.stappen[s.stap] = { door, op, overgeslagen: true, reden: s.reden };
    zaak.noteer({
      soort: `overgeslagen:${s.stap}`,
      omschrijving: `Stap ${s.stap} overgeslagen: ${b.omschrijving}`,
      door,
      reden: s.reden,
    });
    return;
  }
  switch (s.stap) {
    case '1.2':
      leg({ wenselijk: s.wenselijk }, s.toelichting);
      noteer(`Intern onderzoek: een terugplaatsingstraject is ${s.wenselijk ? '' : 'niet '}wenselijk`, s.toelichting);
      if (!s.wenselijk) z.sluit({ uitkomst: 'niet-wenselijk', reden: s.toelichting, door, op });
      return;
    case '1.3':
      leg({ datum: s.datum, overeenstemming: s.overeenstemming }, s.verslag);
      noteer(
        `Eerste gesprek met de ouders (${formatDutchDate(s.datum)}): ${s.overeenstemming ? 'zij stemmen in met het zoeken naar een school' : 'zij stemmen (nog) niet in'}`,
        s.verslag,
      );
      return;
    case '1.4':
      leg({ datum: s.datum }, s.toelichting);
      noteer(`De ondersteuningsadviseur is geïnformeerd (${formatDutchDate(s.datum)})`, s.toelichting);
      return;
    case '1.5':
      leg({ datum: s.datum, wenselijk: s.wenselijk }, s.verslag);
      noteer(
        `HIA met de ondersteuningsadviseur (${formatDutchDate(s.datum)}): terugplaatsing ${s.wenselijk ? '' : 'niet '}wenselijk`,
        s.verslag,
      );
      if (!s.wenselijk) z.sluit({ uitkomst: 'niet-wenselijk', reden: s.verslag, door, op });
      return;
    case '1.6':
      leg(undefined, s.wensen);
      noteer('De wensen van de leerling zijn verkend', s.wensen);
      return;
    case '2.1':
      t.contact.push({ school: s.school, door, op });
      noteer(`Contact met ${s.school.naam} als mogelijk ontvangende school`, s.toelichting, { school: s.school.brin });
      return;
    case '2.2':
      t.gedeeld.push({ school: s.school, door, op });
      noteer(`Het groeidocument/OPP is gedeeld met ${s.school.naam}, met toestemming van de ouders`, undefined, {
        school: s.school.brin,
      });
      return;
    case '2.3': {
      const contact = t.contact.find((c) => c.school.brin === s.school.brin);
      t.gevonden = {
        ...s.school,
        ...((s.school.email ?? contact?.school.email) ? { email: s.school.email ?? contact?.school.email } : {}),
        via: '2.3',
      };
      leg({ school: s.school.brin }, s.toelichting);
      noteer(
        `Passende school gevonden: ${s.school.naam}; verder met 2.5 (observatie) en 2.6 (bezoek ouders)`,
        s.toelichting,
        {
          school: s.school.brin,
        },
      );
      zaak.publiceer();
      return;
    }
    case '2.4':
      leg(s.regio ? { regio: s.regio } : undefined, s.reden);
      noteer(
        'Ook met hulp van de ondersteuningsadviseur geen school: het SWV organiseert een plaatsingstafel',
        s.reden,
      );
      koppelPlaatsingstafel(z, s.reden, door, s.regio);
      return;
    case '2.5':
      leg({ datum: s.datum }, s.verslag);
      noteer(`Wederzijdse observatie (${formatDutchDate(s.datum)})`, s.verslag);
      return;
    case '2.6':
      leg({ datum: s.datum });
      noteer(`De ouders bezochten ${t.gevonden!.naam} (${formatDutchDate(s.datum)})`);
      return;
    case '3.1':
      t.symbiose = s.symbiose;
      leg(
        {
          datum: s.datum,
          symbiose: s.symbiose,
          ...(s.symbioseovereenkomst ? { symbioseovereenkomst: s.symbioseovereenkomst } : {}),
        },
        [
          `a) succesvol: ${s.succescriteria}`,
          `b) extra ondersteuning: ${s.extraOndersteuning}`,
          `c) symbiose: ${s.symbiose ? `ja (overeenkomst ${s.symbioseovereenkomst})` : 'nee'}`,
          `d) voorbereiding leerling: ${s.voorbereidingLeerling}`,
          `e) voorbereiding klas: ${s.voorbereidingKlas}`,
        ].join('\n'),
      );
      noteer(
        `Gesprek over de verwachtingen (${formatDutchDate(s.datum)}) met ${s.deelnemers.join(', ')}${s.symbiose ? '; de leerling start met een symbioseregeling' : ''}`,
        t.stappen['3.1']!.reden,
      );
      return;
    case '3.2':
      leg(
        { vastgelegdIn: s.vastgelegdIn },
        [
          `Doelen: ${s.doelen}`,
          `Afspraken: ${s.afspraken}`,
          `Evaluatiemomenten: ${s.evaluatiemomenten}`,
          `Tijdspad: ${s.tijdspad}`,
          `Extra ondersteuning: ${s.extraOndersteuning}`,
        ].join('\n'),
      );
      noteer(
        `Terugplaatsingsplan vastgelegd door de ontvangende school (in ${s.vastgelegdIn})`,
        t.stappen['3.2']!.reden,
      );
      return;
    case '3.3':
      if (s.besluit === 'positief') {
        leg({ besluit: 'positief' }, s.reden);
        noteer(`Besluit: de leerling gaat naar ${t.gevonden!.naam}`, s.reden);
        return;
      }
      negatief(z, s.reden, door);
      return;
    case '4.1':
      t.startdatum = s.startdatum;
      t.startVastgelegd = Date.now();
      leg({ startdatum: s.startdatum });
      noteer(
        `De leerling ${compareDates(s.startdatum, z.vandaag()) > 0 ? 'start' : 'is gestart'} op ${t.gevonden!.naam} op ${formatDutchDate(s.startdatum)}; evaluatie uiterlijk ${formatDutchDate(z.evaluatiedatum()?.datum ?? s.startdatum)}`,
      );
      return;
    case '4.2':
      evaluatie(z, s, door);
      return;
  }
}

/**
 * L2123–2125: a negative decision; the parents turn to the referring school and its OA: back to Stap 2.
 * VO Groningen's phases (seed 004 L351): the VO school's 'no' to its intention opens F2 again.
 */
export function negatief(z: Terugplaatsingzaak, reden: string, door: TerugplaatsingStap['door']): void {
  const { zaak, t } = z;
  const vsoVo = z.variant === 'vso-vo';
  const school = t.gevonden!;
  t.verstePunt = vsoVo ? 'F4' : '3.3';
  t.rondeSinds = zaak.nu();
  t.eerdereRondes.push({
    school: { ...(school.brin ? { brin: school.brin } : {}), naam: school.naam },
    reden,
    op: zaak.nu(),
  });
  // The round's steps open again; contacts, consents and what was shared stay (they happened).
  if (vsoVo) for (const fase of ['F2', 'F3', 'F4'] as const) delete t.fasen[fase];
  else for (const stap of ['2.3', '2.4', '2.5', '2.6', '3.1', '3.2', '3.3'] as const) delete t.stappen[stap];
  t.gevonden = undefined;
  t.plaatsingstafel = undefined;
  t.symbiose = false;
  t.ronde++;
  zaak.noteer({
    soort: vsoVo ? 'fase:F4' : 'stap:3.3',
    omschrijving: vsoVo
      ? `De vo-school ${school.naam} besluit de toeleiding niet verder vorm te geven. Terug naar fase 2: een andere school van voorkeur`
      : `Besluit negatief: ${school.naam} plaatst de leerling niet. Terug naar stap 2: de verwijzende school en de ondersteuningsadviseur helpen de ouders een andere plek te vinden`,
    door,
    reden,
    ...(school.brin ? { gegevens: { school: school.brin } } : {}),
  });
  zaak.bericht('terugplaatsing-negatief', `negatief/${t.ronde}`, [...z.aan.ouders, z.aan.school, z.aan.coordinator], {
    ontvangendeSchool: school.naam,
    reden,
    ...(vsoVo ? { vsoVo: 'ja' } : {}),
  });
  zaak.publiceer();
}

/**
 * L2130–2137: the evaluation with the four parties, and the decision on continuing. When their views
 * differ the receiving school's stands, and the case says so.
 */
function evaluatie(
  z: Terugplaatsingzaak,
  s: Extract<TerugplaatsingStap, { stap: '4.2' }>,
  door: TerugplaatsingStap['door'],
): void {
  const { zaak, t } = z;
  const standpunten = Object.fromEntries(Object.entries(s.standpunten).filter(([, v]) => v !== undefined)) as Partial<
    Record<EvaluatiePartij, 'doorgaan' | 'stoppen'>
  >;
  const besluit = standpunten['ontvangende-school']!;
  const verschil = Object.values(standpunten).some((v) => v !== besluit);
  t.evaluatie = { datum: s.datum, deelnemers: s.deelnemers, standpunten, besluit, ontvangendeSchoolLeidend: verschil };
  const op = zaak.nu();
  t.stappen['4.2'] = { door, op, reden: s.verslag, gegevens: { datum: s.datum } };
  const uitleg = verschil
    ? `De standpunten verschilden (${Object.entries(standpunten)
        .map(([p, v]) => `${p}: ${v}`)
        .join(', ')}); het standpunt van de ontvangende school is leidend (stappenplan stap 4.3)`
    : `Alle deelnemers: ${besluit}`;
  t.stappen['4.3'] = { door, op, reden: uitleg, gegevens: { besluit, ontvangendeSchoolLeidend: verschil } };
  zaak.noteer({
    soort: 'stap:4.2',
    omschrijving: `Evaluatie (${formatDutchDate(s.datum)}) met ${s.deelnemers.join(', ')}`,
    door,
    reden: s.verslag,
  });
  const naam = t.gevonden!.naam;
  zaak.noteer({
    soort: 'stap:4.3',
    omschrijving:
      besluit === 'doorgaan'
        ? `Besluit: de terugplaatsing gaat door${t.symbiose ? ' en de leerling stapt volledig over' : ''} naar ${naam}`
        : `Besluit: de terugplaatsing naar ${naam} stopt`,
    door,
    reden: uitleg,
    gegevens: { ontvangendeSchoolLeidend: verschil },
  });
  z.sluit({
    uitkomst: besluit === 'doorgaan' ? 'teruggeplaatst' : 'gestopt',
    reden: uitleg,
    door,
    op,
    school: { ...(t.gevonden!.brin ? { brin: t.gevonden!.brin } : {}), naam },
  });
}
