// /spaces/{space}/clients/{clientId}: "new" registers a client, anything else is an existing client's page.
import { useParams } from '@tanstack/react-router';
import '../../styles/clients.css';
import { ClientDetail } from './ClientDetail';
import { NewClient } from './NewClient';

export function ClientPage() {
  const { space, clientId } = useParams({ from: '/spaces/$space/clients/$clientId' });
  return clientId === 'new' ? <NewClient space={space} /> : <ClientDetail key={clientId} space={space} clientId={clientId} />;
}
