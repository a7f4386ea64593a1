/** Texts of the `providers` command. */
export const en = {
  'providers.title': 'Your indirect providers',
  'providers.intro':
    'You buy through these providers. Invite a customer with you and a provider at once with "Invite new customers".',
  'providers.none':
    'Partner Center lists no indirect providers for your account. You can still request a reseller relationship with **{command}**.',
  'providers.more': 'and {count} more',
  'providers.label.tenantId': 'Provider id',
  'providers.label.mpnId': 'Partner id (MPN)',
  'providers.label.location': 'Location',
  'providers.label.state': 'State',
  'providers.invite': 'Invite new customers',
} as const;

export const de: Record<keyof typeof en, string> = {
  'providers.title': 'Ihre indirekten Anbieter',
  'providers.intro':
    'Über diese Anbieter kaufen Sie ein. Laden Sie mit „Neue Kunden einladen“ einen Kunden gleichzeitig zu Ihnen und einem Anbieter ein.',
  'providers.none':
    'Partner Center führt für Ihr Konto keine indirekten Anbieter. Eine Vertriebspartnerschaft können Sie trotzdem mit **{command}** beantragen.',
  'providers.more': 'und {count} weitere',
  'providers.label.tenantId': 'Anbieter-ID',
  'providers.label.mpnId': 'Partner-ID (MPN)',
  'providers.label.location': 'Standort',
  'providers.label.state': 'Status',
  'providers.invite': 'Neue Kunden einladen',
};
