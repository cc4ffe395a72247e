export const consents = {
  title: 'Consents',
  intro:
    'What people allowed clients to do on their behalf. Forgetting a consent makes the consent page ask again next time; tokens already issued stay (revoke them in Token management).',
  listLabel: 'Consents',
  noneFound: 'No consent here.',
  user: 'User',
  client: 'Client',
  scopes: 'Scopes',
  given: 'Given',
  updated: 'Last changed',
  revoke: 'Revoke',
  revokeLabel: 'Revoke the consent of {user} to {client}',
  revokeTitle: 'Revoke this consent?',
  revokeText:
    '{user} will be asked again before {client} gets these scopes: {scopes}. Tokens already issued stay valid until they expire or you revoke them in Token management.',
  revoked: 'Consent of {user} to {client} revoked.',
};
