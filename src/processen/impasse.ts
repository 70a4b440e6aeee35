/**
 * P2 Impasse: the plaatsingstafel ladder E1–E7 (seed 001 L817–852), or the route of the case's policy
 * (issue 15), as the API and the registry see it.
 */
import { z } from 'zod';
import { addDays, toIsoDate } from '../domain';
import { Problem } from '../api/problem';
import { deadlineSchema } from '../api/zaken';
import {
  aanwijzenSchema,
  leerlingThuisSchema,
  bindendBesluitSchema,
  escalerenSchema,
  impasseStartSchema,
  impasseStatussen,
  niveaus,
  oudersReactieSchema,
  plaatsenSchema,
  stoppenSchema,
  vastleggenSchema,
  type ImpasseInput,
  type ImpasseView,
} from '../shared/impasse';
import { ImpasseNiveau } from '../temporal/searchAttributes';
import {
  aanwijzenUpdate,
  leerlingThuisUpdate,
  bindendBesluitUpdate,
  escalerenUpdate,
  impasse,
  impasseGesloten,
  impasseStatusQuery,
  impasseViewUpdate,
  oudersReactieUpdate,
  plaatsenUpdate,
  stoppenUpdate,
  vastleggenUpdate,
} from '../workflows/impasse';
import { procesDefinitie } from './definitie';

/** The DB's binding decision and the parents' answer to a proposed school are the plaatsingstafel's (absent route: before issue 15). */
const opPlaatsingstafel = (view: ImpasseView) => (view.route ?? 'plaatsingstafel') === 'plaatsingstafel';

export const impasseProces = procesDefinitie({
  type: 'impasse',
  prefix: 'im',
  // Started by a zorgplicht case as its child: `zp-<uuid>-impasse`.
  kindSuffix: '-impasse',
  geopendDoor: ['zorgplicht', 'terugplaatsing'],
  workflow: impasse,
  statusQuery: impasseStatusQuery,
  viewUpdate: impasseViewUpdate,
  statussen: impasseStatussen,
  rollen: ['coordinator', 'directeur', 'bestuur'],
  inzage: { ladder: true },
  acties: {
    escaleren: {
      omschrijving:
        'Naar de volgende trede van de route (plaatsingstafel E2 … E6, of de treden van het beleid), met wat die trede vraagt',
      schema: escalerenSchema,
      update: escalerenUpdate,
      // Why the OA escalates, who sat at the table, the advised school and its onderbouwing, the derde:
      // the SWV's deliberation. The school keeps the fact of the new rung (its own terms run on).
      intern: { velden: ['advies'], tijdlijn: { 'niveau:': 'tekst' } },
    },
    vastleggen: {
      omschrijving:
        'Een notitie op deze trede vastleggen (ondersteuningsaanbod, bestuur uitgenodigd, leerplicht of SKT geraadpleegd, geschillencommissie)',
      schema: vastleggenSchema,
      update: vastleggenUpdate,
      // Notes on a rung (support offered, board invited, leerplicht or SKT consulted): no deadline of the school's.
      intern: { tijdlijn: { 'notitie:': 'weg' } },
    },
    'bindend-besluit': {
      omschrijving: 'Het bindend besluit van het Dagelijks Bestuur op E6, na het advies van de onafhankelijke derde',
      schema: bindendBesluitSchema,
      update: bindendBesluitUpdate,
      hoortBij: opPlaatsingstafel,
      // The decision binds the schools and stays; the derde's advice behind it is the DB's.
      intern: { velden: ['bindendBesluit.adviesDerde'] },
    },
    'ouders-reactie': {
      omschrijving:
        'De reactie van de ouders op de voorgestelde school (advies of bindend besluit): akkoord plaatst, niet akkoord gaat naar E7',
      schema: oudersReactieSchema,
      update: oudersReactieUpdate,
      hoortBij: opPlaatsingstafel,
      // What the parents said to the SWV (their 'no' moves the case to E7: that fact stays).
      intern: { tijdlijn: { 'niveau:': 'tekst' } },
    },
    plaatsen: {
      omschrijving: 'De leerling is geplaatst: de impasse (en de zorgplichtzaak waaruit zij kwam) sluit',
      schema: plaatsenSchema,
      update: plaatsenUpdate,
    },
    aanwijzen: {
      omschrijving:
        'Doorzettingsmacht (Almere): op de laatste trede wijst de teamleider Toeleiding de school aan die de leerling een passende plek biedt; de impasse sluit',
      schema: aanwijzenSchema,
      update: aanwijzenUpdate,
      hoortBij: (view: ImpasseView) => view.route === 'doorzettingsmacht',
    },
    'leerling-thuis': {
      omschrijving:
        'De leerling heeft geen plek en zit thuis (sinds, reden, de school waar hij nog staat ingeschreven): er opent een thuiszitterszaak met deze impasse als aanleiding',
      schema: leerlingThuisSchema,
      update: leerlingThuisUpdate,
      rollen: ['coordinator'],
    },
    stoppen: {
      omschrijving:
        'De impasse stoppen zonder plaatsing, met de reden (verhuisd, elders geplaatst, zorg in plaats van school)',
      schema: stoppenSchema,
      update: stoppenUpdate,
      rollen: ['coordinator'],
    },
  },
  start: {
    omschrijving:
      'Start een impasse buiten een zorgplichtzaak om (bijv. vanuit een terugplaatsing); de route van het beleid: de plaatsingstafel E1–E7 (seed 001 L817–852) of de eigen treden (doorzettingsmacht, geschil tussen besturen, thuiszitterspact)',
    tags: ['impasses'],
    rollen: ['coordinator'],
    schema: impasseStartSchema,
    status: 'open',
    controleer: (body) => {
      const vandaag = toIsoDate(Date.now());
      if (body.gemeldOp && body.gemeldOp > vandaag) {
        throw new Problem(400, 'Ongeldige invoer', 'De meldingsdatum ligt in de toekomst.', [
          { name: 'gemeldOp', reason: 'mag niet na vandaag liggen' },
        ]);
      }
      // As for an aanmelddatum: a melding registered late, but not a year late (a typo would start a stuck case).
      if (body.gemeldOp && body.gemeldOp < addDays(vandaag, -366)) {
        throw new Problem(400, 'Ongeldige invoer', 'De meldingsdatum ligt meer dan een jaar terug.', [
          { name: 'gemeldOp', reason: `verwacht een datum tussen ${addDays(vandaag, -366)} en ${vandaag}` },
        ]);
      }
    },
    vanaf: (body) => body.gemeldOp ?? toIsoDate(Date.now()),
    invoer: (body, ctx): ImpasseInput => ({
      leerling: { naam: body.leerling.naam },
      school: { brin: body.school.brin, naam: body.school.naam, regio: body.school.regio, email: body.school.email },
      ouders: body.ouders,
      beleid: ctx.beleid,
      kalender: ctx.kalender,
      reden: body.reden,
      aanleiding: body.aanleiding,
      gemeldDoor: ctx.door,
      gemeldOp: body.gemeldOp,
    }),
    school: (body) => body.school,
    beleid: (body) => body.beleid,
    zoekvelden: () => [{ key: ImpasseNiveau, value: 'E1' }],
    antwoord: (view: ImpasseView) => ({
      id: view.id,
      type: 'impasse',
      status: view.status,
      niveau: view.niveau,
      deadlines: view.deadlines,
    }),
    antwoordSchema: z.object({
      id: z.string(),
      type: z.literal('impasse'),
      status: z.string(),
      niveau: z.enum(niveaus),
      deadlines: z.array(deadlineSchema),
    }),
  },
  gesloten: impasseGesloten,
});
