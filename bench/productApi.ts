import { toIsoDate } from '../src/domain';

/**
 * The product driven from outside, as a client would: HTTP with keep-alive (Node's fetch keeps
 * connections open), the coordinator's dev token, bodies as in the README.
 */
export class ProductApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  private async call(method: string, path: string, expect: number, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    // Read the whole answer: the connection is reused only after that, and it is part of the cost.
    const text = await res.text();
    if (res.status !== expect) throw new Error(`${method} ${path.replace(/zp-[0-9a-f-]+/, '{id}')} → ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** POST /api/v1/zaken/zorgplicht; the new case's id. */
  async create(i: number, aanmelddatum = toIsoDate(Date.now())): Promise<string> {
    const answer = (await this.call('POST', '/api/v1/zaken/zorgplicht', 201, aanmelding(i, aanmelddatum))) as { id: string };
    return answer.id;
  }

  async read(id: string): Promise<void> {
    await this.call('GET', `/api/v1/zaken/${id}`, 200);
  }

  async verlengen(id: string): Promise<void> {
    await this.call('POST', `/api/v1/zaken/${id}/acties/verlengen`, 200, { weken: 4, reden: 'Onderzoek door de orthopedagoog loopt nog' });
  }

  /** One page of 50; the number of cases on it. */
  async list(): Promise<number> {
    const answer = (await this.call('GET', '/api/v1/zaken?type=zorgplicht&limiet=50', 200)) as { zaken: unknown[] };
    return answer.zaken.length;
  }
}

/** A written aanmelding as the README's example sends it (school 12AB, region midden). */
export function aanmelding(i: number, aanmelddatum: string, brin = '12AB') {
  return {
    leerling: { naam: `Bench Leerling ${i}` },
    school: { brin, naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' },
    ouders: [{ naam: `Ouder ${i}`, email: 'ouders@example.org' }],
    beleid: 'wet',
    aanmelddatum,
  };
}
