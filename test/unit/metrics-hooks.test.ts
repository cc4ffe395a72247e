// The webhook metrics on their own: attempts by outcome and the queue depth read from an attached source (until it
// is detached, or when it fails); read back through the registry's own text and a third-party parser.
import { describe, expect, it } from 'vitest';
import { attachMetricSources, countWebhookDelivery, localMetrics } from '../../src/events/metrics.js';
import { parseMetrics, valueOf } from '../helpers/metrics.js';

const attachQueueDepth = (depth: () => Promise<number>) => attachMetricSources({ webhookQueueDepth: depth });

describe('webhook delivery metrics', () => {
  it('counts deliveries by outcome and reads the queue depth at each scrape until detached', async () => {
    const before = await parseMetrics(await localMetrics());
    countWebhookDelivery('succeeded');
    countWebhookDelivery('succeeded');
    countWebhookDelivery('retrying');
    let depth = 7;
    const detach = attachQueueDepth(async () => depth);
    const first = await parseMetrics(await localMetrics());
    const delta = (outcome: string) =>
      valueOf(first, 'keyward_webhook_deliveries_total', { outcome }) - valueOf(before, 'keyward_webhook_deliveries_total', { outcome });
    expect([delta('succeeded'), delta('retrying'), delta('failed')]).toEqual([2, 1, 0]);
    expect(valueOf(first, 'keyward_webhook_queue_depth')).toBe(7);
    depth = 3;
    expect(valueOf(await parseMetrics(await localMetrics()), 'keyward_webhook_queue_depth')).toBe(3);
    detach();
    expect((await parseMetrics(await localMetrics())).keyward_webhook_queue_depth?.data ?? []).toEqual([]);
  });

  it('leaves the queue depth out, rather than failing the scrape, when its source throws', async () => {
    const detach = attachQueueDepth(async () => {
      throw new Error('store down');
    });
    expect((await parseMetrics(await localMetrics())).keyward_webhook_queue_depth?.data ?? []).toEqual([]);
    detach();
  });
});
