/**
 * The Cosmos DB containers of the app. The partition keys are chosen on purpose:
 * - bot state is read and written by key only → `/id` spreads it evenly;
 * - invitations, conversation references and audit entries are always read per partner tenant
 *   (lists, matching an acceptance) → `/partnerTenantId` keeps those queries single-partition;
 * - leases and dedupe records are point-read by id and expire by TTL → `/id`;
 * - removal requests (asked of the indirect provider) are point-read per customer on the turn path
 *   (id = customer id) and listed per partner tenant by the notification job → `/partnerTenantId`.
 * deployment/main.bicep declares the same names, keys and TTLs (a test keeps them in agreement).
 */
interface ContainerDefinition {
  readonly id: string;
  readonly partitionKey: string;
  /** Cosmos `defaultTtl`: undefined = off, -1 = on without default (per-item `ttl`), n = seconds. */
  readonly defaultTtl?: number;
}

export const CONTAINERS = {
  botState: { id: 'bot-state', partitionKey: '/id' },
  invitations: { id: 'invitations', partitionKey: '/partnerTenantId' },
  conversations: { id: 'conversations', partitionKey: '/partnerTenantId' },
  audit: { id: 'audit', partitionKey: '/partnerTenantId' },
  leases: { id: 'leases', partitionKey: '/id', defaultTtl: -1 },
  dedupe: { id: 'dedupe', partitionKey: '/id', defaultTtl: 86400 },
  removalRequests: { id: 'removal-requests', partitionKey: '/partnerTenantId' },
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof CONTAINERS;
