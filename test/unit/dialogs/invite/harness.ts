import type { Activity, AdaptiveCardInvokeResponse, Middleware, TurnContext } from 'botbuilder';
import { FakeGdapClient } from '../../../fakes/graph/fakeGdapClient';
import { BUILT_IN_TEMPLATES } from '../../../../src/domain/gdap';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { loadConfig } from '../../../../src/config/config';
import type { AuditEntry, AuditLog } from '../../../../src/domain/audit';
import { CustomerPageCache } from '../../../../src/domain/customerCache';
import type { Invitation, InvitationQuery, InvitationRepository } from '../../../../src/domain/invitations';
import type { PartnerRoleName, RoleService } from '../../../../src/domain/roles';
import { takeCardResponse } from '../../../../src/dialogs/cardFlow';
import { InvitationsDialog } from '../../../../src/dialogs/invite/invitationsDialog';
import { InviteDialog } from '../../../../src/dialogs/invite/inviteDialog';
import { MainDialog } from '../../../../src/dialogs/mainDialog';
import type { DialogServices } from '../../../../src/dialogs/services';
import { silentLogger } from '../../../../src/logging/logger';
import { SIMULATOR_PARTNER_TENANT_ID, SIMULATOR_USERS } from '../../../../src/simulator/seed';
import { StorageError } from '../../../../src/storage/errors';
import { FakePartnerCenterClient } from '../../../fakes/partnerCenter/fakePartnerCenterClient';

export const USERS = {
  admin: { id: SIMULATOR_USERS.globalAdmin.aadObjectId, name: SIMULATOR_USERS.globalAdmin.displayName },
  agent: { id: SIMULATOR_USERS.adminAgent.aadObjectId, name: SIMULATOR_USERS.adminAgent.displayName },
  sales: { id: SIMULATOR_USERS.salesAgent.aadObjectId, name: SIMULATOR_USERS.salesAgent.displayName },
  helpdesk: {
    id: SIMULATOR_USERS.helpdeskAgent.aadObjectId,
    name: SIMULATOR_USERS.helpdeskAgent.displayName,
  },
  stranger: { id: '99999999-0000-4000-8000-000000000000', name: 'Stranger' },
} as const;
export type UserKey = keyof typeof USERS;

const ROLES: Record<string, PartnerRoleName[]> = {
  [USERS.admin.id]: ['GlobalAdmin'],
  [USERS.agent.id]: ['AdminAgent'],
  [USERS.sales.id]: ['SalesAgent'],
  [USERS.helpdesk.id]: ['HelpdeskAgent'],
};

export class MapRoles implements RoleService {
  async rolesOf(aadObjectId: string): Promise<PartnerRoleName[]> {
    return ROLES[aadObjectId] ?? [];
  }
}

/** Invitations in memory with the Cosmos repository's semantics (idempotent create, newest first). */
export class MemoryInvitations implements InvitationRepository {
  readonly items = new Map<string, Invitation>();
  failCreates = 0;
  createCalls = 0;

  async create(invitation: Invitation): Promise<{ invitation: Invitation; created: boolean }> {
    this.createCalls++;
    if (this.failCreates > 0) {
      this.failCreates--;
      throw new StorageError('unavailable', 'storage unavailable during invitation create');
    }
    const key = `${invitation.partnerTenantId}/${invitation.id}`;
    const existing = this.items.get(key);
    if (existing) return { invitation: structuredClone(existing), created: false };
    this.items.set(key, structuredClone(invitation));
    return { invitation: structuredClone(invitation), created: true };
  }

  async get(partnerTenantId: string, id: string): Promise<Invitation | undefined> {
    const found = this.items.get(`${partnerTenantId}/${id}`);
    return found ? structuredClone(found) : undefined;
  }

  async list(partnerTenantId: string, query: InvitationQuery) {
    const all = [...this.items.values()]
      .filter((i) => i.partnerTenantId === partnerTenantId)
      .filter((i) => !query.status || i.status === query.status)
      .filter((i) => !query.createdBy || i.createdBy.aadObjectId === query.createdBy)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    let start = 0;
    if (query.continuation !== undefined) {
      const m = /^mem:(\d+)$/.exec(query.continuation);
      if (!m) throw new StorageError('storage_failed', 'bad continuation');
      start = Number(m[1]);
    }
    const items = all.slice(start, start + query.limit).map((i) => structuredClone(i));
    const next = start + query.limit;
    return { items, continuation: next < all.length ? `mem:${next}` : undefined };
  }

  async update(): Promise<Invitation | undefined> {
    throw new Error('not used by the invite feature');
  }

  all(): Invitation[] {
    return [...this.items.values()];
  }
}

export class MemoryAudit implements AuditLog {
  readonly entries: AuditEntry[] = [];
  async append(input: Omit<AuditEntry, 'id' | 'at'> & { id?: string; at?: string }): Promise<AuditEntry> {
    const entry: AuditEntry = { ...input, id: input.id ?? `a${this.entries.length}`, at: input.at ?? 'now' };
    if (!this.entries.some((e) => e.id === entry.id)) this.entries.push(entry);
    return entry;
  }
  async latest(): Promise<AuditEntry[]> {
    return [...this.entries].reverse();
  }
}

