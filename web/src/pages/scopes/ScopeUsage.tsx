// Which clients have a scope, said before it is deleted (the API names the first ten and counts them all).
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { LoadError } from '../../ui/Page';

export function ScopeUsage({ space, name }: { space: string; name: string }) {
  const usage = useQuery({
    queryKey: ['scope-usage', space, name],
    queryFn: () => call(api.GET('/spaces/{space}/scopes/{name}/usage', { params: { path: { space, name } } })),
    gcTime: 0,
  });
  if (usage.error) return <LoadError error={usage.error} />;
  if (!usage.data) return <p>{t('scopes.counting')}</p>;
  const { total, clients } = usage.data;
  if (total === 0) return <p>{t('scopes.usedByNone')}</p>;
  return (
    <>
      <p>{total === 1 ? t('scopes.usedByOne') : t('scopes.usedByMany', { n: total })}</p>
      <ul className="usage-list">
        {clients.map((c) => (
          <li key={c.client_id}>
            {c.name} <code>{c.client_id}</code>
          </li>
        ))}
        {total > clients.length ? <li>{t('scopes.andMore', { n: total - clients.length })}</li> : null}
      </ul>
    </>
  );
}
