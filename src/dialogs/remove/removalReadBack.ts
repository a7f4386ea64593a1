import type { TurnContext } from 'botbuilder';
import type { RelationshipReadBack } from '../../domain/removal';
import { isPartnerCenterError } from '../../partnerCenter/errors';
import { callContextOf, readBackContext, type DialogServices } from '../services';

/** The customer read back after a removal of unknown outcome: the relationship gone, still there, or the read failed. */
export async function readRelationshipBack(
  services: DialogServices,
  context: TurnContext,
  customerId: string,
  correlationId: string,
): Promise<RelationshipReadBack> {
  const ctx = readBackContext({ ...callContextOf(services, context, 'app'), correlationId });
  try {
    const customer = await services.partnerCenter.getCustomer(customerId, ctx);
    return customer.relationshipToPartner === 'none' ? 'gone' : 'present';
  } catch (err) {
    if (isPartnerCenterError(err, 'not_found')) return 'gone';
    if (!isPartnerCenterError(err)) throw err;
    return { readError: err };
  }
}
