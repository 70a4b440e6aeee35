/** The TLV's request bodies as the API tests send them (dates relative to today). */
import { vandaag } from './zakenHarness';

/** A complete aanvraag for a pupil in groep 5 of `brin` (SPOW: 6 weeks to decide). */
export function tlvAanvraag(brin = '12AB', overrides: Record<string, unknown> = {}) {
  return {
    leerling: { naam: 'Quirijn Vandersnoek', groep: 5 },
    school: { brin, naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' },
    ouders: [{ naam: 'Fenna Vandersnoek', email: 'fenna@ouders.example' }],
    beleid: 'spow',
    aanvraag: {
      soort: 'sbo',
      hia: { datum: vandaag(-14), deelnemers: ['ouders', 'IB De Regenboog', 'OA'] },
      interventietraject: 'Twee jaar arrangement met ambulante begeleiding, geëvalueerd in het OPP',
      toestemmingOuders: { datum: vandaag(-7), schriftelijk: true },
      documenten: [{ soort: 'OPP', kenmerk: 'OPP-2026-117' }],
    },
    ...overrides,
  };
}

export const tlvBeoordeling = { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool' };

export const tlvToekennen = {
  uitkomst: 'toegekend',
  reden: 'De ondersteuningsbehoefte overstijgt wat de basisschool kan bieden',
  startdatum: vandaag(30),
  school: { naam: 'SBO De Vaart', email: 'directie@devaart.example' },
};
