import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Actor, Role } from '../auth/actors';
import { Problem, problems } from './problem';
import { problemSchema } from './schemas';

type Method = 'get' | 'post' | 'put' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Set on every authenticated route. */
  actor: Actor;
  req: Request;
  res: Response;
}

export interface RouteDef<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  method: Method;
  /** Express style (`/api/v1/zaken/:id`); the OpenAPI path is derived from it. */
  path: string;
  summary: string;
  tags: string[];
  /** Roles allowed; `public` routes need no token. */
  roles: readonly Role[] | 'public';
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /**
   * One generic route that stands for several operations (each action of each process): the
   * OpenAPI document shows these instead, each with its own path, body and roles.
   */
  documentatie?: { path: string; summary: string; tags: string[]; roles: readonly Role[]; body?: z.ZodType }[];
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<Antwoord>;
}

/** A route's answer: JSON, or a text of another type (a report as CSV) when `tekst` is given. */
export interface Antwoord {
  status: number;
  body: unknown;
  tekst?: { type: string; inhoud: string; bestand?: string };
}

/** Declaring routes through this keeps validation and the OpenAPI document from one zod source. */
export function defineRoute<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodUndefined,
>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

const openapiPath = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw problems.invalid(where, result.error);
  return result.data;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mount(router: Router, registry: OpenAPIRegistry, route: RouteDef<any, any, any>): void {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { 'application/json': { schema: r.schema } } }
      : { description: r.description };
  }
  const errors: Record<string, string> = { 400: 'Ongeldige invoer' };
  if (route.roles !== 'public')
    Object.assign(errors, { 401: 'Geen of ongeldig token', 403: 'Rol of school niet toegestaan' });
  for (const [status, description] of Object.entries(errors)) {
    responses[status] ??= { description, content: { 'application/problem+json': { schema: problemSchema } } };
  }
  const operaties = route.documentatie ?? [
    { path: openapiPath(route.path), summary: route.summary, tags: route.tags, roles: route.roles, body: route.body },
  ];
  for (const op of operaties) {
    registry.registerPath({
      method: route.method,
      path: op.path,
      summary: op.roles === 'public' ? op.summary : `${op.summary} (${op.roles.join(', ')})`,
      tags: op.tags,
      security: op.roles === 'public' ? [] : [{ bearerAuth: [] }],
      request: {
        params: route.documentatie ? route.params?.omit({ actie: true }) : route.params,
        query: route.query,
        body: op.body ? { content: { 'application/json': { schema: op.body } }, required: true } : undefined,
      },
      responses,
    });
  }

  router[route.method](route.path, async (req, res, next) => {
    try {
      const out = await voerUit(route, res.locals.actor as Actor | undefined, req, res);
      if (!out.tekst) res.status(out.status).json(out.body);
      else {
        if (out.tekst.bestand) res.setHeader('Content-Disposition', `attachment; filename="${out.tekst.bestand}"`);
        res.status(out.status).type(out.tekst.type).send(out.tekst.inhoud);
      }
    } catch (err) {
      next(err);
    }
  });
}

/**
 * One route's rules and handler, outside express's routing too: the werkbak (src/werkbak) takes every
 * step through this, so its pages obey exactly the API's roles, validation and school scope.
 */
export async function voerUit(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  route: RouteDef<any, any, any>,
  actor: Actor | undefined,
  req: Request,
  res: Response,
): Promise<Antwoord> {
  if (route.roles !== 'public') {
    if (!actor) throw problems.unauthenticated();
    if (!route.roles.includes(actor.rol)) {
      throw problems.forbidden(`De rol ${actor.rol} mag dit niet; toegestaan: ${route.roles.join(', ')}.`);
    }
  }
  const params = parse(route.params, req.params, 'het pad');
  const query = parse(route.query, req.query, 'de query');
  const body = parse(route.body, req.body, 'de body');
  return route.handler({ params, query, body, actor: actor!, req, res });
}

export { Problem };
