import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { AesGcmPayloadCodec } from '../src/temporal/codec';
import { formatKeyRing, generateKeyRing, parseKeyRing } from '../src/temporal/keys';
import { devServerEnv } from './helpers/temporal';
import { echo, sluitUpdate, wijzigUpdate, gegevensQuery } from './fixtures/echo';

describe('AES-256-GCM payload codec', () => {
  const payload = defaultPayloadConverter.toPayload({ leerling: 'Jantje Pietersen' });

  it('round-trips and hides the plain text', async () => {
    const codec = new AesGcmPayloadCodec(generateKeyRing());
    const [encoded] = await codec.encode([payload]);
    expect(Buffer.from(encoded.data!).toString('latin1')).not.toContain('Pietersen');
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ leerling: 'Jantje Pietersen' });
  });

  it('decrypts old payloads after a key rotation, by the key id in the metadata', async () => {
    const oud = generateKeyRing(new Date('2026-01-01'));
    const [encoded] = await new AesGcmPayloadCodec(oud).encode([payload]);
    const nieuw = generateKeyRing(new Date('2026-06-01'));
    const geroteerd = parseKeyRing(`${formatKeyRing(nieuw)},${formatKeyRing(oud)}`);
    expect(geroteerd.activeId).toBe(nieuw.activeId);
    const [decoded] = await new AesGcmPayloadCodec(geroteerd).decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ leerling: 'Jantje Pietersen' });
  });

  it('refuses an unknown key and a tampered payload', async () => {
    const [encoded] = await new AesGcmPayloadCodec(generateKeyRing()).encode([payload]);
    await expect(new AesGcmPayloadCodec(generateKeyRing()).decode([encoded])).rejects.toThrow(/Onbekende sleutel/);
    const ring = generateKeyRing();
    const [own] = await new AesGcmPayloadCodec(ring).encode([payload]);
    const data = Buffer.from(own.data!);
    data[20] ^= 0xff;
    await expect(new AesGcmPayloadCodec(ring).decode([{ ...own, data }])).rejects.toThrow();
  });

  it('leaves unencrypted payloads alone (histories from before the codec)', async () => {
    const [decoded] = await new AesGcmPayloadCodec(generateKeyRing()).decode([payload]);
    expect(decoded).toBe(payload);
  });

  it('rejects malformed key specs', () => {
    expect(() => parseKeyRing('zonder-dubbelepunt')).toThrow(/PAYLOAD_KEYS/);
    expect(() => parseKeyRing('k1:' + Buffer.alloc(16).toString('base64'))).toThrow(/256-bit/);
  });
});

describe('a pupil name written through a workflow', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-'));
  const dbFilename = path.join(dir, 'temporal.db');

  it('is not in the dev server SQLite file (while a control name without the codec is)', async () => {
    const env = await devServerEnv({ dbFilename });
    const codec = new AesGcmPayloadCodec(generateKeyRing());
    const taskQueue = 'codec-test';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/echo'),
      dataConverter: { payloadCodecs: [codec] },
    });
    const client = new Client({ connection: env.connection, dataConverter: { payloadCodecs: [codec] } });
    const plain = new Client({ connection: env.connection });
    await worker.runUntil(async () => {
      const secret = await client.workflow.start(echo, {
        taskQueue,
        workflowId: 'codec-versleuteld',
        args: [{ leerling: 'Xaviera Vlasblom-Quintijn', bsn: '999990019' }],
      });
      await secret.executeUpdate(wijzigUpdate, { args: [{ ouder: 'Ymke Quintijn-Zwart' }] });
      expect(await secret.query(gegevensQuery)).toEqual({
        leerling: 'Xaviera Vlasblom-Quintijn',
        bsn: '999990019',
        ouder: 'Ymke Quintijn-Zwart',
      });
      await secret.executeUpdate(sluitUpdate);
      await secret.result();
      // The control: input started without the codec is readable, so the grep below can see names.
      const control = await plain.workflow.start(echo, {
        taskQueue,
        workflowId: 'codec-controle',
        args: [{ leerling: 'Controle Zonderversleuteling' }],
      });
      await control.terminate('controle klaar');
    });
    await env.teardown();

    const bytes = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('temporal.db'))
      .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
      .join('');
    expect(bytes).toContain('Controle Zonderversleuteling');
    for (const secret of ['Vlasblom', 'Quintijn', '999990019']) expect(bytes).not.toContain(secret);
  });
});
