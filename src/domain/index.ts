/** Barrel: the pure, deterministic domain layer (safe to import from Temporal workflows). */
export * from './dates';
export * from './schoolYear';
export * from './groepen';
export * from './regio';
export * from './easter';
export * from './holidayData';
export * from './holidays';
export * from './schemas';
export * from './policy';
export * from './policies';
export * from './deadlines';
export * from './tlv';
export * from './termijnenwet';
export * from './terugplaatsing';
export * from './thuiszitters';
