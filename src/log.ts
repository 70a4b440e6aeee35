import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Callers log ids, codes and statuses only; as a second line of defence the
 * fields that could carry personal data are redacted wherever they appear.
 */
export const PERSONAL_FIELDS = ['naam', 'voornaam', 'achternaam', 'email', 'bsn', 'geboortedatum', 'leerling', 'ouders', 'body'];

export function createLogger(name: string, destination?: DestinationStream): Logger {
  const paths = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`]);
  return pino(
    {
      name,
      level: process.env.LOG_LEVEL ?? 'info',
      redact: { paths, censor: '[verwijderd]' },
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
export type { Logger };
