import http from 'node:http';
import { toIsoDate } from '../src/domain';

/**
 * The product driven from outside, as a client would: HTTP/1.1 with keep-alive, the coordinator's
 * dev token, bodies as in the README. The client runs on the same two cores as the product, so it is
 * the lean one, `node:http` with a keep-alive agent: `fetch` costs the bench process about 30% more
 * CPU per request, which would be counted against the product.
 */
export class ProductApi {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  private call(method: string, path: string, expect: number, body?: unknown): Promise<unknown> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          timeout: 30_000,
          headers: {
            authorization: `Bearer ${this.token}`,
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          // Read the whole answer: the connection is reused only after that, and it is part of the cost.
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== expect)
              return reject(
                new Error(
                  `${method} ${path.replace(/zp-[0-9a-f-]+/, '{id}')} → ${res.statusCode} ${text.slice(0, 200)}`,
                ),
              );
            try {
              resolve(text ? JSON.parse(text) : undefined);
            } catch (err) {
              reject(err);
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after 30 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  /** POST /api/v1/zaken/zorgplicht; the new case's id. */
  async create(i: number, aanmelddatum = toIsoDate(Date.now())): Promise<string> {
    const answer = (await this.call('POST', '/api/v1/zaken/zorgplicht', 201, aanmelding(i, aanmelddatum))) as {
      id: string;
    };
    return answer.id;
  }

  async read(id: string): Promise<void> {
    await this.call('GET', `/api/v1/zaken/${id}`, 200);
  }

  async verlengen(id: string): Promise<void> {
    await this.call('POST', `/api/v1/zaken/${id}/acties/verlengen`, 200, {
      weken: 4,
      reden: 'Onderzoek door de orthopedagoog loopt nog',
      // The school's board decides; the coordinator records on whose mandate (issue 10).
      mandaat: 'de directeur van De Regenboog',
    });
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
