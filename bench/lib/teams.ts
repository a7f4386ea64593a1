import { randomUUID } from 'node:crypto';
import { SIMULATOR_PARTNER_TENANT_ID } from '../../src/simulator/seed';

/** Teams-shaped activities for one conversation (as test/support/activities.ts, without jest). */
export class Chat {
  readonly conversationId: string;

  constructor(
    readonly serviceUrl: string,
    readonly locale: string,
    readonly userAadObjectId: string,
    conversationId?: string,
  ) {
    this.conversationId = conversationId ?? `a:${randomUUID()}`;
  }

  private base(type: string): Record<string, unknown> {
    return {
      type,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      locale: this.locale,
      from: { id: `29:${this.userAadObjectId}`, name: 'Bench User', aadObjectId: this.userAadObjectId },
      recipient: { id: '28:bot', name: 'Customer Connect' },
      conversation: {
        id: this.conversationId,
        conversationType: 'personal',
        tenantId: SIMULATOR_PARTNER_TENANT_ID,
      },
      channelData: { tenant: { id: SIMULATOR_PARTNER_TENANT_ID } },
    };
  }

  message(text: string): string {
    return JSON.stringify({ ...this.base('message'), text });
  }

  cardAction(verb: string, data: Record<string, unknown>): string {
    return JSON.stringify({
      ...this.base('invoke'),
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }
}

/** Every Action.Execute of a card, in document order. */
export function executeActions(
  card: unknown,
): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o['type'] === 'Action.Execute') {
      out.push({
        title: String(o['title']),
        verb: String(o['verb']),
        data: (o['data'] ?? {}) as Record<string, unknown>,
      });
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

export function actionData(card: unknown, verb: string, title?: string): Record<string, unknown> | undefined {
  return executeActions(card).find((a) => a.verb === verb && (title === undefined || a.title === title))
    ?.data;
}

export function inputValue(card: unknown, id: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o['id'] === id && typeof o['type'] === 'string' && o['type'].startsWith('Input.')) {
      found = String(o['value'] ?? '');
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** The list card's rows: each row is a Container whose selectAction expands that customer. */
function customerRows(card: unknown): { customerId: string; title: string }[] {
  const rows: { customerId: string; title: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, any>;
    const select = o.selectAction as Record<string, any> | undefined;
    if (select?.verb === 'customers.expand' && typeof select.data?.customerId === 'string') {
      const texts: string[] = [];
      const collect = (n: unknown): void => {
        if (Array.isArray(n)) return n.forEach(collect);
        if (!n || typeof n !== 'object') return;
        const m = n as Record<string, any>;
        if (m.type === 'TextBlock' && typeof m.text === 'string') texts.push(m.text);
        if (m.type === 'RichTextBlock') collect(m.inlines);
        if (m.type === 'TextRun' && typeof m.text === 'string') texts.push(m.text);
        Object.values(m).forEach(collect);
      };
      collect(o.items ?? o.columns ?? []);
      // The row's columns: the arrow, then the company name and its domain.
      rows.push({ customerId: select.data.customerId, title: texts[1] ?? texts[0] ?? '' });
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return rows;
}

/** The customer ids of the list card's rows (each row expands its customer). */
export function choiceIds(card: unknown): string[] {
  return customerRows(card).map((r) => r.customerId);
}

/** The company names of the list card's rows. */
export function choiceTitles(card: unknown): string[] {
  return customerRows(card).map((r) => r.title);
}

export const cardOf = (activity: Record<string, any> | undefined): any => activity?.attachments?.[0]?.content;
