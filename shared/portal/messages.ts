// Every word the partner portal shows, in English and German (Sie-Form); the customer pages' table (shared/pages)
// keeps the words both share: partner kinds, channels, sign-out, dates.
import { PARTNER_APP_ROLES } from '../domain/partnerAccess';
import type { ConsentStatus, Locale } from '../domain/consent';
import { CONSENT_WARNING_TEXT } from '../domain/delegatedAdmin';

const { manage: MANAGE, read: READ } = PARTNER_APP_ROLES;

/** What can go wrong on a portal page besides "not found" and a forged form, each with a page of its own. */
export type PortalFailure =
  'bad-request' | 'too-large' | 'forbidden' | 'read-only' | 'conflict' | 'rate-limited' | 'unavailable' | 'internal';

const en = {
  navLabel: 'Partner portal',
  overview: 'Overview',
  requests: 'Consent requests',
  newRequest: 'New request',
  customers: 'Customers',
  standingLink: 'Standing link',
  webhooks: 'Webhooks',
  switchPartner: 'Switch partner',
  actingAs: (partner: string) => `Working for ${partner}`,

  status: {
    pending: 'Pending',
    accepted: 'Accepted',
    declined: 'Declined',
    expired: 'Expired',
    cancelled: 'Cancelled',
    revoked: 'Revoked',
  } satisfies Record<ConsentStatus, string>,
  emailStatus: (status: string) =>
    ({
      'not-requested': 'Not sent: you send the link yourself',
      queued: 'Queued',
      sent: 'Sent',
      failed: 'Failed',
      'not-sent': 'Not sent: the request closed first',
    })[status] ?? status,

  overviewTitle: 'Overview',
  byStatusHeading: 'Requests by status',
  atLeast: (count: number) => `${count}+`,
  recentHeading: 'Recent activity',
  recentEmpty: 'No requests yet.',
  nextHeading: 'Where to go next',
  nextIssue: 'Send a consent request to a customer',
  nextPending: (count: string) => `Follow up the ${count} pending requests`,
  nextCustomers: 'See the customers you are authorized for',
  nextLink: 'Share your standing link with customers',
  readOnlyNote: `You have read access (${READ}): you can look but not change anything. For changes, ask your administrator for the app role ${MANAGE}.`,
  providerNote:
    "As an indirect provider you do not send consent requests: your resellers' accepted consents authorize you. Their customers appear under Customers.",

  listTitle: 'Consent requests',
  filterHeading: 'Filter',
  statusFilter: 'Status',
  anyStatus: 'Any status',
  tenantFilter: 'Customer tenant id',
  applyFilter: 'Show',
  clearFilter: 'Clear filter',
  tenantFilterInvalid: 'Enter a tenant id: a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.',
  pageTokenInvalid: 'That page link no longer fits this list; showing the first page.',
  listEmpty: 'No requests match.',
  listEmptyNone: 'You have not sent any consent requests yet.',
  colCustomer: 'Customer',
  colStatus: 'Status',
  colCreated: 'Created',
  colExpires: 'Expires',
  colAdmin: 'Admin roles',
  yes: 'Yes',
  no: 'No',
  nextPage: 'Next page',
  firstPage: 'First page',
  unnamedCustomer: 'Customer without a name',

  requestTitle: (customer: string) => `Request for ${customer}`,
  customerHeading: 'Customer',
  tenantLabel: 'Tenant id',
  domainLabel: 'Domain',
  contactLabel: 'Contact',
  languageLabel: 'Language',
  language: { en: 'English', de: 'German' } satisfies Record<Locale, string>,
  anyTenant: 'Any tenant (none named)',
  statusLabel: 'Status',
  createdLabel: 'Created',
  expiresLabel: 'Link expires',
  decidedBy: (user: string) => `by ${user}`,
  adminHeading: 'Delegated admin roles',
  noAdmin: 'None requested.',
  adminDuration: (days: number) => `For ${days} days from acceptance`,
  adminAutoExtend: 'Extends automatically by 180 days',
  adminNoAutoExtend: 'Does not extend automatically',
  adminStatus: (status: string) =>
    ({ requested: 'Requested', active: 'Active', removed: 'Removed by the customer', expired: 'Expired' })[status] ??
    status,
  adminActiveUntil: (date: string) => `Active until ${date}`,
  warningsHeading: 'Least privilege',
  /** A consent's warnings by code (shared/domain/delegatedAdmin.ts); English as the API words them. */
  warning: CONSENT_WARNING_TEXT,
  emailHeading: 'Invitation email',
  emailLastError: (error: string) => `Reason: ${error}`,
  linkHeading: 'Consent link',
  linkPending: (date: string) =>
    `The link works until ${date}. It was shown once when it was made; if it is lost, choose Resend for a new one (the old one stops working).`,
  linkClosed: 'The link no longer works: this request is closed.',
  linkOnceTitle: 'Copy the link now: it is shown only this once',
  linkOnceText:
    'We never store the link itself. Copy it, or the email text below, and send it to a Global Administrator of the customer.',
  linkLabel: 'Consent link',
  emailTextLabel: 'Email text to copy',
  emailText: (partner: string, customer: string, link: string, date: string) =>
    `Hello,\n\n${partner} asks ${customer} to authorize it to register Windows Autopilot devices for your organization.\n\nA Global Administrator of your organization can review and answer the request here:\n${link}\n\nThe link works until ${date}.\n\nKind regards,\n${partner}`,
  yourOrganization: 'your organization',
  actionsHeading: 'What you can do',
  resend: 'Resend (new link)',
  resendHint: 'Makes a new link; the old one stops working. The email goes out again when the request has a contact.',
  resendEmailLimit: (wait: string, at: string) =>
    `You have reached the hourly limit of invitation emails, so no new link was made and nothing changed: the current link still works. You can resend in ${wait} (${at}).`,
  cancel: 'Cancel request',
  cancelHint: 'Withdraws the request; its link stops working at once.',
  cancelledNotice: 'The request was cancelled. Its link no longer works.',
  resentNotice: 'A new link was made; the old one no longer works.',
  issuedNotice: 'The request was created.',
  closedNoActions: 'This request is closed; nothing more can be done with it.',
  receiptHeading: 'Receipt',
  receiptText: "Signed evidence of the customer's decision, to keep or hand to an auditor.",
  downloadReceipt: 'Download the signed receipt',
  trailHeading: 'Audit trail',
  colWhen: 'When',
  colWhat: 'What',
  colWho: 'Who',
  event: {
    'consent.issued': 'Request created',
    'consent.resent': 'New link made',
    'consent.reminded': 'Reminder sent',
    'consent.accepted': 'Accepted by the customer',
    'consent.declined': 'Declined by the customer',
    'consent.expired': 'Expired',
    'consent.cancelled': 'Cancelled',
    'consent.revoked': 'Revoked',
    'email.sent': 'Invitation email sent',
    'email.failed': 'Invitation email failed',
    'notice.failed': 'Reminder or notice email failed',
    'delegatedAdmin.removed': 'Admin roles removed by the customer',
    'delegatedAdmin.expiring': 'Admin roles expiring soon',
    'delegatedAdmin.extended': 'Admin roles extended',
    'delegatedAdmin.expired': 'Admin roles expired',
  } as Record<string, string | undefined>,
  actor: (kind: string, via?: string) =>
    ({
      partner: via === 'application' ? 'Your application' : via === 'user' ? 'A user of yours' : 'Your API key',
      customer: 'The customer',
      operator: 'Support',
      system: 'The service',
    })[kind] ?? kind,
  backToList: 'Back to the requests',

  formTitle: 'New consent request',
  formIntro:
    "The customer's Global Administrator gets a link to authorize you to register Windows Autopilot devices. Fields marked optional may stay empty.",
  formErrors: 'Some fields need attention. Nothing was sent.',
  customerLegend: 'Customer',
  tenantHint: 'Optional. When given, only this tenant can accept.',
  domainHint: 'Optional. Without a tenant id, the accepting user must sign in with this domain.',
  nameField: 'Customer name (optional)',
  contactEmailField: 'Contact email',
  contactEmailHint: 'Needed when the service sends the email.',
  contactNameField: 'Contact name (optional)',
  languageField: 'Language of the email and page',
  adminLegend: 'Delegated admin roles',
  adminChoice: 'Request delegated admin roles',
  adminGuidance:
    'Ask for the least you need: Intune Administrator and Cloud Device Administrator are usually enough for Autopilot. Global Administrator gives full control and cannot extend automatically.',
  globalAdminMark: '(full control: avoid unless needed)',
  durationField: 'Duration in days (1–730)',
  autoExtendField: 'Extend automatically by 180 days when the duration ends',
  oemNoAdmin: 'As a device manufacturer (OEM) you cannot request delegated admin roles.',
  messageField: 'Message to the customer (optional, up to 500 characters, no web addresses)',
  expiryField: 'Link valid for days (1–90)',
  sendEmailField: 'Send the invitation email for me',
  sendEmailHint: 'Untick to send the link yourself; it is shown once after you create the request.',
  emailLimitReached: (wait: string, at: string) =>
    `You have reached the hourly limit of invitation emails, so nothing was created. The service can send them for you again in ${wait} (${at}).`,
  emailLimitTodo:
    'To issue the request now, untick “Send the invitation email for me” and create it: the link is shown once, with an email text you can copy and send yourself.',
  waitMinutes: (minutes: number) => (minutes === 1 ? 'about a minute' : `about ${minutes} minutes`),
  submit: 'Create request',

  /** Beside a form's fields, by the error's code (shared/portal/fieldErrors.ts): what to enter instead. */
  fieldErrors: {
    tenantId: 'Enter the tenant id as a GUID, such as 3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35, or leave it empty.',
    domain: 'Enter a domain name such as contoso.com (without https:// or @), or leave it empty.',
    email: 'Enter an email address such as it-admin@contoso.com.',
    contactEmailNeeded:
      'Enter the contact email, or untick “Send the invitation email for me” to send the link yourself.',
    tooLong: (max: number) => `Too long: shorten it to ${max} characters or fewer.`,
    noVisibleText: 'Enter visible text, or leave the field empty.',
    controlCharacters: 'Remove the hidden control characters; they often come along with copied text.',
    nameWebAddress:
      'Remove the web address: the contact is greeted by this name in the email, where it would become a link.',
    messageWebAddress:
      'Remove the web address: the only link in the invitation is the consent link. Email addresses are fine.',
    language: 'Choose one of the languages in the list.',
    adminNotAllowed: 'Your organization cannot request delegated admin roles: untick “Request delegated admin roles”.',
    chooseRole: 'Tick at least one role, or untick “Request delegated admin roles”.',
    tooManyRoles: (max: number) => `Tick at most ${max} roles.`,
    unknownRole: 'A ticked role is not offered any more: open the form again and tick the roles once more.',
    duplicateRole: 'A role was sent twice: open the form again and tick each role once.',
    wholeDays: (min: number, max: number) => `Enter a whole number of days from ${min} to ${max}.`,
    globalAdminAutoExtend:
      'Roles that include Global Administrator cannot extend automatically (a Microsoft rule): untick “Extend automatically”, or untick Global Administrator.',
    urlRequired: 'Enter the address that should receive the events, such as https://hooks.contoso.com/consent.',
    urlNotAbsolute: 'Enter a complete address that starts with https://, such as https://hooks.contoso.com/consent.',
    urlScheme: 'The address must start with https://.',
    urlCredentials: 'Remove the user name and password from the address.',
    urlUnresolvable: 'The server name in this address cannot be found: check its spelling.',
    urlNotPublic:
      'This address leads into a private or internal network, which may not receive events: use an address that can be reached from the internet.',
    unknownEvent: 'A ticked event is not offered: open the page again and tick the events once more.',
    endpointLimit: (max: number) =>
      `You already have ${max} endpoints, the most allowed: first delete one you no longer need.`,
    changedMeanwhile:
      'Your endpoints changed at the same moment, perhaps by a colleague: check the list and try again.',
    invalid: 'This was not accepted: check it, or open the form again.',
    reload: 'Part of the form was not accepted: open the form again and fill it in once more.',
  },
  cannotIssueTitle: 'You cannot send consent requests',
  cannotIssueOther:
    'Your partner registration does not allow sending consent requests yet (for example, the indirect provider of a reseller is not on record). Ask the service operator to complete it.',
  oemNotEligible:
    'Your organization is a device manufacturer (OEM) without OEM Direct API eligibility, so it cannot send consent requests. Share your standing link instead, or ask support about eligibility.',

  refusalTitle: {
    'not-a-partner': 'Your organization is not registered as a partner',
    'missing-role': 'You need a role for this',
    suspended: 'This partner is suspended',
  },
  notAPartner: (tenant: string) =>
    `You signed in from the tenant ${tenant}, which is not registered as a partner of this service.`,
  notAPartnerTodo:
    'If your organization works with us, ask the service operator to register it with this tenant id, or sign in with your work account of the registered organization.',
  missingRole: (needed: string, held?: string) =>
    held
      ? `Your account has the app role ${held}, which only lets you read. This needs ${needed}.`
      : `Your account has neither ${MANAGE} nor ${READ} on this service's app.`,
  missingRoleTodo: (needed: string) =>
    `Ask your administrator to assign you the app role ${needed} (Microsoft Entra admin center → Enterprise applications → this app → Users and groups). ${READ} is enough to follow requests and customers.`,
  suspended: (partner: string) => `${partner} is suspended, so nothing can be shown or changed for it.`,
  suspendedTodo: 'Contact the service operator.',
  signInAnother: 'Sign in with another account',
  signInUnavailableTitle: 'Sign-in is not available',
  signInUnavailable:
    'This service cannot confirm who you are because its sign-in is not set up, so the portal shows and changes nothing.',
  signInUnavailableTodo: 'Try again later. If this persists, tell the operator of this service.',
  forgedTitle: 'This form could not be accepted',
  forged: 'The form was too old or did not come from this page, so nothing was changed.',
  forgedTodo: 'Open the page again and repeat what you did.',
  openAgain: 'Open the page again',
  whatToDo: 'What you can do',

  notFoundTitle: 'Not found',
  notFound:
    'There is nothing here among your requests. It may belong to another partner, or the address is incomplete.',
  notFoundTodo: 'Check the address, or find the request in the list.',
  unknownPageTitle: 'Page not found',
  unknownPage: 'The partner portal has no page at this address.',
  unknownPageTodo: 'Check the address for typing mistakes, or go on from the overview.',
  backToWebhooks: 'Back to the webhooks',
  backToOverview: 'Back to the overview',
  referenceLabel: 'Reference',
  /** The portal's own pages for what went wrong (shared/portal/failures.ts): what happened, and what to do next. */
  failure: {
    'bad-request': {
      title: 'This could not be read',
      text: 'What your browser sent was not in a form the portal accepts, so nothing was changed.',
      todo: 'Open the page again and repeat what you did.',
    },
    'too-large': {
      title: 'That was too much at once',
      text: 'What your browser sent is larger than a portal form can be (256 KiB), so nothing was changed.',
      todo: 'Open the page again and enter shorter values, such as a shorter message to the customer.',
    },
    forbidden: {
      title: 'Your partner account may not do this',
      text: 'The service refused this for your partner account, so nothing was changed.',
      todo: 'Open the page again to see what you can do. If you think this should work, contact the service operator.',
    },
    'read-only': {
      title: 'You can look but not change anything',
      text: `Your account has the app role ${READ}, which only lets you read, so nothing was changed.`,
      todo: `Ask your administrator to assign you the app role ${MANAGE}: Microsoft Entra admin center → Enterprise applications → this app → Users and groups, in your organization's tenant.`,
    },
    conflict: {
      title: 'This changed in the meantime',
      text: 'It changed after the page was shown (for example, the customer answered, or a colleague cancelled or changed it), so nothing was changed.',
      todo: 'Open the page again to see how it stands now, then decide again.',
    },
    'rate-limited': {
      title: 'Too many at once',
      text: 'Too many were sent in a short time (for example invitation emails), so this was not carried out.',
      todo: 'Wait a minute, then try again.',
    },
    unavailable: {
      title: 'The portal is not available right now',
      text: 'The service cannot reach its storage at the moment, so nothing was shown or changed.',
      todo: 'Wait a minute, then open the page again.',
    },
    internal: {
      title: 'Something went wrong on our side',
      text: 'The portal could not finish this, and cannot tell whether it was done.',
      todo: 'Open the page again to see how things stand before you repeat it. If it keeps happening, tell the service operator and quote the reference below.',
    },
  } satisfies Record<PortalFailure, { title: string; text: string; todo: string }>,

  customersTitle: 'Customers',
  customersIntro: 'The customers you may register Windows Autopilot devices for now, and how.',
  customersEmpty: 'No customer has authorized you yet. A customer appears here as soon as it accepts a request.',
  colTenant: 'Tenant id',
  colBasis: 'Basis',
  colChannels: 'Channels',
  colAccepted: 'Accepted',
  basis: {
    direct: 'Your own consent',
    'indirect-provider': "A reseller's consent",
    oem: 'Your consent (OEM)',
  } as Record<string, string>,
  adminShort: (status: string, until?: string) =>
    status === 'active' && until
      ? `Active until ${until}`
      : status === 'active'
        ? 'Active'
        : status === 'removed'
          ? 'Removed'
          : status === 'expired'
            ? 'Expired'
            : 'Requested',

  linkTitle: 'Standing link',
  linkIntro:
    'Your one standing link: a Global Administrator of any customer can open it and authorize you. It stays valid until you replace it.',
  linkCreated: (date: string) => `Made on ${date}`,
  standingEmailText: (partner: string, link: string) =>
    `Hello,\n\n${partner} asks your organization to authorize it to register Windows Autopilot devices for you.\n\nA Global Administrator of your organization can review and answer the request here:\n${link}\n\nKind regards,\n${partner}`,
  rotate: 'Replace the link',
  rotateHint: 'Makes a new link at once; the old one stops working. Customers who already accepted stay authorized.',
  rotatedNotice: 'The link was replaced; the old one no longer works.',
  linkNone:
    'You have no standing link yet. It is one link for all your customers: a Global Administrator of any customer can open it and authorize you, without a request for each. It stays valid until you replace it.',
  linkCreate: 'Create the standing link',
  createdLinkNotice: 'Your standing link was created. Share it with customers; it stays valid until you replace it.',
  linkNeedsManage: `Showing or creating the standing link needs the app role ${MANAGE}; your account has ${READ}, which only lets you read. Any customer's Global Administrator can accept the link, so handing it out is the same as sending consent requests.`,

  webhooksTitle: 'Webhooks',
  webhooksIntro: (max: number) =>
    `We POST each event to your endpoints, signed the Standard Webhooks way with the endpoint's secret. Up to ${max} endpoints.`,
  webhooksEmpty: 'No endpoints yet.',
  colUrl: 'Address',
  colEvents: 'Events',
  allEvents: 'All events',
  webhookStatus: (status: string): string =>
    status === 'active' ? 'Active' : 'Disabled (the receiver answered 410 Gone)',
  deleteWebhook: 'Delete',
  deleteWebhookLabel: (url: string) => `Delete the endpoint ${url}`,
  addWebhookHeading: 'Add an endpoint',
  urlField: 'Address (https://)',
  descriptionField: 'Description (optional)',
  eventsLegend: 'Events to deliver (none ticked: all)',
  addWebhook: 'Add endpoint',
  secretTitle: 'Copy the signing secret now: it is shown only this once',
  secretText: 'Your receiver checks each delivery with it. We keep it sealed and never show it again.',
  secretLabel: 'Signing secret',
  deletedNotice: 'The endpoint was deleted; nothing more is sent to it.',

  chooseTitle: 'Choose a partner',
  chooseIntro: 'Several partners are registered for your organization. Which one are you working for?',
  suspendedChoice: '(suspended)',
};

