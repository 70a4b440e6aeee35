import { getPolicy, regionaalRooster } from '../../src/domain';
import type { ImpasseInput } from '../../src/shared/impasse';
import { coordinator } from './zorgplicht';

/** An impasse's input as its workflow tests start it: SPOW, De Regenboog in regio midden. */
export function impasseInput(overrides: Partial<ImpasseInput> = {}): ImpasseInput {
  return {
    leerling: { naam: 'Sanne Testleerling' },
    school: { brin: '12AB', naam: 'De Regenboog', regio: 'midden' },
    beleid: getPolicy('spow'),
    kalender: regionaalRooster('midden', '2026-12-01', '2028-07-31'),
    reden: 'geen passende plek gevonden',
    aanleiding: 'overig',
    gemeldDoor: coordinator,
    ...overrides,
  };
}
