/** The TLV workflow tests' inputs: one aanvraag, two deskundigen, one grant (SPOW, regio midden). */
import { getPolicy, regionaalRooster } from '../../src/domain';
import type { TlvBesluiten, TlvInput } from '../../src/shared/tlv';
import type { ActorRef } from '../../src/shared/zaak';
import { coordinator } from './zorgplicht';

export const deskundigeA: ActorRef = { id: 'oa-1', naam: 'Ondersteuningsadviseur', rol: 'deskundige' };
export const deskundigeB: ActorRef = { id: 'orthoped-2', naam: 'Orthopedagoog', rol: 'deskundige' };

/** A complete aanvraag received on Monday 14 December 2026 for a pupil in groep 5. */
export function tlvInput(overrides: Partial<TlvInput> = {}): TlvInput {
  return {
    leerling: { naam: 'Sanne Testleerling', groep: 5 },
    school: { brin: '12AB', naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' },
    ouders: [{ naam: 'J. Testouder', email: 'ouder@example.org' }],
    beleid: getPolicy('spow'),
    aanvraag: {
      ontvangen: '2026-12-14',
      soort: 'sbo',
      emb: false,
      hia: { datum: '2026-11-30', deelnemers: ['ouders', 'IB De Regenboog', 'OA'] },
      interventietraject: 'Twee jaar arrangement met ambulante begeleiding, geëvalueerd in het OPP',
      toestemmingOuders: { datum: '2026-12-01', schriftelijk: true },
      documenten: [{ soort: 'OPP', kenmerk: 'OPP-2026-117' }],
    },
    coordinatorEmail: 'coordinator@swv.example',
    kalender: regionaalRooster('midden', '2026-11-30', '2028-12-31'),
    aangevraagdDoor: coordinator,
    ...overrides,
  };
}

/** The 2nd deskundige's grant: SBO De Vaart from 1 February 2027, the end date by the policy. */
export const toekennen = (overrides: Partial<Extract<TlvBesluiten, { uitkomst: 'toegekend' }>> = {}): TlvBesluiten => ({
  uitkomst: 'toegekend',
  reden: 'De ondersteuningsbehoefte overstijgt wat de basisschool kan bieden',
  startdatum: '2027-02-01',
  school: { naam: 'SBO De Vaart', email: 'directie@devaart.example' },
  door: deskundigeB,
  ...overrides,
});
