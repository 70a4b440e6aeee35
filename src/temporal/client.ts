import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { Config } from '../config';
import { AesGcmPayloadCodec } from './codec';
import { loadKeyRing } from './keys';

/** The one data converter client and worker share: JSON payloads, encrypted. */
export function dataConverter(config: Pick<Config, 'payloadKeys' | 'payloadKeysFile'>): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(loadKeyRing(config))],
    failureConverterPath: require.resolve('./failureConverter'),
  };
}

export async function connectClient(config: Config): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporalAddress });
  return new Client({ connection, namespace: config.namespace, dataConverter: dataConverter(config) });
}
