import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import type { AuditLog } from '../../../src/domain/audit';
import type { Invitation, InvitationQuery, InvitationRepository } from '../../../src/domain/invitations';
import { silentLogger } from '../../../src/logging/logger';
import type { NotificationDelivery } from '../../../src/notifications/delivery';
import { GdapApprovalProcessor } from '../../../src/notifications/gdapApprovalProcessor';
import { matchInvitation } from '../../../src/notifications/matcher';
import type { DedupeRecord, DedupeRepository, Stored } from '../../../src/storage/dedupeRepository';
import { FakeGdapClient } from '../../fakes/graph/fakeGdapClient';

const PARTNER = 'partner-tenant';
const ROLES = BUILT_IN_TEMPLATES.templates[0]!.roles.map((r) => r.roleDefinitionId);

class MemoryDedupe implements DedupeRepository {
  readonly items = new Map<string, Stored<DedupeRecord>>();
  private n = 0;
  async tryCreate<T extends DedupeRecord>(record: T): Promise<Stored<T> | undefined> {
    if (this.items.has(record.id)) return undefined;
    const stored = { ...structuredClone(record), etag: `e${++this.n}` };
    this.items.set(record.id, stored);
    return structuredClone(stored);
  }
  async read<T extends DedupeRecord>(id: string): Promise<Stored<T> | undefined> {
    const r = this.items.get(id);
    return r ? (structuredClone(r) as Stored<T>) : undefined;
  }
  async replaceIfMatch<T extends DedupeRecord>(record: T, etag: string): Promise<Stored<T> | undefined> {
    const current = this.items.get(record.id);
    if (!current || current.etag !== etag) return undefined;
    const { etag: _old, ...rest } = record as T & { etag?: string };
    const stored = { ...structuredClone(rest), etag: `e${++this.n}` } as Stored<T>;
    this.items.set(record.id, stored);
    return structuredClone(stored);
  }
  async delete(id: string): Promise<void> {
    this.items.delete(id);
  }
  async findOlderThan<T extends DedupeRecord>(): Promise<Stored<T>[]> {
    return [];
  }
}

class MemoryInvitations implements InvitationRepository {
  readonly items = new Map<string, Invitation>();
  async create(invitation: Invitation) {
    this.items.set(invitation.id, structuredClone(invitation));
    return { invitation, created: true };
  }
  async get(_p: string, id: string) {
    return structuredClone(this.items.get(id));
  }
  async list(_p: string, q: InvitationQuery) {
    const items = [...this.items.values()]
      .filter((i) => !q.relationshipId || i.relationshipId === q.relationshipId)
      .filter((i) => !q.withRelationship || i.relationshipId)
      .slice(0, q.limit);
    return { items: structuredClone(items) };
  }
  async update(_p: string, id: string, change: (c: Invitation) => Invitation | undefined) {
    const current = this.items.get(id);
    const next = current ? change(structuredClone(current)) : undefined;
    if (next) this.items.set(id, structuredClone(next));
    return structuredClone(next ?? current);
  }
}

function setup() {
  const gdap = new FakeGdapClient();
  const dedupe = new MemoryDedupe();
  const invitations = new MemoryInvitations();
  const sent: { conversationId: string; activity: Record<string, unknown> }[] = [];
  const delivery = {
    resolve: async (conversationId: string, reference?: Record<string, unknown>) => ({
      conversationId,
      reference,
      active: true,
    }),
    send: async (
      d: { conversationId: string; attempts: number },
      _t: unknown,
      activity: Record<string, unknown>,
    ) => {
      // Yield, so concurrent processors interleave like two instances.
      await new Promise((r) => setImmediate(r));
      sent.push({ conversationId: d.conversationId, activity });
      return { ...d, status: 'sent', attempts: d.attempts + 1 };
    },
  } as unknown as NotificationDelivery;
  const audit: AuditLog = {
    append: async (e) => ({ id: e.id ?? 'x', at: e.at ?? '', ...e }),
    latest: async () => [],
  };
  const processor = (instanceId: string) =>
    new GdapApprovalProcessor({
      partnerTenantId: PARTNER,
      instanceId,
      gdap,
      templates: BUILT_IN_TEMPLATES,
      invitations,
      audit,
      dedupe,
      delivery,
      clock: { now: () => Date.now(), sleep: async () => undefined },
      logger: silentLogger(),
    });
  return { gdap, dedupe, invitations, sent, processor };
}

async function pendingRequest(ctx: ReturnType<typeof setup>, locale = 'en-US') {
  const r = await ctx.gdap.createRelationship({
    displayName: 'Contoso admin',
    duration: 'P730D',
    roleDefinitionIds: ROLES,
    autoExtendDuration: 'P180D',
  });
  await ctx.gdap.lockForApproval(r.id);
  const now = new Date().toISOString();
  await ctx.invitations.create({
    id: `inv-${r.id}`,
    partnerTenantId: PARTNER,
    kind: 'reseller',
    link: 'https://example.invalid',
    createdBy: { aadObjectId: 'u1', name: 'Dana' },
    customer: { companyName: 'Contoso' },
    conversationId: 'conv-1',
    conversationReference: { conversation: { id: 'conv-1' }, serviceUrl: 'https://x.invalid' },
    locale,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
    relationshipId: r.id,
    templateId: 'least-privilege',
  });
  return r.id;
}

