// Time-driven behaviour without sleeps: the app's clock (the live dependencies' `now`, which every function reads)
// moved to a chosen moment, undone by `jest.restoreAllMocks()`.
import { liveDependencies } from '../../shared/consent/dependencies';

/** Moves the app's clock to `at`; answers that moment. */
export function clockAt(at: number | string): Date {
  const moment = new Date(at);
  jest.spyOn(liveDependencies, 'now').mockImplementation(() => new Date(moment));
  return moment;
}
