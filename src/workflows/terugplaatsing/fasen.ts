/**
 * VO Groningen Stad's phases from VSO to regular VO (seed 004 §3.2, L347–355), the terugplaatsing's
 * variant 'vso-vo': the VSO evaluates the OPP (F1), finds a school of first preference with the
 * parents and consults it (F2), agrees with it on skills and support (F3); the VO school decides on
 * its intention (F4: 'no' opens F2 again); the hand-over (F5) starts the pupil, and regular VO's
 * evaluation of the OPP (F6) decides whether the switch holds. The policy describes each phase.
 */
import { defineUpdate } from '@temporalio/workflow';
import { compareDates, formatDutchDate } from '../../domain/dates';
import { rolNietToegestaan } from '../../shared/fouten';
import type { ChecklistRegel, TerugplaatsingFase, TerugplaatsingView } from '../../shared/terugplaatsing';
import { evaluatiePartijen, faseWie, fasen, type FaseCode } from '../../shared/terugplaatsingStappen';
import * as argument from '../argumenten';
import { alsVan, heeftToestemmingVoor, negatief, type Als } from './acties';
import type { Terugplaatsingzaak, Toestand, Vastlegging } from './toestand';

export const faseUpdate = defineUpdate<TerugplaatsingView, [TerugplaatsingFase]>('fase');

/** Who records a phase besides the coordinator (seed 004 L347–353). */
const doorScholen: Record<FaseCode, readonly Als[]> = {
  F1: ['verwijzend'],
  F2: ['verwijzend'],
  F3: ['verwijzend', 'ontvangend'],
  F4: ['ontvangend'],
  F5: ['verwijzend', 'ontvangend'],
  F6: ['ontvangend'],
};

/** A phase as the policy describes and cites it. */
function beschrijving(z: Pick<Terugplaatsingzaak, 'beleid'>, fase: FaseCode): { omschrijving: string; regel: string } {
  const f = z.beleid.terugplaatsing?.variant?.fasen.find((x) => x.code === fase);
  return {
    omschrijving: f?.omschrijving ?? `Fase ${fase}`,
    regel: f?.regel ?? z.beleid.terugplaatsing?.variant?.regel ?? '',
  };
}

/** The checklist of the phases: done, open, or no longer applicable once the case closed. */
export function faseChecklist(z: Pick<Terugplaatsingzaak, 'beleid'>, t: Toestand, gesloten: boolean): ChecklistRegel[] {
  return fasen.map((fase): ChecklistRegel => {
    const basis = { stap: fase, ...beschrijving(z, fase), wie: faseWie[fase] };
    const v = t.fasen[fase];
    if (v) return { ...basis, status: 'gedaan', door: v.door, op: v.op, ...(v.reden ? { reden: v.reden } : {}) };
    return gesloten ? { ...basis, status: 'nvt', reden: 'de zaak is gesloten' } : { ...basis, status: 'open' };
  });
}

