// Every customer page as one union: use cases answer with the page to show, and one function renders any of them.
import type { RenderedPage } from './layout';
import { renderConsentPage } from './consentPage';
import {
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderDeclinedPage,
  renderGonePage,
  renderNotFoundPage,
  renderRefusalPage,
} from './outcomePages';
import { renderPartnersPage } from './partnersPage';
import type {
  AcceptedPageView,
  AlreadyDecidedPageView,
  ConsentPageView,
  DeclinedPageView,
  GonePageView,
  PageContext,
  PartnersPageView,
  RefusalPageView,
} from './viewModels';

export type CustomerPage =
  | { page: 'consent'; view: ConsentPageView }
  | { page: 'accepted'; view: AcceptedPageView }
  | { page: 'declined'; view: DeclinedPageView }
  | { page: 'already-decided'; view: AlreadyDecidedPageView }
  | { page: 'gone'; view: GonePageView }
  | { page: 'not-found'; view: PageContext }
  | { page: 'refusal'; view: RefusalPageView }
  | { page: 'partners'; view: PartnersPageView };

export function renderCustomerPage(answer: CustomerPage): RenderedPage {
  switch (answer.page) {
    case 'consent':
      return renderConsentPage(answer.view);
    case 'accepted':
      return renderAcceptedPage(answer.view);
    case 'declined':
      return renderDeclinedPage(answer.view);
    case 'already-decided':
      return renderAlreadyDecidedPage(answer.view);
    case 'gone':
      return renderGonePage(answer.view);
    case 'not-found':
      return renderNotFoundPage(answer.view);
    case 'refusal':
      return renderRefusalPage(answer.view);
    case 'partners':
      return renderPartnersPage(answer.view);
  }
}
