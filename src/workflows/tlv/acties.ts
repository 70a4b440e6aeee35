/**
 * The TLV's decisions, each an Update with its checks: the 1st deskundige assesses, a 2nd (another
 * person: the actor id is checked) decides within the assessment term (seed 001 L1993); the
 * coordinator records a bezwaar and the SWV's decision on it (Awb 6:7–6:11, 7:10).
 */
import { defineUpdate, getExternalWorkflowHandle, patched } from '@temporalio/workflow';
import { compareDates, formatDutchDate } from '../../domain/dates';
import {
  beroepstermijnEinde,
  beslisdatumOpBezwaar,
  bezwaarclausule,
  bezwaarOntvangst,
  teldatumMelding,
  tlvBezwaartermijnEinde,
  tlvBeslisdatum,
  verdaagdeBeslisdatumOpBezwaar,
} from '../../domain/tlv';
import type { Dated } from '../../domain/deadlines';
import type {
  Aanvullen,
  Beoordelen,
  Bezwaar,
  BezwaarAdvies,
  BezwaarBeslissen,
  BezwaarVerdagen,
  Evaluatie,
  HerbeoordelingAanvragen,
  Intrekken,
  TlvBesluiten,
  TlvView,
  Voorbereiden,
} from '../../shared/tlv';
import * as argument from '../argumenten';
import { tlvBesluitSignal } from '../zorgplicht/signalen';
import {
  adviesFout,
  beslisser,
  beslisserNaam,
  besluitFout,
  categorieFout,
  routeSoort,
  toekenningFout,
  voorbereidingFout,
} from './route';
import { einddatumVolgens } from './einddatum';
import { koppelTerugplaatsing } from './terugplaatsing';
import type { Tlvzaak } from './toestand';

export const beoordelenUpdate = defineUpdate<TlvView, [Beoordelen]>('beoordelen');
export const voorbereidenUpdate = defineUpdate<TlvView, [Voorbereiden]>('voorbereiden');
export const besluitenUpdate = defineUpdate<TlvView, [TlvBesluiten]>('besluiten');
export const bezwaarUpdate = defineUpdate<TlvView, [Bezwaar]>('bezwaar');
export const bezwaarBeslissenUpdate = defineUpdate<TlvView, [BezwaarBeslissen]>('bezwaar-beslissen');
export const aanvullenUpdate = defineUpdate<TlvView, [Aanvullen]>('aanvraag-aanvullen');
export const bezwaarAdviesUpdate = defineUpdate<TlvView, [BezwaarAdvies]>('bezwaar-advies');
export const bezwaarVerdagenUpdate = defineUpdate<TlvView, [BezwaarVerdagen]>('bezwaar-verdagen');
export const intrekkenUpdate = defineUpdate<TlvView, [Intrekken]>('intrekken');
export const evaluatieUpdate = defineUpdate<TlvView, [Evaluatie]>('evaluatie');
export const herbeoordelingUpdate = defineUpdate<TlvView, [HerbeoordelingAanvragen]>('herbeoordeling-aanvragen');

const wat = 'een TLV-zaak';
/** The roles that decide on some route (policy `tlv.route.besluit.rol`). */
const BESLISSERS = ['deskundige', 'directeur', 'coordinator'] as const;

const onvolledig = () =>
  new Error(
    'De aanvraag is nog niet compleet: eerst vult de school of de coördinator haar aan (aanvraag-aanvullen), dan begint de beoordelingstermijn.',
  );

