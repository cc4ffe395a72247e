// What the directory pages (scopes, users, tokens, consents) share: whose tokens or consents to show.
export const directory = {
  holderKind: 'Show those of',
  everyone: 'Every client and user',
  oneClient: 'One client',
  oneUser: 'One user',
  pickClient: 'Client',
  pickUser: 'User',
  typeToSearch: 'Type part of a name',
  showChoices: 'Show the choices for {what}',
  pickHint: 'Type to search, then pick one from the list.',
  picked: 'Type again to pick another.',
  noMatch: 'Nothing matches.',
};
