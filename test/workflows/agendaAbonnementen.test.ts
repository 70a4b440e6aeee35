/**
 * The agenda links' workflow (issue 14 item 8): one link per user, a new one replaces the old,
 * revoking removes it, invalid hashes are refused before anything changes, and the links survive
 * continue-as-new.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { hashToken } from '../../src/auth/tokenHash';
import {
  agendaAbonnementen,
  agendaLinkIntrekken,
  agendaLinkSinds,
  agendaLinkVan,
  nieuweAgendaLink,
} from '../../src/workflows/agendaAbonnementen';
import { recordHistory } from '../helpers/histories';
import { timeSkippingEnv } from '../helpers/temporal';
import { workflowBundle } from '../helpers/worker';

const SUITE = 'agendaAbonnementen workflow';
const anna = hashToken('token-van-anna-0123456789abcdef');
const bram = hashToken('token-van-bram-0123456789abcdef');

describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv({ start: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('keeps one link per user: a new one replaces the old, revoking ends it, a bad hash changes nothing', async () => {
    const taskQueue = 'agenda';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
    });
    await worker.runUntil(async () => {
      const h = await env.client.workflow.start(agendaAbonnementen, {
        taskQueue,
        workflowId: 'agenda-abonnementen-test',
        args: [{ links: [] }],
      });
      const [a1, a2, b1] = ['link-a1', 'link-a2', 'link-b1'].map((l) => hashToken(`${l}-0123456789abcdef`));
      await h.executeUpdate(nieuweAgendaLink, { args: [{ tokenHash: anna, linkHash: a1 }] });
      await h.executeUpdate(nieuweAgendaLink, { args: [{ tokenHash: bram, linkHash: b1 }] });
      expect(await h.query(agendaLinkVan, a1)).toBe(anna);
      expect(await h.query(agendaLinkSinds, anna)).toMatch(/^2026-12-01T09:/);
      await h.executeUpdate(nieuweAgendaLink, { args: [{ tokenHash: anna, linkHash: a2 }] });
      expect(await h.query(agendaLinkVan, a1)).toBeNull();
      expect(await h.query(agendaLinkVan, a2)).toBe(anna);
      await expect(
        h.executeUpdate(nieuweAgendaLink, { args: [{ tokenHash: 'anna', linkHash: a1 }] }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      expect(await h.query(agendaLinkVan, a1)).toBeNull();
      await h.executeUpdate(agendaLinkIntrekken, { args: [{ tokenHash: anna }] });
      expect(await h.query(agendaLinkVan, a2)).toBeNull();
      expect(await h.query(agendaLinkSinds, anna)).toBeNull();
      expect(await h.query(agendaLinkVan, b1)).toBe(bram);
      await expect(h.executeUpdate(agendaLinkIntrekken, { args: [{ tokenHash: 'bram' }] })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      expect(await h.query(agendaLinkVan, b1)).toBe(bram);
      await recordHistory('agendaAbonnementen', h, 'v1', SUITE);
      await h.terminate('test klaar');

      // A run continued as new starts from the links it was given.
      const verder = await env.client.workflow.start(agendaAbonnementen, {
        taskQueue,
        workflowId: 'agenda-abonnementen-verder',
        args: [{ links: [{ tokenHash: bram, linkHash: b1, sinds: '2026-11-30T08:00:00.000Z' }] }],
      });
      expect(await verder.query(agendaLinkVan, b1)).toBe(bram);
      expect(await verder.query(agendaLinkSinds, bram)).toBe('2026-11-30T08:00:00.000Z');
      await verder.terminate('test klaar');
    });
  });
});
