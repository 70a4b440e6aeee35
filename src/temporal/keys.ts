import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Payload encryption keys: the first encrypts, every key decrypts, so keys can rotate. */
export interface KeyRing {
  activeId: string;
  keys: Map<string, Buffer>;
}

/** Parses `id:base64key,id2:base64key` (first = active). */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let activeId = '';
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const i = part.indexOf(':');
    if (i <= 0) throw new Error('PAYLOAD_KEYS: verwacht "sleutel-id:base64-sleutel[,...]"');
    const id = part.slice(0, i);
    const key = Buffer.from(part.slice(i + 1), 'base64');
    if (key.length !== 32) throw new Error(`PAYLOAD_KEYS: sleutel ${id} is geen 256-bit sleutel`);
    keys.set(id, key);
    activeId ||= id;
  }
  if (!activeId) throw new Error('PAYLOAD_KEYS is leeg');
  return { activeId, keys };
}

export function formatKeyRing(ring: KeyRing): string {
  const ids = [ring.activeId, ...[...ring.keys.keys()].filter((k) => k !== ring.activeId)];
  return ids.map((id) => `${id}:${ring.keys.get(id)!.toString('base64')}`).join(',');
}

export function generateKeyRing(now = new Date()): KeyRing {
  const id = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  return { activeId: id, keys: new Map([[id, randomBytes(32)]]) };
}

/**
 * Keys from `PAYLOAD_KEYS`, else from the key file; the embedded default creates that file
 * (mode 0600) on first start, so a restarted system still decrypts its histories.
 */
export function loadKeyRing(opts: { payloadKeys?: string; payloadKeysFile: string; create?: boolean }): KeyRing {
  if (opts.payloadKeys) return parseKeyRing(opts.payloadKeys);
  if (fs.existsSync(opts.payloadKeysFile)) {
    const { keys } = JSON.parse(fs.readFileSync(opts.payloadKeysFile, 'utf8')) as { keys: string };
    return parseKeyRing(keys);
  }
  if (!opts.create) {
    throw new Error(
      `Geen sleutels voor payload-versleuteling: zet PAYLOAD_KEYS of maak ${opts.payloadKeysFile} (npm start doet dat)`,
    );
  }
  const ring = generateKeyRing();
  fs.mkdirSync(path.dirname(opts.payloadKeysFile), { recursive: true });
  fs.writeFileSync(opts.payloadKeysFile, JSON.stringify({ keys: formatKeyRing(ring) }, null, 2) + '\n', {
    mode: 0o600,
  });
  return ring;
}
