import { liveMarkdown } from '../../support/liveMarkdown';
import {
  adminAccessSummary,
  customerPreview,
  renderCustomerCompactCard,
} from '../../../src/cards/customerCompactCard';
import { CUSTOMER_VERBS } from '../../../src/cards/customerListActions';
import { translatorFor } from '../../../src/i18n/i18n';
import { expectValidCard } from '../../support/cardAssertions';
import { customerCompactInputs } from './customerCompactSamples';

const en = translatorFor('en-US');
const de = translatorFor('de-DE');
const [active, pending, none, worst] = customerCompactInputs as [
  (typeof customerCompactInputs)[0],
  (typeof customerCompactInputs)[0],
  (typeof customerCompactInputs)[0],
  (typeof customerCompactInputs)[0],
];

function factsOf(card: any): Record<string, string> {
  const facts = card.body.find((b: any) => b.type === 'FactSet').facts as { title: string; value: string }[];
  return Object.fromEntries(facts.map((f) => [f.title, f.value]));
}

describe('compact customer card (message extension result)', () => {
  it.each([
    [en, 'Domain', 'Relationship', 'Admin access', 'Reseller', 'Open in Customer Connect'],
    [de, 'Domäne', 'Beziehung', 'Administratorzugriff', 'Vertriebspartner', 'In Customer Connect öffnen'],
  ])('shows name, domain, relationship and admin access (%#)', (t, domain, rel, admin, reseller, open) => {
    const card = renderCustomerCompactCard(t, active);
    expectValidCard(card);
    expect((card.body as any[])[0].text).toBe('Contoso GmbH');
    expect(factsOf(card)).toEqual({
      [domain]: 'contoso.onmicrosoft.com',
      [rel]: reseller,
      [admin]: adminAccessSummary(t, active.adminAccess),
    });
    // One Universal Action that opens the customer's expanded record in the bot.
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: open,
        verb: CUSTOMER_VERBS.open,
        data: { customerId: active.customer.id },
        associatedInputs: 'none',
      },
    ]);
  });

  it.each([
    [active, 'Active until Sep 30, 2026', 'Aktiv bis 30.09.2026'],
    [pending, 'Requested, waiting for approval', 'Angefragt, wartet auf Genehmigung'],
    [none, 'None', 'Keiner'],
    [worst, 'Could not be read', 'Konnte nicht gelesen werden'],
  ])('summarises admin access in both languages (%#)', (input, english, german) => {
    expect(adminAccessSummary(en, input.adminAccess)).toBe(english);
    expect(adminAccessSummary(de, input.adminAccess)).toBe(german);
  });

  it('never renders Partner Center text as live Markdown, HTML or template code', () => {
    const card = renderCustomerCompactCard(en, worst);
    expectValidCard(card);
    const name = (card.body as any[])[0].text as string;
    expect(liveMarkdown(name)).toEqual([]);
    expect(name.startsWith('\\*\\*Evil\\*\\* \\[click\\](https:/\u200b/evil.example)')).toBe(true);
    expect(name).not.toContain('${');
    // Cut to 120 characters before escaping (the escapes add a few).
    expect([...name].length).toBeLessThanOrEqual(140);
    expect(factsOf(card).Domain!.startsWith('\\_evil\\_.')).toBe(true);
    expect(factsOf(card).Relationship).toBe('someFutureValue');

    const preview = customerPreview(en, worst);
    expect(preview.title).toContain('&lt;b&gt;');
    expect(preview.title).not.toContain('<');
    expect(liveMarkdown(preview.title)).toEqual([]);
    expect(preview.text).toContain('Could not be read');
  });

  it('previews a result as name and one line of domain, relationship and admin access', () => {
    expect(customerPreview(en, none)).toEqual({
      title: 'Contoso GmbH',
      text: 'contoso.onmicrosoft.com · Reseller · Admin access: None',
    });
    expect(customerPreview(de, none)).toEqual({
      title: 'Contoso GmbH',
      text: 'contoso.onmicrosoft.com · Vertriebspartner · Administratorzugriff: Keiner',
    });
  });
});
