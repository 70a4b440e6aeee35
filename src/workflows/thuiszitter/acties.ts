/**
 * The thuiszitter's decisions, each an Update with a validator: the reason of the absence changing
 * (illness excluded from the count, seed 001 L1777), an agreement of the plan van aanpak and its
 * completion (seed 001 L1793–1795), a vrijstelling only with the SWV involved and for a fixed period
 * (seed 003 L399, seed 001 L1799), and the end: back to school or an offer elsewhere (seed 000 L450).
 */
import { defineUpdate, patched } from '@temporalio/workflow';
import { addDays, compareDates, formatDutchDate, toInstant } from '../../domain/dates';
import { rolNietToegestaan } from '../../shared/fouten';
import { dagenThuis, duurband } from '../../domain/thuiszitters';
import type {
  Afsluiten,
  Afwijzen,
  Afspraak,
  AfspraakGedaan,
  Afwezigheid,
  ThuiszitterView,
  Vrijstelling,
} from '../../shared/thuiszitter';
import { partijen, redenGroepen } from '../../shared/thuiszitterKeuzes';
import * as argument from '../argumenten';
import { meldNaZiekte } from './melden';
import type { Thuiszitterzaak } from './toestand';

export const afwezigheidUpdate = defineUpdate<ThuiszitterView, [Afwezigheid]>('afwezigheid');
export const afspraakUpdate = defineUpdate<ThuiszitterView, [Afspraak]>('afspraak');
export const afspraakGedaanUpdate = defineUpdate<ThuiszitterView, [AfspraakGedaan]>('afspraak-gedaan');
export const vrijstellingUpdate = defineUpdate<ThuiszitterView, [Vrijstelling]>('vrijstelling');
export const afsluitenUpdate = defineUpdate<ThuiszitterView, [Afsluiten]>('afsluiten');
export const afwijzenUpdate = defineUpdate<ThuiszitterView, [Afwijzen]>('afwijzen');

const wat = 'een thuiszitter';

