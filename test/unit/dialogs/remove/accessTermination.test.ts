import type { AccessRelationship } from '../../../../src/cards/removeAccessCards';
import { readAdminAccess, terminateRelationships } from '../../../../src/dialogs/remove/accessTermination';
import { GraphError, type GraphErrorKind } from '../../../../src/graph';
import type { DelegatedAdminRelationship } from '../../../../src/graph/types';
import { silentLogger } from '../../../../src/logging/logger';

const rel = (id: string, status = 'active'): DelegatedAdminRelationship => ({
  id,
  displayName: `Rel ${id}`,
  duration: 'P730D',
  autoExtendDuration: 'PT0S',
  status: status as DelegatedAdminRelationship['status'],
  roleDefinitionIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
  endDateTime: '2027-01-01T00:00:00Z',
});
const access = (id: string): AccessRelationship => ({
  id,
  displayName: `Rel ${id}`,
  status: 'active',
  roleDefinitionIds: [],
});
const err = (kind: GraphErrorKind, status?: number) =>
  new GraphError(kind, kind, { status, requestId: `req-${kind}` });

/** A stub Graph: each relationship's terminate answer, and what reading it back gives. */
function graph(plan: Record<string, { terminate?: GraphError; readBack?: string | GraphError }>) {
  const terminated: string[] = [];
  return {
    terminated,
    client: {
      terminate: (id: string) => {
        const p = plan[id];
        if (p?.terminate) return Promise.reject(p.terminate);
        terminated.push(id);
        return Promise.resolve({ id: 'q', action: 'terminate', status: 'created' });
      },
      getRelationship: (id: string) => {
        const r = plan[id]?.readBack ?? 'active';
        return r instanceof GraphError ? Promise.reject(r) : Promise.resolve(rel(id, r));
      },
    },
  };
}

describe('ending admin access relationship by relationship', () => {
  it.each([
    ['answered', {}, { ended: [{ id: 'a', name: 'Rel a' }] }],
    [
      '5xx, read back terminated → ended (verified)',
      { terminate: err('unavailable', 503), readBack: 'terminated' },
      { ended: [{ id: 'a', name: 'Rel a', verified: true }] },
    ],
    [
      '5xx, read back active → not ended (verified)',
      { terminate: err('unavailable', 503), readBack: 'active' },
      {
        notEnded: [
          {
            id: 'a',
            name: 'Rel a',
            errorKind: 'unavailable',
            status: 503,
            requestId: 'req-unavailable',
            verified: true,
          },
        ],
      },
    ],
    [
      'timeout, read fails → unconfirmed',
      { terminate: err('unavailable'), readBack: err('unavailable') },
      { unconfirmed: [{ id: 'a', name: 'Rel a', errorKind: 'unavailable', requestId: 'req-unavailable' }] },
    ],
    [
      '409, already terminated (double click elsewhere) → ended',
      { terminate: err('conflict', 409), readBack: 'terminated' },
      { ended: [{ id: 'a', name: 'Rel a', already: true }] },
    ],
    [
      '409, still active → not ended',
      { terminate: err('conflict', 409), readBack: 'active' },
      {
        notEnded: [{ id: 'a', name: 'Rel a', errorKind: 'conflict', status: 409, requestId: 'req-conflict' }],
      },
    ],
    [
      '403 → not ended, no read back',
      { terminate: err('forbidden', 403), readBack: 'terminated' },
      {
        notEnded: [
          { id: 'a', name: 'Rel a', errorKind: 'forbidden', status: 403, requestId: 'req-forbidden' },
        ],
      },
    ],
  ])('%s', async (_name, plan, expected) => {
    const g = graph({ a: plan });
    const result = await terminateRelationships(g.client, [access('a')]);
    expect({ ended: result.ended, notEnded: result.notEnded, unconfirmed: result.unconfirmed }).toEqual({
      ended: [],
      notEnded: [],
      unconfirmed: [],
      ...expected,
    });
  });

  it('goes on after a failure: the rest are still ended', async () => {
    const g = graph({ a: { terminate: err('throttled', 429) } });
    const result = await terminateRelationships(g.client, [access('a'), access('b')]);
    expect(result.ended.map((e) => e.id)).toEqual(['b']);
    expect(result.notEnded.map((e) => e.id)).toEqual(['a']);
    expect(result.lastError?.kind).toBe('throttled');
    expect(g.terminated).toEqual(['b']);
  });

  it('reads only relationships that give access now; a Graph failure reads as unavailable', async () => {
    const list = [
      rel('a', 'active'),
      rel('b', 'expired'),
      rel('c', 'approvalPending'),
      rel('d', 'terminated'),
    ];
    const view = await readAdminAccess(
      { listRelationships: () => Promise.resolve(list) },
      'tenant',
      silentLogger(),
    );
    expect(view).toEqual({
      ok: true,
      relationships: [
        {
          id: 'a',
          displayName: 'Rel a',
          status: 'active',
          roleDefinitionIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
          endDateTime: '2027-01-01T00:00:00Z',
        },
      ],
    });
    const failed = await readAdminAccess(
      { listRelationships: () => Promise.reject(err('forbidden', 403)) },
      'tenant',
      silentLogger(),
    );
    expect(failed).toEqual({ ok: false });
  });
});
