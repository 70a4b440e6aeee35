import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { temporalBinaries } from '../config';
import { devServerSearchAttributeArgs } from './searchAttributes';

export interface DevServerOptions {
  dbFile: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** The remote codec the web UI calls to show decrypted payloads (the API's /codec). */
  codecEndpoint?: string;
}

/** `temporal server start-dev` with a SQLite file, the web UI and the product's search attributes. */
export function spawnDevServer(opts: DevServerOptions): ChildProcess {
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    opts.dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--ui-port',
    String(opts.uiPort),
    '--namespace',
    opts.namespace,
    '--log-level',
    'warn',
    ...(opts.codecEndpoint ? ['--ui-codec-endpoint', opts.codecEndpoint] : []),
    ...devServerSearchAttributeArgs(),
  ];
  return spawn(temporalBinaries.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits until the frontend answers (the dev server needs a few seconds on first start). */
export async function waitForTemporal(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Temporal op ${address} antwoordt niet: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
