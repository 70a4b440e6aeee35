import type { z } from 'zod';

export interface InvalidParam {
  name: string;
  reason: string;
}

/**
 * An RFC 9457 problem, the one error shape of every route (as the Dutch ZGW APIs use it):
 * a Dutch `title`/`detail` for people, `invalidParams` for field errors.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
    readonly code?: string,
  ) {
    super(detail ?? title);
  }

  toJSON(instance: string, requestId: string) {
    return {
      type: `urn:passend-onderwijs:problem:${this.code ?? statusCode(this.status)}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      instance,
      requestId,
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
    };
  }
}

function statusCode(status: number): string {
  const names: Record<number, string> = {
    400: 'ongeldige-invoer',
    401: 'niet-geauthenticeerd',
    403: 'geen-toegang',
    404: 'niet-gevonden',
    405: 'methode-niet-toegestaan',
    409: 'conflict',
    413: 'te-groot',
    415: 'mediatype-niet-ondersteund',
    500: 'serverfout',
    503: 'niet-beschikbaar',
  };
  return names[status] ?? String(status);
}

export const problems = {
  invalid: (where: string, error: z.ZodError) =>
    new Problem(
      400,
      'Ongeldige invoer',
      `Een of meer velden in ${where} zijn niet geldig.`,
      error.issues.map((i) => ({ name: i.path.length ? i.path.join('.') : where, reason: i.message })),
    ),
  unauthenticated: () =>
    new Problem(401, 'Niet geauthenticeerd', 'Stuur een geldig token mee: Authorization: Bearer <token>.'),
  forbidden: (detail: string) => new Problem(403, 'Geen toegang', detail),
  notFound: (detail: string) => new Problem(404, 'Niet gevonden', detail),
  conflict: (detail: string) => new Problem(409, 'Stap nu niet toegestaan', detail),
  unavailable: (detail: string) => new Problem(503, 'Niet beschikbaar', detail),
};
