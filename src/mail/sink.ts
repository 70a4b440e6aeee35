import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * The embedded default's mail box: a real SMTP server on loopback that stores each message it
 * receives as an `.eml` file (readable by any mail client) under `data/mail/`.
 */
export async function startSmtpSink(opts: {
  port: number;
  dir: string;
  host?: string;
}): Promise<{ port: number; close: () => Promise<void> }> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'passend-onderwijs smtp-sink',
    logger: false,
    onData(stream, _session, callback) {
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      const tmp = path.join(opts.dir, `.${name}.tmp`);
      const out = fs.createWriteStream(tmp);
      stream.pipe(out);
      out.on('error', callback);
      out.on('finish', () => {
        // Rename after the whole message is on disk, so readers never see half a mail.
        fs.rename(tmp, path.join(opts.dir, name), (err) => callback(err ?? null));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
