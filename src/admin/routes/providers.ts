// The provider catalog (DESIGN.md "Connection vault"): what Keyward knows about each external service, read-only.
// Any signed-in admin may read it, whatever their roles: it holds no space's data, only public facts about providers.
import { Type } from 'typebox';
import { notFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Typed } from './common.js';

const tags = ['providers'];
const ProviderParams = Type.Object({ provider: Type.String({ maxLength: 100, description: 'catalog id, such as exact-online or github' }) });
const ProviderQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100, description: 'only providers whose id or name contains this text (any case)' })) },
  { additionalProperties: false },
);

export function providerRoutes(app: Typed, services: Services): void {
  const { catalog } = services;
  // The entry schema comes from catalog/provider.schema.json (through the services bag: admin/ does not import
  // vault/), with a real entry as its example, so the document cannot drift from the files.
  const example = catalog.get('github') ?? catalog.list()[0];
  app.addSchema({ ...catalog.apiSchema, $id: 'Provider', ...(example ? { examples: [example] } : {}) });

  app.get(
    '/providers',
    {
      schema: {
        tags,
        summary: 'List the provider catalog (every entry; there are few, so no pages)',
        querystring: ProviderQuery,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Provider')) }) },
      },
    },
    async (req) => ({ items: req.query.q ? catalog.search(req.query.q) : catalog.list() }),
  );

  app.get(
    '/providers/:provider',
    {
      schema: { tags, summary: 'Get one provider of the catalog', params: ProviderParams, response: { 200: Type.Ref('Provider') } },
    },
    async (req) => {
      const entry = catalog.get(req.params.provider);
      if (!entry) throw notFound(`provider "${req.params.provider}"`);
      return entry;
    },
  );
}
