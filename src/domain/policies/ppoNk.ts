/**
 * 'ppo-nk': Passend primair onderwijs Noord-Kennemerland (seed 003: Ondersteuningsplan PPO-NK, concept-
 * en werkversie of November 2021, L2, L104; the plan period is not stated). Alkmaar, Heerhugowaard,
 * Langedijk, Bergen and Heiloo (L290) lie in Noord-Holland: vakantieregio noord. Differs from 'wet'
 * where the seed says so (notes seed-003.md):
 *  - TLV: the toewijzingscommissie (L358); with consensus of ouders, verwijzende school, ontvangende
 *    school and consulent it sets duration and level; without it the behandelaar's view weighs heavily
 *    (L360); a temporary observation placement of 10–20 weeks (L347); categories 1–3 (L353);
 *  - duration: at least one year, usually reviewed every year (L355);
 *  - bezwaar: not described (only complaints, L508–509): the law's route;
 *  - impasse: a dispute between school boards: overleg → mediator → geschillencommissie (L512–515);
 *  - terugplaatsing: the commission monitors it (L355); no procedure: the product's stappenplan.
 */
import type { PolicyInput } from '../policy';
import { wetPolicyInput } from './wet';

const plan = 'Ondersteuningsplan PPO-NK (concept, november 2021)';
const wet = wetPolicyInput;

