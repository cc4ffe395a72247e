// Real failures inside RefreshTokenStore.rotate(), injected with SQL in the test's own database: a trigger that
// raises on one of the rotation's statements, or a deferred constraint trigger that raises at COMMIT, after every
// statement has run. Nothing in the code under test is replaced.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/store/db.js';

/** Where the rotation fails: its statements in order (after the row lock on the presented token), then COMMIT. */
export const ROTATION_FAULTS = ['the refresh count', 'the used mark', 'the successor insert', 'the commit'] as const;
export type RotationFault = (typeof ROTATION_FAULTS)[number];

const TRIGGER: Record<RotationFault, string> = {
  'the refresh count': 'create trigger keyward_fault before update on grants for each row when (new.refresh_count > old.refresh_count)',
  'the used mark': 'create trigger keyward_fault before update on refresh_tokens for each row when (old.used_at is null and new.used_at is not null)',
  'the successor insert': 'create trigger keyward_fault before insert on refresh_tokens for each row',
  'the commit': 'create constraint trigger keyward_fault after insert on refresh_tokens deferrable initially deferred for each row',
};
const TABLE: Record<RotationFault, string> = {
  'the refresh count': 'grants',
  'the used mark': 'refresh_tokens',
  'the successor insert': 'refresh_tokens',
  'the commit': 'refresh_tokens',
};

/** Makes the rotation fail at `fault` until the returned function is called. */
export async function injectRotationFault(db: Db, fault: RotationFault): Promise<() => Promise<void>> {
  await db.execute(
    sql.raw(`create or replace function keyward_fault() returns trigger language plpgsql as $$
    begin raise exception 'injected fault at %', tg_name; end $$`),
  );
  await db.execute(sql.raw(`${TRIGGER[fault]} execute function keyward_fault()`));
  return async () => void (await db.execute(sql.raw(`drop trigger keyward_fault on ${TABLE[fault]}`)));
}
