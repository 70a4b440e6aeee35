import type { Request, Response } from 'express';
import type { Actor } from '../auth/actors';
import { voerUit, type RouteDef } from '../api/route';

export interface Aanroep {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A form's key: posted twice (a double click, a retry), the step happens once. */
  idempotencyKey?: string;
}

/**
 * The API's routes, called in-process as the signed-in actor: the werkbak reads and acts only
 * through them, so a page can never show or do what the API would refuse that actor. A refusal is
 * the route's Problem (status, Dutch detail, invalid params).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function apiVoor(routes: readonly RouteDef<any, any, any>[]) {
  const perSleutel = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return (actor: Actor) =>
    async function roep<T>(methode: 'get' | 'post', pad: string, aanroep: Aanroep = {}): Promise<T> {
      const route = perSleutel.get(`${methode} ${pad}`);
      if (!route) throw new Error(`geen API-route ${methode} ${pad}`);
      const headers: Record<string, string | undefined> = { 'idempotency-key': aanroep.idempotencyKey };
      const req = {
        params: aanroep.params ?? {},
        query: aanroep.query ?? {},
        body: aanroep.body,
        get: (naam: string) => headers[naam.toLowerCase()],
        // No Accept header in-process: the route's first type (JSON), as express answers without one.
        accepts: (typen: string[]) => typen[0],
      } as unknown as Request;
      const res = { setHeader: () => undefined, locals: {} } as unknown as Response;
      return (await voerUit(route, actor, req, res)).body as T;
    };
}
export type Roep = ReturnType<ReturnType<typeof apiVoor>>;
