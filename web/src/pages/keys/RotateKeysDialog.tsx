// Rotation, explained before it happens: which algorithm the space signs its access tokens with from now on (the
// API's alg: choosing another one makes it the space's signing_alg), what is published, when the new keys sign, how
// long the old ones verify.
import { useState } from 'react';
import type { operations } from '../../api/schema';
import { formatDuration, t, type MessageKey } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Fields';
import { LoadError, Notice } from '../../ui/Page';
import { RadioChoices } from '../../ui/RadioChoices';
import { SIGNING_ALGS } from '../settings/setting-rules';

type Space = operations['getSpace']['responses'][200]['content']['application/json'];
export type SigningAlg = (typeof SIGNING_ALGS)[number];
export interface RotateRequest {
  alg: SigningAlg;
  publishSeconds: number | undefined;
}

export function RotateKeysDialog({
  isOpen,
  space,
  spaceInfo,
  algs,
  pending,
  error,
  onRotate,
  onClose,
}: {
  isOpen: boolean;
  space: string;
  spaceInfo: Space | undefined;
  /** The algorithms that have a live key (each gets a successor). */
  algs: string[];
  pending: boolean;
  error: unknown;
  onRotate(request: RotateRequest): void;
  onClose(): void;
}) {
  const [when, setWhen] = useState<'publish' | 'now'>('publish');
  const signingAlg = String(spaceInfo?.settings.signing_alg ?? 'RS256') as SigningAlg;
  // Until the person picks one, the choice is the space's own algorithm (a rotation that changes nothing else).
  const [picked, setPicked] = useState<SigningAlg | null>(null);
  const alg = picked ?? signingAlg;
  const publish = Number(spaceInfo?.settings.key_publish_seconds ?? 3600);
  const allAlgs = [...new Set([alg, signingAlg, 'RS256', ...algs])].join(', ');
  // How long an old key keeps verifying with the space's defaults (the server also counts clients' own lifetimes).
  const lifetime = Math.max(spaceInfo?.access_token_ttl ?? 0, Number(spaceInfo?.settings.id_token_ttl ?? 0));
  const close = () => {
    setPicked(null);
    onClose();
  };
  return (
    <Dialog title={t('keys.rotateTitle', { space })} isOpen={isOpen} onClose={close} role="alertdialog">
      <RadioChoices
        label={t('keys.algLabel')}
        description={t('keys.algHelp', { alg: signingAlg })}
        value={alg}
        onChange={(v) => setPicked(v as SigningAlg)}
        choices={SIGNING_ALGS.map((a) => ({ id: a, label: a, hint: t(`keys.algHints.${a}` as MessageKey) }))}
      />
      {alg !== signingAlg ? <Notice kind="info">{t('keys.algSwitch', { from: signingAlg, to: alg })}</Notice> : null}
      <p>{t('keys.rotateWhat', { algs: allAlgs })}</p>
      <Select
        label={t('keys.rotateWhen')}
        value={when}
        onChange={(v) => setWhen(v as 'publish' | 'now')}
        options={[
          { id: 'publish', label: t('keys.afterPublish', { duration: publish ? formatDuration(publish) : t('keys.immediately') }) },
          { id: 'now', label: t('keys.immediately') },
        ]}
      />
      {when === 'now' && publish > 0 ? <Notice kind="warning">{t('keys.immediatelyWarning')}</Notice> : null}
      <p>{t('keys.rotateOld', { lifetime: formatDuration(lifetime) })}</p>
      {error ? <LoadError error={error} /> : null}
      <div className="dialog-actions">
        <Button onPress={close}>{t('common.cancel')}</Button>
        {/* Guarded, not isPending: the dialog closes, and a pending button's announcement would outlive it. */}
        <Button variant="primary" onPress={() => !pending && onRotate({ alg, publishSeconds: when === 'now' ? 0 : undefined })}>
          {t('keys.rotateConfirm')}
        </Button>
      </div>
    </Dialog>
  );
}
