// The console's dashboard: a space's activity per hour over the last hours and its current totals, in one answer.
import { Type } from 'typebox';
import type { HourlyCount } from '../../store/activity.js';
import type { Services } from '../../services.js';
import { SpaceParams } from '../schemas.js';
import { invalid } from '../../errors.js';
import { spaceFor, type Typed } from './common.js';

const HOUR_MS = 3_600_000;
const MAX_HOURS = 720; // 30 days: what activity_counts and the delivery log keep

// A string, as the other queries' numbers (PageQuery's limit): the range is checked below, with its own message.
const StatsQuery = Type.Object(
  {
    hours: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: `how many hours back, the current one included: 1 to ${MAX_HOURS} (default 24)` }),
    ),
  },
  { additionalProperties: false },
);

/** Series by key: one count per hour of hour_starts, in that order. */
const Series = (description: string) => Type.Record(Type.String(), Type.Array(Type.Integer({ minimum: 0 })), { description });
const Totals = (description: string) => Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description });

const SpaceStatsView = Type.Object({
  hour_starts: Type.Array(Type.String({ format: 'date-time' }), { description: 'the start of each hour of the window (UTC), oldest first' }),
  tokens_issued: Series('access tokens issued, by grant type'),
  logins: Series('successful password sign-ins, by where (login_page, device, password_grant)'),
  login_failures: Series('refused password sign-ins, by why (invalid_credentials, locked, wrong_user_kind)'),
  renewal_failures: Series('connection renewals that failed, by outcome (refresh_failed: retried later; needs_reauth: a person must connect again)'),
  webhook_failures: Series('webhook delivery attempts without a 2xx answer, by outcome (retrying: another attempt follows; failed: given up)'),
  active_tokens: Totals('access tokens live now, by grant type, as token management lists them (a client credentials JWT is not stored, so it is not counted)'),
  connections: Totals('connections of the space now, by status'),
});

const SERIES_OF: Record<string, 'tokens_issued' | 'logins' | 'login_failures' | 'renewal_failures' | 'webhook_failures'> = {
  token_issued: 'tokens_issued',
  login: 'logins',
  login_failure: 'login_failures',
  renewal_failure: 'renewal_failures',
  webhook_failure: 'webhook_failures',
};

/** Dense series: every key gets a count for every hour (0 where nothing happened). */
function series(from: Date, hours: number, counts: readonly HourlyCount[]) {
  const out = { tokens_issued: {}, logins: {}, login_failures: {}, renewal_failures: {}, webhook_failures: {} } as Record<string, Record<string, number[]>>;
  for (const c of counts) {
    const i = Math.round((c.hour.getTime() - from.getTime()) / HOUR_MS);
    const name = SERIES_OF[c.kind];
    if (!name || i < 0 || i >= hours) continue;
    const row = (out[name]![c.key] ??= new Array<number>(hours).fill(0));
    row[i]! += c.count;
  }
  return out as Record<(typeof SERIES_OF)[string], Record<string, number[]>>;
}

export function statsRoutes(app: Typed, services: Services): void {
  app.get(
    '/spaces/:space/stats',
    {
      schema: {
        tags: ['spaces'],
        summary: "The space's activity per hour over the last hours (tokens issued, sign-ins, failures) and its current totals",
        params: SpaceParams,
        querystring: StatsQuery,
        response: { 200: SpaceStatsView },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'read');
      const hours = req.query.hours === undefined ? 24 : Number(req.query.hours);
      if (hours < 1 || hours > MAX_HOURS) throw invalid('hours', `hours must be from 1 to ${MAX_HOURS}`);
      const stats = await services.activity.stats(space, hours);
      const hourStarts = Array.from({ length: hours }, (_, i) => new Date(stats.from.getTime() + i * HOUR_MS).toISOString());
      return {
        hour_starts: hourStarts,
        ...series(stats.from, hours, stats.hourly),
        active_tokens: stats.activeTokens,
        connections: stats.connections,
      };
    },
  );
}
