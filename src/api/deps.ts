import type { Client } from '@temporalio/client';
import type { TokenStore } from '../auth/actors';
import type { Logger } from '../log';
import type { ProcesDefinitie } from '../processen';

/** What the API needs from outside: injected so tests run it against a real server of their own. */
export interface ApiDeps {
  client: Client;
  taskQueue: string;
  tokens: TokenStore;
  logger: Logger;
  /** Default coordinator mailbox for new cases. */
  coordinatorEmail: string;
  /** The processes to serve: the registry's, unless a test brings its own. */
  processen?: readonly ProcesDefinitie[];
}
