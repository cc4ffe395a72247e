// A role grant: the space (or all spaces) and the role, with what the chosen role may do said under it.
import { useSession } from '../../api/session';
import { t } from '../../i18n';
import { Select, type Option } from '../../ui/Fields';
import { explainRole, roleOptions } from './roles';

export function RoleFields({
  space,
  role,
  spaces,
  onChange,
  spaceLabel = t('admins.space'),
  roleLabel = t('admins.role'),
  spaceError,
}: {
  space: string;
  role: string;
  spaces: Option[];
  onChange(next: { space: string; role: string }): void;
  spaceLabel?: string;
  roleLabel?: string;
  spaceError?: string;
}) {
  const { session } = useSession();
  if (!session) return null;
  return (
    <>
      <Select label={spaceLabel} value={space} options={spaces} onChange={(s) => onChange({ space: s, role })} error={spaceError} />
      <Select
        label={roleLabel}
        value={role}
        options={roleOptions(session)}
        onChange={(r) => onChange({ space, role: r })}
        description={explainRole(session, role)}
      />
    </>
  );
}
