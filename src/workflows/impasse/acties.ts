/** The impasse's actions: each an Update with its checks; the owner's role is checked after the state. */
import { defineUpdate, patched } from '@temporalio/workflow';
import { rolNietToegestaan } from '../../shared/fouten';
import { ADVIES, DERDE } from '../../shared/grenzen';
import type {
  BindendBesluit,
  Escaleren,
  ImpasseUitkomst,
  ImpasseView,
  OudersReactie,
  Plaatsen,
  Stoppen,
  Vastleggen,
} from '../../shared/impasse';
import {
  deelnemers,
  eigenaarVan,
  niveauOmschrijving,
  niveaus,
  notitieSoorten,
  type Niveau,
} from '../../shared/impasseLadder';
import type { ActorRef, TijdlijnItem } from '../../shared/zaak';
import * as argument from '../argumenten';
import type { Impassezaak } from './toestand';

export const escalerenUpdate = defineUpdate<ImpasseView, [Escaleren]>('escaleren');
export const vastleggenUpdate = defineUpdate<ImpasseView, [Vastleggen]>('vastleggen');
export const bindendBesluitUpdate = defineUpdate<ImpasseView, [BindendBesluit]>('bindend-besluit');
export const oudersReactieUpdate = defineUpdate<ImpasseView, [OudersReactie]>('ouders-reactie');
export const plaatsenUpdate = defineUpdate<ImpasseView, [Plaatsen]>('plaatsen');
export const stoppenUpdate = defineUpdate<ImpasseView, [Stoppen]>('stoppen');

/** Which notes belong to which rung (seed 001 L837–852). */
const notitiesPerNiveau: Partial<Record<Niveau, Vastleggen['soort'][]>> = {
  E4: ['ondersteuningsaanbod'],
  E6: ['bestuur-uitgenodigd'],
  E7: ['leerplicht-geraadpleegd', 'skt-geraadpleegd', 'geschillencommissie'],
};
const wat = 'een impasse';

/** The rungs the parents hear of: where the directeur, the DB and the onafhankelijke derde take over. */
const oudersHoren: Partial<Record<Niveau, string>> = {
  E3: 'directeurSwv',
  E5: 'dagelijksBestuur',
  E6: 'derde',
};

export function impasseActies({ zaak, t, aan, beleid }: Impassezaak): void {
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
      omschrijving: `Van ${van} naar ${nieuw}: ${niveauOmschrijving[nieuw]}`,
      door,
      reden,
      gegevens,
    });
    const vlag = oudersHoren[nieuw];
    if (vlag)
      aanOuders(`niveau/${nieuw}`, {
        [vlag]: 'ja',
        ...(nieuw === 'E3' && t.advies ? { voorgesteldeSchool: t.advies.school.naam } : {}),
        ...(nieuw === 'E6' ? { derdeNaam: String(gegevens?.derde ?? '') } : {}),
      });
  }
  function eindig(school: ImpasseUitkomst['school'], door: ActorRef, reden: string, omschrijving: string): void {
    t.uitkomst = { geplaatst: true, school, niveau: t.niveau, reden, door, op: zaak.nu() };
    zaak.noteer({
      soort: 'geplaatst',
      omschrijving,
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
      },
    );
  }
  /** Only the rung's owner acts (some steps also the coordinator). */
  const eigenaar =
    (ook: ActorRef['rol'][] = []) =>
    (door: ActorRef) => {
      const rol = eigenaarVan[t.niveau];
      const extra = ook.filter((r) => r !== rol);
      if (door.rol !== rol && !extra.includes(door.rol)) {
        throw rolNietToegestaan(
          `Op ${t.niveau} (${niveauOmschrijving[t.niveau]}) handelt de rol ${rol}${extra.length ? ` of ${extra.join(', ')}` : ''}, niet ${door.rol}.`,
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
        // Each rung asks what the seed says it needs (L824–849).
        if (args.naar === 'E2') argument.keuzes(args.deelnemers, deelnemers, 'deelnemers');
        if (args.naar === 'E3') {
          argument.schoolRef(args.advies?.school, 'advies.school');
          argument.tekst(args.advies.onderbouwing, 'advies.onderbouwing', ADVIES.min, ADVIES.max);
        }
        if (args.naar === 'E6') argument.tekst(args.derde, 'derde', DERDE.min, DERDE.max);
      },
      toestand: (args) => {
        const volgende = niveaus[niveaus.indexOf(t.niveau) + 1];
        if (args.naar !== volgende) {
          throw new Error(
            `Escaleren kan alleen naar de volgende trede: van ${t.niveau} naar ${volgende ?? '(geen)'}, niet naar ${args.naar}.`,
          );
        }
        if (t.niveau === 'E6')
          throw new Error(
            'Op E6 beslist het Dagelijks Bestuur bindend (bindend-besluit); E7 volgt als de ouders het niet aanvaarden.',
          );
        // Seed 001 L824–827: the parents sit at the plaatsingstafel.
        if (args.naar === 'E2' && !args.deelnemers.includes('ouders'))
          throw new Error('De ouders nemen deel aan de plaatsingstafel: neem hen op in de deelnemers.');
      },
      rollen: eigenaar(),
      rolNaToestand: true,
      voerUit: (args) => {
        const gegevens: TijdlijnItem['gegevens'] = {};
        if (args.naar === 'E2') gegevens.deelnemers = args.deelnemers.join(', ');
        if (args.naar === 'E3') {
          t.advies = args.advies;
          gegevens.geadviseerdeSchool = args.advies.school.naam;
        }
        if (args.naar === 'E6') gegevens.derde = args.derde;
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
        const mag = notitiesPerNiveau[t.niveau] ?? [];
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
          omschrijving: `${niveauOmschrijving[t.niveau]}: ${args.soort}`,
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
}
