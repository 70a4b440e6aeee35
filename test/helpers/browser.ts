import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
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

/** A port of loopback that is free now (the werkbak must know its own address before it listens). */
export async function vrijePoort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** The app on a real port of loopback, for the browser. */
export async function serve(app: express.Express, poort = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(poort, '127.0.0.1', () => resolve(s));
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
