// The customer pages: views rendered from plain view models, their words, stylesheet and security headers.
export { renderConsentPage } from './consentPage';
export {
  REFUSAL_STATUS,
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderDeclinedPage,
  renderGonePage,
  renderNotFoundPage,
  renderPageNotFound,
  renderRefusalPage,
  renderServiceErrorPage,
} from './outcomePages';
export { renderPartnersPage } from './partnersPage';
export { ChannelList } from './components';
export { messagesFor, type Messages } from './messages';
export { roleDescription } from './roleDescriptions';
export { renderCustomerPage, type CustomerPage } from './customerPage';
export { localPath, renderDocument, type RenderedPage } from './layout';
export { htmlPage, pageResponse, PAGE_HEADERS, STYLESHEET_HEADERS, stylesheetResponse } from './headers';
export { CONSENT_CSS, STYLESHEET_HASH, STYLESHEET_HREF, STYLESHEET_PATH } from './styles';
export {
  CUSTOMER_PATHS,
  isSameSitePath,
  PORTAL_HOME_PATH,
  SIGN_IN_PATHS,
  signInAndReturnTo,
  signOutAndReturnTo,
  withoutLinkTokens,
} from './paths';
export { LOCALES, formatDate, formatDateTime, pickLocale, type Locale } from './locale';
export type * from './viewModels';
