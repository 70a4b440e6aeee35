/** The impasse's actions: each an Update with its checks; the owner's role is checked after the state. */
import { defineUpdate, getExternalWorkflowHandle, patched } from '@temporalio/workflow';
import { formatDutchDate } from '../../domain/dates';
import { rolNietToegestaan } from '../../shared/fouten';
import { ADVIES, DERDE } from '../../shared/grenzen';
import type {
  Aanwijzen,
  LeerlingThuis,
  BindendBesluit,
  Escaleren,
  ImpasseUitkomst,
  ImpasseView,
  OudersReactie,
  Plaatsen,
  Stoppen,
  Vastleggen,
} from '../../shared/impasse';
import { deelnemers, niveaus, notitieSoorten, tredeVan, volgendeTrede, type Niveau } from '../../shared/impasseLadder';
import type { ActorRef, TijdlijnItem } from '../../shared/zaak';
import * as argument from '../argumenten';
import { openThuiszitter, thuisDatum, thuisVorm, thuiszitterInvoer } from '../thuiszitter/openen';
import { plaatsingSignal, type PlaatsingBericht } from '../thuiszitter/signalen';
import type { Impassezaak } from './toestand';

export const escalerenUpdate = defineUpdate<ImpasseView, [Escaleren]>('escaleren');
export const vastleggenUpdate = defineUpdate<ImpasseView, [Vastleggen]>('vastleggen');
export const bindendBesluitUpdate = defineUpdate<ImpasseView, [BindendBesluit]>('bindend-besluit');
export const oudersReactieUpdate = defineUpdate<ImpasseView, [OudersReactie]>('ouders-reactie');
export const plaatsenUpdate = defineUpdate<ImpasseView, [Plaatsen]>('plaatsen');
export const stoppenUpdate = defineUpdate<ImpasseView, [Stoppen]>('stoppen');
export const aanwijzenUpdate = defineUpdate<ImpasseView, [Aanwijzen]>('aanwijzen');
export const leerlingThuisUpdate = defineUpdate<ImpasseView, [LeerlingThuis]>('leerling-thuis');

const wat = 'een impasse';

/** A route's name in a refusal ('de route doorzettingsmacht van almere'). */
const routeNaam = (soort: string, beleid: string) => `de route ${soort} van ${beleid}`;

/** The rungs the parents hear of: where the directeur, the DB and the onafhankelijke derde take over. */
const oudersHoren: Partial<Record<Niveau, string>> = {
  E3: 'directeurSwv',
  E5: 'dagelijksBestuur',
  E6: 'derde',
};

