import type { TurnContext } from 'botbuilder';
import { REMOVE_ACTION, RemovalAudit, SUSPEND_ACTION } from '../../../../src/dialogs/remove/removalAudit';
import { newFlow, type RemoveFlowState } from '../../../../src/dialogs/remove/removalFlow';
import { removalOutcomeOf } from '../../../../src/domain/removal';
import { PartnerCenterError } from '../../../../src/partnerCenter/errors';
import { SIMULATOR_USERS } from '../../../../src/simulator/seed';
import { RemoveHarness } from './harness';

const user = SIMULATOR_USERS.adminAgent;
const context = {
  activity: { from: { id: 'u', name: user.displayName, aadObjectId: user.aadObjectId } },
} as unknown as TurnContext;
const statement = { version: 'v1', sha256: 'abc', language: 'en', source: 'builtin' };

function setup() {
  const h = new RemoveHarness('en-US');
  const flow: RemoveFlowState = {
    ...newFlow('f-1', 'alpha'),
    stage: 'warning',
    customer: {
      id: 'c-1',
      companyName: 'Alpha',
      domain: 'alpha.example',
      tenantId: 't',
      relationshipToPartner: 'reseller',
    },
    statement,
  };
  return { h, flow, audit: new RemovalAudit(h.services) };
}

describe('RemovalAudit', () => {
  it('takes customer, statement and the final entry id from the flow', async () => {
    const { h, flow, audit } = setup();
    const entry = await audit.record(context, flow, 'cancelled', 'userCancelled', {
      details: { stage: 'warning' },
    });
    expect(entry).toMatchObject({
      id: 'remove-f-1',
      action: REMOVE_ACTION,
      outcome: 'cancelled',
      customer: { id: 'c-1', companyName: 'Alpha', domain: 'alpha.example' },
      actor: { aadObjectId: user.aadObjectId, name: user.displayName, roles: ['AdminAgent'] },
      details: { flowId: 'f-1', stage: 'warning', reason: 'userCancelled', attestation: statement },
    });
    // The final entry is written once, however often it is recorded.
    await audit.record(context, flow, 'cancelled', 'flowCancelled');
    expect(h.audit.entries).toHaveLength(1);
  });

  it('writes every missing attestation as its own entry; a role refusal carries no statement', async () => {
    const { h, flow, audit } = setup();
    await audit.record(context, flow, 'refused', 'notAttested');
    await audit.record(context, flow, 'refused', 'notAttested');
    const role = await audit.record(
      context,
      { ...flow, customer: undefined, cardCustomerId: 'c-9' },
      'refused',
      'role',
    );
    expect(h.audit.entries).toHaveLength(3);
    expect(role?.customer).toEqual({ id: 'c-9' });
    expect(role?.details?.['attestation']).toBeUndefined();
  });

  it('records a removal outcome with the Partner Center error', async () => {
    const { flow, audit } = setup();
    const error = new PartnerCenterError('unavailable', 'HTTP 503', { status: 503, requestId: 'req-1' });
    const entry = await audit.recordRemoval(context, flow, removalOutcomeOf(error), {
      roles: ['AdminAgent'],
      details: { attested: true },
    });
    // Issue 17: an unknown outcome that no read-back settled is recorded as unknown (it was 'failed').
    expect(entry).toMatchObject({
      outcome: 'unknown',
      requestId: 'req-1',
      details: {
        reason: 'partnerCenter',
        errorKind: 'unavailable',
        status: 503,
        attested: true,
        verification: 'outcome unknown → still unknown',
      },
    });
  });

  it('records suspensions, and answers undefined when the audit log fails', async () => {
    const { h, flow, audit } = setup();
    const failed = [{ id: 's2', name: 'B', kind: 'unavailable', requestId: 'r2' }];
    const entry = await audit.recordSuspension(context, flow, {
      suspended: [{ id: 's1', name: 'A' }],
      failed,
    });
    expect(entry).toMatchObject({
      action: SUSPEND_ACTION,
      outcome: 'failed',
      requestId: 'r2',
      details: { reason: 'partnerCenter', suspended: [{ id: 's1', name: 'A' }], failed },
    });
    h.audit.failNext();
    expect(await audit.record(context, flow, 'succeeded', undefined)).toBeUndefined();
  });
});