describe('GdapApprovalProcessor', () => {
  it('on active: one access assignment per security group, the inviter told once with roles in the language', async () => {
    const ctx = setup();
    const id = await pendingRequest(ctx, 'de-DE');
    expect(await ctx.processor('a').processRelationship(id, 'webhook')).toBe('not_yet');
    ctx.gdap.model.approve(id, { companyName: 'Contoso', domain: 'contoso' });
    expect(await ctx.processor('a').processRelationship(id, 'webhook')).toBe('notified');
    expect(await ctx.gdap.listAccessAssignments(id)).toHaveLength(ROLES.length);
    expect(ctx.sent).toHaveLength(1);
    const card = JSON.stringify(ctx.sent[0]!.activity);
    expect(card).toContain('Contoso hat den Administratorzugriff genehmigt');
    expect(card).toContain('Benutzeradministrator');
    const invitation = [...ctx.invitations.items.values()][0]!;
    expect(invitation.customerTenantId).toBeTruthy();
    expect(invitation.adminAccess?.status).toBe('active');
  });

  it('the approval twice, and on two instances at once → one set of assignments and one notification', async () => {
    const ctx = setup();
    const id = await pendingRequest(ctx);
    ctx.gdap.model.approve(id, { companyName: 'Contoso', domain: 'contoso' });
    const outcomes = await Promise.all([
      ctx.processor('a').processRelationship(id, 'webhook'),
      ctx.processor('b').processRelationship(id, 'webhook'),
      ctx.processor('b').processRelationship(id, 'reconciler'),
    ]);
    expect(outcomes.filter((o) => o === 'notified')).toHaveLength(1);
    expect(await ctx.processor('a').processRelationship(id, 'webhook')).toBe('duplicate');
    expect(await ctx.processor('c').reconcile()).toBe(0);
    expect(ctx.gdap.calls.filter((c) => c === 'createAccessAssignment')).toHaveLength(ROLES.length);
    expect(ctx.sent).toHaveLength(1);
  });

  it('an assignment Graph refuses is reported on the card, the others are created', async () => {
    const ctx = setup();
    const id = await pendingRequest(ctx);
    ctx.gdap.model.approve(id, { companyName: 'Contoso', domain: 'contoso' });
    const original = ctx.gdap.createAccessAssignment.bind(ctx.gdap);
    let n = 0;
    ctx.gdap.createAccessAssignment = (rid, input) =>
      ++n === 2 ? ctx.gdap.createAccessAssignment.call(ctx.gdap, 'missing', input) : original(rid, input);
    expect(await ctx.processor('a').processRelationship(id, 'webhook')).toBe('notified');
    const card = JSON.stringify(ctx.sent[0]!.activity);
    expect(card).toContain('Some access assignments could not be created');
    expect(card).toContain(BUILT_IN_TEMPLATES.templates[0]!.roles[1]!.securityGroupId);
  });

  it('expired before approval → the inviter hears the request ended; unknown relationships are ignored', async () => {
    const ctx = setup();
    const id = await pendingRequest(ctx);
    ctx.gdap.model.advanceDays(91);
    expect(await ctx.processor('a').reconcile()).toBe(1);
    expect(JSON.stringify(ctx.sent[0]!.activity)).toContain('Admin access request for Contoso ended');
    expect(await ctx.processor('a').processRelationship(id, 'webhook')).toBe('duplicate');
    expect(await ctx.processor('a').processRelationship('nope', 'webhook')).toBe('unknown_relationship');
    expect(ctx.sent).toHaveLength(1);
  });

  it('the reseller acceptance of the approving customer matches that invitation by tenant id, not name', () => {
    const now = new Date().toISOString();
    const base = {
      partnerTenantId: PARTNER,
      kind: 'reseller' as const,
      link: 'x',
      createdBy: { aadObjectId: 'u' },
      conversationId: 'c',
      conversationReference: {},
      status: 'pending' as const,
      createdAt: now,
      updatedAt: now,
    };
    const byName: Invitation = { ...base, id: 'name', customer: { companyName: 'Fabrikam' } };
    const byTenant: Invitation = {
      ...base,
      id: 'tenant',
      createdAt: '2000-01-01T00:00:00Z',
      customer: { companyName: 'Other name' },
      customerTenantId: 'TENANT-1',
    };
    const match = matchInvitation(
      { id: 'tenant-1', companyName: 'Fabrikam', domain: 'fabrikam.onmicrosoft.com' },
      [byName, byTenant],
    );
    expect(match?.id).toBe('tenant');
  });
});