export function faseActies(z: Terugplaatsingzaak): void {
  const { zaak, t } = z;
  const als = alsVan(z);

  /** What must come first, each named: the refusal lists every missing one. */
  function ontbreekt(f: TerugplaatsingFase): string[] {
    const mist: string[] = [];
    const eerst = (fase: FaseCode, wat: string) => {
      if (!t.fasen[fase]) mist.push(`${wat} (fase ${fase})`);
    };
    switch (f.fase) {
      case 'F2':
        if (t.fasen.F1?.gegevens?.kansrijk !== true)
          mist.push('een evaluatie van het OPP die schakeling kansrijk acht (fase F1)');
        // The vooroverleg shares the pupil's OPP with the school: only with the parents' consent.
        if (!heeftToestemmingVoor(t, f.school))
          mist.push(`de toestemming van de ouders om het OPP met ${f.school.naam} te delen (actie 'toestemming')`);
        break;
      case 'F3':
        eerst('F2', 'een school van eerste voorkeur en het vooroverleg');
        break;
      case 'F4':
        eerst('F3', 'het overleg over vaardigheden en ondersteuning');
        break;
      case 'F5':
        if (t.fasen.F4?.gegevens?.besluit !== 'positief')
          mist.push('het besluit van de vo-school om door te gaan (fase F4)');
        break;
      case 'F6':
        eerst('F5', 'de overdracht en de start');
        break;
    }
    return mist;
  }

  zaak.actie(
    faseUpdate,
    {
      vorm: (f) => {
        argument.keuze(f.fase, fasen, 'fase');
        if ('datum' in f) argument.datum(f.datum, 'datum');
        if (f.fase === 'F1') {
          argument.janee(f.kansrijk, 'kansrijk');
          argument.reden(f.verslag, 'verslag');
        }
        if (f.fase === 'F2') {
          argument.schoolRef(f.school);
          argument.tekst(f.school.brin, 'school.brin', 4, 6);
          // The VO school is reminded of the evaluation and told the outcome: its address is needed.
          argument.tekst(f.school.email, 'school.email', 3, 320);
          argument.reden(f.verslag, 'verslag');
        }
        if (f.fase === 'F3') {
          argument.teksten(f.deelnemers, 'deelnemers', 2, 12);
          argument.reden(f.vaardigheden, 'vaardigheden');
          argument.reden(f.ondersteuning, 'ondersteuning');
        }
        if (f.fase === 'F4') {
          argument.keuze(f.besluit, ['positief', 'negatief'], 'besluit');
          argument.reden(f.reden);
        }
        if (f.fase === 'F5') {
          argument.datum(f.startdatum, 'startdatum');
          argument.reden(f.ondersteuning, 'ondersteuning');
          argument.reden(f.nazorg, 'nazorg');
        }
        if (f.fase === 'F6') {
          argument.keuzes(f.deelnemers, evaluatiePartijen, 'deelnemers');
          argument.keuze(f.besluit, ['doorgaan', 'stoppen'], 'besluit');
          argument.reden(f.verslag, 'verslag');
        }
      },
      rollen: ['coordinator', 'school'],
      toestand: (f) => {
        if (z.variant !== 'vso-vo')
          throw new Error("Deze terugplaatsing volgt het stappenplan: leg een stap vast (actie 'stap').");
        const wie = als(f);
        if (wie !== 'swv' && !doorScholen[f.fase].includes(wie))
          throw rolNietToegestaan(
            `Fase ${f.fase} legt de ${faseWie[f.fase]} vast (of het samenwerkingsverband), niet de ${wie === 'verwijzend' ? 'vso-school' : 'vo-school'}.`,
          );
        if (t.fasen[f.fase])
          throw new Error(`Fase ${f.fase} is al vastgelegd (${formatDutchDate(t.fasen[f.fase]!.op.slice(0, 10))}).`);
        if (f.fase === 'F2') {
          // The school of preference is another school than the VSO, and not one that said no before.
          if (f.school.brin === z.input.school.brin)
            throw new Error(`${f.school.naam} is de vso-school zelf: kies de vo-school van eerste voorkeur.`);
          const eerder = t.eerdereRondes.find((r) => r.school.brin === f.school.brin);
          if (eerder)
            throw new Error(
              `${f.school.naam} besloot al de toeleiding niet verder vorm te geven (${formatDutchDate(eerder.op.slice(0, 10))}): kies een andere school van voorkeur.`,
            );
        }
        const mist = ontbreekt(f);
        if (mist.length) throw new Error(`Fase ${f.fase} kan nog niet; eerst nodig: ${mist.join('; ')}.`);
        if ('datum' in f && compareDates(f.datum, z.vandaag()) > 0)
          throw new Error('De datum ligt in de toekomst: leg een fase vast als hij gezet is.');
        if ('datum' in f && compareDates(f.datum, z.gestart) < 0)
          throw new Error(`De datum ligt vóór het begin van de terugplaatsing (${formatDutchDate(z.gestart)}).`);
        if (f.fase === 'F5' && compareDates(f.startdatum, z.gestart) < 0)
          throw new Error(`De startdatum ligt vóór het begin van de terugplaatsing (${formatDutchDate(z.gestart)}).`);
        if (f.fase === 'F6' && compareDates(f.datum, t.startdatum!) < 0)
          throw new Error(`De evaluatie ligt vóór de start in het regulier vo (${formatDutchDate(t.startdatum!)}).`);
      },
      voerUit: (f) => voerFaseUit(z, f),
    },
    'een terugplaatsing',
  );
}

