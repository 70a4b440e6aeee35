import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Authenticator } from '../auth/authenticator';
import type { Logger } from '../log';
import type { ProcesDefinitie } from '../processen';
import type { Limieten } from './protection';

/** What the API needs from outside: injected so tests run it against a real server of their own. */
export interface ApiDeps {
  client: Client;
  taskQueue: string;
  /** Who is asking: the token file today (src/auth/tokenFileAuthenticator.ts), single sign-on later. */
  authenticator: Authenticator;
  logger: Logger;
  /** Default coordinator mailbox for new cases. */
  coordinatorEmail: string;
  /** Rate limits per minute; absent: none (tests that drive the API hard bring their own). */
  limieten?: Limieten;
  /** Strict-Transport-Security, only where TLS terminates in front of the API. */
  hsts?: boolean;
  /** The payload codec, for the Temporal UI's `/codec/decode`; absent: no codec endpoint. */
  codec?: PayloadCodec;
  /** The Temporal UI's origin (http://localhost:8233 on the embedded default): its codec calls pass CORS. */
  uiOrigin?: string;
  /** The werkbak's web pages under `/` (src/werkbak); absent: the API alone. */
  werkbak?: {
    sleutels: string[];
    idleMs: number;
    maxMs: number;
    secure: boolean;
    /** Where users reach it (WERKBAK_URL): the base of the agenda links. */
    url: string;
    now?: () => number;
  };
  /** The processes to serve: the registry's, unless a test brings its own. */
  processen?: readonly ProcesDefinitie[];
}