export function impasseActies({ zaak, t, aan, beleid, ladder, input }: Impassezaak): void {
  const tafel = ladder.soort === 'plaatsingstafel';
  const omschrijving = (code: string) => tredeVan(ladder, code).omschrijving;
  /** The steps of the plaatsingstafel only (advice, the DB, the parents' answer): refused on a route of its own. */
  function alleenPlaatsingstafel(stap: string): void {
    if (!tafel)
      throw new Error(
        `${stap} hoort bij de plaatsingstafel; deze zaak volgt ${routeNaam(ladder.soort, beleid.code)} (${tredeVan(ladder, t.niveau).regel ?? beleid.impasse.route?.regel ?? ''}).`,
      );
  }
  /** A letter to the parents; cases of before the parents took part replay without it. */
  function aanOuders(sleutel: string, gegevens: Record<string, string>): void {
    if (aan.ouders.length > 0 && patched('impasse-ouders'))
      zaak.bericht('impasse-ouders', sleutel, aan.ouders, gegevens);
  }

  function naarNiveau(nieuw: Niveau, door: ActorRef, reden: string, gegevens?: TijdlijnItem['gegevens']): void {
    const van = t.niveau;
    t.niveau = nieuw;
    t.niveauSinds = Date.now();
    t.vastgelopen = null;
    zaak.noteer({
      soort: `niveau:${nieuw}`,
      omschrijving: `Van ${van} naar ${nieuw}: ${omschrijving(nieuw)}`,
      door,
      reden,
      gegevens,
    });
    const vlag = tafel ? oudersHoren[nieuw] : undefined;
    if (vlag)
      aanOuders(`niveau/${nieuw}`, {
        [vlag]: 'ja',
        ...(nieuw === 'E3' && t.advies ? { voorgesteldeSchool: t.advies.school.naam } : {}),
        ...(nieuw === 'E6' ? { derdeNaam: String(gegevens?.derde ?? '') } : {}),
      });
  }
  function eindig(
    school: ImpasseUitkomst['school'],
    door: ActorRef,
    reden: string,
    tekst: string,
    aangewezen = false,
  ): void {
    t.uitkomst = {
      geplaatst: true,
      school,
      niveau: t.niveau,
      reden,
      door,
      op: zaak.nu(),
      ...(aangewezen ? { aangewezen } : {}),
    };
    zaak.noteer({
      soort: aangewezen ? 'aangewezen' : 'geplaatst',
      omschrijving: tekst,
      door,
      reden,
      gegevens: { niveau: t.niveau, school: school?.naam ?? '' },
    });
    zaak.bericht(
      'impasse-geplaatst',
      'geplaatst',
      [...(aan.school.email ? [aan.school] : []), ...aan.ouders, aan.coordinator, { rol: 'directeur' }],
      {
        plaatsingsschool: school?.naam ?? '',
        ...(aangewezen ? { aangewezen: 'ja' } : {}),
      },
    );
    // The thuiszitter case this impasse opened hears of the place (it closes with the first school day).
    const thuis = t.thuis?.zaakId;
    if (thuis && school && patched('plaatsing-aan-thuiszitter')) {
      const bericht: PlaatsingBericht = {
        zaakId: zaak.id,
        school: { ...(school.brin ? { brin: school.brin } : {}), naam: school.naam },
        niveau: t.niveau,
        door,
        reden,
        op: t.uitkomst.op,
      };
      zaak.meld(
        () => getExternalWorkflowHandle(thuis).signal(plaatsingSignal, bericht),
        () =>
          zaak.noteer({
            soort: 'thuiszitter-gesloten',
            omschrijving: `De thuiszitterszaak ${thuis} was al gesloten en hoorde de plaatsing niet`,
          }),
      );
    }
  }
  /** Only the rung's owner acts (some steps also the coordinator). */
  const eigenaar =
    (ook: ActorRef['rol'][] = []) =>
    (door: ActorRef) => {
      const rol = tredeVan(ladder, t.niveau).eigenaar;
      const extra = ook.filter((r) => r !== rol);
      if (door.rol !== rol && !extra.includes(door.rol)) {
        throw rolNietToegestaan(
          `Op ${t.niveau} (${omschrijving(t.niveau)}) handelt de rol ${rol}${extra.length ? ` of ${extra.join(', ')}` : ''}, niet ${door.rol}.`,
        );
      }
    };

  // No rung is skipped, and a closed impasse takes no step; the owner's role is checked after the state.
  zaak.actie(
    escalerenUpdate,
    {
      vorm: (args) => {
        argument.keuze(args.naar, niveaus, 'naar');
        argument.reden(args.reden);
        // What a rung asks for, where it is given (which rung needs what is the state's check below).
        if (args.deelnemers !== undefined) argument.keuzes(args.deelnemers, deelnemers, 'deelnemers');
        if (args.advies !== undefined) {
          argument.schoolRef(args.advies?.school, 'advies.school');
          argument.tekst(args.advies.onderbouwing, 'advies.onderbouwing', ADVIES.min, ADVIES.max);
        }
        if (args.derde !== undefined) argument.tekst(args.derde, 'derde', DERDE.min, DERDE.max);
        if (args.mediator !== undefined) argument.tekst(args.mediator, 'mediator', DERDE.min, DERDE.max);
      },
      toestand: (args) => {
        const volgende = volgendeTrede(ladder, t.niveau)?.code;
        if (!volgende && !tafel)
          throw new Error(
            `${t.niveau} is de laatste trede van ${routeNaam(ladder.soort, beleid.code)}: ${ladder.soort === 'doorzettingsmacht' ? 'de teamleider Toeleiding wijst de school aan (aanwijzen)' : 'de zaak eindigt met een plaatsing (plaatsen) of stopt (stoppen)'}.`,
          );
        if (args.naar !== volgende) {
          throw new Error(
            `Escaleren kan alleen naar de volgende trede: van ${t.niveau} naar ${volgende ?? '(geen)'}, niet naar ${args.naar}.`,
          );
        }
        if (tafel) {
          if (t.niveau === 'E6')
            throw new Error(
              'Op E6 beslist het Dagelijks Bestuur bindend (bindend-besluit); E7 volgt als de ouders het niet aanvaarden.',
            );
          // Seed 001 L824–830: who sits at the plaatsingstafel, the parents among them.
          if (args.naar === 'E2' && !args.deelnemers?.length)
            throw new Error('Leg de deelnemers van de plaatsingstafel vast (deelnemers), met de ouders.');
          if (args.naar === 'E2' && !args.deelnemers!.includes('ouders'))
            throw new Error('De ouders nemen deel aan de plaatsingstafel: neem hen op in de deelnemers.');
          // L832–835: the OA's reasoned advice names the best-fitting school.
          if (args.naar === 'E3' && !args.advies)
            throw new Error(
              'Op E3 ligt een onderbouwd advies bij de directeur: geef advies.school en advies.onderbouwing.',
            );
          // L845–847: the DB asks an onafhankelijke derde.
          if (args.naar === 'E6' && !args.derde) throw new Error('Noem de onafhankelijke derde (derde).');
          // Each field belongs to its own rung: an advice sent along to E2 would propose a school unvetted.
          const misplaatst = [
            args.deelnemers && args.naar !== 'E2' && 'deelnemers (E2)',
            args.advies && args.naar !== 'E3' && 'advies (E3)',
            args.derde && args.naar !== 'E6' && 'derde (E6)',
          ].filter(Boolean);
          if (misplaatst.length)
            throw new Error(`Naar ${args.naar} hoort niet: ${misplaatst.join(', ')}; elk hoort bij zijn eigen trede.`);
        } else if (args.advies || args.derde || args.deelnemers) {
          throw new Error(
            `Advies, deelnemers en een onafhankelijke derde horen bij de plaatsingstafel; deze zaak volgt ${routeNaam(ladder.soort, beleid.code)}.`,
          );
        }
        // Seed 003 L514: on PPO-NK's second rung the SWV's board engages a mediator.
        if (ladder.soort === 'bestuursgeschil' && args.naar === 'E2' && !args.mediator)
          throw new Error(
            'Op E2 schakelt het bestuur van het samenwerkingsverband een mediator in: noem de mediator (mediator).',
          );
        if (args.mediator && !(ladder.soort === 'bestuursgeschil' && args.naar === 'E2'))
          throw new Error('Een mediator hoort bij E2 van een geschil tussen schoolbesturen.');
      },
      rollen: eigenaar(),
      rolNaToestand: true,
      voerUit: (args) => {
        const gegevens: TijdlijnItem['gegevens'] = {};
        // The plaatsingstafel's rungs (their fields checked above); a route of its own carries none of them.
        if (tafel && args.naar === 'E2') gegevens.deelnemers = args.deelnemers!.join(', ');
        if (tafel && args.naar === 'E3') {
          t.advies = args.advies;
          gegevens.geadviseerdeSchool = args.advies!.school.naam;
        }
        if (tafel && args.naar === 'E6') gegevens.derde = args.derde;
        if (args.mediator) gegevens.mediator = args.mediator;
        naarNiveau(args.naar, args.door, args.reden, gegevens);
      },
    },
    wat,
  );

  zaak.actie(
    vastleggenUpdate,
    {
      vorm: (args) => {
        argument.keuze(args.soort, notitieSoorten, 'soort');
        argument.reden(args.tekst, 'tekst');
      },
      toestand: (args) => {
        const mag = tredeVan(ladder, t.niveau).notities;
        if (!mag.includes(args.soort))
          throw new Error(
            `Op ${t.niveau} kan '${args.soort}' niet worden vastgelegd${mag.length ? `; wel: ${mag.join(', ')}` : ''}.`,
          );
      },
      rollen: eigenaar(),
      rolNaToestand: true,
      voerUit: (args) => {
        if (args.soort === 'bestuur-uitgenodigd') t.uitgenodigd.push(t.niveau);
        zaak.noteer({
          soort: `notitie:${args.soort}`,
          omschrijving: `${omschrijving(t.niveau)}: ${args.soort}`,
          door: args.door,
          reden: args.tekst,
        });
      },
    },
    wat,
  );

  zaak.actie(
    bindendBesluitUpdate,
    {
      vorm: (args) => {
        argument.tekst(args.adviesDerde, 'adviesDerde', ADVIES.min, ADVIES.max);
        argument.schoolRef(args.school);
        argument.reden(args.reden);
        if (args.bestuurNietInDb !== undefined) argument.janee(args.bestuurNietInDb, 'bestuurNietInDb');
        if (args.bestuur !== undefined) argument.tekst(args.bestuur, 'bestuur', 1, 200);
      },
      toestand: (args) => {
        alleenPlaatsingstafel('Een bindend besluit van het Dagelijks Bestuur');
        if (t.niveau !== 'E6')
          throw new Error(
            `Een bindend besluit volgt op E6, na het advies van de onafhankelijke derde; de zaak staat op ${t.niveau}.`,
          );
        // The owner (the DB) first: what it decided already is its own business.
        eigenaar()(args.door);
        if (t.bindendBesluit) throw new Error('Het Dagelijks Bestuur heeft al bindend besloten.');
        // Seed 001 L848–849: a board not represented in the DB is invited first. Where the policy lists
        // the DB's boards, the list decides, not the caller.
        const db = beleid.impasse.dagelijksBestuur;
        if (db && !args.bestuur)
          throw new Error(
            `Noem het bestuur van ${args.school.naam} (bestuur): of het in het DB zit, volgt uit ${db.regel}.`,
          );
        const nietInDb = db
          ? !db.waarde.some((b) => b.toLowerCase() === args.bestuur!.toLowerCase())
          : args.bestuurNietInDb;
        if (nietInDb && !t.uitgenodigd.includes('E6')) {
          throw new Error(
            `Het bestuur van ${args.school.naam}${args.bestuur ? ` (${args.bestuur})` : ''} zit niet in het DB${db ? ` (daarin: ${db.waarde.join(', ')})` : ''}: nodig het eerst uit (vastleggen: bestuur-uitgenodigd).`,
          );
        }
      },
      voerUit: (args) => {
        t.bindendBesluit = { school: args.school, adviesDerde: args.adviesDerde, op: zaak.nu() };
        zaak.noteer({
          soort: 'bindend-besluit',
          omschrijving: `Bindend besluit van het Dagelijks Bestuur: ${args.school.naam}`,
          door: args.door,
          reden: args.reden,
          gegevens: { school: args.school.naam, ...(args.bestuur ? { bestuur: args.bestuur } : {}) },
        });
        aanOuders('bindend-besluit', { bindendBesluit: 'ja', voorgesteldeSchool: args.school.naam });
      },
    },
    wat,
  );

  // E7 follows any rung where a school was proposed: the advice (E3 on) or the DB's binding decision (L850).
  const voorstel = () => t.bindendBesluit?.school ?? t.advies?.school;
  zaak.actie(
    oudersReactieUpdate,
    {
      vorm: (args) => {
        argument.janee(args.akkoord, 'akkoord');
        argument.reden(args.reden);
      },
      toestand: () => {
        alleenPlaatsingstafel('De reactie van de ouders op een voorgestelde school');
        if (t.niveau === 'E7') throw new Error('De ouders hebben al gereageerd: de zaak staat op E7.');
        if (!voorstel())
          throw new Error(
            'De reactie van de ouders volgt op een voorgestelde school: het advies (E3) of het bindend besluit van het DB (E6).',
          );
      },
      // The rung's owner records it, and the coordinator or the directeur who spoke with the parents.
      rollen: eigenaar(['coordinator', 'directeur']),
      rolNaToestand: true,
      voerUit: (args) => {
        const school = voorstel()!;
        const wat = t.bindendBesluit ? 'het bindend besluit' : 'het advies';
        if (args.akkoord)
          eindig(school, args.door, args.reden, `Ouders aanvaarden ${wat}: geplaatst op ${school.naam}`);
        else naarNiveau('E7', args.door, args.reden, { ouders: 'niet akkoord', voorgesteldeSchool: school.naam });
      },
    },
    wat,
  );

  zaak.actie(
    plaatsenUpdate,
    {
      vorm: (args) => {
        argument.schoolRef(args.school);
        argument.reden(args.reden);
      },
      // Any rung can end with a placement: its owner records it.
      rollen: eigenaar(),
      rolNaToestand: true,
      voerUit: (args) =>
        eindig(args.school, args.door, args.reden, `Geplaatst op ${args.school.naam} (op ${t.niveau})`),
    },
    wat,
  );

  // Almere's doorzettingsmacht (seed 002 L593): on the route's last rung the teamleider Toeleiding
  // names the school that must offer the pupil a place. It binds: the impasse ends with that school.
  zaak.actie(
    aanwijzenUpdate,
    {
      vorm: (args) => {
        argument.schoolRef(args.school);
        argument.reden(args.reden);
      },
      toestand: () => {
        if (ladder.soort !== 'doorzettingsmacht')
          throw new Error(
            `Een school aanwijzen hoort bij een route met doorzettingsmacht; deze zaak volgt ${ladder.soort === 'plaatsingstafel' ? 'de plaatsingstafel' : routeNaam(ladder.soort, beleid.code)}.`,
          );
        if (volgendeTrede(ladder, t.niveau))
          throw new Error(
            `Doorzettingsmacht is pas aan de orde als de doorzettingskracht faalt: escaleer eerst naar ${ladder.treden[ladder.treden.length - 1].code} (${omschrijving(ladder.treden[ladder.treden.length - 1].code)}).`,
          );
      },
      rollen: eigenaar(),
      rolNaToestand: true,
      voerUit: (args) =>
        eindig(
          args.school,
          args.door,
          args.reden,
          `Doorzettingsmacht: ${args.school.naam} is aangewezen en biedt de leerling een passende plek (op ${t.niveau})`,
          true,
        ),
    },
    wat,
  );

  zaak.actie(
    stoppenUpdate,
    {
      vorm: (args) => argument.reden(args.reden),
      rollen: ['coordinator'],
      voerUit: ({ reden, door }) => {
        t.gestopt = true;
        t.uitkomst = { geplaatst: false, niveau: t.niveau, reden, door, op: zaak.nu() };
        zaak.noteer({
          soort: 'gestopt',
          omschrijving: `Impasse gestopt zonder plaatsing (op ${t.niveau})`,
          door,
          reden,
        });
      },
    },
    wat,
  );

  // Issue 16 item 2: the pupil has no place and is at home (recorded at E1, or later): the impasse
  // opens a thuiszitter case, naming itself and the rule as its cause. Once per impasse.
  zaak.actie(
    leerlingThuisUpdate,
    {
      vorm: (a) => thuisVorm(a),
      rollen: ['coordinator'],
      toestand: (a) => {
        if (t.thuis)
          throw new Error(
            `Dat de leerling thuiszit is al vastgelegd (sinds ${formatDutchDate(t.thuis.sinds)})${t.thuis.zaakId ? `: thuiszitterszaak ${t.thuis.zaakId}` : ''}.`,
          );
        thuisDatum(a.sinds, beleid.tijden.tijdzone);
      },
      voerUit: (a) => {
        t.thuis = { sinds: a.sinds };
        zaak.noteer({
          soort: 'leerling-thuis',
          omschrijving: `De leerling zit thuis sinds ${formatDutchDate(a.sinds)}: een thuiszitterszaak wordt geopend`,
          door: a.door,
          reden: a.reden,
        });
        openThuiszitter(
          zaak,
          thuiszitterInvoer({ ...input, beleid }, a, a.door, {
            zaakId: zaak.id,
            regel: `Impasse op ${t.niveau}: de leerling heeft geen plek en zit thuis`,
          }),
          {
            gestart: (id) => {
              t.thuis = { ...t.thuis!, zaakId: id };
            },
            mislukt: (reden) => {
              t.thuis = undefined;
              zaak.noteer({
                soort: 'thuiszitter-niet-gestart',
                omschrijving: `De thuiszitterszaak kon niet starten: ${reden}. Leg opnieuw vast dat de leerling thuiszit.`,
              });
            },
          },
        );
      },
    },
    wat,
  );
}
