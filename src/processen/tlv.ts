/** P3 Toelaatbaarheidsverklaring (seed 001 §1.7.4–1.7.5, addendum L1985–2037), as the API and the registry see it. */
import { z } from 'zod';
import { addDays, beleidsversies, schooljaarWaarin, toIsoDate } from '../domain';
import { Problem, problems } from '../api/problem';
import { beleidVoor, deadlineSchema } from '../api/zaken';
import {
  aanvullenSchema,
  beoordelenSchema,
  bezwaarAdviesSchema,
  bezwaarBeslissenSchema,
  bezwaarVerdagenSchema,
  bezwaarSchema,
  evaluatieSchema,
  herbeoordelingSchema,
  intrekkenSchema,
  tlvBesluitenSchema,
  tlvStartSchema,
  tlvStatussen,
  voorbereidenSchema,
  type Aanvulling,
  type TlvInput,
  type TlvView,
} from '../shared/tlv';
import {
  aanvullenUpdate,
  beoordelenUpdate,
  besluitenUpdate,
  bezwaarAdviesUpdate,
  bezwaarBeslissenUpdate,
  bezwaarVerdagenUpdate,
  bezwaarUpdate,
  evaluatieUpdate,
  herbeoordelingUpdate,
  intrekkenUpdate,
  tlv,
  tlvGesloten,
  tlvStatusQuery,
  tlvViewUpdate,
  voorbereidenUpdate,
} from '../workflows/tlv';
import { beleidWijzigenActie } from './beleidsversie';
import { procesDefinitie } from './definitie';

/**
 * A completed aanvraag as the workflow gets it: for EMB the school year in which the pupil turns 14,
 * not the birth date; the day it was received defaults to today.
 */
export function naarAanvulling(body: z.output<typeof aanvullenSchema>): Aanvulling {
  const { geboortedatum, groep } = body.leerling;
  return {
    leerling: {
      ...(groep !== undefined ? { groep } : {}),
      // Given for EMB or a TLV to an age (VO): the workflow gets the school year, not the date.
      ...(geboortedatum ? { schooljaarWaarin14: schooljaarWaarin(geboortedatum, 14).label } : {}),
    },
    aanvraag: { ...body.aanvraag, ontvangen: body.aanvraag.ontvangen ?? toIsoDate(Date.now()) },
  };
}

const ongeldig = (name: string, detail: string, reason: string) =>
  new Problem(400, 'Ongeldige invoer', detail, [{ name, reason }]);

