import type { Clock } from '../../../src/notifications/clock';
import { randomUUID } from 'node:crypto';
import type { App } from '../../../src/app';
import type { Invitation } from '../../../src/domain/invitations';
import type { AcceptanceRecord } from '../../../src/notifications/records';
import type { PartnerCenterSimulator, PartnerCenterWebhookEvent } from '../../../src/simulator/simulator';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { TEST_TENANT } from '../../support/activities';

export const WEBHOOK = '/api/partner-center/events';

/** The conversation reference a 1:1 chat with the inviter would have (as TurnContext stores it). */
export function personalReference(
  serviceUrl: string,
  conversationId = `a:${randomUUID()}`,
): Record<string, unknown> {
  return {
    activityId: randomUUID(),
    user: { id: '29:inviter', name: 'Dana Inviter', aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId },
    bot: { id: '28:bot', name: 'Customer Connect' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TEST_TENANT },
    channelId: 'msteams',
    locale: 'en-US',
    serviceUrl,
  };
}

/** Stores a pending invitation directly (as the invite flow would after "Done"). */
export async function createInvitation(
  app: App,
  serviceUrl: string,
  over: Partial<Invitation> = {},
): Promise<Invitation> {
  const reference =
    (over.conversationReference as Record<string, unknown> | undefined) ?? personalReference(serviceUrl);
  const conversationId = (reference['conversation'] as { id: string }).id;
  const now = new Date().toISOString();
  const invitation: Invitation = {
    id: randomUUID(),
    partnerTenantId: app.services.partnerTenantId,
    kind: 'reseller',
    link: app.simulator?.relationshipRequestUrl() ?? 'https://example.invalid/accept',
    createdBy: { aadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId, name: 'Dana Inviter' },
    conversationId,
    conversationReference: reference,
    locale: 'en-US',
    status: 'pending',
    createdAt: now,
    updatedAt: now,
    ...over,
  };
  const { invitation: stored } = await app.services.invitations.create(invitation);
  return stored;
}

export function conversationIdOf(invitation: Invitation): string {
  return (invitation.conversationReference['conversation'] as { id: string }).id;
}

/** The webhook body and signature headers Partner Center (the simulator) would send. */
export function signedEvent(
  simulator: PartnerCenterSimulator,
  event: PartnerCenterWebhookEvent | Record<string, unknown>,
): { raw: Buffer; headers: Record<string, string> } {
  const raw = Buffer.from(JSON.stringify(event), 'utf8');
  return { raw, headers: simulator.signWebhookBody(raw) };
}

export async function postWebhook(
  baseUrl: string,
  raw: Buffer | string,
  headers: Record<string, string>,
): Promise<number> {
  const res = await fetch(`${baseUrl}${WEBHOOK}`, { method: 'POST', headers, body: raw });
  await res.arrayBuffer();
  return res.status;
}

export async function acceptanceRecord(app: App, customerId: string): Promise<AcceptanceRecord | undefined> {
  const id = `acceptance:${app.services.partnerTenantId}:${customerId}`;
  const { resource } = await app.cosmos.containers.dedupe.item(id, id).read<AcceptanceRecord>();
  return resource ?? undefined;
}

export function cardOf(activity: Record<string, any>): Record<string, any> | undefined {
  return activity.attachments?.[0]?.content;
}

export function cardTitle(activity: Record<string, any>): string {
  return String(cardOf(activity)?.body?.[0]?.text ?? '');
}

/** A clock the test moves forward (the outbox waits minutes between rounds). */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
    advance: (ms) => void (offset += ms),
  };
}
