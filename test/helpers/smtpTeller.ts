import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server on loopback that counts what it stored, by Message-ID. `antwoord` plays a slow
 * server: the end of DATA is acknowledged that many ms after the message arrived (`nooit`: never).
 */
export async function smtpTeller(antwoord: number | 'nooit' = 0) {
  const opgeslagen: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Our own clock decides, not the server's idle timeout (60 s by default).
    socketTimeout: 15 * 60_000,
    // close() ends the clients' idle pooled connections after this, not after 30 s.
    closeTimeout: 200,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // Stored on arrival: a server that accepted the data may deliver it whatever the client saw.
        opgeslagen.push(/^Message-ID:\s*(\S+)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '?');
        if (antwoord !== 'nooit') setTimeout(() => callback(), antwoord);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    opgeslagen,
    /** How often each Message-ID was stored. */
    perId: () => opgeslagen.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