export function thuiszitterActies(z: Thuiszitterzaak): void {
  const { zaak, t, input } = z;
  const nietInToekomst = (datum: string, veld: string) => {
    if (compareDates(datum, z.vandaag()) > 0) throw new Error(`${veld} ligt in de toekomst.`);
  };
  const nietVoorSinds = (datum: string, veld: string) => {
    if (compareDates(datum, input.sinds) < 0)
      throw new Error(`${veld} ligt vóór de eerste dag thuis (${formatDutchDate(input.sinds)}).`);
  };

  zaak.actie(
    afwezigheidUpdate,
    {
      vorm: (a) => {
        argument.keuze(a.redenGroep, redenGroepen, 'redenGroep');
        argument.reden(a.reden);
        argument.datum(a.vanaf, 'vanaf');
      },
      rollen: ['coordinator', 'school'],
      toestand: (a) => {
        nietInToekomst(a.vanaf, 'De datum');
        nietVoorSinds(a.vanaf, 'De datum');
        if (a.redenGroep === t.redenGroep) throw new Error(`De reden is al ${a.redenGroep}.`);
        if (compareDates(a.vanaf, t.redenSinds) < 0)
          throw new Error(
            `De reden wijzigde al op ${formatDutchDate(t.redenSinds)}: een nieuwe reden geldt vanaf die dag of later.`,
          );
        // Counted is counted: a thuiszitter who falls ill stays in view; care first is a vrijstelling.
        if (a.redenGroep === 'ziekte' && t.thuiszitterSinds)
          throw new Error(
            `De leerling is sinds ${formatDutchDate(t.thuiszitterSinds)} een thuiszitter; ziekte daarna haalt de leerling niet uit beeld. Gaat zorg voor, leg dan met het samenwerkingsverband een vrijstelling vast.`,
          );
      },
      voerUit: (a) => {
        const was = t.redenGroep;
        t.redenGroep = a.redenGroep;
        t.reden = a.reden;
        t.redenSinds = a.vanaf;
        // Enrolled and not yet counted: illness stops the count, another reason starts it from `vanaf`.
        if (input.school && !t.thuiszitterSinds)
          t.telVanaf = a.redenGroep === 'ziekte' ? undefined : was === 'ziekte' ? a.vanaf : t.telVanaf;
        zaak.noteer({
          soort: 'afwezigheid',
          omschrijving: `Reden van de afwezigheid vanaf ${formatDutchDate(a.vanaf)}: ${a.redenGroep} (was ${was})`,
          door: a.door,
          reden: a.reden,
          gegevens: { redenGroep: a.redenGroep, vanaf: a.vanaf },
        });
        // No longer ill: a threatening thuiszitter from `vanaf`, reported where the policy says (Almere,
        // L589); a threshold already past is the threshold's letter, which follows at once.
        const d = z.drempel();
        const voor = d && toInstant(d.datum, z.beleid.tijden.herinnering, z.beleid.tijden.tijdzone) > Date.now();
        if (was === 'ziekte' && voor && patched('thuiszitter-melden-na-ziekte'))
          meldNaZiekte(z, d, a.vanaf, a.door.rol);
      },
    },
    wat,
  );

  zaak.actie(
    afspraakUpdate,
    {
      vorm: (a) => {
        argument.keuze(a.wie, partijen, 'wie');
        argument.tekst(a.wat, 'wat', 3, 500);
        argument.datum(a.uiterlijk, 'uiterlijk');
      },
      rollen: ['coordinator', 'school'],
      toestand: (a) => {
        if (compareDates(a.uiterlijk, z.vandaag()) < 0) throw new Error('De uiterste datum ligt in het verleden.');
        if (compareDates(a.uiterlijk, addDays(z.vandaag(), 366)) > 0)
          throw new Error('De uiterste datum ligt meer dan een jaar vooruit: spreek een eerder moment af.');
        if (t.afspraken.length >= 50) throw new Error('Het plan van aanpak heeft al 50 afspraken.');
      },
      voerUit: (a) => {
        const nummer = t.afspraken.length + 1;
        t.afspraken.push({ nummer, wie: a.wie, wat: a.wat, uiterlijk: a.uiterlijk, door: a.door, op: zaak.nu() });
        zaak.noteer({
          soort: 'afspraak',
          omschrijving: `Plan van aanpak, afspraak ${nummer}: ${a.wie}, uiterlijk ${formatDutchDate(a.uiterlijk)}`,
          door: a.door,
          reden: a.wat,
          gegevens: { afspraak: nummer, wie: a.wie, uiterlijk: a.uiterlijk },
        });
      },
    },
    wat,
  );

  zaak.actie(
    afspraakGedaanUpdate,
    {
      vorm: (a) => {
        argument.geheelGetal(a.nummer, 'nummer', 1, 50);
        argument.reden(a.reden);
      },
      rollen: ['coordinator', 'school'],
      toestand: (a) => {
        const afspraak = t.afspraken[a.nummer - 1];
        if (!afspraak)
          throw new Error(`Er is geen afspraak ${a.nummer}; het plan van aanpak heeft er ${t.afspraken.length}.`);
        if (afspraak.gedaan) throw new Error(`Afspraak ${a.nummer} is al gedaan.`);
      },
      voerUit: (a) => {
        const afspraak = t.afspraken[a.nummer - 1];
        afspraak.gedaan = { door: a.door, op: zaak.nu(), reden: a.reden };
        zaak.noteer({
          soort: 'afspraak-gedaan',
          omschrijving: `Afspraak ${a.nummer} (${afspraak.wie}) is gedaan`,
          door: a.door,
          reden: a.reden,
          gegevens: { afspraak: a.nummer },
        });
      },
    },
    wat,
  );

  zaak.actie(
    vrijstellingUpdate,
    {
      vorm: (v) => {
        argument.datum(v.van, 'van');
        argument.datum(v.tot, 'tot');
        if (v.swvBetrokken !== true) throw new Error('Ongeldige invoer: swvBetrokken moet true zijn.');
        argument.reden(v.reden);
      },
      // The SWV is involved (seed 003 L399): the coordinator records it.
      rollen: ['coordinator'],
      toestand: (v) => {
        nietInToekomst(v.van, 'Het begin van de vrijstelling');
        nietVoorSinds(v.van, 'Het begin van de vrijstelling');
        if (compareDates(v.tot, z.vandaag()) <= 0)
          throw new Error(
            'Het einde van de vrijstelling ligt niet in de toekomst: een vrijstelling geldt voor een vaste periode vanaf nu.',
          );
        if (compareDates(v.tot, addDays(z.vandaag(), 366)) > 0)
          throw new Error(
            'Een vrijstelling wordt hier voor hoogstens een jaar vastgelegd; verleng haar daarna opnieuw.',
          );
        if (z.vrijgesteld()) throw new Error('Er loopt al een vrijstelling.');
        const overlap = t.vrijstellingen.find((x) => compareDates(v.van, x.tot) < 0 && compareDates(x.van, v.tot) < 0);
        if (overlap)
          throw new Error(
            `De vrijstelling overlapt met die van ${formatDutchDate(overlap.van)} tot ${formatDutchDate(overlap.tot)}.`,
          );
      },
      voerUit: (v) => {
        t.vrijstellingen.push({ van: v.van, tot: v.tot, reden: v.reden, door: v.door, op: zaak.nu() });
        t.streefGezet = Date.now();
        // A target passed before the vrijstelling and now moved past today counts again from here.
        if (t.streefVerstreken && compareDates(z.streefdatum().datum, z.vandaag()) > 0) t.streefVerstreken = false;
        zaak.noteer({
          soort: 'vrijstelling',
          omschrijving: `Vrijstelling van ${formatDutchDate(v.van)} tot ${formatDutchDate(v.tot)}, met het samenwerkingsverband: de leerling telt in die periode niet als thuiszitter`,
          door: v.door,
          reden: v.reden,
          gegevens: { van: v.van, tot: v.tot },
        });
      },
    },
    wat,
  );

  zaak.actie(
    afsluitenUpdate,
    {
      vorm: (a) => {
        argument.keuze(a.uitkomst, ['terug-volledig', 'terug-gedeeltelijk', 'aanbod-elders'], 'uitkomst');
        argument.datum(a.datum, 'datum');
        if (a.school !== undefined) argument.schoolRef(a.school);
        argument.reden(a.reden);
      },
      rollen: ['coordinator', 'school'],
      toestand: (a) => {
        nietInToekomst(a.datum, 'De datum');
        nietVoorSinds(a.datum, 'De datum');
        if (a.uitkomst !== 'aanbod-elders' && !a.school && !input.school)
          throw new Error('Noem de school waar de leerling weer naartoe gaat (school).');
        // Past the target the directeur follows the case: the SWV closes it, not the school alone.
        if (t.streefVerstreken && a.door.rol !== 'coordinator')
          throw rolNietToegestaan(
            'De streefdatum is verstreken en de directeur volgt deze zaak: het samenwerkingsverband sluit haar af.',
          );
      },
      voerUit: (a) => {
        const school = a.school ?? (a.uitkomst !== 'aanbod-elders' ? input.school : undefined);
        const vrij = t.vrijstellingen.map((v) => ({ van: v.van, tot: v.tot }));
        const duur = dagenThuis(input.sinds, a.datum, vrij);
        t.uitkomst = {
          uitkomst: a.uitkomst,
          datum: a.datum,
          ...(school ? { school: { ...(school.brin ? { brin: school.brin } : {}), naam: school.naam } } : {}),
          reden: a.reden,
          door: a.door,
          op: zaak.nu(),
          dagenThuis: duur.dagen,
          dagenVrijgesteld: duur.vrijgesteld,
          duurband: duurband(input.sinds, a.datum, vrij),
        };
        zaak.noteer({
          soort: 'afgesloten',
          omschrijving:
            a.uitkomst === 'aanbod-elders'
              ? `Een aanbod van onderwijs of zorg elders vanaf ${formatDutchDate(a.datum)}, na ${duur.dagen} dagen thuis`
              : `Terug naar school${a.uitkomst === 'terug-gedeeltelijk' ? ' (gedeeltelijk)' : ''}${school ? ` op ${school.naam}` : ''} vanaf ${formatDutchDate(a.datum)}, na ${duur.dagen} dagen thuis`,
          door: a.door,
          reden: a.reden,
          gegevens: { uitkomst: a.uitkomst, datum: a.datum, dagenThuis: duur.dagen },
        });
        zaak.bericht('thuiszitter-afgesloten', 'afgesloten', [z.aan.coordinator, ...z.aan.school, ...z.aan.ouders], {
          uitkomst: a.uitkomst,
          [a.uitkomst]: 'ja',
          datum: formatDutchDate(a.datum),
          dagenThuis: String(duur.dagen),
          ...(school ? { terugSchool: school.naam } : {}),
        });
      },
    },
    wat,
  );

  // A case opened automatically (an impasse's pupil at home) that is not one after all: the coordinator
  // closes it with the reason (issue 16 item 2). A case a person opened is closed with `afsluiten`.
  zaak.actie(
    afwijzenUpdate,
    {
      vorm: (a) => argument.reden(a.reden),
      rollen: ['coordinator'],
      toestand: () => {
        if (!input.aanleiding)
          throw new Error('Alleen een automatisch geopende zaak wordt afgewezen; sluit deze zaak af met afsluiten.');
      },
      voerUit: (a) => {
        t.afgewezen = { reden: a.reden, door: a.door, op: zaak.nu() };
        zaak.noteer({
          soort: 'afgewezen',
          omschrijving: `Afgewezen: geen thuiszitter (automatisch geopend uit zaak ${input.aanleiding!.zaakId})`,
          door: a.door,
          reden: a.reden,
        });
      },
    },
    wat,
  );
}
