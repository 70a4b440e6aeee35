import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package (scripts/install-chromium.sh), driven by playwright-core: no browser download. */
export async function startBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumOpPad(),
    args: ['--no-sandbox'],
  });
}

function chromiumOpPad(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('geen chromium gevonden: bash scripts/install-chromium.sh (als root), of zet CHROMIUM_PATH');
  }
}

/** The app on a real port of loopback, for the browser. */
export async function serve(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
