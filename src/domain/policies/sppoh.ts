/**
 * 'sppoh': Stichting Passend Primair Onderwijs Haaglanden (seed 000). Not a shipped policy yet (its
 * zorgplicht and impasse terms come with it in a later issue); this is its TLV bezwaar route, as data,
 * for that policy: seed 000 L298 — the bezwaar is lodged with the SWV and put to the LBT for advice;
 * then the directeur decides on behalf of the board; then beroep at the rechtbank in Den Haag.
 * The terms are the law's (Awb): the seed gives none.
 */
import type { PolicyInput } from '../policy';
import { wetPolicyInput } from './wet';

const wet = wetPolicyInput.tlv.bezwaar;

export const sppohTlvBezwaar: PolicyInput['tlv']['bezwaar'] = {
  ...wet,
  indieners: {
    ...wet.indieners,
    // seed 000 L298: "Besluiten van het samenwerkingsverband staan voor belanghebbenden open voor bezwaar en beroep"
    toelichting:
      'Belanghebbenden: de ouders en het schoolbestuur (Ondersteuningsplan SPPOH 2021–2025, §2.6.2; Awb 1:2).',
  },
  advies: {
    // seed 000 L298
    door: 'landelijke adviescommissie bezwaar TLV (LBT)',
    regel: 'Ondersteuningsplan SPPOH 2021–2025, §2.6.2 Bezwaar en beroep; Algemene wet bestuursrecht, artikel 7:13',
  },
  beslissing: {
    // seed 000 L298 (the directeur also decides the TLV itself, L469)
    door: 'de directeur van het samenwerkingsverband, namens het bestuur',
    regel: 'Ondersteuningsplan SPPOH 2021–2025, §2.6.2 Bezwaar en beroep',
    toelichting: 'De directeur beslist namens het bestuur op het bezwaar, met inachtneming van het advies van de LBT.',
  },
  beroep: {
    ...wet.beroep,
    // seed 000 L298
    door: 'de rechtbank Den Haag',
    regel: 'Ondersteuningsplan SPPOH 2021–2025, §2.6.2 Bezwaar en beroep; Algemene wet bestuursrecht, artikel 8:1',
  },
};
