/**
 * 'wet': the law defaults that apply to every SWV unless its own plan says otherwise (domain README,
 * "Law defaults"), plus product defaults where the law is silent (rule text: 'standaardinstelling van dit systeem').
 * Rule texts are shown to coordinators and written in letters to parents: plain Dutch that names the
 * rule and its source; seed line numbers stay in these comments.
 * The WPO wording below is a paraphrase of art. 40 (toelating, zorgplicht); check the consolidated text
 * on wetten.overheid.nl before quoting it to parents.
 */
import { PolicyInput } from '../policy';

export const wetPolicyInput: PolicyInput = {
  code: 'wet',
  naam: 'Wettelijke standaard (WPO/Awb)',
  regio: 'midden',
  regioRegel:
    'productstandaard: de wet kent geen vakantieregio; elk samenwerkingsverband stelt de regio van zijn scholen in',
  tijden: { herinnering: '08:00', deadline: '17:00', tijdzone: 'Europe/Amsterdam' },
  zorgplicht: {
    beslistermijnWeken: {
      waarde: 6,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
      toelichting:
        'Het bevoegd gezag beslist binnen zes weken na ontvangst van de schriftelijke aanmelding over de toelating (parafrase). Zie ook seed 000 L292: "binnen 6 (+ 4) weken".',
    },
    verlengingMaxWeken: {
      waarde: 4,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
      toelichting:
        'De termijn kan eenmaal met ten hoogste vier weken worden verlengd; ouders worden schriftelijk geïnformeerd (parafrase).',
    },
    tijdelijkePlaatsingNaWeken: {
      waarde: 10,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
      toelichting:
        'Is na tien weken (zes plus ten hoogste vier) nog niet beslist, dan wordt de leerling tijdelijk geplaatst en ingeschreven, tenzij hij al op een andere school staat ingeschreven, tot het bevoegd gezag beslist (parafrase).',
    },
    herinneringenDagenVoor: {
      waarde: [14, 7, 2],
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet noemt geen herinneringen; het product herinnert de school 14, 7 en 2 dagen vóór de beslisdatum, op de vorige schooldag als die dag geen schooldag is.',
    },
  },
  impasse: {
    serviceniveauSchooldagen: {
      waarde: 10,
      regel: 'standaardinstelling van dit systeem',
      toelichting:
        'De wet kent geen termijnen voor het oplossen van een impasse; na 10 schooldagen op dezelfde trede telt de zaak als vastgelopen.',
    },
    herinneringenSchooldagenVoor: {
      waarde: [3, 1],
      regel: 'standaardinstelling van dit systeem',
      toelichting: 'Herinnering aan de eigenaar van de trede 3 en 1 schooldag vóór het serviceniveau verloopt.',
    },
    ladder: [],
  },
  tlv: {
    beslistermijnWeken: {
      waarde: 8,
      regel: 'Algemene wet bestuursrecht, artikel 4:13 lid 2',
      toelichting:
        'WPO art. 18a stelt geen beslistermijn voor de TLV; dan geldt een redelijke termijn van uiterlijk acht weken na ontvangst van de aanvraag.',
    },
    bezwaartermijnWeken: {
      waarde: 6,
      regel: 'Algemene wet bestuursrecht, artikel 6:7',
      toelichting: 'Bezwaar binnen zes weken; de termijn begint de dag na bekendmaking van het besluit (Awb 6:8).',
    },
    beslistermijnBezwaarWeken: {
      waarde: 12,
      regel: 'Algemene wet bestuursrecht, artikel 7:10 lid 1',
      toelichting:
        'Met advies van een commissie (de LBT) beslist het SWV binnen twaalf weken na afloop van de bezwaartermijn; verdaging met ten hoogste zes weken is mogelijk (Awb 7:10 lid 3).',
    },
    duur: {
      soort: 'expliciet',
      regel:
        'Wet op het primair onderwijs, artikel 18a: het samenwerkingsverband bepaalt de geldigheidsduur van elke toelaatbaarheidsverklaring',
    },
  },
};
