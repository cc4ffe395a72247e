// The master keys that seal stored secrets: which key seals now, which older ones still open, how many values are
// left under an older key, and re-sealing a batch of them (`keyward vault rotate-key` calls it until none is left).
// Owners of every space only: it touches every space's secrets. Key ids are public facts; keys never appear.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { actorOf, principalOf } from '../auth.js';
import { GLOBAL, requirePermission } from '../rbac.js';
import { optionalBody, type Typed } from './common.js';

const tags = ['vault'];
const KeyId = Type.String({ description: 'first 8 hex digits of the SHA-256 of the key (the key itself is never shown)' });

const MasterKeyStatus = Type.Object(
  {
    current_key_id: KeyId,
    previous_key_ids: Type.Array(KeyId, { description: 'KEYWARD_MASTER_KEYS_PREVIOUS: keys that still open values, never seal' }),
    remaining: Type.Integer({ minimum: 0, description: 'sealed values not yet under the current key' }),
  },
  { examples: [{ current_key_id: '9f86d081', previous_key_ids: ['2c26b46b'], remaining: 3400 }] },
);

const ResealInput = Type.Object(
  {
    batch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200, description: 'values re-sealed by this call at most' })),
  },
  { additionalProperties: false, examples: [{ batch_size: 200 }] },
);

const ResealResult = Type.Object(
  {
    resealed: Type.Integer({ minimum: 0 }),
    skipped: Type.Integer({
      minimum: 0,
      description: 'values changed by another writer between reading and writing: left as written, picked again if still under an older key',
    }),
    remaining: Type.Integer({ minimum: 0, description: 'call again until 0' }),
  },
  { examples: [{ resealed: 200, skipped: 0, remaining: 3200 }] },
);

export function vaultKeyRoutes(app: Typed, services: Services): void {
  app.get(
    '/vault/master-key',
    {
      schema: {
        tags,
        summary: 'Show the current master key id, the previous ones still configured, and how many values remain under them',
        response: { 200: MasterKeyStatus },
      },
    },
    async (req) => {
      requirePermission(principalOf(req), 'master-key:manage', GLOBAL);
      return services.masterKeyRotation.status();
    },
  );

  app.post(
    '/vault/rotate-key',
    {
      schema: {
        tags,
        summary: 'Re-seal a batch of values still under a previous master key with the current one; call until remaining is 0',
        body: ResealInput,
        response: { 200: ResealResult },
      },
      preValidation: optionalBody,
    },
    async (req) => {
      requirePermission(principalOf(req), 'master-key:manage', GLOBAL);
      return services.masterKeyRotation.resealBatch(req.body.batch_size ?? 200, actorOf(req));
    },
  );
}
