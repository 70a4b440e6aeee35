/**
 * One client for the API in tests, the calls every client makes: start a case of a process, read
 * it, take an action, list cases, each as a role. `stack` is asked on every call, so a test can
 * make its client before `beforeAll` has started the stack.
 */
import type express from 'express';
import request from 'supertest';
import type { Role } from '../../src/auth/actors';

export interface Stack {
  app: express.Express;
  tokenOf: (rol: Role) => string;
}

export function apiClient(stack: () => Stack) {
  const auth = (rol: Role) => ({ Authorization: `Bearer ${stack().tokenOf(rol)}` });
  /** Every case the API answered with 201: the server must hold exactly these workflows. */
  const gemaakt: string[] = [];
  const create = async (type: string, body: unknown, rol: Role = 'coordinator') => {
    const res = await request(stack().app)
      .post(`/api/v1/zaken/${type}`)
      .set(auth(rol))
      .send(body as object);
    if (res.status === 201) gemaakt.push(res.body.id);
    return res;
  };
  const get = (id: string, rol: Role = 'coordinator') => request(stack().app).get(`/api/v1/zaken/${id}`).set(auth(rol));
  const act = (id: string, actie: string, body: unknown, rol: Role = 'coordinator') =>
    request(stack().app)
      .post(`/api/v1/zaken/${id}/acties/${actie}`)
      .set(auth(rol))
      .send(body as object);
  /** A list route (`/api/v1/zaken?…`, `/api/v1/impasses?…`). */
  const list = (pad: string, rol: Role = 'coordinator') => request(stack().app).get(pad).set(auth(rol));
  return { auth, gemaakt, create, get, act, list };
}
