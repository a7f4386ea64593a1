import { renderAuditListCard, MAX_RENDERED_CARD_BYTES } from '../../../../src/cards/removeCards';
import { loadConfig } from '../../../../src/config/config';
import type { AuditEntry } from '../../../../src/domain/audit';
import { LegalNoticeFileError } from '../../../../src/domain/legalNotice';
import {
  AUDIT_DEFAULT_ENTRIES,
  AUDIT_MAX_ENTRIES,
  entryCount,
} from '../../../../src/dialogs/remove/auditDialog';
import { createRemoveFeature } from '../../../../src/dialogs/remove/feature';
import { FlowClaims } from '../../../../src/dialogs/remove/flowClaims';
import { REMOVE_VERBS } from '../../../../src/dialogs/remove/removeDialog';
import { PROVIDER_REQUEST_VERBS } from '../../../../src/dialogs/remove/providerRequest';
import { translatorFor } from '../../../../src/i18n/i18n';
import { expectValidCard } from '../../../support/cardAssertions';
import { RemoveHarness } from './harness';

describe('FlowClaims', () => {
  it('grants a key once within its lifetime, again after release or expiry', () => {
    let now = 0;
    const claims = new FlowClaims(1000, 3, () => now);
    expect(claims.claim('a')).toBe(true);
    expect(claims.claim('a')).toBe(false);
    claims.release('a');
    expect(claims.claim('a')).toBe(true);
    now = 1001;
    expect(claims.claim('a')).toBe(true);
  });

  it('stays bounded', () => {
    const claims = new FlowClaims(60_000, 3, () => 0);
    for (const k of ['a', 'b', 'c', 'd']) expect(claims.claim(k)).toBe(true);
    expect(claims.claim('d')).toBe(false);
    expect(claims.claim('a')).toBe(true); // the oldest made room
  });
});

describe('audit command arguments', () => {
  it.each([
    ['', AUDIT_DEFAULT_ENTRIES],
    ['5', 5],
    ['999', AUDIT_MAX_ENTRIES],
    ['0', AUDIT_DEFAULT_ENTRIES],
    ['-3', AUDIT_DEFAULT_ENTRIES],
    ['ten', AUDIT_DEFAULT_ENTRIES],
  ])('%j → %d entries', (args, n) => expect(entryCount(args)).toBe(n));
});

describe('audit card', () => {
  it('leaves off the oldest entries rather than exceed the card size limit', () => {
    const huge = 'Ü'.repeat(3000);
    const entries: AuditEntry[] = Array.from({ length: AUDIT_MAX_ENTRIES }, (_, i) => ({
      id: `id-${i}`,
      partnerTenantId: 'p',
      action: huge,
      outcome: 'failed',
      at: 'not a date',
      actor: { name: huge, roles: ['GlobalAdmin'] },
      customer: { companyName: huge, domain: huge },
      requestId: huge,
      details: { reason: huge, attestation: { sha256: huge, version: huge, language: 'de' } },
    }));
    const card = renderAuditListCard(translatorFor('de'), entries);
    expectValidCard(card);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_RENDERED_CARD_BYTES);
    expect(JSON.stringify(card)).toContain('Fehlgeschlagen');
  });

  it('shows unknown actions and reasons as they are, known ones translated', () => {
    const card = JSON.stringify(
      renderAuditListCard(translatorFor('en'), [
        {
          id: '1',
          partnerTenantId: 'p',
          action: 'invitation.created',
          outcome: 'succeeded',
          at: '2025-06-01T10:00:00.123Z',
        },
        {
          id: '2',
          partnerTenantId: 'p',
          action: 'future.thing',
          outcome: 'refused',
          at: '2025-06-01T09:00:00Z',
          details: { reason: 'role' },
        },
      ]),
    );
    expect(card).toContain('Invitation');
    expect(card).toContain('future.thing');
    expect(card).toContain('role not allowed');
    expect(card).toContain('{{DATE(2025-06-01T10:00:00Z, SHORT)}}');
  });
});

describe('createRemoveFeature', () => {
  it('registers remove and audit, and the verbs of its cards', () => {
    const h = new RemoveHarness('en-US');
    expect(Object.keys(h.feature.commands ?? {}).sort()).toEqual(['audit', 'remove']);
    expect(h.feature.dialogVerbs?.sort()).toEqual(
      [...Object.values(REMOVE_VERBS), ...Object.values(PROVIDER_REQUEST_VERBS)].sort(),
    );
  });

  it('stops start-up when a configured statement file cannot be used, naming the setting', () => {
    const h = new RemoveHarness('en-US');
    const config = loadConfig({ LEGAL_NOTICE_FILE_DE: '/nonexistent/notice-de.txt' });
    expect(config.legalNotice.fileDe).toBe('/nonexistent/notice-de.txt');
    expect(() => createRemoveFeature({ ...h.services, config })).toThrow(LegalNoticeFileError);
    expect(() => createRemoveFeature({ ...h.services, config })).toThrow(/LEGAL_NOTICE_FILE_DE/);
  });
});
