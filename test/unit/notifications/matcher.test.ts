import type { Invitation } from '../../../src/domain/invitations';
import {
  matchInvitation,
  normalizeCompanyName,
  type AcceptingCustomer,
} from '../../../src/notifications/matcher';
import { customerIdOf, parseWebhookEvent } from '../../../src/notifications/events';

function invitation(id: string, over: Partial<Invitation> = {}): Invitation {
  return {
    id,
    partnerTenantId: 'p',
    kind: 'reseller',
    link: 'https://example/accept',
    createdBy: { aadObjectId: 'u' },
    conversationId: 'c',
    conversationReference: {},
    status: 'pending',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const contoso: AcceptingCustomer = {
  id: 'cust-1',
  companyName: 'Contoso GmbH',
  domain: 'contoso.onmicrosoft.com',
  customDomains: ['contoso.onmicrosoft.com', 'contoso.de'],
};

describe('matchInvitation', () => {
  it.each<[string, Partial<Invitation>['customer'], boolean]>([
    ['contact email on a custom domain', { contactEmail: 'it@contoso.de' }, true],
    ['contact email on the default domain', { contactEmail: 'admin@CONTOSO.onmicrosoft.com' }, true],
    ['the same company name without the legal form', { companyName: 'contoso' }, true],
    ['the same company name with another legal form and accents', { companyName: 'Cöntoso AG' }, true],
    ['the same brand on another top-level domain', { contactEmail: 'info@contoso.com' }, true],
    ['a company name equal to the brand label', { companyName: 'Contoso' }, true],
    ['another company', { companyName: 'Fabrikam', contactEmail: 'it@fabrikam.com' }, false],
    ['a similar but different name', { companyName: 'Contoso Foods' }, false],
    ['no details at all', undefined, false],
    ['an email without a domain', { contactEmail: 'contoso' }, false],
  ])('%s → %s', (_what, customer, matches) => {
    const result = matchInvitation(contoso, [invitation('a', { customer })]);
    expect(result?.id).toBe(matches ? 'a' : undefined);
  });

  it('ignores invitations that are not pending', () => {
    const accepted = invitation('a', { status: 'accepted', customer: { contactEmail: 'it@contoso.de' } });
    const expired = invitation('b', { status: 'expired', customer: { contactEmail: 'it@contoso.de' } });
    expect(matchInvitation(contoso, [accepted, expired])).toBeUndefined();
  });

  it('never takes an admin-access-only request for a reseller invitation (by name, domain or tenant id)', () => {
    const adminOnly = invitation('admin', {
      kind: 'adminAccess',
      customer: { companyName: 'Contoso GmbH', contactEmail: 'it@contoso.de' },
      customerTenantId: 'CUST-1',
      createdAt: '2026-02-01T00:00:00Z',
    });
    expect(matchInvitation(contoso, [adminOnly])).toBeUndefined();
    const reseller = invitation('reseller', { customer: { companyName: 'contoso' } });
    expect(matchInvitation(contoso, [adminOnly, reseller])?.id).toBe('reseller');
  });

  it('picks the newest of several equally good candidates', () => {
    const older = invitation('old', {
      customer: { contactEmail: 'a@contoso.de' },
      createdAt: '2026-01-01T00:00:00Z',
    });
    const newer = invitation('new', {
      customer: { contactEmail: 'b@contoso.de' },
      createdAt: '2026-02-01T00:00:00Z',
    });
    expect(matchInvitation(contoso, [older, newer])?.id).toBe('new');
    expect(matchInvitation(contoso, [newer, older])?.id).toBe('new');
  });

  it('prefers a strong match over a newer weak one, and agreement on kind and provider', () => {
    const strong = invitation('strong', {
      customer: { contactEmail: 'a@contoso.de' },
      createdAt: '2026-01-01T00:00:00Z',
    });
    const weak = invitation('weak', {
      customer: { contactEmail: 'a@contoso.com' },
      createdAt: '2026-03-01T00:00:00Z',
    });
    expect(matchInvitation(contoso, [weak, strong])?.id).toBe('strong');

    const reseller = invitation('reseller', {
      customer: { companyName: 'Contoso' },
      createdAt: '2026-03-01T00:00:00Z',
    });
    const indirect = invitation('indirect', {
      kind: 'indirectReseller',
      provider: { id: 'PROV-1', name: 'Tailspin' },
      customer: { companyName: 'Contoso' },
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(
      matchInvitation({ ...contoso, kind: 'indirectReseller', providerId: 'prov-1' }, [reseller, indirect])
        ?.id,
    ).toBe('indirect');
  });

  it('normalizes company names', () => {
    expect(normalizeCompanyName('Müller & Söhne GmbH & Co. KG')).toBe('muller sohne');
    expect(normalizeCompanyName('Tailwind Traders, Inc.')).toBe('tailwind traders');
  });
});

describe('webhook events', () => {
  it('reads the payload case-insensitively and finds the customer id', () => {
    const event = parseWebhookEvent(
      Buffer.from(
        JSON.stringify({
          eventName: 'indirect-reseller-relationship-accepted-by-customer',
          RESOURCEURI:
            'https://api.partnercenter.microsoft.com/v1/customers/0b5a1f4e-1111-4222-8333-944455556666',
        }),
      ),
    );
    expect(event?.eventName).toBe('indirect-reseller-relationship-accepted-by-customer');
    expect(customerIdOf(event!)).toBe('0b5a1f4e-1111-4222-8333-944455556666');
  });

  it.each(['', 'null', '[]', '"x"', '{"ResourceUri":"x"}', '{"EventName":""}', '{not json'])(
    'refuses %j',
    (body) => {
      expect(parseWebhookEvent(Buffer.from(body))).toBeUndefined();
    },
  );

  it.each([
    ['https://api.partnercenter.microsoft.com/v1/customers', undefined],
    ['https://api.partnercenter.microsoft.com/v1/customers/../../x', undefined],
    ['https://api.partnercenter.microsoft.com/v1/customers/abc%2Fdef', undefined],
    ['not a url', undefined],
    ['https://api.partnercenter.microsoft.com/v1/customers/abc-123/', 'abc-123'],
  ])('customer id of %s is %s', (uri, id) => {
    expect(customerIdOf({ eventName: 'x', resourceUri: uri })).toBe(id);
  });
});
