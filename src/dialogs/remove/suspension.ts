import type { TurnContext } from 'botbuilder';
import type { CallContext } from '../../partnerCenter/client';
import { isPartnerCenterError, type PartnerCenterError } from '../../partnerCenter/errors';
import { callContextOf, readBackContext, type DialogServices } from '../services';
import type { SuspensionResult } from './removalAudit';
import type { FlowWithCustomer } from './removalFlow';

/**
 * Suspends each active subscription on its own. A PATCH whose outcome is unknown (5xx, timeout)
 * is settled by reading the customer's subscriptions back: suspended, still active (failed), or,
 * when that read fails too, unconfirmed.
 */
export async function suspendActive(
  services: DialogServices,
  context: TurnContext,
  flow: FlowWithCustomer,
): Promise<{ result: SuspensionResult; lastError: unknown }> {
  const ctx = callContextOf(services, context, 'user');
  const result: SuspensionResult = { suspended: [], failed: [] };
  const ambiguous: { id: string; name: string; error: PartnerCenterError }[] = [];
  let lastError: unknown;
  for (const sub of flow.active ?? []) {
    const name = sub.friendlyName || sub.offerName || sub.id;
    try {
      await services.partnerCenter.suspendSubscription(flow.customer.id, sub.id, ctx);
      result.suspended.push({ id: sub.id, name });
    } catch (err) {
      if (!isPartnerCenterError(err)) throw err;
      lastError = err;
      if (err.kind === 'unavailable' || err.kind === 'unknown')
        ambiguous.push({ id: sub.id, name, error: err });
      else result.failed.push({ id: sub.id, name, kind: err.kind, requestId: err.requestId });
    }
  }
  if (ambiguous.length > 0) await verifySuspensions(services, flow.customer.id, ambiguous, result, ctx);
  return { result, lastError };
}

async function verifySuspensions(
  services: DialogServices,
  customerId: string,
  ambiguous: { id: string; name: string; error: PartnerCenterError }[],
  result: SuspensionResult,
  ctx: CallContext,
): Promise<void> {
  let statuses: Map<string, string> | undefined;
  try {
    const read = await services.partnerCenter.listSubscriptions(
      customerId,
      readBackContext({ ...ctx, auth: 'app' }),
    );
    statuses = new Map(read.map((s) => [s.id, s.status]));
  } catch (err) {
    if (!isPartnerCenterError(err)) throw err;
  }
  for (const { id, name, error } of ambiguous) {
    const status = statuses?.get(id);
    const failure = { id, name, kind: error.kind, requestId: error.requestId };
    if (statuses === undefined) {
      (result.unconfirmed ??= []).push(failure);
    } else if (status === 'suspended') {
      result.suspended.push({ id, name, verified: true });
    } else {
      result.failed.push({ ...failure, verified: true });
    }
  }
}
