import {
  InvitationRecorder,
  type InvitationDraft,
  type InvitationOrigin,
} from '../../../../src/dialogs/invite/invitationRecorder';
import { silentLogger } from '../../../../src/logging/logger';
import { StorageError } from '../../../../src/storage/errors';
import { MemoryAudit, MemoryInvitations } from './harness';

const TENANT = 'partner-tenant';
const AT = new Date('2026-03-10T12:00:00Z');

const draft: InvitationDraft = {
  flowId: '5b0e7c1a-1111-4222-8333-444455556666',
  selection: { kind: 'indirectReseller', provider: { id: 'p1', name: 'Provider One' } },
  details: { companyName: 'Contoso GmbH', channel: 'indirectProvider' },
  link: 'https://admin.microsoft.com/partner-invitation',
  subject: 'Invitation',
  inviter: { aadObjectId: 'u1', name: 'Greta' },
};

const origin: InvitationOrigin = {
  conversationId: 'c1',
  conversationReference: { channelId: 'msteams', conversation: { id: 'c1' } },
  locale: 'de-DE',
  actor: { aadObjectId: 'u2', name: 'Max', roles: ['AdminAgent'] },
};

function recorder() {
  const invitations = new MemoryInvitations();
  const audit = new MemoryAudit();
  const rec = new InvitationRecorder({
    invitations,
    audit,
    logger: silentLogger(),
    partnerTenantId: TENANT,
    now: () => AT,
  });
  return { rec, invitations, audit };
}

describe('InvitationRecorder', () => {
  it('builds a pending record without empty fields', () => {
    const { rec } = recorder();
    const built = rec.build({ ...draft, details: {}, selection: { kind: 'reseller' } }, origin);
    expect(built).toEqual({
      id: draft.flowId,
      partnerTenantId: TENANT,
      kind: 'reseller',
      link: draft.link,
      emailSubject: 'Invitation',
      createdBy: { aadObjectId: 'u1', name: 'Greta' },
      conversationId: 'c1',
      conversationReference: origin.conversationReference,
      locale: 'de-DE',
      status: 'pending',
      createdAt: AT.toISOString(),
      updatedAt: AT.toISOString(),
    });
  });

  it('records once per flow id and audits once', async () => {
    const { rec, invitations, audit } = recorder();
    const first = await rec.record(draft, origin);
    const second = await rec.record({ ...draft, subject: 'Changed' }, origin);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false, invitation: { emailSubject: 'Invitation' } });
    expect(invitations.all()).toHaveLength(1);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        id: `invitation.created.${draft.flowId}`,
        action: 'invitation.created',
        actor: origin.actor,
        customer: { companyName: 'Contoso GmbH' },
        details: {
          invitationId: draft.flowId,
          kind: 'indirectReseller',
          providerId: 'p1',
          channel: 'indirectProvider',
        },
      }),
    ]);
  });

  it('a storage failure is a result, nothing is audited; the next try records it', async () => {
    const { rec, invitations, audit } = recorder();
    invitations.failCreates = 1;
    expect(await rec.record(draft, origin)).toEqual({ ok: false, code: 'unavailable' });
    expect(audit.entries).toHaveLength(0);
    expect(await rec.record(draft, origin)).toMatchObject({ ok: true, created: true });
    expect(audit.entries).toHaveLength(1);
  });

  it('other errors are not swallowed', async () => {
    const { rec, audit } = recorder();
    audit.append = () => Promise.reject(new Error('boom'));
    await expect(rec.record(draft, origin)).rejects.toThrow('boom');
  });

  it('issue 17: a write that landed but answered "unavailable" is read back by id: recorded and audited once', async () => {
    const { rec, invitations, audit } = recorder();
    const create = invitations.create.bind(invitations);
    invitations.create = async (invitation) => {
      await create(invitation);
      throw new StorageError('unavailable', 'storage unavailable during invitation create');
    };
    const result = await rec.record(draft, origin);
    expect(result).toMatchObject({
      ok: true,
      created: true,
      verified: true,
      invitation: { id: draft.flowId },
    });
    expect(audit.entries).toHaveLength(1);
    expect(invitations.items.size).toBe(1);
  });

  it('issue 17: write and read-back both unavailable: still unknown (unconfirmed), nothing audited', async () => {
    const { rec, invitations, audit } = recorder();
    invitations.failCreates = 1;
    invitations.get = () =>
      Promise.reject(new StorageError('unavailable', 'storage unavailable during invitation read'));
    expect(await rec.record(draft, origin)).toEqual({ ok: false, code: 'unavailable', unconfirmed: true });
    expect(audit.entries).toHaveLength(0);
  });
});
