import { useSession } from '../../api/session';
import { useSpaces } from '../../api/spaces';
import type { Option } from '../../ui/Fields';
import { ALL, spaceLabel } from './roles';

/** The spaces where the signed-in admin may grant roles: all of them (and `*`) for an owner of all spaces. */
export function useGrantableSpaces(): Option[] {
  const { can } = useSession();
  const spaces = useSpaces();
  const own = (spaces.data ?? []).filter((s) => can('admins:manage', s.slug)).map((s) => ({ id: s.slug, label: `${s.display_name} (${s.slug})` }));
  return can('admins:manage', ALL) ? [{ id: ALL, label: spaceLabel(ALL) }, ...own] : own;
}
