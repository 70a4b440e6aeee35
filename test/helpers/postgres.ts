import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './api';
import { removeDir } from './tmp';

/**
 * A throwaway PostgreSQL cluster for a test file: initdb in a temp dir, on a free loopback port,
 * no fsync. Binaries from PG_BIN, Debian's /usr/lib/postgresql/<n>/bin or PATH; CI installs them
 * (scripts/install-postgres.sh). As root it runs as the `postgres` user: initdb and postgres refuse
 * root. Missing binaries fail the test, they do not skip it.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '30', 'start']);
  } catch (err) {
    const log = path.join(dir, 'log');
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '');
    removeDir(dir);
    throw new Error(`PostgreSQL start niet: ${stderr}${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      removeDir(dir);
    },
  };
}

function postgresBin(): string {
  const debian = '/usr/lib/postgresql';
  const kandidaten = [
    process.env.PG_BIN,
    ...(fs.existsSync(debian)
      ? fs
          .readdirSync(debian)
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => path.join(debian, v, 'bin'))
      : []),
    ...(process.env.PATH ?? '').split(path.delimiter),
  ].filter((d): d is string => Boolean(d));
  const bin = kandidaten.find((d) => ['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(d, b))));
  if (!bin)
    throw new Error(
      'PostgreSQL-binaries (initdb, pg_ctl, postgres) niet gevonden: installeer het Debian-pakket postgresql ' +
        '(bash scripts/install-postgres.sh) of zet PG_BIN',
    );
  return bin;
}