export type PortalMessages = typeof en;

const de: PortalMessages = {
  navLabel: 'Partnerportal',
  overview: 'Übersicht',
  requests: 'Zustimmungsanfragen',
  newRequest: 'Neue Anfrage',
  customers: 'Kunden',
  standingLink: 'Dauerhafter Link',
  webhooks: 'Webhooks',
  switchPartner: 'Partner wechseln',
  actingAs: (partner) => `Sie arbeiten für ${partner}`,

  status: {
    pending: 'Offen',
    accepted: 'Angenommen',
    declined: 'Abgelehnt',
    expired: 'Abgelaufen',
    cancelled: 'Zurückgezogen',
    revoked: 'Widerrufen',
  },
  emailStatus: (status) =>
    ({
      'not-requested': 'Nicht gesendet: Sie senden den Link selbst',
      queued: 'In der Warteschlange',
      sent: 'Gesendet',
      failed: 'Fehlgeschlagen',
      'not-sent': 'Nicht gesendet: Die Anfrage wurde vorher geschlossen',
    })[status] ?? status,

  overviewTitle: 'Übersicht',
  byStatusHeading: 'Anfragen nach Status',
  atLeast: (count) => `${count}+`,
  recentHeading: 'Letzte Aktivität',
  recentEmpty: 'Noch keine Anfragen.',
  nextHeading: 'Wie es weitergeht',
  nextIssue: 'Einem Kunden eine Zustimmungsanfrage senden',
  nextPending: (count) => `Die ${count} offenen Anfragen nachverfolgen`,
  nextCustomers: 'Die Kunden ansehen, für die Sie autorisiert sind',
  nextLink: 'Ihren dauerhaften Link mit Kunden teilen',
  readOnlyNote: `Sie haben Lesezugriff (${READ}): Sie können alles ansehen, aber nichts ändern. Für Änderungen bitten Sie Ihren Administrator um die App-Rolle ${MANAGE}.`,
  providerNote:
    'Als indirekter Anbieter senden Sie keine Zustimmungsanfragen: Die angenommenen Zustimmungen Ihrer Reseller autorisieren Sie. Deren Kunden erscheinen unter „Kunden“.',

  listTitle: 'Zustimmungsanfragen',
  filterHeading: 'Filter',
  statusFilter: 'Status',
  anyStatus: 'Jeder Status',
  tenantFilter: 'Mandanten-ID des Kunden',
  applyFilter: 'Anzeigen',
  clearFilter: 'Filter entfernen',
  tenantFilterInvalid: 'Geben Sie eine Mandanten-ID ein: eine GUID wie 0f8fad5b-d9cb-469f-a165-70867728950e.',
  pageTokenInvalid: 'Dieser Seitenlink passt nicht mehr zu dieser Liste; die erste Seite wird angezeigt.',
  listEmpty: 'Keine Anfrage passt.',
  listEmptyNone: 'Sie haben noch keine Zustimmungsanfragen gesendet.',
  colCustomer: 'Kunde',
  colStatus: 'Status',
  colCreated: 'Erstellt',
  colExpires: 'Läuft ab',
  colAdmin: 'Administratorrollen',
  yes: 'Ja',
  no: 'Nein',
  nextPage: 'Nächste Seite',
  firstPage: 'Erste Seite',
  unnamedCustomer: 'Kunde ohne Namen',

  requestTitle: (customer) => `Anfrage an ${customer}`,
  customerHeading: 'Kunde',
  tenantLabel: 'Mandanten-ID',
  domainLabel: 'Domäne',
  contactLabel: 'Kontakt',
  languageLabel: 'Sprache',
  language: { en: 'Englisch', de: 'Deutsch' },
  anyTenant: 'Jeder Mandant (keiner angegeben)',
  statusLabel: 'Status',
  createdLabel: 'Erstellt',
  expiresLabel: 'Link läuft ab',
  decidedBy: (user) => `von ${user}`,
  adminHeading: 'Delegierte Administratorrollen',
  noAdmin: 'Keine angefragt.',
  adminDuration: (days) => `Für ${days} Tage ab der Annahme`,
  adminAutoExtend: 'Verlängert sich automatisch um 180 Tage',
  adminNoAutoExtend: 'Verlängert sich nicht automatisch',
  adminStatus: (status) =>
    ({ requested: 'Angefragt', active: 'Aktiv', removed: 'Vom Kunden entfernt', expired: 'Abgelaufen' })[status] ??
    status,
  adminActiveUntil: (date) => `Aktiv bis ${date}`,
  warningsHeading: 'Geringste Rechte',
  warning: {
    'least-privilege':
      '„Global Administrator“ gibt volle Kontrolle über die Organisation des Kunden. Fragen Sie diese Rolle nach dem Prinzip der geringsten Rechte nur für Notfälle an: Zum Registrieren und Verwalten von Autopilot-Geräten genügen meist „Intune Administrator“ und „Cloud Device Administrator“.',
  },
  emailHeading: 'Einladungs-E-Mail',
  emailLastError: (error) => `Grund: ${error}`,
  linkHeading: 'Zustimmungslink',
  linkPending: (date) =>
    `Der Link funktioniert bis ${date}. Er wurde einmal angezeigt, als er erstellt wurde; ist er verloren, wählen Sie „Erneut senden“ für einen neuen (der alte funktioniert dann nicht mehr).`,
  linkClosed: 'Der Link funktioniert nicht mehr: Diese Anfrage ist abgeschlossen.',
  linkOnceTitle: 'Kopieren Sie den Link jetzt: Er wird nur dieses eine Mal angezeigt',
  linkOnceText:
    'Wir speichern den Link selbst nie. Kopieren Sie ihn oder den E-Mail-Text unten und senden Sie ihn an eine Person mit der Rolle „Global Administrator“ beim Kunden.',
  linkLabel: 'Zustimmungslink',
  emailTextLabel: 'E-Mail-Text zum Kopieren',
  emailText: (partner, customer, link, date) =>
    `Guten Tag,\n\n${partner} bittet ${customer} um die Autorisierung, Windows Autopilot-Geräte für Ihre Organisation zu registrieren.\n\nEine Person mit der Rolle „Global Administrator“ in Ihrer Organisation kann die Anfrage hier prüfen und beantworten:\n${link}\n\nDer Link funktioniert bis ${date}.\n\nMit freundlichen Grüßen\n${partner}`,
  yourOrganization: 'Ihre Organisation',
  actionsHeading: 'Was Sie tun können',
  resend: 'Erneut senden (neuer Link)',
  resendHint:
    'Erstellt einen neuen Link; der alte funktioniert nicht mehr. Die E-Mail geht erneut hinaus, wenn die Anfrage einen Kontakt hat.',
  resendEmailLimit: (wait, at) =>
    `Sie haben die stündliche Höchstzahl an Einladungs-E-Mails erreicht, daher wurde kein neuer Link erstellt und nichts geändert: Der bisherige Link funktioniert weiter. Sie können in ${wait} (${at}) erneut senden.`,
  cancel: 'Anfrage zurückziehen',
  cancelHint: 'Zieht die Anfrage zurück; ihr Link funktioniert sofort nicht mehr.',
  cancelledNotice: 'Die Anfrage wurde zurückgezogen. Ihr Link funktioniert nicht mehr.',
  resentNotice: 'Ein neuer Link wurde erstellt; der alte funktioniert nicht mehr.',
  issuedNotice: 'Die Anfrage wurde erstellt.',
  closedNoActions: 'Diese Anfrage ist abgeschlossen; es ist nichts mehr zu tun.',
  receiptHeading: 'Beleg',
  receiptText: 'Signierter Nachweis der Entscheidung des Kunden, zum Aufbewahren oder für Prüfer.',
  downloadReceipt: 'Signierten Beleg herunterladen',
  trailHeading: 'Protokoll',
  colWhen: 'Wann',
  colWhat: 'Was',
  colWho: 'Wer',
  event: {
    'consent.issued': 'Anfrage erstellt',
    'consent.resent': 'Neuer Link erstellt',
    'consent.reminded': 'Erinnerung gesendet',
    'consent.accepted': 'Vom Kunden angenommen',
    'consent.declined': 'Vom Kunden abgelehnt',
    'consent.expired': 'Abgelaufen',
    'consent.cancelled': 'Zurückgezogen',
    'consent.revoked': 'Widerrufen',
    'email.sent': 'Einladungs-E-Mail gesendet',
    'email.failed': 'Einladungs-E-Mail fehlgeschlagen',
    'notice.failed': 'Erinnerungs- oder Hinweis-E-Mail fehlgeschlagen',
    'delegatedAdmin.removed': 'Administratorrollen vom Kunden entfernt',
    'delegatedAdmin.expiring': 'Administratorrollen laufen bald ab',
    'delegatedAdmin.extended': 'Administratorrollen verlängert',
    'delegatedAdmin.expired': 'Administratorrollen abgelaufen',
  },
  actor: (kind, via) =>
    ({
      partner:
        via === 'application'
          ? 'Ihre Anwendung'
          : via === 'user'
            ? 'Eine Person Ihrer Organisation'
            : 'Ihr API-Schlüssel',
      customer: 'Der Kunde',
      operator: 'Der Support',
      system: 'Der Dienst',
    })[kind] ?? kind,
  backToList: 'Zurück zu den Anfragen',

  formTitle: 'Neue Zustimmungsanfrage',
  formIntro:
    'Eine Person mit der Rolle „Global Administrator“ beim Kunden erhält einen Link, mit dem sie Sie autorisiert, Windows Autopilot-Geräte zu registrieren. Als optional markierte Felder dürfen leer bleiben.',
  formErrors: 'Einige Felder brauchen Ihre Aufmerksamkeit. Es wurde nichts gesendet.',
  customerLegend: 'Kunde',
  tenantHint: 'Optional. Wenn angegeben, kann nur dieser Mandant annehmen.',
  domainHint: 'Optional. Ohne Mandanten-ID muss sich die annehmende Person mit dieser Domäne anmelden.',
  nameField: 'Name des Kunden (optional)',
  contactEmailField: 'Kontakt-E-Mail',
  contactEmailHint: 'Nötig, wenn der Dienst die E-Mail sendet.',
  contactNameField: 'Name des Kontakts (optional)',
  languageField: 'Sprache der E-Mail und der Seite',
  adminLegend: 'Delegierte Administratorrollen',
  adminChoice: 'Delegierte Administratorrollen anfragen',
  adminGuidance:
    'Fragen Sie nur an, was Sie brauchen: „Intune Administrator“ und „Cloud Device Administrator“ genügen für Autopilot meist. „Global Administrator“ gibt volle Kontrolle und kann sich nicht automatisch verlängern.',
  globalAdminMark: '(volle Kontrolle: nur wenn nötig)',
  durationField: 'Dauer in Tagen (1–730)',
  autoExtendField: 'Am Ende der Dauer automatisch um 180 Tage verlängern',
  oemNoAdmin: 'Als Gerätehersteller (OEM) können Sie keine delegierten Administratorrollen anfragen.',
  messageField: 'Nachricht an den Kunden (optional, bis zu 500 Zeichen, keine Webadressen)',
  expiryField: 'Link gültig für Tage (1–90)',
  sendEmailField: 'Die Einladungs-E-Mail für mich senden',
  sendEmailHint:
    'Entfernen Sie das Häkchen, um den Link selbst zu senden; er wird nach dem Erstellen einmal angezeigt.',
  emailLimitReached: (wait, at) =>
    `Sie haben die stündliche Höchstzahl an Einladungs-E-Mails erreicht, daher wurde nichts erstellt. Der Dienst kann in ${wait} (${at}) wieder Einladungs-E-Mails für Sie senden.`,
  emailLimitTodo:
    'Um die Anfrage jetzt zu stellen, entfernen Sie das Häkchen bei „Die Einladungs-E-Mail für mich senden“ und erstellen Sie sie: Der Link wird einmal angezeigt, mit einem E-Mail-Text, den Sie kopieren und selbst senden können.',
  waitMinutes: (minutes) => (minutes === 1 ? 'etwa einer Minute' : `etwa ${minutes} Minuten`),
  submit: 'Anfrage erstellen',

  fieldErrors: {
    tenantId:
      'Geben Sie die Mandanten-ID als GUID ein, etwa 3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35, oder lassen Sie das Feld leer.',
    domain: 'Geben Sie einen Domänennamen wie contoso.com ein (ohne https:// oder @), oder lassen Sie das Feld leer.',
    email: 'Geben Sie eine E-Mail-Adresse wie it-admin@contoso.com ein.',
    contactEmailNeeded:
      'Geben Sie die Kontakt-E-Mail ein, oder entfernen Sie das Häkchen bei „Die Einladungs-E-Mail für mich senden“, um den Link selbst zu senden.',
    tooLong: (max) => `Zu lang: Kürzen Sie den Text auf höchstens ${max} Zeichen.`,
    noVisibleText: 'Geben Sie sichtbaren Text ein, oder lassen Sie das Feld leer.',
    controlCharacters: 'Entfernen Sie die verborgenen Steuerzeichen; sie stammen oft aus kopiertem Text.',
    nameWebAddress:
      'Entfernen Sie die Webadresse: Der Kontakt wird in der E-Mail mit diesem Namen begrüßt, wo sie zum Link würde.',
    messageWebAddress:
      'Entfernen Sie die Webadresse: Der einzige Link der Einladung ist der Zustimmungslink. E-Mail-Adressen sind erlaubt.',
    language: 'Wählen Sie eine der Sprachen aus der Liste.',
    adminNotAllowed:
      'Ihre Organisation kann keine delegierten Administratorrollen anfragen: Entfernen Sie das Häkchen bei „Delegierte Administratorrollen anfragen“.',
    chooseRole:
      'Haken Sie mindestens eine Rolle an, oder entfernen Sie das Häkchen bei „Delegierte Administratorrollen anfragen“.',
    tooManyRoles: (max) => `Haken Sie höchstens ${max} Rollen an.`,
    unknownRole:
      'Eine angehakte Rolle wird nicht mehr angeboten: Öffnen Sie das Formular erneut und haken Sie die Rollen noch einmal an.',
    duplicateRole:
      'Eine Rolle wurde doppelt gesendet: Öffnen Sie das Formular erneut und haken Sie jede Rolle einmal an.',
    wholeDays: (min, max) => `Geben Sie eine ganze Zahl von Tagen zwischen ${min} und ${max} ein.`,
    globalAdminAutoExtend:
      'Rollen mit „Global Administrator“ können sich nicht automatisch verlängern (eine Regel von Microsoft): Entfernen Sie das Häkchen bei der automatischen Verlängerung oder bei „Global Administrator“.',
    urlRequired:
      'Geben Sie die Adresse ein, die die Ereignisse empfangen soll, etwa https://hooks.contoso.com/consent.',
    urlNotAbsolute:
      'Geben Sie eine vollständige Adresse ein, die mit https:// beginnt, etwa https://hooks.contoso.com/consent.',
    urlScheme: 'Die Adresse muss mit https:// beginnen.',
    urlCredentials: 'Entfernen Sie Benutzername und Kennwort aus der Adresse.',
    urlUnresolvable: 'Der Servername dieser Adresse wurde nicht gefunden: Prüfen Sie die Schreibweise.',
    urlNotPublic:
      'Diese Adresse führt in ein privates oder internes Netz, das keine Ereignisse empfangen darf: Verwenden Sie eine aus dem Internet erreichbare Adresse.',
    unknownEvent:
      'Ein angehaktes Ereignis wird nicht angeboten: Öffnen Sie die Seite erneut und haken Sie die Ereignisse noch einmal an.',
    endpointLimit: (max) =>
      `Sie haben bereits ${max} Endpunkte, die Höchstzahl: Löschen Sie zuerst einen, den Sie nicht mehr brauchen.`,
    changedMeanwhile:
      'Ihre Endpunkte wurden im selben Moment geändert, vielleicht von jemand anderem: Prüfen Sie die Liste und versuchen Sie es erneut.',
    invalid: 'Das wurde nicht angenommen: Prüfen Sie die Eingabe, oder öffnen Sie das Formular erneut.',
    reload:
      'Ein Teil des Formulars wurde nicht angenommen: Öffnen Sie das Formular erneut und füllen Sie es noch einmal aus.',
  },
  cannotIssueTitle: 'Sie können keine Zustimmungsanfragen senden',
  cannotIssueOther:
    'Ihre Partnerregistrierung erlaubt noch keine Zustimmungsanfragen (etwa weil der indirekte Anbieter eines Resellers nicht hinterlegt ist). Bitten Sie den Betreiber des Dienstes, sie zu vervollständigen.',
  oemNotEligible:
    'Ihre Organisation ist ein Gerätehersteller (OEM) ohne Berechtigung für die OEM Direct API und kann daher keine Zustimmungsanfragen senden. Teilen Sie stattdessen Ihren dauerhaften Link oder fragen Sie den Support nach der Berechtigung.',

  refusalTitle: {
    'not-a-partner': 'Ihre Organisation ist nicht als Partner registriert',
    'missing-role': 'Dafür brauchen Sie eine Rolle',
    suspended: 'Dieser Partner ist gesperrt',
  },
  notAPartner: (tenant) =>
    `Sie haben sich aus dem Mandanten ${tenant} angemeldet, der nicht als Partner dieses Dienstes registriert ist.`,
  notAPartnerTodo:
    'Wenn Ihre Organisation mit uns arbeitet, bitten Sie den Betreiber des Dienstes, sie mit dieser Mandanten-ID zu registrieren, oder melden Sie sich mit Ihrem Geschäftskonto der registrierten Organisation an.',
  missingRole: (needed, held) =>
    held
      ? `Ihr Konto hat die App-Rolle ${held}, die nur Lesen erlaubt. Hierfür ist ${needed} nötig.`
      : `Ihr Konto hat weder ${MANAGE} noch ${READ} für die App dieses Dienstes.`,
  missingRoleTodo: (needed) =>
    `Bitten Sie Ihren Administrator, Ihnen die App-Rolle ${needed} zuzuweisen (Microsoft Entra Admin Center → Unternehmensanwendungen → diese App → Benutzer und Gruppen). ${READ} genügt, um Anfragen und Kunden zu verfolgen.`,
  suspended: (partner) => `${partner} ist gesperrt, daher kann dafür nichts angezeigt oder geändert werden.`,
  suspendedTodo: 'Wenden Sie sich an den Betreiber des Dienstes.',
  signInAnother: 'Mit einem anderen Konto anmelden',
  signInUnavailableTitle: 'Die Anmeldung ist nicht verfügbar',
  signInUnavailable:
    'Dieser Dienst kann nicht feststellen, wer Sie sind, weil seine Anmeldung nicht eingerichtet ist; daher zeigt und ändert das Portal nichts.',
  signInUnavailableTodo:
    'Versuchen Sie es später erneut. Besteht das Problem weiter, informieren Sie den Betreiber dieses Dienstes.',
  forgedTitle: 'Dieses Formular konnte nicht angenommen werden',
  forged: 'Das Formular war zu alt oder kam nicht von dieser Seite, daher wurde nichts geändert.',
  forgedTodo: 'Öffnen Sie die Seite erneut und wiederholen Sie Ihre Eingabe.',
  openAgain: 'Seite erneut öffnen',
  whatToDo: 'Was Sie tun können',

  notFoundTitle: 'Nicht gefunden',
  notFound:
    'Unter Ihren Anfragen gibt es hier nichts. Es gehört vielleicht einem anderen Partner, oder die Adresse ist unvollständig.',
  notFoundTodo: 'Prüfen Sie die Adresse, oder suchen Sie die Anfrage in der Liste.',
  unknownPageTitle: 'Seite nicht gefunden',
  unknownPage: 'Das Partnerportal hat unter dieser Adresse keine Seite.',
  unknownPageTodo: 'Prüfen Sie die Adresse auf Tippfehler, oder gehen Sie von der Übersicht aus weiter.',
  backToWebhooks: 'Zurück zu den Webhooks',
  backToOverview: 'Zurück zur Übersicht',
  referenceLabel: 'Referenz',
  failure: {
    'bad-request': {
      title: 'Das konnte nicht gelesen werden',
      text: 'Was Ihr Browser gesendet hat, hatte keine Form, die das Portal annimmt; daher wurde nichts geändert.',
      todo: 'Öffnen Sie die Seite erneut und wiederholen Sie Ihre Eingabe.',
    },
    'too-large': {
      title: 'Das war zu viel auf einmal',
      text: 'Was Ihr Browser gesendet hat, ist größer, als ein Formular des Portals sein kann (256 KiB); daher wurde nichts geändert.',
      todo: 'Öffnen Sie die Seite erneut und geben Sie kürzere Werte ein, etwa eine kürzere Nachricht an den Kunden.',
    },
    forbidden: {
      title: 'Ihr Partnerkonto darf das nicht',
      text: 'Der Dienst hat das für Ihr Partnerkonto abgelehnt; daher wurde nichts geändert.',
      todo: 'Öffnen Sie die Seite erneut, um zu sehen, was Sie tun können. Wenn das gehen sollte, wenden Sie sich an den Betreiber des Dienstes.',
    },
    'read-only': {
      title: 'Sie können alles ansehen, aber nichts ändern',
      text: `Ihr Konto hat die App-Rolle ${READ}, die nur Lesen erlaubt; daher wurde nichts geändert.`,
      todo: `Bitten Sie Ihren Administrator, Ihnen die App-Rolle ${MANAGE} zuzuweisen: Microsoft Entra Admin Center → Unternehmensanwendungen → diese App → Benutzer und Gruppen, im Mandanten Ihrer Organisation.`,
    },
    conflict: {
      title: 'Das hat sich inzwischen geändert',
      text: 'Es hat sich geändert, nachdem die Seite angezeigt wurde (etwa weil der Kunde geantwortet hat oder jemand anderes es zurückgezogen oder geändert hat); daher wurde nichts geändert.',
      todo: 'Öffnen Sie die Seite erneut, um den aktuellen Stand zu sehen, und entscheiden Sie dann neu.',
    },
    'rate-limited': {
      title: 'Zu viele auf einmal',
      text: 'In kurzer Zeit wurde zu viel gesendet (etwa Einladungs-E-Mails); daher wurde das nicht ausgeführt.',
      todo: 'Warten Sie eine Minute und versuchen Sie es dann erneut.',
    },
    unavailable: {
      title: 'Das Portal ist gerade nicht verfügbar',
      text: 'Der Dienst erreicht seinen Speicher im Moment nicht; daher wurde nichts angezeigt oder geändert.',
      todo: 'Warten Sie eine Minute und öffnen Sie die Seite dann erneut.',
    },
    internal: {
      title: 'Bei uns ist ein Fehler aufgetreten',
      text: 'Das Portal konnte das nicht abschließen und kann nicht sagen, ob es ausgeführt wurde.',
      todo: 'Öffnen Sie die Seite erneut, um den Stand zu sehen, bevor Sie es wiederholen. Passiert es wieder, informieren Sie den Betreiber des Dienstes und nennen Sie die Referenz unten.',
    },
  },

  customersTitle: 'Kunden',
  customersIntro: 'Die Kunden, für die Sie jetzt Windows Autopilot-Geräte registrieren dürfen, und wie.',
  customersEmpty: 'Noch hat Sie kein Kunde autorisiert. Ein Kunde erscheint hier, sobald er eine Anfrage annimmt.',
  colTenant: 'Mandanten-ID',
  colBasis: 'Grundlage',
  colChannels: 'Wege',
  colAccepted: 'Angenommen',
  basis: {
    direct: 'Ihre eigene Zustimmung',
    'indirect-provider': 'Die Zustimmung eines Resellers',
    oem: 'Ihre Zustimmung (OEM)',
  },
  adminShort: (status, until) =>
    status === 'active' && until
      ? `Aktiv bis ${until}`
      : status === 'active'
        ? 'Aktiv'
        : status === 'removed'
          ? 'Entfernt'
          : status === 'expired'
            ? 'Abgelaufen'
            : 'Angefragt',

  linkTitle: 'Dauerhafter Link',
  linkIntro:
    'Ihr dauerhafter Link: Eine Person mit der Rolle „Global Administrator“ bei jedem Kunden kann ihn öffnen und Sie autorisieren. Er bleibt gültig, bis Sie ihn ersetzen.',
  linkCreated: (date) => `Erstellt am ${date}`,
  standingEmailText: (partner, link) =>
    `Guten Tag,\n\n${partner} bittet Ihre Organisation um die Autorisierung, Windows Autopilot-Geräte für Sie zu registrieren.\n\nEine Person mit der Rolle „Global Administrator“ in Ihrer Organisation kann die Anfrage hier prüfen und beantworten:\n${link}\n\nMit freundlichen Grüßen\n${partner}`,
  rotate: 'Link ersetzen',
  rotateHint:
    'Erstellt sofort einen neuen Link; der alte funktioniert nicht mehr. Kunden, die bereits angenommen haben, bleiben autorisiert.',
  rotatedNotice: 'Der Link wurde ersetzt; der alte funktioniert nicht mehr.',
  linkNone:
    'Sie haben noch keinen dauerhaften Link. Er ist ein Link für alle Ihre Kunden: Eine Person mit der Rolle „Global Administrator“ bei jedem Kunden kann ihn öffnen und Sie autorisieren, ohne eine eigene Anfrage je Kunde. Er bleibt gültig, bis Sie ihn ersetzen.',
  linkCreate: 'Dauerhaften Link erstellen',
  createdLinkNotice:
    'Ihr dauerhafter Link wurde erstellt. Teilen Sie ihn mit Kunden; er bleibt gültig, bis Sie ihn ersetzen.',
  linkNeedsManage: `Das Anzeigen oder Erstellen des dauerhaften Links erfordert die App-Rolle ${MANAGE}; Ihr Konto hat ${READ}, das nur Lesen erlaubt. Eine Person mit der Rolle „Global Administrator“ bei jedem Kunden kann den Link annehmen, daher ist das Weitergeben dasselbe wie das Senden von Zustimmungsanfragen.`,

  webhooksTitle: 'Webhooks',
  webhooksIntro: (max) =>
    `Wir senden jedes Ereignis per POST an Ihre Endpunkte, nach Standard Webhooks mit dem Geheimnis des Endpunkts signiert. Bis zu ${max} Endpunkte.`,
  webhooksEmpty: 'Noch keine Endpunkte.',
  colUrl: 'Adresse',
  colEvents: 'Ereignisse',
  allEvents: 'Alle Ereignisse',
  webhookStatus: (status) => (status === 'active' ? 'Aktiv' : 'Deaktiviert (der Empfänger antwortete 410 Gone)'),
  deleteWebhook: 'Löschen',
  deleteWebhookLabel: (url) => `Den Endpunkt ${url} löschen`,
  addWebhookHeading: 'Endpunkt hinzufügen',
  urlField: 'Adresse (https://)',
  descriptionField: 'Beschreibung (optional)',
  eventsLegend: 'Zu sendende Ereignisse (keines angehakt: alle)',
  addWebhook: 'Endpunkt hinzufügen',
  secretTitle: 'Kopieren Sie das Signaturgeheimnis jetzt: Es wird nur dieses eine Mal angezeigt',
  secretText: 'Ihr Empfänger prüft damit jede Zustellung. Wir bewahren es versiegelt auf und zeigen es nie wieder.',
  secretLabel: 'Signaturgeheimnis',
  deletedNotice: 'Der Endpunkt wurde gelöscht; an ihn wird nichts mehr gesendet.',

  chooseTitle: 'Partner auswählen',
  chooseIntro: 'Für Ihre Organisation sind mehrere Partner registriert. Für welchen arbeiten Sie?',
  suspendedChoice: '(gesperrt)',
};

const TABLES: Record<Locale, PortalMessages> = { en, de };

export function portalMessagesFor(locale: Locale): PortalMessages {
  return TABLES[locale];
}
