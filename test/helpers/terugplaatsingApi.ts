/**
 * The terugplaatsing's request bodies as the API tests send them (dates relative to today), and the
 * school tokens the tests act with: the S(B)O school, a receiving school and a school not involved.
 */
import type { DevTokenFile } from '../../src/auth/actors';
import { vandaag } from './zakenHarness';

export const SBO_BRIN = '11SB';
export const ONTVANGEND_BRIN = '22BA';
export const DERDE_BRIN = '33CC';

export const SBO_TOKEN = 'test-school-sbo-11sb-0123456789abcdef';
export const ONTVANGEND_TOKEN = 'test-school-ontvangend-22ba-0123456789';
export const DERDE_TOKEN = 'test-school-derde-33cc-0123456789abcdef';

/** The extra tokens for `startZakenHarness`: one school token per BRIN. */
export const terugplaatsingTokens: DevTokenFile['tokens'] = [
  { token: SBO_TOKEN, id: 'tp-ib-11sb', naam: 'IB SBO De Wissel (test)', rol: 'school', brins: [SBO_BRIN] },
  { token: ONTVANGEND_TOKEN, id: 'tp-ib-22ba', naam: 'IB De Linde (test)', rol: 'school', brins: [ONTVANGEND_BRIN] },
  { token: DERDE_TOKEN, id: 'tp-ib-33cc', naam: 'IB De Sterren (test)', rol: 'school', brins: [DERDE_BRIN] },
];

/** A possible receiving school: De Linde (its token above). */
export const deLinde = { brin: ONTVANGEND_BRIN, naam: 'De Linde', email: 'ib@delinde.example' };
/** A school nobody contacted and no consent names. */
export const deVlinder = { brin: '44DD', naam: 'De Vlinder' };

/** A valid start body: the S(B)O school signals that the pupil can go back (stap 1.1). */
export function terugplaatsingStart(overrides: Record<string, unknown> = {}) {
  return {
    leerling: { naam: 'Sanne Testleerling' },
    school: { brin: SBO_BRIN, naam: 'SBO De Wissel', email: 'ib@dewissel.example', regio: 'midden' },
    ouders: [{ naam: 'Fenna Testouder', email: 'fenna@ouders.example' }],
    beleid: 'spow',
    signaal: 'OPP-bespreking: de leerdoelen voor rekenen en lezen zijn behaald',
    ...overrides,
  };
}

export const stap12 = {
  stap: '1.2',
  wenselijk: true,
  toelichting: 'de onderwijsbehoeften passen in het regulier onderwijs',
};
export const stap13 = () => ({
  stap: '1.3',
  datum: vandaag(),
  overeenstemming: true,
  verslag: 'ouders willen graag een school dichtbij huis',
});
export const toestemmingVoor = (school: { brin: string; naam: string }) => ({
  school,
  voor: 'groeidocument-opp',
  gegevenDoor: 'moeder',
  datum: vandaag(),
  schriftelijk: true,
});
export const stap25 = () => ({
  stap: '2.5',
  datum: vandaag(),
  verslag: 'observatie over en weer: de leerling past in groep 6',
});
export const stap31 = () => ({
  stap: '3.1',
  datum: vandaag(),
  deelnemers: ['ouders', 'SBO De Wissel', 'De Linde'],
  succescriteria: 'de leerling voelt zich veilig en haalt de groepsdoelen',
  extraOndersteuning: 'twee uur per week begeleiding vanuit het SBO',
  symbiose: false,
  voorbereidingLeerling: 'kennismaking met de nieuwe leerkracht en een wenschema',
  voorbereidingKlas: 'de leerkracht bespreekt de komst met de groep',
});
export const stap32 = {
  stap: '3.2',
  doelen: 'rekenen en lezen op niveau groep 6',
  afspraken: 'wekelijks contact tussen leerkrachten',
  evaluatiemomenten: 'na zes weken en na drie maanden',
  tijdspad: 'start na de herfstvakantie',
  extraOndersteuning: 'begeleiding vanuit het SBO',
  vastgelegdIn: 'groeidocument',
};