export const tlvProces = procesDefinitie({
  type: 'tlv',
  prefix: 'tlv',
  workflow: tlv,
  statusQuery: tlvStatusQuery,
  viewUpdate: tlvViewUpdate,
  statussen: tlvStatussen,
  // The school completes an aanvraag it started from a zorgplicht case; the rest is the SWV's.
  // The directeur decides where the SWV's route says so (SPPOH, seed 000 L469).
  rollen: ['coordinator', 'deskundige', 'school', 'directeur'],
  inzage: {
    // An aanvraag not yet decided is in the deskundigen's shared queue: any of them may take it up.
    // Once decided, only the two who acted read it (the view names them).
    deskundigen: true,
    deskundigenPool: ['in-beoordeling', 'beoordeling-te-laat'],
    // The directeur is told of a late assessment and sees it in the werkbak, without the pupil.
    vastgelopen: ['beoordeling-te-laat'],
    // Where the route has the directeur decide (SPPOH), he reads the case in full.
    directeurBeslist: Object.keys(beleidsversies).filter((code) =>
      beleidsversies[code].some((p) => p.tlv.route?.besluit.rol === 'directeur'),
    ),
    zonderPersoonsgegevens: [
      'id',
      'type',
      'status',
      'open',
      'school',
      'aanvrager',
      'ronde',
      'aanvraag.ontvangen',
      'deadlines',
      'beleid',
    ],
  },
  acties: {
    'beleid-wijzigen': beleidWijzigenActie,
    voorbereiden: {
      omschrijving:
        'De voorbereiding die de route van het samenwerkingsverband vraagt vóór het advies van de deskundigen: het MDO (SPPOH: consensus, S(B)O-school, instemming en zienswijze van de ouders), het toelaatbaarheidsoverleg (Almere), de standpunten van de vier partijen en zo nodig de behandelaar (PPO-NK), consensus of een grond voor de CvA (VO Groningen Stad)',
      schema: voorbereidenSchema,
      update: voorbereidenUpdate,
      rollen: ['school', 'coordinator'],
      // The behandelaar's view is a clinician's, for the commission (PPO-NK): not the school's to read.
      intern: { velden: ['voorbereiding.behandelaar'] },
    },
    'aanvraag-aanvullen': {
      omschrijving:
        'Een TLV-aanvraag die vanuit een zorgplichtzaak begon compleet maken (groep, HIA, interventietraject, toestemming, documenten); dan begint de beoordelingstermijn',
      schema: aanvullenSchema,
      update: aanvullenUpdate,
      rollen: ['school', 'coordinator'],
      invoer: naarAanvulling,
    },
    intrekken: {
      omschrijving: 'Een aanvraag waarover nog niet is besloten intrekken (met reden): de zaak sluit',
      schema: intrekkenSchema,
      update: intrekkenUpdate,
      rollen: ['school', 'coordinator'],
    },
    beoordelen: {
      omschrijving: 'De eerste deskundige beoordeelt de aanvraag en legt haar voor aan een tweede deskundige',
      schema: beoordelenSchema,
      update: beoordelenUpdate,
      rollen: ['deskundige'],
      // The deskundige's advice to the second is the SWV's deliberation; the school hears the decision.
      intern: { velden: ['beoordeling', 'adviezen'], tijdlijn: { beoordeeld: 'tekst' } },
    },
    besluiten: {
      omschrijving:
        "Het besluit: 'toegekend' (met startdatum, S(B)O-school, categorie en einddatum volgens het beleid) of 'afgewezen'. Wie besluit, volgt de route van het beleid: de tweede deskundige (SPOW), de directeur (SPPOH), het samenwerkingsverband (Almere), de toewijzingscommissie (PPO-NK), het samenwerkingsverband of de CvA (VO Groningen Stad)",
      schema: tlvBesluitenSchema,
      update: besluitenUpdate,
      rollen: ['deskundige', 'directeur', 'coordinator'],
    },
    bezwaar: {
      omschrijving:
        'Een ontvangen bezwaar vastleggen (ook een te laat bezwaar: het samenwerkingsverband beoordeelt dat)',
      schema: bezwaarSchema,
      update: bezwaarUpdate,
      rollen: ['coordinator'],
    },
    evaluatie: {
      omschrijving:
        "De S(B)O-school legt de interne evaluatie met de ouders vast vóór de einddatum, met de conclusie: 'herbeoordeling', 'terugplaatsing' of 'verlopen'",
      schema: evaluatieSchema,
      update: evaluatieUpdate,
      rollen: ['school', 'coordinator'],
    },
    'herbeoordeling-aanvragen': {
      omschrijving:
        'De S(B)O-school vraagt een herbeoordeling aan (formulier ondertekend door de ouders, de eerste deskundige en de school; actueel groeidocument): twee deskundigen beoordelen haar als een nieuwe aanvraag',
      schema: herbeoordelingSchema,
      update: herbeoordelingUpdate,
      rollen: ['school', 'coordinator'],
    },
    'bezwaar-advies': {
      omschrijving: 'Het advies van de bezwaaradviescommissie (LBT) op een bezwaar vastleggen',
      schema: bezwaarAdviesSchema,
      update: bezwaarAdviesUpdate,
      rollen: ['coordinator'],
    },
    'bezwaar-verdagen': {
      omschrijving: 'De beslissing op een bezwaar eenmaal verdagen (Awb 7:10 lid 3); de indiener krijgt bericht',
      schema: bezwaarVerdagenSchema,
      update: bezwaarVerdagenUpdate,
      rollen: ['coordinator'],
    },
    'bezwaar-beslissen': {
      omschrijving:
        'De beslissing op een bezwaar vastleggen (gegrond, ongegrond of niet-ontvankelijk), na het advies; bij gegrond besluiten de deskundigen opnieuw',
      schema: bezwaarBeslissenSchema,
      update: bezwaarBeslissenUpdate,
      rollen: ['coordinator'],
    },
  },
  start: {
    omschrijving:
      'Vraag een toelaatbaarheidsverklaring aan voor een leerling (met HIA, interventietraject, toestemming van de ouders en documentverwijzingen)',
    tags: ['tlv'],
    rollen: ['coordinator', 'school'],
    schema: tlvStartSchema,
    status: 'in-beoordeling',
    controleer: (body, actor) => {
      if (actor.rol === 'school' && body.coordinatorEmail)
        throw problems.forbidden('Alleen de coördinator stelt het e-mailadres van de coördinator in.');
      const vandaag = toIsoDate(Date.now());
      const ontvangen = body.aanvraag.ontvangen ?? vandaag;
      if (ontvangen > vandaag || ontvangen < addDays(vandaag, -366))
        throw ongeldig(
          'aanvraag.ontvangen',
          'De ontvangstdatum van de aanvraag ligt in de toekomst of meer dan een jaar terug.',
          `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}`,
        );
      if (body.aanvraag.emb && !body.leerling.geboortedatum)
        throw ongeldig(
          'leerling.geboortedatum',
          'Voor een EMB-TLV is de geboortedatum nodig: de TLV loopt tot het einde van het schooljaar waarin de leerling 14 wordt.',
          'verplicht bij aanvraag.emb',
        );
      // PO counts in groepen (the end date by groep); a VO TLV runs to an age (the birth date gives it).
      const beleid = beleidVoor(body.beleid, ontvangen);
      if (beleid.sector !== 'vo' && body.leerling.groep === undefined)
        throw ongeldig('leerling.groep', 'De groep van de leerling ontbreekt.', 'een getal van 1 tot 8');
      if (beleid.tlv.duur.soort === 'schoolloopbaan' && !body.leerling.geboortedatum)
        throw ongeldig(
          'leerling.geboortedatum',
          `Deze TLV geldt de hele schoolloopbaan, tot het einde van het schooljaar waarin de leerling ${beleid.tlv.duur.vsoTotLeeftijd.waarde} wordt: de geboortedatum is nodig.`,
          `verplicht bij beleid ${beleid.code}`,
        );
      if (body.leerling.geboortedatum && body.leerling.geboortedatum > vandaag)
        throw ongeldig('leerling.geboortedatum', 'De geboortedatum ligt in de toekomst.', 'mag niet na vandaag liggen');
      for (const [veld, datum] of [
        ['aanvraag.hia.datum', body.aanvraag.hia.datum],
        ['aanvraag.toestemmingOuders.datum', body.aanvraag.toestemmingOuders.datum],
      ] as const)
        if (datum > ontvangen)
          throw ongeldig(veld, 'Deze datum ligt na de ontvangst van de aanvraag.', `uiterlijk ${ontvangen}`);
      if (body.aanvraag.emb && body.aanvraag.soort !== 'so')
        throw ongeldig('aanvraag.emb', 'Een EMB-TLV is een TLV voor het speciaal onderwijs.', "alleen bij soort 'so'");
    },
    vanaf: (body) => body.aanvraag.ontvangen ?? toIsoDate(Date.now()),
    invoer: (body, ctx): TlvInput => ({
      // Only what the workflow needs: for EMB the school year in which the pupil turns 14, not the birth date.
      leerling: {
        naam: body.leerling.naam,
        groep: body.leerling.groep,
        // Only where an end date follows from the age (EMB; a TLV for the whole school career).
        ...((body.aanvraag.emb || ctx.beleid.tlv.duur.soort === 'schoolloopbaan') && body.leerling.geboortedatum
          ? { schooljaarWaarin14: schooljaarWaarin(body.leerling.geboortedatum, 14).label }
          : {}),
      },
      school: { brin: body.school.brin, naam: body.school.naam, email: body.school.email, regio: body.school.regio },
      ouders: body.ouders,
      beleid: ctx.beleid,
      aanvraag: { ...body.aanvraag, ontvangen: body.aanvraag.ontvangen ?? toIsoDate(Date.now()) },
      coordinatorEmail: body.coordinatorEmail ?? ctx.coordinatorEmail,
      kalender: ctx.kalender,
      aangevraagdDoor: ctx.door,
    }),
    school: (body) => body.school,
    beleid: (body) => body.beleid,
    antwoord: (view: TlvView) => ({ id: view.id, type: 'tlv', status: view.status, deadlines: view.deadlines }),
    antwoordSchema: z.object({
      id: z.string(),
      type: z.literal('tlv'),
      status: z.string(),
      deadlines: z.array(deadlineSchema),
    }),
  },
  gesloten: tlvGesloten,
});