export interface Harness {
  services: DialogServices;
  pc: FakePartnerCenterClient;
  invitations: MemoryInvitations;
  audit: MemoryAudit;
}

export function harness(pc = new FakePartnerCenterClient()): Harness {
  const invitations = new MemoryInvitations();
  const audit = new MemoryAudit();
  const services: DialogServices = {
    config: loadConfig({}),
    logger: silentLogger(),
    partnerTenantId: SIMULATOR_PARTNER_TENANT_ID,
    partnerCenter: pc,
    roles: new MapRoles(),
    audit,
    invitations,
    conversations: {} as never,
    customerCache: new CustomerPageCache<unknown>(60_000),
    gdap: new FakeGdapClient(),
    gdapTemplates: BUILT_IN_TEMPLATES,
  };
  return { services, pc, invitations, audit };
}

export interface Turn {
  /** Activities the bot sent during the turn. */
  replies: Partial<Activity>[];
  /** The invoke answer (what Teams shows for a card action), if any. */
  response?: AdaptiveCardInvokeResponse;
}

/**
 * A Teams conversation with the main dialog (commands, cancel, expired cards) and the invite
 * feature's dialogs, driven through botbuilder-testing's DialogTestClient.
 */
export class InviteChat {
  readonly client: DialogTestClient;
  private response?: AdaptiveCardInvokeResponse;
  user: UserKey = 'admin';

  constructor(
    readonly h: Harness,
    readonly locale: string,
    now: () => Date = () => new Date('2026-03-10T12:00:00Z'),
  ) {
    const capture: Middleware = {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        await next();
        this.response = takeCardResponse(context);
      },
    };
    const main = new MainDialog({
      invite: new InviteDialog(h.services, { now }),
      invitations: new InvitationsDialog(h.services, { now }),
    });
    this.client = new DialogTestClient('msteams', main, undefined, [capture]);
  }

  private from() {
    const u = USERS[this.user];
    return { id: `29:${u.id}`, name: u.name, aadObjectId: u.id };
  }

  private async run(activity: Partial<Activity>): Promise<Turn> {
    this.response = undefined;
    const first = await this.client.sendActivity(activity);
    const replies: Partial<Activity>[] = first ? [first] : [];
    for (let next = this.client.getNextReply(); next; next = this.client.getNextReply()) replies.push(next);
    return { replies, response: this.response };
  }

  say(text: string): Promise<Turn> {
    return this.run({ type: 'message', text, locale: this.locale, from: this.from() });
  }

  click(verb: string, data: Record<string, unknown>): Promise<Turn> {
    return this.run({
      type: 'invoke',
      name: 'adaptiveCard/action',
      locale: this.locale,
      from: this.from(),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }

  /** True while a flow waits for input. */
  get waiting(): boolean {
    return this.client.dialogTurnResult?.status === DialogTurnStatus.waiting;
  }
}

// ------------------------------------------------------------- card helpers

export interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
  url?: string;
  associatedInputs?: string;
}

/** Every action of a card (Execute, OpenUrl, Submit), in document order. */
export function actionsOf(card: unknown): CardAction[] {
  const out: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o['type'] === 'string' && (o['type'] as string).startsWith('Action.')) {
      out.push(o as unknown as CardAction);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

export function action(card: unknown, verbOrType: string): CardAction {
  const found = actionsOf(card).find((a) => a.verb === verbOrType || a.type === verbOrType);
  if (!found) throw new Error(`no ${verbOrType} on the card: ${JSON.stringify(actionsOf(card))}`);
  return found;
}

/** An input of a card by id. */
export function input(card: unknown, id: string): Record<string, any> | undefined {
  let found: Record<string, any> | undefined;
  const walk = (node: unknown) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, any>;
    if (o['id'] === id && typeof o['type'] === 'string' && o['type'].startsWith('Input.')) found = o;
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** All TextBlock texts and fact values of a card, joined (for "the card says …" checks). */
export function textOf(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o['type'] === 'TextBlock' && typeof o['text'] === 'string') parts.push(o['text']);
    if (typeof o['title'] === 'string' && typeof o['value'] === 'string' && !o['type']) {
      parts.push(`${o['title']}: ${o['value']}`);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}

export function cardOfReply(activity: Partial<Activity> | undefined): Record<string, any> {
  const card = activity?.attachments?.[0]?.content as Record<string, any> | undefined;
  if (!card) throw new Error(`not a card: ${JSON.stringify(activity)?.slice(0, 300)}`);
  return card;
}

export function cardOfResponse(response: AdaptiveCardInvokeResponse | undefined): Record<string, any> {
  if (response?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`not a card response: ${JSON.stringify(response)?.slice(0, 300)}`);
  }
  return response.value as Record<string, any>;
}

export function messageOfResponse(response: AdaptiveCardInvokeResponse | undefined): string {
  if (response?.type !== 'application/vnd.microsoft.activity.message') {
    throw new Error(`not a message response: ${JSON.stringify(response)?.slice(0, 300)}`);
  }
  return response.value as unknown as string;
}
