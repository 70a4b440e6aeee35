import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express from 'express';
import './schemas';
import type { ApiDeps } from './deps';
import { authenticate, notFoundRoute, problemHandler, requestContext } from './middleware';
import { openApiDocument } from './openapi';
import { beveiligingsHeaders, limietPerAdres, limietPerToken } from './protection';
import { mount } from './route';
import { processen } from '../processen';
import { Register } from './processen';
import { codecCors, codecRoutes } from './routes/codec';
import { impasseRoutes } from './routes/impasse';
import { beleidRoutes } from './routes/beleid';
import { rapportageRoutes } from './routes/rapportages';
import { startRoute } from './routes/start';
import { systemRoutes } from './routes/system';
import { zakenRoutes } from './routes/zaken';
import { codecSessie, werkbak } from '../werkbak';

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Answers hold children's data: no cache keeps them, so a validator (ETag) is of no use either.
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(beveiligingsHeaders(deps.hsts));
  app.use(requestContext(deps.logger));
  if (deps.limieten) app.use(limietPerAdres(deps.limieten.perAdres));
  const registry = new OpenAPIRegistry();
  const router = express.Router();
  // Every process of the registry (tests may add one of their own) gets its start route and actions.
  const register = new Register(deps.processen ?? processen);
  const routes = [
    ...systemRoutes(deps),
    ...register.processen.map((proces) => startRoute(deps, proces)),
    ...impasseRoutes(deps),
    ...rapportageRoutes(deps),
    ...beleidRoutes(deps, register),
    ...(deps.codec ? codecRoutes(deps.codec) : []),
    ...zakenRoutes(deps, register),
  ];
  // The werkbak's pages (their own sign-in: a session cookie) call these same routes in-process.
  if (deps.werkbak)
    app.use(
      werkbak({
        ...deps.werkbak,
        client: deps.client,
        taskQueue: deps.taskQueue,
        authenticator: deps.authenticator,
        logger: deps.logger,
        register,
        routes,
        limietPerToken: deps.limieten?.perToken,
      }),
    );
  // The UI's preflight carries no token: answered before authentication.
  app.use(codecCors(deps.uiOrigin));
  app.use(authenticate(deps.authenticator));
  if (deps.werkbak) app.use(codecSessie({ ...deps.werkbak, authenticator: deps.authenticator }));
  if (deps.limieten) app.use(limietPerToken(deps.limieten.perToken));
  // The body is read only once the token is known: an unknown caller's body is never parsed. A page
  // of history the UI decodes may be larger than a step.
  const json = express.json({ limit: '256kb' });
  const codecJson = express.json({ limit: '4mb' });
  app.use((req, res, next) => (req.path.startsWith('/codec/') ? codecJson : json)(req, res, next));

  for (const route of routes) mount(router, registry, route);
  const document = openApiDocument(registry);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(router);
  app.use(notFoundRoute);
  app.use(problemHandler(deps.logger));
  return app;
}
