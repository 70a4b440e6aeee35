import type { Client } from '@temporalio/client';
import { loadTokenFile } from '../src/auth/actors';
import type { Config } from '../src/config';
import { beleidVoor, kalenderVoor } from '../src/api/zaken';
import type { ActorRef } from '../src/shared/zaak';
import { zorgplichtStartSchema } from '../src/shared/zorgplicht';
import { SchoolBrin, SwvCode, ZaakStatus, ZaakType } from '../src/temporal/searchAttributes';
import { zorgplicht } from '../src/workflows/zorgplicht';
import { aanmelding } from './productApi';

/**
 * Starts a zorgplicht case without the API (the API waits for the worker, which the backlog step
 * has stopped): the workflow input and search attributes built as POST /api/v1/zaken/zorgplicht
 * builds them (src/api/routes/zorgplicht.ts), with the product's own helpers and its encrypting
 * data converter (the client passed in). Keep this in step with that route.
 */
export async function directStartZorgplicht(client: Client, config: Config, taskQueue: string, zaakId: string, i: number, aanmelddatum: string, brin: string): Promise<void> {
  const body = zorgplichtStartSchema.parse(aanmelding(i, aanmelddatum, brin));
  const beleid = beleidVoor(body.beleid);
  await client.workflow.start(zorgplicht, {
    taskQueue,
    workflowId: zaakId,
    args: [
      {
        ...body,
        zaakId,
        beleid,
        kalender: kalenderVoor(body.school, beleid, body.aanmelddatum),
        coordinatorEmail: body.coordinatorEmail ?? config.coordinatorEmail,
        gestartDoor: coordinatorRef(config),
      },
    ],
    typedSearchAttributes: [
      { key: ZaakType, value: 'zorgplicht' },
      { key: ZaakStatus, value: 'in-onderzoek' },
      { key: SchoolBrin, value: body.school.brin },
      { key: SwvCode, value: beleid.code },
    ],
  });
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
