/** The zorgplicht case's actions: each an Update with its checks (shape → role → closed → state). */
import { defineUpdate, patched, uuid4 } from '@temporalio/workflow';
import { formatDutchDate, toIsoDate } from '../../domain/dates';
import { termijnVerstreken, verlengdeBeslisdatum } from '../../domain/deadlines';
import type { ActorRef } from '../../shared/zaak';
import type {
  Besluiten,
  EldersIngeschreven,
  ImpasseMelden,
  InformatieOntvangen,
  InformatieVragen,
  Oudergesprek,
  Verlengen,
  ZorgplichtView,
} from '../../shared/zorgplicht';
import { gronden, tlvSoorten, uitkomsten } from '../../shared/zorgplichtUitkomsten';
import * as argument from '../argumenten';
import { thuiszitterNaBesluit } from './thuiszitter';
import type { Zorgplichtzaak } from './toestand';

export const verlengenUpdate = defineUpdate<ZorgplichtView, [Verlengen]>('verlengen');
export const besluitenUpdate = defineUpdate<ZorgplichtView, [Besluiten]>('besluiten');
export const impasseMeldenUpdate = defineUpdate<ZorgplichtView, [ImpasseMelden]>('impasse-melden');
export const eldersIngeschrevenUpdate = defineUpdate<ZorgplichtView, [EldersIngeschreven]>('elders-ingeschreven');
export const oudergesprekUpdate = defineUpdate<ZorgplichtView, [Oudergesprek]>('oudergesprek');
export const informatieVragenUpdate = defineUpdate<ZorgplichtView, [InformatieVragen]>('informatie-vragen');
export const informatieOntvangenUpdate = defineUpdate<ZorgplichtView, [InformatieOntvangen]>('informatie-ontvangen');

/** Said wherever the parents are asked for information (seed 000 L292; WPO art. 40). */
const MEEWERKEN =
  'De ouders zijn verplicht mee te werken aan het onderzoek en informatie te geven; de wettelijke beslistermijn loopt intussen door';

/** Decisions the school or coordinator may record (a school only on its own BRIN: argument.stap). */
const BESLISSERS: ActorRef['rol'][] = ['school', 'coordinator'];
const wat = 'een zorgplichtzaak';

/** The bevoegd gezag decides (WPO art. 40): a coordinator acting for the school says on whose mandate. */
function mandaatNodig(args: { door: ActorRef; mandaat?: string }): void {
  if (args.door.rol === 'coordinator' && !args.mandaat)
    throw new Error(
      'Het bevoegd gezag van de school beslist: leg vast op wiens mandaat de coördinator dit doet (mandaat).',
    );
}
const namens = (mandaat?: string) => (mandaat ? ` (namens ${mandaat})` : '');

/** How the letter names a ground for "geen zorgplicht" (seed 000 L292, L349). */
const grondTekst: Record<(typeof gronden)[number], string> = {
  vol: 'de school is vol',
  grondslag: 'u onderschrijft de grondslag van de school niet',
  'cluster-1-2': 'het is een school voor cluster 1 of 2, die buiten passend onderwijs valt',
};
const vlag = {
  toegelaten: 'toegelaten',
  'elders-toegelaten': 'eldersToegelaten',
  'tlv-aangevraagd': 'tlvAangevraagd',
  'geen-zorgplicht': 'geenZorgplicht',
  ingetrokken: 'ingetrokken',
} as const;

/**
 * The parents get every decision in writing, with the school's contact and, when the school does not
 * admit, the route to the Geschillencommissie passend onderwijs (seed 001 L1435–1443). Cases decided
 * before this letter existed replay without it.
 */
export function besluitAanOuders({ zaak, t, aan }: Zorgplichtzaak): void {
  const b = t.besluit;
  if (!b || aan.ouders.length === 0 || !patched('besluit-aan-ouders')) return;
  const details = b.details ?? {};
  const weigering = b.uitkomst === 'elders-toegelaten' || b.uitkomst === 'geen-zorgplicht';
  zaak.bericht('besluit-ouders', `besluit/${b.uitkomst}`, aan.ouders, {
    [vlag[b.uitkomst]]: 'ja',
    reden: b.reden,
    weigering: weigering ? 'ja' : '',
    toelatendeSchool: details.toelatendeSchool ?? '',
    grond: details.grond ? grondTekst[details.grond as keyof typeof grondTekst] : '',
    impasseNiveau: details.impasseNiveau ?? '',
  });
}

