// Every table and queue the app uses, in one place (the Bicep templates and their tests read this list too).
export const TABLES = {
  partners: 'partners',
  apiKeys: 'apikeys',
  consents: 'consents',
  consentIndex: 'consentindex',
  consentTokens: 'consenttokens',
  standingLinks: 'standinglinks',
  authorizations: 'authorizations',
  customers: 'customers',
  consentEvents: 'consentevents',
  idempotency: 'idempotency',
} as const;

export const QUEUES = {
  invitationEmails: 'invitation-emails',
  invitationEmailsPoison: 'invitation-emails-poison',
} as const;
