// Read, change, write back under the ETag: the one way a stored consent changes, retried when another writer won.
import type { Consent } from '../domain/consent';
import { notFound } from '../errors';
import { isPreconditionFailed } from '../storage/tableErrors';
import type { Versioned } from '../storage/versioned';
import type { Dependencies } from './dependencies';

const MAX_ATTEMPTS = 5;

/** What a change decided: the consent to store, or that the stored one already is the answer (nothing to write). */
export type ConsentChange<R> = { write: Consent; result: R } | { keep: true; result: R };

/**
 * Applies `change` to the freshest copy of the consent. When a concurrent writer got there first (412), the change is
 * applied again to what that writer stored — so of many racing accepts exactly one writes and the others see it.
 */
export async function changeConsent<R>(
  deps: Dependencies,
  load: () => Promise<Versioned<Consent> | undefined>,
  change: (consent: Consent) => ConsentChange<R>,
): Promise<{ consent: Consent; result: R }> {
  for (let attempt = 1; ; attempt++) {
    const stored = await load();
    if (!stored) throw notFound('No such consent.');
    const decision = change(stored.value);
    if ('keep' in decision) return { consent: stored.value, result: decision.result };
    try {
      await deps.consents.replaceConsent(decision.write, stored.etag);
      return { consent: decision.write, result: decision.result };
    } catch (error) {
      if (!isPreconditionFailed(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
