/**
 * The codec on a real dev server: what a workflow holds reaches Temporal's SQLite file encrypted.
 * (The codec on its own is in codec.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { AesGcmPayloadCodec } from '../src/temporal/codec';
import { generateKeyRing } from '../src/temporal/keys';
import { devServerEnv } from './helpers/temporal';
import { tempDirs } from './helpers/tmp';
import { echo, sluitUpdate, wijzigUpdate, gegevensQuery } from './fixtures/echo';

describe('a pupil name written through a workflow', () => {
  const dir = tempDirs()('codec-');
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