export function tlvActies(z: Tlvzaak): void {
  const { zaak, t, input, vandaag, aan, leerling } = z;
  const aanvraag = () => z.aanvraag()!;

  /**
   * The end date the duration rule gives (a RangeError names the rule when the date is not allowed).
   * The groep is the one on the day the aanvraag came in: counted from that day, a decision after
   * the summer does not shift the end by a year.
   */
  function einddatum(b: Extract<TlvBesluiten, { uitkomst: 'toegekend' }>): Dated {
    return einddatumVolgens(z.beleid, { leerling: leerling(), aanvraag: aanvraag(), toekenning: b });
  }

  /**
   * The zorgplicht case this TLV was requested from hears the decision: a grant with its S(B)O school
   * closes it, a refusal leaves the school to decide. Once it has closed otherwise there is no one to
   * tell (the Signal fails): noted, nothing else.
   */
  function meldAanZorgplicht(b: TlvBesluiten): void {
    // Every decision (a grant may follow a refusal after a gegrond bezwaar); not once it has closed.
    if (!input.zorgplichtZaak || t.zorgplichtGemeld) return;
    getExternalWorkflowHandle(input.zorgplichtZaak)
      .signal(tlvBesluitSignal, {
        zaakId: zaak.id,
        uitkomst: b.uitkomst,
        reden: b.reden,
        door: b.door,
        op: zaak.nu(),
        ...(b.uitkomst === 'toegekend'
          ? {
              school: { ...(b.school.brin ? { brin: b.school.brin } : {}), naam: b.school.naam },
              startdatum: b.startdatum,
            }
          : {}),
      })
      .catch(() => {
        t.zorgplichtGemeld = true;
        zaak.noteer({
          soort: 'zorgplichtzaak-gesloten',
          omschrijving: `De zorgplichtzaak ${input.zorgplichtZaak} was al gesloten en hoorde het besluit niet`,
        });
        zaak.gewijzigd();
      });
  }

  zaak.actie(
    aanvullenUpdate,
    {
      vorm: (a) => {
        argument.datum(a.aanvraag?.ontvangen, 'aanvraag.ontvangen');
        argument.keuze(a.aanvraag.soort, ['sbo', 'so'], 'aanvraag.soort');
        // A VO pupil has no groep (its TLV runs to an age).
        if (a.leerling?.groep !== undefined || z.beleid.sector !== 'vo')
          argument.keuze(String(a.leerling?.groep), ['1', '2', '3', '4', '5', '6', '7', '8'], 'leerling.groep');
      },
      rollen: ['school', 'coordinator'],
      toestand: (a) => {
        if (z.aanvraag()) throw new Error('De aanvraag is al compleet.');
        if (z.beleid.tlv.duur.soort === 'schoolloopbaan' && !a.leerling.schooljaarWaarin14)
          throw new Error(
            `Deze TLV geldt de hele schoolloopbaan, tot het einde van het schooljaar waarin de leerling ${z.beleid.tlv.duur.vsoTotLeeftijd.waarde} wordt: de geboortedatum is nodig.`,
          );
        if (compareDates(a.aanvraag.ontvangen, vandaag()) > 0)
          throw new Error('De ontvangstdatum ligt in de toekomst.');
        if (a.aanvraag.emb && !a.leerling.schooljaarWaarin14)
          throw new Error(
            'Voor een EMB-TLV is de geboortedatum nodig: de TLV loopt tot het einde van het schooljaar waarin de leerling 14 wordt.',
          );
        if (a.aanvraag.emb && a.aanvraag.soort !== 'so')
          throw new Error('Een EMB-TLV is een TLV voor het speciaal onderwijs (soort so).');
      },
      voerUit: ({ leerling: l, aanvraag: a, door }) => {
        t.aanvulling = { leerling: l, aanvraag: a };
        t.beoordelingstermijn = tlvBeslisdatum(a.ontvangen, z.beleid);
        zaak.noteer({
          soort: 'aangevraagd',
          omschrijving: `Aanvraag compleet: TLV ${a.soort.toUpperCase()} (HIA ${formatDutchDate(a.hia.datum)}); beoordelen vóór ${formatDutchDate(t.beoordelingstermijn.datum)}`,
          door,
          gegevens: { documenten: a.documenten.length },
        });
        zaak.bericht('tlv-aanvraag', 'aanvraag', [{ rol: 'deskundige' }, aan.coordinator]);
      },
    },
    wat,
  );

  /** The TLV in force, not ended or replaced: what a herbeoordeling is about. */
  function inWerking(): NonNullable<typeof t.tlv> {
    if (!t.tlv) throw new Error('Er is geen toegekende TLV in werking: een herbeoordeling hoort bij een lopende TLV.');
    if (!t.besluit)
      throw new Error(
        t.heroverweging
          ? 'Het besluit wordt heroverwogen na een gegrond bezwaar; de deskundigen besluiten opnieuw.'
          : 'De herbeoordeling is al aangevraagd; de deskundigen beoordelen haar nu.',
      );
    return t.tlv;
  }

  zaak.actie(
    evaluatieUpdate,
    {
      vorm: (e) => {
        argument.datum(e.datum, 'datum');
        argument.keuze(e.conclusie, ['herbeoordeling', 'terugplaatsing', 'verlopen'], 'conclusie');
        argument.reden(e.verslag, 'verslag');
      },
      rollen: ['school', 'coordinator'],
      toestand: (e) => {
        // A TLV for the whole school career has no herbeoordeling (VO Groningen, seed 004 L163, L190).
        if (e.conclusie === 'herbeoordeling' && z.beleid.tlv.duur.soort === 'schoolloopbaan')
          throw new Error(
            `Deze TLV geldt de hele schoolloopbaan: herindicaties zijn niet nodig (${z.beleid.tlv.duur.regel}). Kies terugplaatsing of verlopen.`,
          );
        const tlv = inWerking();
        // Once more after a terugplaatsing that stopped without a return: the pupil stays.
        const opnieuw =
          t.herbeoordeling?.evaluatie?.conclusie === 'terugplaatsing' &&
          !!t.terugplaatsing?.uitkomst &&
          t.terugplaatsing.uitkomst !== 'teruggeplaatst';
        if (t.herbeoordeling?.evaluatie && t.herbeoordeling.evaluatie.conclusie !== 'herbeoordeling' && !opnieuw)
          throw new Error(
            `De interne evaluatie is al vastgelegd (${formatDutchDate(t.herbeoordeling.evaluatie.datum)}: ${t.herbeoordeling.evaluatie.conclusie}).`,
          );
        if (compareDates(e.datum, vandaag()) > 0) throw new Error('De datum van de evaluatie ligt in de toekomst.');
        if (compareDates(e.datum, tlv.startdatum) < 0)
          throw new Error(`De evaluatie ligt vóór de start van de TLV (${formatDutchDate(tlv.startdatum)}).`);
        if (!e.deelnemers.some((d) => /ouder/i.test(d)))
          throw new Error('De interne evaluatie is met de ouders: noem hen bij de deelnemers.');
      },
      voerUit: ({ datum, deelnemers, conclusie, verslag, door }) => {
        t.herbeoordeling = { ...t.herbeoordeling, evaluatie: { datum, deelnemers, conclusie, door, op: zaak.nu() } };
        const vervolg = {
          herbeoordeling: 'de school vraagt een herbeoordeling aan',
          terugplaatsing: 'de leerling gaat terug naar het regulier onderwijs: het stappenplan terugplaatsing begint',
          verlopen: `de TLV loopt af op ${formatDutchDate(t.tlv!.einddatum)}`,
        }[conclusie];
        zaak.noteer({
          soort: `evaluatie:${conclusie}`,
          omschrijving: `Interne evaluatie met de ouders (${formatDutchDate(datum)}): ${vervolg}`,
          door,
          reden: verslag,
          gegevens: { deelnemers: deelnemers.length },
        });
        // Cases from before issue 13 recorded the hand-off only.
        if (conclusie === 'terugplaatsing' && patched('tlv-terugplaatsing'))
          koppelTerugplaatsing(z, { datum, deelnemers, conclusie, verslag, door });
      },
    },
    wat,
  );

  zaak.actie(
    herbeoordelingUpdate,
    {
      vorm: (h) => {
        argument.datum(h.ontvangen ?? vandaag(), 'ontvangen');
        argument.keuze(String(h.groep), ['1', '2', '3', '4', '5', '6', '7', '8'], 'groep');
        for (const k of ['ouders', 'eersteDeskundige', 'school'] as const)
          argument.datum(h.ondertekend?.[k], `ondertekend.${k}`);
      },
      rollen: ['school', 'coordinator'],
      toestand: (h) => {
        const tlv = inWerking();
        if (tlv.emb || z.eindeBasisonderwijs())
          throw new Error(
            'Deze TLV loopt tot het einde van het basisonderwijs: een nieuwe TLV (voor het VSO) vraagt de school aan bij het samenwerkingsverband voortgezet onderwijs, niet hier.',
          );
        if (t.herbeoordeling?.evaluatie?.conclusie !== 'herbeoordeling')
          throw new Error(
            'Eerst de interne evaluatie met de ouders, met de conclusie herbeoordeling (evaluatie); dan de aanvraag.',
          );
        if (t.bezwaren.some((b) => !b.beslissing))
          throw new Error('Er loopt nog een bezwaar tegen het besluit: eerst daarop beslissen (bezwaar-beslissen).');
        const ontvangen = h.ontvangen ?? vandaag();
        if (compareDates(ontvangen, vandaag()) > 0) throw new Error('De ontvangstdatum ligt in de toekomst.');
        for (const [wie, d] of Object.entries(h.ondertekend))
          if (compareDates(d, ontvangen) > 0)
            throw new Error(`De handtekening (${wie}) is van na de ontvangst van de aanvraag.`);
      },
      voerUit: ({ ontvangen: o, groep, documenten, door }) => {
        const ontvangen = o ?? vandaag();
        const ronde = t.ronde ?? 1;
        (t.eerdere ??= []).push({ ronde, besluit: t.besluit, tlv: t.tlv, afloop: 'herbeoordeling aangevraagd' });
        t.ronde = ronde + 1;
        // A new aanvraag on the same case: the 6 weeks, two deskundigen, a decision with its own end date.
        const vorige = aanvraag();
        t.aanvulling = {
          leerling: { ...leerling(), groep },
          aanvraag: { ...vorige, ontvangen, documenten },
        };
        t.beoordelingstermijn = tlvBeslisdatum(ontvangen, z.beleid);
        t.teLaat = false;
        t.beoordeling = undefined;
        // A new aanvraag: the route's preparation and the deskundigen's advice are made again.
        t.voorbereiding = undefined;
        t.adviezen = undefined;
        t.besluit = undefined;
        t.bezwaartermijn = undefined;
        t.bezwaren = [];
        t.herbeoordeling = { ...t.herbeoordeling, aangevraagd: { ontvangen, groep, door, op: zaak.nu() } };
        zaak.noteer({
          soort: 'herbeoordeling-aangevraagd',
          omschrijving: `Herbeoordeling aangevraagd (ronde ${t.ronde}, groep ${groep}); beoordelen vóór ${formatDutchDate(t.beoordelingstermijn.datum)}. De huidige TLV loopt tot en met ${formatDutchDate(t.tlv!.einddatum)}.`,
          door,
          gegevens: { documenten: documenten.length },
        });
        zaak.bericht('tlv-aanvraag', `aanvraag/ronde-${t.ronde}`, [{ rol: 'deskundige' }, aan.coordinator]);
      },
    },
    wat,
  );

  // The route's preparation (MDO, TLO, the parties' positions): the school that applies or the SWV.
  zaak.actie(
    voorbereidenUpdate,
    {
      vorm: (v) => {
        argument.datum(v.datum, 'datum');
        argument.reden(v.verslag, 'verslag');
      },
      rollen: ['school', 'coordinator'],
      toestand: (v) => {
        if (t.besluit) throw new Error('Over deze aanvraag is al besloten.');
        if (!z.aanvraag()) throw onvolledig();
        const fout = voorbereidingFout(z.beleid, v);
        if (fout) throw new Error(fout);
        if ((t.adviezen ?? []).length > 0)
          throw new Error('De deskundigen hebben al geadviseerd op deze voorbereiding: zij blijft zoals vastgelegd.');
        if (compareDates(v.datum, vandaag()) > 0) throw new Error('De datum van het overleg ligt in de toekomst.');
      },
      voerUit: ({ door, scope: _s, ...v }) => {
        const eerder = !!t.voorbereiding;
        t.voorbereiding = { ...v, door, op: zaak.nu() };
        const soort = routeSoort(z.beleid);
        zaak.noteer({
          soort: 'voorbereid',
          omschrijving: `${eerder ? 'Voorbereiding opnieuw vastgelegd' : 'Voorbereiding vastgelegd'} (${soort}, ${formatDutchDate(v.datum)}): ${v.consensus === false ? 'geen consensus' : v.consensus ? 'consensus' : 'standpunten vastgelegd'}; besluit door de rol ${beslisser(z.beleid, t)}`,
          door,
          reden: v.verslag,
          gegevens: {
            deelnemers: v.deelnemers.length,
            ...(v.consensus !== undefined ? { consensus: v.consensus } : {}),
          },
        });
      },
    },
    wat,
  );

  zaak.actie(
    beoordelenUpdate,
    {
      vorm: (a) => {
        argument.keuze(a.advies, ['toekennen', 'afwijzen'], 'advies');
        argument.reden(a.onderbouwing, 'onderbouwing');
      },
      rollen: ['deskundige'],
      toestand: (a) => {
        if (t.besluit) throw new Error('Over deze aanvraag is al besloten.');
        if (!z.aanvraag()) throw onvolledig();
        if (routeSoort(z.beleid) !== 'twee-deskundigen') {
          const fout = adviesFout(z.beleid, t, a.door);
          if (fout) throw new Error(fout);
          return;
        }
        if (t.beoordeling)
          throw new Error(
            `De eerste deskundige (${t.beoordeling.door.naam}) heeft al beoordeeld; de tweede deskundige besluit nu (besluiten).`,
          );
      },
      voerUit: ({ advies, onderbouwing, door }) => {
        if (routeSoort(z.beleid) !== 'twee-deskundigen') {
          // Advice to someone else who decides (the directeur, the SWV, the CvA): each deskundige once.
          const adviezen = (t.adviezen ??= []);
          adviezen.push({ advies, onderbouwing, door, op: zaak.nu() });
          t.beoordeling ??= { advies, onderbouwing, door, op: zaak.nu() };
          if (!t.deskundigen.some((d) => d.id === door.id))
            t.deskundigen.push({ id: door.id, naam: door.naam, rol: adviezen.length === 1 ? 'eerste' : 'tweede' });
          zaak.noteer({
            soort: 'beoordeeld',
            omschrijving: `Deskundige ${adviezen.length} heeft geadviseerd`,
            door,
            reden: onderbouwing,
            gegevens: { advies },
          });
          return;
        }
        t.beoordeling = { advies, onderbouwing, door, op: zaak.nu() };
        t.deskundigen.push({ id: door.id, naam: door.naam, rol: 'eerste' });
        // The advice itself is the SWV's deliberation: in `gegevens`, which a school does not read.
        zaak.noteer({
          soort: 'beoordeeld',
          omschrijving: 'De eerste deskundige heeft de aanvraag beoordeeld en voorgelegd aan een tweede deskundige',
          door,
          reden: onderbouwing,
          gegevens: { advies },
        });
      },
    },
    wat,
  );

  zaak.actie(
    besluitenUpdate,
    {
      vorm: (b) => {
        argument.keuze(b.uitkomst, ['toegekend', 'afgewezen'], 'uitkomst');
        argument.reden(b.reden);
        if (b.uitkomst === 'toegekend') {
          argument.datum(b.startdatum, 'startdatum');
          argument.schoolRef(b.school);
          if (b.einddatum !== undefined) argument.datum(b.einddatum, 'einddatum');
        }
      },
      // Who decides is the route's (SPOW's 2nd deskundige, SPPOH's directeur, Almere's SWV, …), for VO
      // following from the preparation: a role that never decides is refused first, the route's last.
      rollen: (door) =>
        zaak.magHandelen(
          door,
          routeSoort(z.beleid) === 'consensus-of-cva' ? BESLISSERS : [beslisser(z.beleid, t)],
          wat,
        ),
      toestand: (b) => {
        if (t.besluit) throw new Error('Over deze aanvraag is al besloten.');
        if (routeSoort(z.beleid) !== 'twee-deskundigen') {
          const fout = besluitFout(z.beleid, t);
          if (fout) throw new Error(fout);
        } else {
          if (!t.beoordeling) throw new Error('Eerst beoordeelt de eerste deskundige de aanvraag (beoordelen).');
          if (t.beoordeling.door.id === b.door.id)
            throw new Error(
              'Twee deskundigen beslissen over een TLV: de tweede deskundige is een ander dan de eerste (die al beoordeelde).',
            );
        }
        if (b.uitkomst === 'toegekend') {
          const categorie = categorieFout(z.beleid, t, aanvraag().soort, b.categorie) ?? toekenningFout(z.beleid, t);
          if (categorie) throw new Error(categorie);
          if (compareDates(b.startdatum, aanvraag().ontvangen) < 0)
            throw new Error(
              `De startdatum ligt vóór de ontvangst van de aanvraag (${formatDutchDate(aanvraag().ontvangen)}).`,
            );
          const eind = einddatum(b);
          if (compareDates(eind.datum, b.startdatum) <= 0)
            throw new Error(`De einddatum (${formatDutchDate(eind.datum)}) ligt niet na de startdatum.`);
        }
        zaak.magHandelen(b.door, [beslisser(z.beleid, t)], wat);
      },
      voerUit: (b) => {
        const verzonden = vandaag();
        t.besluit = { uitkomst: b.uitkomst, reden: b.reden, door: b.door, op: zaak.nu(), verzonden };
        // Refused again after a gegrond bezwaar against a grant: the revoked TLV ends (it is in `eerdere`).
        if (t.heroverweging && b.uitkomst === 'afgewezen') t.tlv = undefined;
        t.heroverweging = undefined;
        // The decider is a deskundige on the two-deskundigen route (and a commission's); not the directeur or the SWV.
        if (b.door.rol === 'deskundige' && !t.deskundigen.some((d) => d.id === b.door.id))
          t.deskundigen.push({ id: b.door.id, naam: b.door.naam, rol: 'tweede' });
        t.bezwaartermijn = tlvBezwaartermijnEinde(verzonden, z.beleid);
        let omschrijving = 'TLV afgewezen';
        if (b.uitkomst === 'toegekend') {
          const eind = einddatum(b);
          const teldatum = teldatumMelding(b.startdatum, z.beleid);
          t.tlv = {
            soort: aanvraag().soort,
            emb: aanvraag().emb,
            ...(b.categorie ? { categorie: b.categorie } : {}),
            startdatum: b.startdatum,
            einddatum: eind.datum,
            einddatumRegel: eind.regel,
            school: { ...(b.school.brin ? { brin: b.school.brin } : {}), naam: b.school.naam },
            ...(teldatum ? { teldatumMelding: teldatum.melding } : {}),
          };
          t.sboEmail = b.school.email;
          // A new TLV (after a herbeoordeling): its own herbeoordeling comes before its own end date.
          t.herbeoordeling = undefined;
          omschrijving = `TLV toegekend (${aanvraag().soort.toUpperCase()}) van ${formatDutchDate(b.startdatum)} tot en met ${formatDutchDate(eind.datum)}`;
        }
        zaak.noteer({ soort: `besluit:${b.uitkomst}`, omschrijving, door: b.door, reden: b.reden });
        // The decision letter, with the bezwaar route and its last day (Awb 3:45, 6:7).
        const gegevens = {
          uitkomst: b.uitkomst,
          [b.uitkomst]: 'ja',
          reden: b.reden,
          bezwaar: bezwaarclausule(verzonden, z.beleid),
          // Who decided, where the route names it (SPPOH's directeur, Almere's SWV, PPO-NK's commission).
          beslistDoor: beslisserNaam(z.beleid, t) ?? '',
          ...(t.tlv
            ? {
                startdatum: formatDutchDate(t.tlv.startdatum),
                einddatum: formatDutchDate(t.tlv.einddatum),
                einddatumRegel: t.tlv.einddatumRegel,
                sboSchool: t.tlv.school.naam,
                teldatumMelding: t.tlv.teldatumMelding ?? '',
              }
            : {}),
        };
        // One letter per round (the outbox sends a key once): a herbeoordeling gets its own.
        const sleutel = (t.ronde ?? 1) > 1 ? `besluit/ronde-${t.ronde}` : 'besluit';
        // After a herbeoordeling the pupil is at the S(B)O school: the school that first applied no longer needs it.
        const aanvrager = (t.ronde ?? 1) > 1 ? [] : [aan.school];
        zaak.bericht('tlv-besluit', sleutel, [...aanvrager, ...aan.ouders, aan.coordinator], gegevens);
        if (t.sboEmail) zaak.bericht('tlv-besluit', `${sleutel}/sbo`, [{ rol: 'school', email: t.sboEmail }], gegevens);
        meldAanZorgplicht(b);
      },
    },
    wat,
  );

  zaak.actie(
    bezwaarUpdate,
    {
      vorm: (b) => {
        argument.datum(b.ontvangen, 'ontvangen');
        argument.keuze(b.indiener, ['ouders', 'schoolbestuur'], 'indiener');
        if (b.terPostBezorgd !== undefined) argument.datum(b.terPostBezorgd, 'terPostBezorgd');
        argument.reden(b.reden);
      },
      rollen: ['coordinator'],
      toestand: (b) => {
        if (!t.besluit) throw new Error('Er is nog geen besluit om bezwaar tegen te maken.');
        if (compareDates(b.ontvangen, t.besluit.verzonden) < 0)
          throw new Error(`Het bezwaar is ontvangen vóór het besluit (${formatDutchDate(t.besluit.verzonden)}).`);
        if (compareDates(b.ontvangen, vandaag()) > 0) throw new Error('De ontvangstdatum ligt in de toekomst.');
        if (b.terPostBezorgd && compareDates(b.terPostBezorgd, b.ontvangen) > 0)
          throw new Error('Het bezwaar kan niet na de ontvangst ter post zijn bezorgd.');
        if (b.terPostBezorgd && compareDates(b.terPostBezorgd, t.besluit.verzonden) < 0)
          throw new Error(
            `Het bezwaar is ter post bezorgd vóór het besluit (${formatDutchDate(t.besluit.verzonden)}).`,
          );
      },
      voerUit: (b) => {
        const verzonden = t.besluit!.verzonden;
        const o = bezwaarOntvangst({ verzonden, ontvangen: b.ontvangen, terPostBezorgd: b.terPostBezorgd }, z.beleid);
        const beslisdatum = beslisdatumOpBezwaar(
          o.termijn.datum,
          z.beleid,
          o.oordeel === 'te-laat' ? b.ontvangen : undefined,
        );
        t.bezwaren.push({
          termijnEinde: t.bezwaartermijn!.datum,
          ronde: t.ronde ?? 1,
          ontvangen: b.ontvangen,
          indiener: b.indiener,
          oordeel: o.oordeel,
          regel: o.regel,
          beslisdatum,
        });
        // A late bezwaar is recorded, not refused: the SWV decides whether the lateness is excusable.
        zaak.noteer({
          soort: `bezwaar:${o.oordeel}`,
          omschrijving: `Bezwaar van ${b.indiener === 'ouders' ? 'de ouders' : 'het schoolbestuur'} ontvangen op ${formatDutchDate(b.ontvangen)} (${o.oordeel === 'op-tijd' ? 'op tijd' : 'na de bezwaartermijn'}); beslissen uiterlijk ${formatDutchDate(beslisdatum.datum)}`,
          door: b.door,
          reden: b.reden,
          gegevens: { oordeel: o.oordeel },
        });
      },
    },
    wat,
  );

  zaak.actie(
    intrekkenUpdate,
    {
      vorm: (i) => argument.reden(i.reden),
      rollen: ['school', 'coordinator'],
      toestand: () => {
        if (t.tlv || t.besluit || (t.ronde ?? 1) > 1)
          throw new Error('Alleen een aanvraag waarover nog niet is besloten kan worden ingetrokken.');
      },
      voerUit: ({ reden, door }) => {
        t.gesloten = { soort: 'ingetrokken', op: zaak.nu() };
        zaak.noteer({ soort: 'ingetrokken', omschrijving: 'De TLV-aanvraag is ingetrokken', door, reden });
        zaak.bericht('tlv-ingetrokken', 'ingetrokken', [aan.school, aan.coordinator], { reden });
        if (input.zorgplichtZaak && !t.zorgplichtGemeld)
          getExternalWorkflowHandle(input.zorgplichtZaak)
            .signal(tlvBesluitSignal, { zaakId: zaak.id, uitkomst: 'ingetrokken', reden, door, op: zaak.nu() })
            .catch(() => undefined);
      },
    },
    wat,
  );

  /** The bezwaar a step names (`bezwaar`: its number), or the oldest still open; refused with the reason. */
  function openBezwaar(nr: number | undefined) {
    if (nr !== undefined) {
      const b = t.bezwaren[nr - 1];
      if (!b) throw new Error(`Er is geen bezwaar ${nr}; deze zaak heeft ${t.bezwaren.length} bezwaar/bezwaren.`);
      if (b.beslissing) throw new Error(`Op bezwaar ${nr} is al beslist (${b.beslissing.uitkomst}).`);
      return b;
    }
    const b = t.bezwaren.find((x) => !x.beslissing);
    if (!b) throw new Error('Er is geen bezwaar waarop nog beslist moet worden.');
    return b;
  }
  /** The window a bezwaar came in against (its own; cases from before kept only the latest). */
  const termijnEinde = (b: { termijnEinde?: string }): string => {
    const eind = b.termijnEinde ?? t.bezwaartermijn?.datum;
    if (!eind) throw new Error('De bezwaartermijn van dit bezwaar is niet bekend.');
    return eind;
  };
  /** A bezwaar's mail keys: the numbering starts again in a herbeoordeling round, the keys must not. */
  const sleutel = (b: { ronde?: number }, nr: number) =>
    (b.ronde ?? 1) > 1 ? `ronde-${b.ronde}/bezwaar-${nr}` : `bezwaar-${nr}`;
  const indiener = (b: { indiener: 'ouders' | 'schoolbestuur' }) =>
    b.indiener === 'ouders' ? aan.ouders : [aan.school];
  // The route of the case's policy now (a coordinator may move the case to another version).
  const route = () => z.beleid.tlv.bezwaar;

  zaak.actie(
    bezwaarAdviesUpdate,
    {
      vorm: (a) => {
        argument.datum(a.datum, 'datum');
        argument.keuze(a.advies, ['gegrond', 'ongegrond', 'niet-ontvankelijk'], 'advies');
        argument.reden(a.toelichting, 'toelichting');
      },
      rollen: ['coordinator'],
      toestand: (a) => {
        const b = openBezwaar(a.bezwaar);
        if (b.advies)
          throw new Error(`Het advies op dit bezwaar is al vastgelegd (${formatDutchDate(b.advies.datum)}).`);
        if (compareDates(a.datum, vandaag()) > 0) throw new Error('De datum van het advies ligt in de toekomst.');
      },
      voerUit: ({ bezwaar, datum, advies, toelichting, door }) => {
        const b = openBezwaar(bezwaar);
        b.advies = { datum, advies, door, op: zaak.nu() };
        zaak.noteer({
          soort: 'bezwaar-advies',
          omschrijving: `Advies van de ${route().advies.door} op bezwaar ${t.bezwaren.indexOf(b) + 1} (${formatDutchDate(datum)}): ${advies}`,
          door,
          reden: toelichting,
        });
      },
    },
    wat,
  );

  zaak.actie(
    bezwaarVerdagenUpdate,
    {
      vorm: (v) => argument.reden(v.reden),
      rollen: ['coordinator'],
      toestand: (v) => {
        const b = openBezwaar(v.bezwaar);
        if (b.verdaagd)
          throw new Error(`De beslissing op dit bezwaar is al eenmaal verdaagd (${route().verdagingMaxWeken.regel}).`);
        verdaagdeBeslisdatumOpBezwaar(
          termijnEinde(b),
          v.weken,
          z.beleid,
          b.oordeel === 'te-laat' ? b.ontvangen : undefined,
        );
      },
      voerUit: ({ bezwaar, weken, reden, door }) => {
        const b = openBezwaar(bezwaar);
        const nr = t.bezwaren.indexOf(b) + 1;
        b.verdaagd = { weken, reden, door, op: zaak.nu() };
        b.beslisdatum = verdaagdeBeslisdatumOpBezwaar(
          termijnEinde(b),
          weken,
          z.beleid,
          b.oordeel === 'te-laat' ? b.ontvangen : undefined,
        );
        zaak.noteer({
          soort: 'bezwaar-verdaagd',
          omschrijving: `Beslissing op bezwaar ${nr} verdaagd met ${weken} weken tot uiterlijk ${formatDutchDate(b.beslisdatum.datum)}`,
          door,
          reden,
        });
        // Awb 7:10 lid 3: the indiener is told in writing.
        zaak.bericht('tlv-bezwaar-verdaagd', `${sleutel(b, nr)}/verdaagd`, [...indiener(b), aan.coordinator], {
          weken: String(weken),
          beslisdatum: formatDutchDate(b.beslisdatum.datum),
          regel: b.beslisdatum.regel,
          reden,
        });
      },
    },
    wat,
  );

  zaak.actie(
    bezwaarBeslissenUpdate,
    {
      vorm: (b) => {
        argument.keuze(b.uitkomst, ['gegrond', 'ongegrond', 'niet-ontvankelijk'], 'uitkomst');
        argument.reden(b.reden);
      },
      rollen: ['coordinator'],
      toestand: (b) => {
        const x = openBezwaar(b.bezwaar);
        // Awb 7:13: the committee advises before the decision; a plainly inadmissible bezwaar needs none (7:3).
        if (!x.advies && b.uitkomst !== 'niet-ontvankelijk')
          throw new Error(
            `Eerst het advies van de ${route().advies.door} (bezwaar-advies); alleen een kennelijk niet-ontvankelijk bezwaar kan zonder (Algemene wet bestuursrecht, artikel 7:3).`,
          );
      },
      voerUit: ({ bezwaar, uitkomst, reden, door }) => {
        const b = openBezwaar(bezwaar);
        const nr = t.bezwaren.indexOf(b) + 1;
        const beroepstermijn = beroepstermijnEinde(vandaag(), z.beleid);
        b.beslissing = { uitkomst, reden, door, op: zaak.nu(), beroepstermijn };
        zaak.noteer({
          soort: `bezwaar-beslist:${uitkomst}`,
          omschrijving: `Op het bezwaar beslist: ${uitkomst}`,
          door,
          reden,
        });
        // Cases from before the bezwaar route only recorded the decision.
        if (!patched('tlv-bezwaar-route')) return;
        zaak.bericht('tlv-bezwaar-beslissing', `${sleutel(b, nr)}/beslissing`, [...indiener(b), aan.coordinator], {
          uitkomst,
          [uitkomst]: 'ja',
          reden,
          beslistDoor: route().beslissing.door,
          beroep: route().beroep.door,
          beroepstermijn: formatDutchDate(beroepstermijn.datum),
          beroepRegel: beroepstermijn.regel,
        });
        // Only a bezwaar against the decision in force revokes it.
        if (uitkomst === 'gegrond' && t.besluit && (b.ronde ?? 1) === (t.ronde ?? 1)) {
          // Awb 7:11: the decision is reconsidered; the deskundigen take a new one. A TLV in force stays
          // in force until the new decision replaces it.
          (t.eerdere ??= []).push({
            ronde: t.ronde ?? 1,
            besluit: t.besluit,
            tlv: t.tlv,
            afloop: `herroepen: bezwaar ${nr} gegrond`,
          });
          t.ronde = (t.ronde ?? 1) + 1;
          t.besluit = undefined;
          t.beoordeling = undefined;
          // The deskundigen advise again; the preparation (MDO, TLO, consensus) stands.
          t.adviezen = undefined;
          t.bezwaartermijn = undefined;
          t.teLaat = false;
          t.heroverweging = true;
          t.beoordelingstermijn = tlvBeslisdatum(vandaag(), z.beleid);
          zaak.noteer({
            soort: 'heroverweging',
            omschrijving: `Het besluit is herroepen: de deskundigen besluiten opnieuw, uiterlijk ${formatDutchDate(t.beoordelingstermijn.datum)}`,
          });
        }
      },
    },
    wat,
  );
}
