// Every workflow the worker runs: one process per file.
export { zorgplicht } from './zorgplicht';
export { impasse } from './impasse';
export { tlv } from './tlv';
export { terugplaatsing } from './terugplaatsing';
export { wekelijksOverzicht } from './wekelijksOverzicht';
export { tlvInventaris } from './tlvInventaris';
export { levensteken } from './levensteken';
export { terugplaatsingScreening } from './terugplaatsingScreening';
export { agendaAbonnementen } from './agendaAbonnementen';
export { thuiszitter } from './thuiszitter';
export { thuiszitterRapportage } from './thuiszitterRapportage';