export const ppoNkPolicyInput: PolicyInput = {
  ...wet,
  code: 'ppo-nk',
  naam: 'PPO-NK – Passend primair onderwijs Noord-Kennemerland',
  versie: 'concept-2021',
  // The plan gives no period (seed 003 L104: concept November 2021); the product takes the school year
  // after it, 2022-2023, as its start: a product default, to be set to the adopted plan's date.
  geldigVanaf: '2022-08-01',
  bron: `${plan}; de planperiode staat niet in het concept`,
  sector: 'po',
  regio: 'noord',
  regioRegel:
    'rijksoverheid.nl regio-indeling schoolvakanties: Alkmaar, Dijk en Waard (Heerhugowaard, Langedijk), Bergen (NH) en Heiloo liggen in Noord-Holland, regio noord; het ondersteuningsplan noemt geen regio',
  zorgplicht: {
    ...wet.zorgplicht,
    beslistermijnWeken: {
      ...wet.zorgplicht.beslistermijnWeken,
      // seed 003 L287, L290
      toelichting: `Het ondersteuningsplan beschrijft de zorgplicht ("Scholen hebben zorgplicht", ${plan}, §6.1) zonder eigen termijnen: de wettelijke termijn van zes weken geldt.`,
    },
  },
  impasse: {
    ...wet.impasse,
    route: {
      soort: 'bestuursgeschil',
      // seed 003 L512–515 (§8.7.2)
      regel: `${plan}, §8.7 Klachten, bezwaren en geschillen`,
      toelichting:
        'Het plan kent geen plaatsingstafel of escalatieladder voor een leerling zonder plek; wel een route voor een geschil tussen schoolbesturen: eerst onderling overleg, dan een mediator, dan de geschillencommissie. Het plan noemt geen termijnen: het serviceniveau per trede is een standaardinstelling van dit systeem.',
      treden: [
        {
          code: 'E1',
          // the SWV stimulates the boards' overleg and follows it (product reading)
          rol: 'coordinator',
          omschrijving:
            'De schoolbesturen zoeken in onderling overleg naar een oplossing; het bestuur van het samenwerkingsverband stimuleert dit overleg',
          eigenaar: 'de betrokken schoolbesturen',
          // seed 003 L513
          regel: `${plan}, §8.7 Klachten, bezwaren en geschillen`,
        },
        {
          code: 'E2',
          // the SWV's directeur-bestuurder engages the mediator (L514)
          rol: 'directeur',
          omschrijving: 'Lukt dat niet, dan schakelt het bestuur van het samenwerkingsverband een mediator in',
          eigenaar: 'directeur-bestuurder PPO-NK',
          // seed 003 L514
          regel: `${plan}, §8.7 Klachten, bezwaren en geschillen`,
        },
        {
          code: 'E3',
          // the boards go to the commission; the SWV's directeur follows the case (product reading)
          rol: 'directeur',
          omschrijving:
            'Leidt mediatie niet tot een oplossing, dan mag elk betrokken schoolbestuur het geschil voorleggen aan de landelijke geschillencommissie',
          eigenaar: 'de betrokken schoolbesturen',
          // seed 003 L512, L515
          regel: `${plan}, §8.7 Klachten, bezwaren en geschillen`,
        },
      ],
    },
    // The impasse process climbs route.treden; there is no plaatsingstafel ladder.
    ladder: [],
  },
  tlv: {
    ...wet.tlv,
    route: {
      soort: 'commissie-consensus',
      partijen: {
        waarde: ['ouders', 'verwijzende school', 'ontvangende school', 'consulent passend onderwijs'],
        // seed 003 L360
        regel: `${plan}, §6.5.2 Toewijzingscommissie`,
        toelichting:
          '"Wanneer de ouders, de verwijzende school, de ontvangende school en de consulent overeenstemming hebben, dan bepaalt de toewijzingscommissie – op basis van de onderbouwing – de duur van de toelaatbaarheid en het bekostigingsniveau (1, 2 of 3)." Voor de toekenning is een volledig TOPdossier nodig, met instemming van de ouders.',
      },
      zonderConsensus: {
        door: 'de behandelaar van de leerling (kinder- of jeugdpsycholoog, pedagoog, arts of kinderpsychiater)',
        // seed 003 L358, L360
        regel: `${plan}, §6.5.2 Toewijzingscommissie`,
        toelichting:
          '"Wanneer er geen overeenstemming is, dan telt het oordeel van de behandelaar zwaar bij de afweging."',
      },
      besluit: {
        rol: 'deskundige',
        door: 'de toewijzingscommissie (directeur-bestuurder, orthopedagoog met GZ-registratie, jeugdarts, consulent voorzieningen, consulent passend onderwijs)',
        // seed 003 L353, L358
        regel: `${plan}, §6.5.1 Toelaatbaarheidsverklaring en §6.5.2 Toewijzingscommissie`,
        toelichting:
          'De jeugdarts, de orthopedagoog en de consulent zijn de deskundigen. Het product leest de commissie als het orgaan dat namens het bestuur (de directeur-bestuurder, die er zitting in heeft) besluit: de TLV vermeldt nummer, start- en einddatum en bekostigingsniveau.',
      },
      observatieplaatsing: {
        minWeken: {
          waarde: 10,
          // seed 003 L347
          regel: `${plan}, §6.4.2 Tijdelijke interventie en observatie`,
          toelichting: '"Een tijdelijke interventie- of observatieplaatsing heeft een duur van 10 tot 20 weken."',
        },
        maxWeken: {
          waarde: 20,
          // seed 003 L347
          regel: `${plan}, §6.4.2 Tijdelijke interventie en observatie`,
          toelichting:
            '"Van daaruit kan de best passende vervolgstap worden bepaald." Wie over de vervolgstap beslist en of de plaatsing een TLV vraagt, staat niet in het plan.',
        },
      },
    },
    categorieen: {
      // seed 003 L353, L360
      waarde: [
        { code: '1', omschrijving: 'bekostigingsniveau 1 (laag)', soorten: ['so'] },
        { code: '2', omschrijving: 'bekostigingsniveau 2 (midden)', soorten: ['so'] },
        { code: '3', omschrijving: 'bekostigingsniveau 3 (hoog)', soorten: ['so'] },
      ],
      regel: `${plan}, §6.5.1 Toelaatbaarheidsverklaring: het overeengekomen bekostigingsniveau van de ondersteuning (categorie 1, 2 of 3)`,
      toelichting:
        'Het plan maakt geen onderscheid tussen SBO en SO; het product leest de categorieën als de wettelijke bekostigingscategorieën van het SO (het SBO kent er geen).',
    },
    beslistermijnWeken: {
      ...wet.tlv.beslistermijnWeken,
      toelichting: `Het ondersteuningsplan noemt geen termijn voor de toewijzingscommissie (${plan}, §6.5); dan geldt een redelijke termijn van uiterlijk acht weken na ontvangst van de aanvraag (Awb 4:13).`,
    },
    duur: {
      soort: 'jaarlijks',
      minimaalJaren: {
        waarde: 1,
        // seed 003 L355
        regel: `${plan}, §6.5.1 Toelaatbaarheidsverklaring: een tijdelijke geldigheid van ten minste één jaar`,
        toelichting:
          '"De toelaatbaarheidsverklaring heeft in principe een tijdelijke geldigheid (ten minste één jaar)." Het product leest "één jaar" als twaalf maanden vanaf de start; zonder gekozen einddatum loopt de TLV tot het einde van het schooljaar waarin dat jaar vol is. "Wanneer duidelijk is dat een leerling hoogstwaarschijnlijk niet terug zal keren naar het regulier onderwijs, is een verklaring voor meerdere jaren mogelijk": dan geeft de commissie een latere einddatum.',
      },
      herbeoordeling: {
        // seed 003 L355
        regel: `${plan}, §6.5.1 Toelaatbaarheidsverklaring: doorgaans bekijken we na ieder jaar opnieuw welk arrangement past`,
        toelichting: 'De toewijzingscommissie "monitort de aanmeldingen, plaatsingen en terugplaatsingen".',
      },
    },
    bezwaar: {
      ...wet.tlv.bezwaar,
      beslissing: {
        ...wet.tlv.bezwaar.beslissing,
        // seed 003 L508–509
        toelichting: `Het ondersteuningsplan beschrijft geen bezwaarprocedure tegen een TLV (onder "Klachten en bezwaren" staat alleen de klachtenroute, ${plan}, §8.7.1): de route van de Algemene wet bestuursrecht geldt. Advies van de LBT, dan beslist het bestuur van het samenwerkingsverband (de directeur-bestuurder).`,
      },
    },
  },
  terugplaatsing: {
    ...wet.terugplaatsing,
    evaluatieWeken: {
      ...wet.terugplaatsing.evaluatieWeken,
      // seed 003 L355
      toelichting: `Het plan beschrijft geen procedure: "Onze toewijzingscommissie monitort de aanmeldingen, plaatsingen en terugplaatsingen" (${plan}, §6.5.1). Het product volgt het stappenplan met zijn standaardinstellingen; de jaarlijkse herbeoordeling is het moment om terugplaatsing te wegen.`,
    },
  },
  thuiszitters: {
    ...wet.thuiszitters!,
    rapportages: [
      ...wet.thuiszitters!.rapportages!,
      {
        soort: 'inspectie',
        maanden: [1, 3, 5, 7, 9, 11],
        periodeMaanden: 2,
        // seed 003 L650
        regel: `${plan}: de inspectie vraagt het aantal thuiszitters elke twee maanden op`,
      },
      {
        soort: 'trimester',
        maanden: [1, 5, 9],
        periodeMaanden: 4,
        // seed 003 L619
        regel: `${plan}: de trimesterrapportages bevatten de thuiszitters`,
        toelichting:
          'Het plan noemt geen data: het product rapporteert op 1 januari, 1 mei en 1 september over de vier maanden ervoor.',
      },
    ],
    vrijstelling: {
      // seed 003 L399
      regel: `${plan}, afspraak met de gemeenten over vrijstellingen`,
      toelichting:
        '"Met de gemeenten is afgesproken dat er alleen nog vrijstellingen van onderwijs worden gegeven, als het samenwerkingsverband daarbij betrokken is." De periode is een vaste periode (standaardinstelling van dit systeem).',
    },
  },
};
