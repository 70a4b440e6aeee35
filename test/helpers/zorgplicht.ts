import { randomUUID } from 'node:crypto';
import { getPolicy, regionaalRooster } from '../../src/domain';
import type { ActorRef } from '../../src/shared/zaak';
import type { ZorgplichtInput } from '../../src/shared/zorgplicht';

export const school: ActorRef = { id: 'ib-12ab', naam: 'IB De Regenboog', rol: 'school' };
export const coordinator: ActorRef = { id: 'oa-1', naam: 'Ondersteuningsadviseur', rol: 'coordinator' };

/** A case's input, and the id the test starts it under (the API makes it: `zp-<uuid>`). */
export type TestZorgplicht = ZorgplichtInput & { zaakId: string };

export function zorgplichtInput(overrides: Partial<TestZorgplicht> = {}): TestZorgplicht {
  return {
    kalender: regionaalRooster('midden', '2026-06-01', '2028-07-31'),
    zaakId: `zaak-${randomUUID()}`,
    leerling: { naam: 'Sanne Testleerling' },
    school: { brin: '12AB', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'midden' },
    ouders: [{ email: 'ouder@example.org' }],
    beleid: getPolicy('wet'),
    aanmelddatum: '2026-06-15',
    coordinatorEmail: 'coordinator@swv.example',
    gestartDoor: coordinator,
    ...overrides,
  };
}
