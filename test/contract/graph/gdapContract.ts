/**
 * What every GdapClient must do. Run against HttpGdapClient over HTTP against the simulator routes
 * (integration) and against the in-memory fake (unit).
 */
import { GraphError, type GraphErrorKind } from '../../../src/graph/errors';
import type { GdapClient } from '../../../src/graph/gdapClient';
import type { ApproveInput } from '../../../src/simulator/gdap/model';

export interface GdapContractHarness {
  client: GdapClient;
  /** The customer's Global admin approves (simulator page / model). */
  approve(id: string, input: ApproveInput): Promise<void>;
  advanceDays(days: number): Promise<void>;
  dispose(): Promise<void>;
}

const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
const GROUP = 'aaaaaaaa-0000-4000-8000-000000000001';

async function expectKind(p: Promise<unknown>, kind: GraphErrorKind): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GraphError);
    expect((e as GraphError).kind).toBe(kind);
    return e as GraphError;
  }
  throw new Error(`expected GraphError ${kind}, but the call succeeded`);
}

export function describeGdapContract(label: string, factory: () => Promise<GdapContractHarness>): void {
  describe(`GdapClient contract: ${label}`, () => {
    let h: GdapContractHarness;
    let client: GdapClient;
    beforeEach(async () => {
      h = await factory();
      client = h.client;
    });
    afterEach(() => h.dispose());

    const create = (displayName = 'Contoso least privilege', extra = {}) =>
      client.createRelationship({
        displayName,
        duration: 'P730D',
        roleDefinitionIds: [DIRECTORY_READERS, HELPDESK],
        autoExtendDuration: 'P180D',
        ...extra,
      });

    it('creates a relationship in status created with an etag', async () => {
      const r = await create();
      expect(r).toMatchObject({
        status: 'created',
        displayName: 'Contoso least privilege',
        duration: 'P730D',
      });
      expect(r.etag).toMatch(/^W\//);
      expect(r.roleDefinitionIds.sort()).toEqual([HELPDESK, DIRECTORY_READERS].sort());
      expect(await client.getRelationship(r.id)).toMatchObject({ id: r.id, status: 'created' });
    });

    it('refuses a duplicate displayName, a bad duration, and auto-extend with Global Administrator', async () => {
      await create('Same name');
      await expectKind(create('Same name'), 'duplicateDisplayName');
      await expectKind(create('Too long', { duration: 'P3Y' }), 'badRequest');
      await expectKind(
        create('GA', { roleDefinitionIds: [GLOBAL_ADMIN], autoExtendDuration: 'P180D' }),
        'badRequest',
      );
      await expectKind(create('x'.repeat(51)), 'badRequest');
    });

    it('locks for approval, is approved by the customer, then takes access assignments', async () => {
      const r = await create();
      await client.lockForApproval(r.id);
      expect((await client.getRelationship(r.id)).status).toBe('approvalPending');
      await expectKind(
        client.createAccessAssignment(r.id, { securityGroupId: GROUP, roleDefinitionIds: [HELPDESK] }),
        'conflict',
      );
      await h.approve(r.id, { companyName: 'Contoso GmbH', domain: 'contoso.onmicrosoft.com' });
      const active = await client.getRelationship(r.id);
      expect(active.status).toBe('active');
      expect(active.customer?.displayName).toBe('Contoso GmbH');
      const days = (Date.parse(active.endDateTime!) - Date.parse(active.activatedDateTime!)) / 86_400_000;
      expect(days).toBe(730);
      await expectKind(
        client.createAccessAssignment(r.id, { securityGroupId: GROUP, roleDefinitionIds: [GLOBAL_ADMIN] }),
        'badRequest',
      );
      const a = await client.createAccessAssignment(r.id, {
        securityGroupId: GROUP,
        roleDefinitionIds: [HELPDESK],
      });
      expect(a).toMatchObject({ status: 'pending', securityGroupId: GROUP, roleDefinitionIds: [HELPDESK] });
      const list = await client.listAccessAssignments(r.id);
      expect(list).toEqual([expect.objectContaining({ id: a.id, status: 'active' })]);
    });

    it('lists by customer tenant and by status', async () => {
      const tenant = 'bbbbbbbb-0000-4000-8000-000000000002';
      await create('One', { customer: { tenantId: tenant, displayName: 'B' } });
      const two = await create('Two');
      await client.lockForApproval(two.id);
      expect(
        (await client.listRelationships({ customerTenantId: tenant })).map((r) => r.displayName),
      ).toEqual(['One']);
      expect((await client.listRelationships({ status: 'approvalPending' })).map((r) => r.id)).toEqual([
        two.id,
      ]);
      expect(await client.listRelationships()).toHaveLength(2);
    });

    it('deletes only a created relationship, with the current etag', async () => {
      const r = await create();
      await client.deleteRelationship(r.id, r.etag!);
      await expectKind(client.getRelationship(r.id), 'notFound');
      const locked = await create('Locked');
      await client.lockForApproval(locked.id);
      await expectKind(client.deleteRelationship(locked.id, locked.etag!), 'preconditionFailed');
      const fresh = await client.getRelationship(locked.id);
      await expectKind(client.deleteRelationship(locked.id, fresh.etag!), 'conflict');
    });

    it('terminates an active relationship; expiry and auto-extend follow the clock', async () => {
      const a = await create('Ends', { autoExtendDuration: 'PT0S' });
      const b = await create('Extends');
      for (const r of [a, b]) {
        await client.lockForApproval(r.id);
        await h.approve(r.id, { companyName: 'Fabrikam AG', domain: 'fabrikam.onmicrosoft.com' });
      }
      await h.advanceDays(731);
      expect((await client.getRelationship(a.id)).status).toBe('expired');
      const extended = await client.getRelationship(b.id);
      expect(extended.status).toBe('active');
      await client.terminate(b.id);
      expect((await client.getRelationship(b.id)).status).toBe('terminated');
      await expectKind(client.terminate(b.id), 'conflict');
    });

    it('answers notFound for an unknown relationship', async () => {
      await expectKind(
        client.getRelationship('00000000-0000-4000-8000-000000000000-00000000-0000-4000-8000-000000000000'),
        'notFound',
      );
    });
  });
}
