import type { AuditEntry } from '../../src/domain/audit';
import { SIMULATOR_PARTNER_TENANT_ID } from '../../src/simulator/seed';
import { post, type TeamsChat } from './activities';
import type { TestApp } from './app';
import { expectValidCard } from './cardAssertions';
import type { CapturingConnector } from './connector';

/** The answer to an `adaptiveCard/action` invoke: a card (`value`) or a message text. */
export interface InvokeAnswer {
  statusCode?: number;
  type: string;
  value: any;
}

/**
 * Turns of one test app over HTTP, the bot's messages captured by the connector (integration
 * tests). `target` is read at each call, so the suite can build both in `beforeAll`.
 */
export class HttpTurns {
  constructor(private readonly target: () => { connector: CapturingConnector; bot: TestApp }) {}

  /** A typed message; resolves with the first activity the bot sent after it. */
  async say(c: TeamsChat, text: string): Promise<Record<string, any>> {
    const { connector, bot } = this.target();
    const before = connector.messages(c.conversationId).length;
    expect((await post(bot.baseUrl, c.message(text))).status).toBe(200);
    await connector.waitFor(() => connector.messages(c.conversationId).length > before);
    return connector.messages(c.conversationId)[before]!;
  }

  /** A typed message; the card of the first activity after it (checked against the schema). */
  async firstCard(c: TeamsChat, text: string): Promise<any> {
    const card = (await this.say(c, text)).attachments?.[0]?.content;
    expectValidCard(card);
    return card;
  }

  /** A button click (`adaptiveCard/action`); the invoke's answer. */
  async click(c: TeamsChat, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer> {
    const res = await post(this.target().bot.baseUrl, c.cardAction(verb, data));
    expect(res.status).toBe(200);
    return res.body as InvokeAnswer;
  }

  /** A button click answered with a card (checked against the schema); the card. */
  async clickForCard(
    c: TeamsChat,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<Record<string, any>> {
    const body = await this.click(c, verb, data);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(body.value);
    return body.value as Record<string, any>;
  }

  /** The customer's audit entries (optionally one action), oldest first. */
  async auditOf(customerId: string, action?: string): Promise<AuditEntry[]> {
    const parameters = [{ name: '@id', value: customerId }];
    if (action) parameters.push({ name: '@action', value: action });
    const { resources } = await this.target()
      .bot.app.cosmos.containers.audit.items.query<AuditEntry>(
        {
          query: `SELECT * FROM c WHERE c.customer.id = @id${action ? ' AND c.action = @action' : ''} ORDER BY c.at ASC`,
          parameters,
        },
        { partitionKey: SIMULATOR_PARTNER_TENANT_ID },
      )
      .fetchAll();
    return resources;
  }
}

/** A copy of the data of the card's action with this verb. */
export const dataOf = (card: any, verb: string): Record<string, unknown> => ({
  ...card.actions.find((a: { verb: string }) => a.verb === verb).data,
});
