import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../src/temporal/codec';
import { formatKeyRing, generateKeyRing, parseKeyRing } from '../src/temporal/keys';

/** The codec on its own; what reaches Temporal's database through it is in codecDatabase.test.ts. */
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
