// A connection's form as values and back: the defaults of a new one, an existing one's settings to edit, and the
// body each sends (a create: what was given; an edit: PATCH, where credentials left empty keep the stored ones and
// kind never changes, as the API allows).
import { configToApi } from './ConfigFields';
import type { Connection, ConnectionKind } from './vault-api';

export interface ConnectionValues {
  provider_client: string;
  name: string;
  description: string;
  kind: string;
  environment: string;
  config: Record<string, string>;
  availability: 'global' | 'application';
  client_id: string;
  renewal: string;
  renewal_seconds: string;
  credentials: { api_key: string; secret: string; username: string; password: string };
}

export const CREDENTIALS: Record<ConnectionKind, (keyof ConnectionValues['credentials'])[]> = {
  oauth2_authorization_code: [],
  oauth2_client_credentials: [],
  api_key_exchange: ['api_key', 'secret'],
  api_key: ['api_key'],
  basic: ['username', 'password'],
};
const NAMED_RATES = ['disabled', '15m', '30m', '1h'];

/**
 * Whether the kind's tokens come from the provider through its provider client (api_key and basic hold static
 * credentials instead): another provider client then makes the stored tokens useless, and the API starts it over.
 */
export const tokensFromProvider = (kind: string) => kind !== 'api_key' && kind !== 'basic';

export const NEW_CONNECTION: ConnectionValues = {
  provider_client: '',
  name: '',
  description: '',
  kind: '',
  environment: '',
  config: {},
  availability: 'global',
  client_id: '',
  renewal: '1h',
  renewal_seconds: '',
  credentials: { api_key: '', secret: '', username: '', password: '' },
};

/** An existing connection's settings as form values (its credentials are never answered: they stay empty). */
export function valuesOf(c: Connection): ConnectionValues {
  const named = typeof c.renewal_rate === 'string' && NAMED_RATES.includes(c.renewal_rate);
  return {
    ...NEW_CONNECTION,
    provider_client: c.provider_client,
    name: c.name,
    description: c.description,
    kind: c.kind,
    environment: c.environment,
    config: { ...c.config },
    availability: c.availability === 'application' ? 'application' : 'global',
    client_id: c.client_id ?? '',
    renewal: named ? String(c.renewal_rate) : 'custom',
    renewal_seconds: named ? '' : String(c.renewal_rate),
  };
}

const given = (v: ConnectionValues, kind: ConnectionKind) => CREDENTIALS[kind].some((f) => v.credentials[f] !== '');

/** Whether the kind's credentials must be typed: always for a new connection; for an edit, once one of them is. */
export const credentialsRequired = (v: ConnectionValues, kind: ConnectionKind, existing: Connection | undefined) => !existing || given(v, kind);

/**
 * What a save sends. An edit sends every setting (the audit log records only what changed), the placeholder values
 * over the stored ones (a value the form does not show is kept), the provider client only when another was chosen,
 * and credentials only when typed.
 */
export function toBody(v: ConnectionValues, kind: ConnectionKind, existing?: Connection) {
  const config = configToApi({ ...(existing?.config ?? {}), ...v.config });
  const credentials = Object.fromEntries(CREDENTIALS[kind].map((f) => [f, v.credentials[f]]));
  const common = {
    name: v.name.trim(),
    availability: v.availability,
    ...(v.availability === 'application' ? { client_id: v.client_id.trim() } : {}),
    renewal_rate: v.renewal === 'custom' ? Number(v.renewal_seconds) : (v.renewal as 'disabled' | '15m' | '30m' | '1h'),
    ...(CREDENTIALS[kind].length && (!existing || given(v, kind)) ? { credentials } : {}),
  };
  if (existing)
    return {
      ...common,
      description: v.description.trim(),
      environment: v.environment.trim(),
      config,
      ...(v.provider_client !== existing.provider_client ? { provider_client: v.provider_client } : {}),
    };
  return {
    ...common,
    provider_client: v.provider_client,
    kind,
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    ...(v.environment.trim() ? { environment: v.environment.trim() } : {}),
    ...(Object.keys(config).length ? { config } : {}),
  };
}
