import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';

/** The spaces the signed-in admin may see (the first 200; a switcher with more offers search). */
export function useSpaces() {
  return useQuery({
    queryKey: ['spaces'],
    queryFn: async () => (await call(api.GET('/spaces', { params: { query: { limit: '200' } } }))).items,
    staleTime: 60_000,
  });
}
