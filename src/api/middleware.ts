import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Authenticator } from '../auth/authenticator';
import type { Logger } from '../log';
import { Problem, problems } from './problem';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Request id (accepted from `X-Request-Id` when well-formed) and one log line per request. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // The route pattern, not the URL: query strings are never logged.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'onbekend';
      logger.info(
        {
          requestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          actorId: res.locals.actor?.id,
          rol: res.locals.actor?.rol,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * Credentials → actor, from whichever authenticator the API was given (token file today, single
 * sign-on later). Routes decide whether an actor is required and which roles.
 */
export function authenticate(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('authorization');
    if (!authorization) return next();
    const result = await authenticator.actorVoor({ authorization });
    if (!result) return next();
    if ('geweigerd' in result)
      return next(result.geweigerd === 'verlopen' ? tokenVerlopen() : problems.unauthenticated());
    res.locals.actor = result.actor;
    next();
  };
}

/** Whose token it was stays unsaid: the caller may not be its owner. */
const tokenVerlopen = () =>
  new Problem(
    401,
    'Niet geauthenticeerd',
    'Dit token is verlopen. Vraag de beheerder van het samenwerkingsverband om een nieuw token.',
  );

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(problems.notFound(`Er is geen route ${req.method} ${req.path}.`));
};

/** Every error leaves as application/problem+json; a client's mistake is never a 500. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let problem: Problem;
    if (err instanceof Problem) {
      problem = err;
    } else if (err?.type === 'entity.parse.failed') {
      problem = new Problem(400, 'Ongeldige JSON', 'De body is geen geldige JSON.');
    } else if (err?.type === 'entity.too.large') {
      problem = new Problem(413, 'Body te groot', 'De body is groter dan toegestaan.');
    } else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
      problem = new Problem(415, 'Codering niet ondersteund', 'Stuur de body als UTF-8 JSON.');
    } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      problem = new Problem(err.status, 'Ongeldig verzoek', 'Het verzoek kon niet worden gelezen.');
    } else {
      // Only the error's class and message: messages of our own code carry no personal data.
      logger.error(
        {
          requestId: res.locals.requestId,
          // The cause's gRPC code too: which answer of Temporal's was not mapped (no payloads in it).
          err: { type: err?.name, message: err?.message, code: err?.cause?.code ?? err?.code },
        },
        'onverwachte fout',
      );
      problem = new Problem(
        500,
        'Interne fout',
        'Er ging iets mis aan onze kant. Vermeld het request-id bij een melding.',
      );
    }
    // An outage is temporary: tell the client when to try again (RFC 9110 §10.2.3). A write may
    // still take effect: say so, and how to retry it safely.
    if (problem.status === 503) {
      res.setHeader('Retry-After', '5');
      // An outage is an operator's business: which answer of Temporal's it was (no payloads in it).
      const grpcCode = (problem as Problem & { grpcCode?: number }).grpcCode;
      if (grpcCode !== undefined)
        logger.warn({ requestId: res.locals.requestId, grpcCode }, 'procesmotor niet beschikbaar');
      if (req.method === 'POST' && !problem.detail?.includes('Idempotency-Key'))
        problem = new Problem(
          503,
          problem.title,
          `${problem.detail ?? ''} Het kan zijn dat de stap toch wordt uitgevoerd: herhaal hem met dezelfde Idempotency-Key, dan gebeurt hij één keer.`.trim(),
          problem.invalidParams,
        );
    }
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toJSON(req.originalUrl.split('?')[0], res.locals.requestId ?? '')));
  };
}