export function zorgplichtActies(z: Zorgplichtzaak): void {
  const { zaak, t, input, policy, oorspronkelijk, aan } = z;
  zaak.actie(
    verlengenUpdate,
    {
      vorm: (args) => {
        argument.geheelGetal(args.weken, 'weken', 1, 52);
        argument.reden(args.reden);
        if (args.mandaat !== undefined) argument.tekst(args.mandaat, 'mandaat', 3, 200);
      },
      rollen: BESLISSERS,
      toestand: (args) => {
        if (t.verlenging)
          throw new Error(
            `De beslistermijn is al verlengd (op ${t.verlenging.op.slice(0, 10)}); de wet staat één verlenging toe.`,
          );
        if (t.tijdelijkGeplaatst) throw new Error('De leerling is al tijdelijk geplaatst; verlengen kan niet meer.');
        // Until the end of the last day (Europe/Amsterdam).
        if (Date.now() >= termijnVerstreken(oorspronkelijk.datum, policy) || t.termijnOverschreden) {
          throw new Error(
            `Verlengen kan tot en met de laatste dag van de beslistermijn (${formatDutchDate(oorspronkelijk.datum)}).`,
          );
        }
        const max = policy.zorgplicht.verlengingMaxWeken;
        if (args.weken > max.waarde)
          throw new Error(`Verlengen kan met ten hoogste ${max.waarde} weken (${max.regel}).`);
        mandaatNodig(args);
      },
      voerUit: ({ weken, reden, door, mandaat }) => {
        t.verlenging = { weken, reden, door, op: zaak.nu(), ...(mandaat ? { mandaat } : {}) };
        t.beslistermijn = verlengdeBeslisdatum(input.aanmelddatum, weken, policy);
        t.geplandOp = Date.now();
        zaak.noteer({
          soort: 'verlengd',
          omschrijving: `Beslistermijn eenmaal verlengd met ${weken} weken tot ${formatDutchDate(t.beslistermijn.datum)}${namens(mandaat)}`,
          door,
          reden,
          gegevens: { weken, beslisdatum: t.beslistermijn.datum, ...(mandaat ? { mandaat } : {}) },
        });
        // WPO art. 40: the parents are told of the extension in writing.
        zaak.bericht('verlenging-ouders', `verlenging/${t.beslistermijn.datum}`, aan.ouders, {
          weken: String(weken),
          reden,
        });
      },
    },
    wat,
  );

  zaak.actie(
    besluitenUpdate,
    {
      vorm: (args) => {
        argument.keuze(args.uitkomst, uitkomsten, 'uitkomst');
        argument.reden(args.reden);
        // WPO art. 40: refusal is only lawful once another school has agreed to admit the pupil.
        if (args.uitkomst === 'elders-toegelaten') argument.schoolRef(args.toelatendeSchool, 'toelatendeSchool');
        if (args.uitkomst === 'geen-zorgplicht') argument.keuze(args.grond, gronden, 'grond');
        if (args.uitkomst === 'tlv-aangevraagd' && args.soort !== undefined)
          argument.keuze(args.soort, tlvSoorten, 'soort');
        if (args.uitkomst === 'tlv-aangevraagd' && args.tlv) {
          argument.datum(args.tlv.aanvraag?.ontvangen, 'tlv.aanvraag.ontvangen');
          argument.keuze(args.tlv.aanvraag.soort, tlvSoorten, 'tlv.aanvraag.soort');
        }
        if (
          (args.uitkomst === 'ingetrokken' || args.uitkomst === 'geen-zorgplicht') &&
          args.ingeschrevenOp !== undefined
        )
          argument.schoolRef(args.ingeschrevenOp, 'ingeschrevenOp');
        if (args.uitkomst !== 'ingetrokken' && args.mandaat !== undefined)
          argument.tekst(args.mandaat, 'mandaat', 3, 200);
      },
      rollen: BESLISSERS,
      toestand: (args) => {
        // The parents withdraw themselves; every other outcome is the school's decision.
        if (args.uitkomst !== 'ingetrokken') mandaatNodig(args);
        if (
          args.uitkomst === 'tlv-aangevraagd' &&
          t.tlv &&
          !['afgewezen', 'ingetrokken'].includes(t.tlv.besluit?.uitkomst ?? '')
        )
          throw new Error(`Er is al een TLV aangevraagd (zaak ${t.tlv.zaakId}); die loopt nog.`);
        if (args.uitkomst === 'tlv-aangevraagd' && args.tlv) {
          const a = args.tlv.aanvraag;
          if (args.soort && a.soort !== args.soort)
            throw new Error(`soort (${args.soort}) en tlv.aanvraag.soort (${a.soort}) verschillen.`);
          if (a.ontvangen > toIsoDate(Date.now(), policy.tijden.tijdzone))
            throw new Error('De ontvangstdatum van de TLV-aanvraag ligt in de toekomst.');
          if (a.emb && (a.soort !== 'so' || !args.tlv.leerling.schooljaarWaarin14))
            throw new Error(
              'Een EMB-TLV is een TLV voor het speciaal onderwijs (soort so) en vraagt de geboortedatum van de leerling.',
            );
        }
        // Seed 001 L813–814: a place elsewhere is found in consultation with the parents.
        if ((args.uitkomst === 'elders-toegelaten' || args.uitkomst === 'geen-zorgplicht') && !t.oudergesprekken.length)
          throw new Error(
            'Een weigering kan pas na een gesprek met de ouders: de school zoekt een passende plek in overleg met hen. Leg eerst het gesprek vast (oudergesprek).',
          );
      },
      voerUit: (args) => {
        // Since issue 12 a TLV request is not a decision on admission: a TLV case starts and this
        // case stays open with its terms running (histories from before closed here, and still do).
        if (args.uitkomst === 'tlv-aangevraagd' && patched('tlv-zaak')) {
          const zaakId = `tlv-${uuid4()}`;
          const soort = args.tlv?.aanvraag.soort ?? args.soort;
          t.tlv = {
            zaakId,
            ...(soort ? { soort } : {}),
            door: args.door,
            op: zaak.nu(),
            reden: args.reden,
            ...(args.tlv ? { aanvulling: args.tlv } : {}),
          };
          zaak.noteer({
            soort: 'tlv-aangevraagd',
            omschrijving: `TLV aangevraagd (zaak ${zaakId})${args.tlv ? '' : '; de aanvraag wordt in de TLV-zaak aangevuld'}. De zaak blijft open tot een school de leerling toelaat; de wettelijke termijnen lopen door${namens(args.mandaat)}`,
            door: args.door,
            reden: args.reden,
            gegevens: { tlvZaak: zaakId, ...(args.mandaat ? { mandaat: args.mandaat } : {}) },
          });
          return;
        }
        const details: Record<string, string> = {};
        if (args.uitkomst !== 'ingetrokken' && args.mandaat) details.mandaat = args.mandaat;
        if (args.uitkomst === 'elders-toegelaten') details.toelatendeSchool = args.toelatendeSchool.naam;
        if (args.uitkomst === 'geen-zorgplicht') details.grond = args.grond;
        if (args.uitkomst === 'tlv-aangevraagd' && args.soort) details.soort = args.soort;
        t.besluit = { uitkomst: args.uitkomst, reden: args.reden, door: args.door, op: zaak.nu(), details };
        const geplaatst = t.tijdelijkGeplaatst;
        const omschrijving: Record<typeof args.uitkomst, string> = {
          toegelaten: geplaatst ? 'Toegelaten: de tijdelijke plaatsing is definitief' : 'Toegelaten op deze school',
          'elders-toegelaten': `Toegelaten op een andere school${geplaatst ? '; de tijdelijke plaatsing eindigt' : ''}`,
          'tlv-aangevraagd': 'TLV aangevraagd: de zaak gaat over naar het TLV-proces',
          'geen-zorgplicht': `Geen zorgplicht (${details.grond})${geplaatst ? '; de tijdelijke plaatsing eindigt' : ''}`,
          ingetrokken: 'Aanmelding ingetrokken door de ouders',
        };
        zaak.noteer({
          soort: `besluit:${args.uitkomst}`,
          omschrijving: omschrijving[args.uitkomst] + namens(details.mandaat),
          door: args.door,
          reden: args.reden,
          gegevens: details,
        });
        besluitAanOuders(z);
        if (args.uitkomst === 'ingetrokken' || args.uitkomst === 'geen-zorgplicht')
          thuiszitterNaBesluit(z, { ...t.besluit, uitkomst: args.uitkomst }, args.ingeschrevenOp);
      },
    },
    wat,
  );

  zaak.actie(
    impasseMeldenUpdate,
    {
      vorm: (args) => argument.reden(args.reden),
      rollen: BESLISSERS,
      toestand: () => {
        if (t.impasse?.gestopt)
          throw new Error(
            `De impasse van ${t.impasse.op.slice(0, 10)} is gestopt; een nieuwe impasse start de coördinator (POST /api/v1/zaken/impasse).`,
          );
        if (t.impasse) throw new Error(`Er is al een impasse gemeld (op ${t.impasse.op.slice(0, 10)}).`);
      },
      voerUit: ({ reden, door }) => {
        t.impasse = { reden, door, op: zaak.nu() };
        zaak.noteer({
          soort: 'impasse',
          omschrijving: 'Impasse gemeld: de school vindt geen passende plek. De wettelijke termijnen lopen door.',
          door,
          reden,
        });
        zaak.bericht('impasse-coordinator', 'impasse', [aan.coordinator], { reden, impasseZaak: `${zaak.id}-impasse` });
      },
    },
    wat,
  );

  zaak.actie(
    eldersIngeschrevenUpdate,
    {
      vorm: (args) => {
        argument.schoolRef(args.school);
        if (args.reden !== undefined) argument.reden(args.reden);
      },
      // It switches off the temporary placement of WPO art. 40: the SWV records it, not the school.
      rollen: ['coordinator'],
      toestand: () => {
        if (t.tijdelijkGeplaatst) throw new Error('De leerling is al tijdelijk geplaatst.');
      },
      voerUit: (args) => {
        t.ingeschrevenElders = args.school;
        zaak.noteer({
          soort: 'elders-ingeschreven',
          omschrijving: `Leerling staat ingeschreven op een andere school (${args.school.naam}): geen tijdelijke plaatsing na 10 weken`,
          door: args.door,
          reden: args.reden,
        });
      },
    },
    wat,
  );

  zaak.actie(
    oudergesprekUpdate,
    {
      vorm: (args) => {
        argument.datum(args.datum, 'datum');
        argument.tekst(args.wie, 'wie', 3, 200);
        argument.reden(args.verslag, 'verslag');
      },
      rollen: BESLISSERS,
      toestand: ({ datum }) => {
        const vandaag = toIsoDate(Date.now(), policy.tijden.tijdzone);
        if (datum > vandaag || datum < input.aanmelddatum)
          throw new Error(
            `Het gesprek met de ouders valt tussen de aanmelding (${formatDutchDate(input.aanmelddatum)}) en vandaag.`,
          );
      },
      voerUit: ({ datum, wie, verslag, door }) => {
        t.oudergesprekken.push({ datum, wie, door, op: zaak.nu() });
        zaak.noteer({
          soort: 'oudergesprek',
          omschrijving: `Gesprek met de ouders op ${formatDutchDate(datum)} (${wie})`,
          door,
          reden: verslag,
          gegevens: { datum, wie },
        });
      },
    },
    wat,
  );

  const openVerzoek = () => {
    const v = t.informatieverzoeken.at(-1);
    return v && !v.antwoord ? v : undefined;
  };

  zaak.actie(
    informatieVragenUpdate,
    {
      vorm: (args) => {
        argument.tekst(args.wat, 'wat', 3, 500);
        argument.datum(args.uiterlijk, 'uiterlijk');
      },
      rollen: BESLISSERS,
      toestand: ({ uiterlijk }) => {
        const open = openVerzoek();
        if (open)
          throw new Error(
            `Er staat al een vraag om informatie open (antwoord uiterlijk ${formatDutchDate(open.uiterlijk)}): leg eerst het antwoord vast (informatie-ontvangen).`,
          );
        if (uiterlijk < toIsoDate(Date.now(), policy.tijden.tijdzone))
          throw new Error('De datum voor het antwoord van de ouders ligt in het verleden.');
      },
      voerUit: ({ wat, uiterlijk, door }) => {
        t.informatieverzoeken.push({ wat, uiterlijk, door, op: zaak.nu() });
        zaak.noteer({
          soort: 'informatie-gevraagd',
          omschrijving: `De school vraagt de ouders om informatie, antwoord uiterlijk ${formatDutchDate(uiterlijk)}. ${MEEWERKEN}.`,
          door,
          reden: wat,
          gegevens: { uiterlijk },
        });
      },
    },
    wat,
  );

  zaak.actie(
    informatieOntvangenUpdate,
    {
      vorm: (args) => {
        argument.janee(args.medewerking, 'medewerking');
        argument.reden(args.reden);
      },
      rollen: BESLISSERS,
      toestand: () => {
        if (!openVerzoek()) throw new Error('Er staat geen vraag om informatie aan de ouders open.');
      },
      voerUit: ({ medewerking, reden, door }) => {
        const v = openVerzoek()!;
        v.antwoord = { medewerking, reden, door, op: zaak.nu() };
        zaak.noteer({
          soort: medewerking ? 'informatie-ontvangen' : 'ouders-werken-niet-mee',
          omschrijving: medewerking
            ? 'De ouders hebben de gevraagde informatie gegeven'
            : `De ouders werken niet mee aan het onderzoek: de coördinator is ingelicht. ${MEEWERKEN}.`,
          door,
          reden,
        });
        // The SWV steps in when the parents do not cooperate; the school still decides in time.
        if (!medewerking)
          zaak.bericht('ouders-werken-niet-mee', `informatie/${t.informatieverzoeken.length}`, [aan.coordinator], {
            wat: v.wat,
            reden,
          });
      },
    },
    wat,
  );
}
