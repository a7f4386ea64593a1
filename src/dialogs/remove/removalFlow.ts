import type { AccessRelationship, AccessView } from '../../cards/removeAccessCards';
import type { RemoveActionData } from '../../cards/removeCards';
import type { NewCommerceNotes } from '../../domain/newCommerce';
import type { Customer, Subscription } from '../../partnerCenter/types';
import type { AttestationRecord } from '../../domain/removal';
import type { ProviderRequestState } from '../../domain/removalRequests';

/**
 * The state of one removal flow (one run of the remove dialog), persisted with the dialog state.
 * Plain data: snapshots of what Partner Center said, never live objects.
 */

/** Stages that wait for a click on the flow's current card. */
export type WaitingStage =
  'choose' | 'preconditions' | 'suspendConfirm' | 'warning' | 'providerOffer' | 'providerDraft' | 'endAccess';
export type Stage = 'start' | WaitingStage | 'done';

export interface CustomerSnapshot {
  id: string;
  companyName: string;
  domain: string;
  tenantId: string;
  relationshipToPartner: string;
  allowDelegatedAccess?: boolean;
}

export interface SubscriptionSnapshot {
  id: string;
  friendlyName: string;
  offerName: string;
  offerId: string;
  quantity: number;
  status: string;
  autoRenewEnabled: boolean;
}

export interface RemoveFlowState {
  flowId: string;
  stage: Stage;
  /** The command's text after `remove`. */
  args: string;
  /** Started from a customer record's button: its customer id ('' when the button data was invalid). */
  cardCustomerId?: string;
  searchText?: string;
  /** The customer ids the choice card offered. */
  offeredIds?: string[];
  customer?: CustomerSnapshot;
  active?: SubscriptionSnapshot[];
  /** The statement shown on the warning card (what a confirmation attests to). */
  statement?: AttestationRecord;
  /** After Partner Center refused the removal (indirect reseller): the request to the provider (providerRequest.ts). */
  providerRequest?: ProviderRequestState;
  /** New-commerce subscriptions inside their cancellation window / suspended but still billed. */
  newCommerce?: NewCommerceNotes;
  /** The customer's admin access (GDAP) as the warning card showed it. */
  adminAccess?: AccessView;
  /** After a removal: the offer to end the customer's GDAP relationships too. */
  endAccess?: EndAccessState;
  /** True once an outcome was written: a later cancel of the dialog adds nothing. */
  finished: boolean;
}

/** The "End admin access too" step: what was offered, what is still active, which card is current. */
export interface EndAccessState {
  /** The attempt the current card belongs to (a click from an older card changes nothing). */
  attempt: number;
  /** The active relationships offered after the removal. */
  offered: AccessRelationship[];
  /** Ids of offered relationships not (known to be) ended yet. */
  pending: string[];
}

/** A flow that has found its customer. */
export type FlowWithCustomer = RemoveFlowState & { customer: CustomerSnapshot };

export function newFlow(flowId: string, args: string, cardCustomerId?: string): RemoveFlowState {
  const flow: RemoveFlowState = { flowId, stage: 'start', args: args.trim(), finished: false };
  if (cardCustomerId !== undefined) flow.cardCustomerId = cardCustomerId;
  return flow;
}

/** Whether the flow waits for a click on one of its cards. */
export function isWaiting(flow: RemoveFlowState): flow is RemoveFlowState & { stage: WaitingStage } {
  return flow.stage !== 'start' && flow.stage !== 'done';
}

/** The flow has ended (its outcome, if any, is written): the dialog ends. */
export function finish(flow: RemoveFlowState): void {
  flow.stage = 'done';
  flow.finished = true;
}

/** The id of a flow's one final audit entry (written at most once, also when a turn is retried). */
export function finalAuditId(flow: RemoveFlowState): string {
  return `remove-${flow.flowId}`;
}

/** What every button of the flow's cards carries. */
export function actionDataOf(flow: RemoveFlowState): RemoveActionData {
  const data: RemoveActionData = { flowId: flow.flowId, command: 'remove' };
  if (flow.customer) data.customerId = flow.customer.id;
  return data;
}

export function snapshotCustomer(c: Customer): CustomerSnapshot {
  const s: CustomerSnapshot = {
    id: c.id,
    companyName: c.companyName,
    domain: c.domain,
    tenantId: c.tenantId,
    relationshipToPartner: c.relationshipToPartner,
  };
  if (typeof c.allowDelegatedAccess === 'boolean') s.allowDelegatedAccess = c.allowDelegatedAccess;
  return s;
}

export function snapshotSubscription(s: Subscription): SubscriptionSnapshot {
  return {
    id: s.id,
    friendlyName: s.friendlyName,
    offerName: s.offerName,
    offerId: s.offerId,
    quantity: s.quantity,
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled,
  };
}

export function toCustomer(s: CustomerSnapshot): Customer {
  return { ...s };
}

export function toSubscription(s: SubscriptionSnapshot): Subscription {
  return { ...s };
}
