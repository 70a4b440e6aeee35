/** One set of inputs for the terugplaatsing tests: the S(B)O school, a receiving school, the steps to get far. */
import type { WorkflowHandle } from '@temporalio/client';
import { getPolicy, regionaalRooster } from '../../src/domain';
import type {
  KandidaatSchool,
  StapInvoer,
  TerugplaatsingInput,
  ToestemmingInvoer,
} from '../../src/shared/terugplaatsing';
import type { ActorRef, Stap } from '../../src/shared/zaak';
import { stapUpdate, toestemmingUpdate, type terugplaatsing } from '../../src/workflows/terugplaatsing';
import { coordinator } from './zorgplicht';

export { coordinator };
export const sboSchool: ActorRef = { id: 'ib-11sb', naam: 'IB SBO De Wissel', rol: 'school' };
export const ontvangendeSchool: ActorRef = { id: 'ib-22ba', naam: 'IB De Linde', rol: 'school' };
/** As the API sends a school actor's step: with its BRIN codes. */
export const alsSbo: Stap = { door: sboSchool, scope: ['11SB'] };
export const alsOntvangend: Stap = { door: ontvangendeSchool, scope: ['22BA'] };
export const alsSwv: Stap = { door: coordinator };

export const deLinde: KandidaatSchool = { brin: '22BA', naam: 'De Linde', email: 'ib@delinde.example' };
export const deVlinder: KandidaatSchool = { brin: '33CC', naam: 'De Vlinder', email: 'ib@devlinder.example' };

export function terugplaatsingInput(overrides: Partial<TerugplaatsingInput> = {}): TerugplaatsingInput {
  return {
    leerling: { naam: 'Sanne Testleerling' },
    school: { brin: '11SB', naam: 'SBO De Wissel', email: 'ib@dewissel.example', regio: 'midden' },
    ouders: [{ email: 'ouder@example.org' }],
    beleid: getPolicy('spow'),
    kalender: regionaalRooster('midden', '2026-09-01', '2028-07-31'),
    signaal: 'OPP-bespreking: de leerdoelen voor rekenen en lezen zijn behaald',
    coordinatorEmail: 'coordinator@swv.example',
    gestartDoor: sboSchool,
    ...overrides,
  };
}

export const toestemming = (school: KandidaatSchool, datum: string, extra: Partial<ToestemmingInvoer> = {}) => ({
  school,
  voor: 'groeidocument-opp' as const,
  gegevenDoor: 'moeder',
  datum,
  schriftelijk: true,
  ingetrokken: false,
  ...extra,
  ...alsSbo,
});

type H = WorkflowHandle<typeof terugplaatsing>;
export const stap = (h: H, s: StapInvoer, als: Stap = alsSbo) =>
  h.executeUpdate(stapUpdate, { args: [{ ...s, ...als }] });

/** Stap 1: wenselijk, the parents agree; the optional steps recorded or skipped. */
export async function signaleren(h: H, datum: string): Promise<void> {
  await stap(h, {
    stap: '1.2',
    wenselijk: true,
    toelichting: 'de onderwijsbehoeften passen in het regulier onderwijs',
  });
  await stap(h, { stap: '1.3', datum, overeenstemming: true, verslag: 'ouders willen graag een school dichtbij huis' });
  await stap(h, { stap: '1.4', overgeslagen: true, reden: 'de OA zat al bij de OPP-bespreking' });
}

/** Stap 2 up to a school found: contact, consent, sharing, found (2.3), observation, visit. */
export async function vindSchool(h: H, datum: string, school = deLinde): Promise<void> {
  await stap(h, { stap: '2.1', school });
  await h.executeUpdate(toestemmingUpdate, { args: [toestemming(school, datum)] });
  await stap(h, { stap: '2.2', school });
  await stap(h, { stap: '2.3', school });
}

/** From a found school through Stap 3 to a positive decision. */
export async function besluitPositief(h: H, datum: string, symbiose = false): Promise<void> {
  await stap(h, { stap: '2.5', datum, verslag: 'observatie over en weer: de leerling past in groep 6' }, alsOntvangend);
  await stap(h, { stap: '2.6', datum }, alsSbo);
  await stap(
    h,
    {
      stap: '3.1',
      datum,
      deelnemers: ['ouders', 'SBO De Wissel', 'De Linde'],
      succescriteria: 'de leerling voelt zich veilig en haalt de groepsdoelen',
      extraOndersteuning: 'twee uur per week begeleiding vanuit het SBO',
      symbiose,
      ...(symbiose ? { symbioseovereenkomst: 'SO-2026-014' } : {}),
      voorbereidingLeerling: 'kennismaking met de nieuwe leerkracht en een wenschema',
      voorbereidingKlas: 'de leerkracht bespreekt de komst met de groep',
    },
    alsSbo,
  );
  await stap(
    h,
    {
      stap: '3.2',
      doelen: 'rekenen en lezen op niveau groep 6',
      afspraken: 'wekelijks contact tussen leerkrachten',
      evaluatiemomenten: 'na zes weken en na drie maanden',
      tijdspad: 'start na de herfstvakantie',
      extraOndersteuning: 'begeleiding vanuit het SBO',
      vastgelegdIn: 'groeidocument',
    },
    alsOntvangend,
  );
  await stap(h, { stap: '3.3', besluit: 'positief', reden: 'de school kan de ondersteuning bieden' }, alsOntvangend);
}
