/**
 * The process registry: every process the product runs, one line each. The API's start and action
 * routes, the OpenAPI document, the case-type and status enums and the id pattern derive from it;
 * a test checks that the worker runs each one's workflow.
 */
import type { ProcesDefinitie } from './definitie';
import { impasseProces } from './impasse';
import { terugplaatsingProces } from './terugplaatsing';
import { thuiszitterProces } from './thuiszitter';
import { tlvProces } from './tlv';
import { zorgplichtProces } from './zorgplicht';

export type { ProcesDefinitie } from './definitie';

export const processen: readonly ProcesDefinitie[] = [
  zorgplichtProces,
  impasseProces,
  tlvProces,
  terugplaatsingProces,
  thuiszitterProces,
];
