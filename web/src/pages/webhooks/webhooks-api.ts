// The webhook API as the webhooks page uses it.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { t } from '../../i18n';

export type Webhook = components['schemas']['Webhook'];
export type Delivery = components['schemas']['WebhookDelivery'];
export type DeliveryStatus = Delivery['status'];

/** The event types a subscription may name (the same for every space), in the API's order. */
export function useEventTypes() {
  return useQuery({
    queryKey: ['event-types'],
    queryFn: async () => (await call(api.GET('/event-types'))).items.map((i) => i.type),
    staleTime: Infinity,
  });
}

/** Every subscription of the space (few; 200 is the API's largest page), for the deliveries tab's picker. */
export function useAllWebhooks(space: string) {
  return useQuery({
    queryKey: ['webhooks', space, 'all'],
    queryFn: async () => (await call(api.GET('/spaces/{space}/webhooks', { params: { path: { space }, query: { limit: '200' } } }))).items,
  });
}

export const deliveryStatusLabel = (s: DeliveryStatus) => t(`webhooks.deliveryStatuses.${s}`);

/** "All events" for ["*"], else the types, shortened past a few. */
export function eventsSummary(events: string[], max = 3): string {
  if (events.includes('*')) return t('webhooks.allEvents');
  return events.length > max ? `${events.slice(0, max).join(', ')} ${t('webhooks.more', { n: events.length - max })}` : events.join(', ');
}
