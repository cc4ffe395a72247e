// Registering a client (/clients/new): the form with its live summary and warnings; the API's 400 lands on the field
// it names; on success the client ID and secret are shown once, then the client's own page opens.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api, ApiError, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { showApiError } from '../../ui/form';
import { Notice, Page } from '../../ui/Page';
import { ClientForm } from './ClientForm';
import { ClientMeaning } from './ClientMeaning';
import { API_FIELDS, API_RENAME, bodyOf, NEW_CLIENT, type ClientFormValues } from './form-model';
import { useSpaceDefaults } from './queries';
import { SecretDialog } from './SecretDialog';

interface Created {
  client_id: string;
  client_secret?: string;
}

export function NewClient({ space }: { space: string }) {
  const form = useForm<ClientFormValues>({ defaultValues: NEW_CLIENT, mode: 'onChange' });
  const defaults = useSpaceDefaults(space);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        const c = await call(api.POST('/spaces/{space}/clients', { params: { path: { space } }, body: bodyOf(values, true) }));
        // Held in this component's state only: never stored, never in the address.
        setCreated({ client_id: c.client_id, client_secret: c.client_secret });
        void queries.invalidateQueries({ queryKey: ['clients', space] });
      } catch (err) {
        if (!showApiError(err, form.setError, API_FIELDS, API_RENAME)) setFailure(err instanceof ApiError ? err.message : String(err));
      }
    },
    () => setFailure(t('clients.form.fixErrors')),
  );

  return (
    <Page
      title={t('clients.form.newTitle')}
      actions={
        <Link className="btn btn-quiet" to="/spaces/$space/clients" params={{ space }}>
          {t('clients.backToList')}
        </Link>
      }
    >
      <form className="client-layout" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-title">
        <div className="client-main">
          <ClientForm form={form} isNew defaults={defaults.data} />
          {failure ? <Notice kind="error">{failure}</Notice> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" isDisabled={form.formState.isSubmitting}>
              {t('clients.form.create')}
            </Button>
          </div>
        </div>
        <ClientMeaning values={form.watch()} defaults={defaults.data} />
      </form>
      <SecretDialog
        isOpen={created !== null}
        title={t('clients.createdDialog.title')}
        warning={created?.client_secret ? t('clients.createdDialog.warning') : t('clients.createdDialog.noSecret')}
        values={[
          { label: t('clients.createdDialog.idLabel'), value: created?.client_id ?? '' },
          ...(created?.client_secret ? [{ label: t('clients.createdDialog.secretLabel'), value: created.client_secret }] : []),
        ]}
        onClose={() => {
          const id = created?.client_id;
          setCreated(null);
          if (id) void navigate({ to: '/spaces/$space/clients/$clientId', params: { space, clientId: id } });
        }}
      />
    </Page>
  );
}