function voerFaseUit(z: Terugplaatsingzaak, f: TerugplaatsingFase): void {
  const { zaak, t } = z;
  const { door } = f;
  const op = zaak.nu();
  const leg = (gegevens?: Vastlegging['gegevens'], reden?: string) => {
    t.fasen[f.fase] = { door, op, ...(reden ? { reden } : {}), ...(gegevens ? { gegevens } : {}) };
  };
  const noteer = (omschrijving: string, reden?: string, gegevens?: Vastlegging['gegevens']) =>
    zaak.noteer({
      soort: `fase:${f.fase}`,
      omschrijving,
      door,
      ...(reden ? { reden } : {}),
      ...(gegevens ? { gegevens } : {}),
    });
  z.voortgang();

  switch (f.fase) {
    case 'F1':
      leg({ datum: f.datum, kansrijk: f.kansrijk }, f.verslag);
      noteer(
        `Evaluatie van het OPP (${formatDutchDate(f.datum)}): schakeling naar het regulier vo is ${f.kansrijk ? '' : 'niet '}kansrijk`,
        f.verslag,
      );
      if (!f.kansrijk) z.sluit({ uitkomst: 'niet-wenselijk', reden: f.verslag, door, op });
      return;
    case 'F2':
      t.gevonden = { ...f.school, via: 'F2' };
      leg({ datum: f.datum, school: f.school.brin }, f.verslag);
      noteer(
        `School van eerste voorkeur: ${f.school.naam}; vooroverleg van het vso met die school (${formatDutchDate(f.datum)})`,
        f.verslag,
        {
          school: f.school.brin,
        },
      );
      zaak.publiceer();
      return;
    case 'F3':
      leg(
        { datum: f.datum },
        [`Vaardigheden: ${f.vaardigheden}`, `Zorg en ondersteuning: ${f.ondersteuning}`].join('\n'),
      );
      noteer(
        `Overleg over vaardigheden en ondersteuning (${formatDutchDate(f.datum)}) met ${f.deelnemers.join(', ')}`,
        t.fasen.F3!.reden,
      );
      return;
    case 'F4':
      if (f.besluit === 'negatief') {
        negatief(z, f.reden, door);
        return;
      }
      leg({ besluit: 'positief', naderOnderzoek: f.naderOnderzoek }, f.reden);
      noteer(
        `De vo-school ${t.gevonden!.naam} besluit de toeleiding verder vorm te geven${f.naderOnderzoek ? ' (na nader onderzoek)' : ''}`,
        f.reden,
      );
      return;
    case 'F5':
      t.startdatum = f.startdatum;
      t.startVastgelegd = Date.now();
      leg(
        { startdatum: f.startdatum },
        [`Ondersteuning (OPP): ${f.ondersteuning}`, `Nazorg vanuit het vso: ${f.nazorg}`].join('\n'),
      );
      noteer(
        `Overdracht: de leerling ${compareDates(f.startdatum, z.vandaag()) > 0 ? 'start' : 'is gestart'} op ${t.gevonden!.naam} op ${formatDutchDate(f.startdatum)}; evaluatie uiterlijk ${formatDutchDate(z.evaluatiedatum()?.datum ?? f.startdatum)}`,
        t.fasen.F5!.reden,
      );
      return;
    case 'F6': {
      const naam = t.gevonden!.naam;
      t.evaluatie = {
        datum: f.datum,
        deelnemers: f.deelnemers,
        standpunten: { 'ontvangende-school': f.besluit },
        besluit: f.besluit,
        ontvangendeSchoolLeidend: false,
      };
      leg({ datum: f.datum, besluit: f.besluit }, f.verslag);
      noteer(
        f.besluit === 'doorgaan'
          ? `Evaluatie van het OPP in het regulier vo (${formatDutchDate(f.datum)}): de leerling blijft op ${naam}`
          : `Evaluatie van het OPP in het regulier vo (${formatDutchDate(f.datum)}): de schakeling naar ${naam} stopt`,
        f.verslag,
      );
      z.sluit({
        uitkomst: f.besluit === 'doorgaan' ? 'teruggeplaatst' : 'gestopt',
        reden: f.verslag,
        door,
        op,
        school: { ...(t.gevonden!.brin ? { brin: t.gevonden!.brin } : {}), naam },
      });
      return;
    }
  }
}

/** What comes next: the first open phase. */
export function volgendeFase(t: Toestand, regels: ChecklistRegel[]): TerugplaatsingView['volgendeStap'] {
  if (t.uitkomst) return null;
  const regel = regels.find((r) => r.status === 'open');
  return regel ? { stap: regel.stap, omschrijving: regel.omschrijving, wie: regel.wie } : null;
}
