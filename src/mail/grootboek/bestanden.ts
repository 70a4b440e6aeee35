import fs from 'node:fs';
import path from 'node:path';
import type { Grootboek, OudeRij } from './index';

/**
 * The file ledger of before (one `<sha256>.json` per sent key, a `.json.claim` per attempt) into the
 * database, at every start: a key it already has is skipped, so this costs only a directory read.
 * A left-over claim comes in as `bezig` at its file time, so its outcome window still applies. The
 * files stay, for a roll-back.
 */
export async function importeerBestanden(dir: string, grootboek: Grootboek): Promise<number> {
  if (!fs.existsSync(dir)) return 0;
  const rijen: OudeRij[] = [];
  for (const file of fs.readdirSync(dir)) {
    const m = /^([0-9a-f]{64})\.json(\.claim)?$/.exec(file);
    if (!m) continue;
    const full = path.join(dir, file);
    try {
      if (m[2]) {
        rijen.push({
          hash: m[1],
          state: 'bezig',
          owner: fs.readFileSync(full, 'utf8') || 'bestand',
          claimedAt: fs.statSync(full).mtime,
        });
      } else {
        const inhoud = leesJson(full);
        const sentAt = new Date(inhoud.verzonden ?? fs.statSync(full).mtime);
        rijen.push({
          hash: m[1],
          state: 'verzonden',
          messageId: inhoud.messageId ?? '',
          sentAt: Number.isNaN(sentAt.getTime()) ? fs.statSync(full).mtime : sentAt,
          geweigerd: inhoud.geweigerd ?? 0,
        });
      }
    } catch (err) {
      // A claim removed between listing and reading: its attempt ended.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  // Sent rows first: a key with both a file and a claim is sent.
  rijen.sort((a, b) => (a.state === b.state ? 0 : a.state === 'verzonden' ? -1 : 1));
  return grootboek.importeer(rijen);
}

/** A file half written at a crash still says: sent. */
function leesJson(file: string): { messageId?: string; verzonden?: string; geweigerd?: number } {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) return {};
    throw err;
  }
}
