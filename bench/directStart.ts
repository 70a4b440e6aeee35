import type { Client } from '@temporalio/client';
import { loadTokenFile } from '../src/auth/actors';
import type { Config } from '../src/config';
import { startOpties } from '../src/api/routes/start';
import { zorgplichtProces } from '../src/processen/zorgplicht';
import type { ActorRef } from '../src/shared/zaak';
import { zorgplichtStartSchema } from '../src/shared/zorgplicht';
import { zorgplicht } from '../src/workflows/zorgplicht';
import { aanmelding } from './productApi';

/**
 * Starts a zorgplicht case without the API (the API waits for the worker, which the backlog step
 * has stopped): the workflow input and search attributes from the create route's own
 * startOpties, with the product's encrypting data converter (the client passed in).
 */
export async function directStartZorgplicht(
  client: Client,
  config: Config,
  taskQueue: string,
  zaakId: string,
  i: number,
  aanmelddatum: string,
  brin: string,
): Promise<void> {
  const body = zorgplichtStartSchema.parse(aanmelding(i, aanmelddatum, brin));
  const opties = startOpties(zorgplichtProces, body, zaakId, coordinatorRef(config), config.coordinatorEmail);
  await client.workflow.start(zorgplicht, { taskQueue, ...opties, args: opties.args as Parameters<typeof zorgplicht> });
}

let coordinator: ActorRef | undefined;
/** The dev coordinator, as the API's actorRef() would record it. */
function coordinatorRef(config: Config): ActorRef {
  if (!coordinator) {
    const t = loadTokenFile(config.tokensFile).tokens.find((x) => x.rol === 'coordinator');
    if (!t) throw new Error(`no coordinator in ${config.tokensFile}`);
    coordinator = { id: t.id, naam: t.naam, rol: t.rol };
  }
  return coordinator;
}
