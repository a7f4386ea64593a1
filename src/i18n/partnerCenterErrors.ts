import { isPartnerCenterError } from '../partnerCenter/errors';
import type { Translator } from './i18n';

/**
 * The user-facing sentence for a Partner Center failure, by error kind. Unknown errors are
 * rethrown: they belong to onTurnError.
 */
export function partnerCenterErrorText(t: Translator, err: unknown): string {
  if (!isPartnerCenterError(err)) throw err;
  const ref = err.requestId ? err.requestId.slice(0, 8) : 'n/a';
  switch (err.kind) {
    case 'not_found':
    case 'relationship_not_found':
      return t.t('pc.notFound', { ref });
    case 'no_delegated_access':
      return t.t('pc.noDelegatedAccess');
    case 'throttled':
      return t.t('pc.throttled', { seconds: Math.max(1, Math.ceil((err.retryAfterMs ?? 30_000) / 1000)) });
    case 'precondition':
      return t.t('pc.precondition', { detail: err.description ?? '' });
    case 'unauthorized':
      return t.t('pc.unauthorized');
    case 'unavailable':
      return t.t('pc.unavailable', { ref });
    default:
      return t.t('pc.failed', { ref });
  }
}
