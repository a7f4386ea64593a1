import { LegalNoticeCatalog } from '../../domain/legalNotice';
import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { AuditDialog } from './auditDialog';
import { FlowClaims } from './flowClaims';
import { PROVIDER_REQUEST_VERBS } from './providerRequest';
import { REMOVE_VERBS, RemoveDialog } from './removeDialog';

/**
 * The removal feature: `remove`/`entfernen` (also started by the customers feature's
 * `customers.remove` button with `cardData = {customerId}`) and `audit`/`protokoll`. Loads the
 * legal-notice statements once; a configured replacement file that cannot be used stops start-up
 * (LegalNoticeFileError names the setting).
 */
export function createRemoveFeature(
  services: DialogServices,
  options: { notices?: LegalNoticeCatalog } = {},
): Feature {
  const notices =
    options.notices ??
    LegalNoticeCatalog.load({
      en: services.config.legalNotice.fileEn,
      de: services.config.legalNotice.fileDe,
    });
  return {
    commands: {
      remove: new RemoveDialog({ services, notices, claims: new FlowClaims() }),
      audit: new AuditDialog(services),
    },
    dialogVerbs: [...Object.values(REMOVE_VERBS), ...Object.values(PROVIDER_REQUEST_VERBS)],
  };
}
