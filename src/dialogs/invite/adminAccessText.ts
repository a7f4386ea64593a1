import type { GraphError } from '../../graph';
import type { Translator } from '../../i18n/i18n';

/**
 * The sentence for a failed GDAP write: a duplicate name (after the retry under another name), a
 * request Graph refuses (bad role, auto-extend with Global Administrator: the template is wrong),
 * missing permission, Graph busy or unreachable (after the client's retries); with Graph's request
 * id as reference when there is one.
 */
export function gdapErrorText(t: Translator, error: GraphError, template: string): string {
  let text: string;
  switch (error.kind) {
    case 'duplicateDisplayName':
      text = t.t('gdap.error.duplicate');
      break;
    case 'badRequest':
      text = t.t('gdap.error.invalid', { template });
      break;
    case 'unauthorized':
    case 'forbidden':
      text = t.t('gdap.error.forbidden');
      break;
    case 'throttled':
    case 'unavailable':
      text = t.t('gdap.error.busy');
      break;
    default:
      text = t.t('gdap.error.other');
  }
  return error.requestId ? `${text} ${t.t('gdap.error.ref', { ref: error.requestId })}` : text;
}
