import { randomUUID } from 'node:crypto';
import { FakeGdapClient } from '../../../fakes/graph/fakeGdapClient';
import { BUILT_IN_TEMPLATES } from '../../../../src/domain/gdap';
import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { loadConfig } from '../../../../src/config/config';
import type { AuditEntry, AuditLog } from '../../../../src/domain/audit';
import { CustomerPageCache } from '../../../../src/domain/customerCache';
import { LegalNoticeCatalog } from '../../../../src/domain/legalNotice';
import { PartnerCenterRoleService } from '../../../../src/identity/partnerCenterRoles';
import { CardActionRouter } from '../../../../src/bot/cardActions';
import { CUSTOMER_VERBS } from '../../../../src/cards/customerListActions';
import { registerFeatures, type Feature, type MainDialog } from '../../../../src/dialogs';
import { createRemoveFeature } from '../../../../src/dialogs/remove/feature';
import type { DialogServices } from '../../../../src/dialogs/services';
import { silentLogger } from '../../../../src/logging/logger';
import { SIMULATOR_PARTNER_TENANT_ID, SIMULATOR_USERS } from '../../../../src/simulator/seed';
import { FakePartnerCenterClient } from '../../../fakes/partnerCenter/fakePartnerCenterClient';

/** An append-only in-memory audit log (same semantics as CosmosAuditLog: same id written once). */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  private failures = 0;

  failNext(times = 1): void {
    this.failures += times;
  }

  async append(input: Omit<AuditEntry, 'id' | 'at'> & { id?: string; at?: string }): Promise<AuditEntry> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('audit store unavailable');
    }
    const entry: AuditEntry = JSON.parse(
      JSON.stringify({ ...input, id: input.id ?? randomUUID(), at: input.at ?? new Date().toISOString() }),
    );
    const existing = this.entries.find((e) => e.id === entry.id);
    if (existing) return existing;
    this.entries.push(entry);
    return entry;
  }

  async latest(partnerTenantId: string, limit: number): Promise<AuditEntry[]> {
    return this.entries
      .filter((e) => e.partnerTenantId === partnerTenantId)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, limit);
  }

  of(action: string): AuditEntry[] {
    return this.entries.filter((e) => e.action === action);
  }
}

export interface TurnResult {
  /** Messages the bot sent in this turn. */
  replies: Partial<Activity>[];
  /** The invoke response (card clicks only). */
  response?: AdaptiveCardInvokeResponse;
}

export type User = keyof typeof SIMULATOR_USERS;

/**
 * Runs the main dialog with the remove feature like the app does (typed commands, dialog verbs,
 * the `customers.remove` start verb, the "expired" fallback), on the fake Partner Center client.
 */
export class RemoveHarness {
  readonly pc = new FakePartnerCenterClient({ demoData: { count: 20 } });
  readonly audit = new MemoryAuditLog();
  readonly cache = new CustomerPageCache<unknown>(60_000);
  readonly services: DialogServices;
  readonly feature: Feature;
  private readonly main: MainDialog;
  private readonly cardActions = new CardActionRouter(silentLogger());
  private readonly state = new ConversationState(new MemoryStorage());
  private readonly dialogState = this.state.createProperty<DialogState>('dialogState');
  private readonly adapter = new TestAdapter();
  readonly conversationId = `conv-${randomUUID()}`;

  constructor(
    readonly locale: string,
    options: { notices?: LegalNoticeCatalog } = {},
  ) {
    this.services = {
      config: loadConfig({}),
      logger: silentLogger(),
      partnerTenantId: SIMULATOR_PARTNER_TENANT_ID,
      partnerCenter: this.pc,
      roles: new PartnerCenterRoleService(this.pc),
      audit: this.audit,
      invitations: {} as DialogServices['invitations'],
      conversations: {} as DialogServices['conversations'],
      customerCache: this.cache,
      gdap: new FakeGdapClient(),
      gdapTemplates: BUILT_IN_TEMPLATES,
    };
    this.feature = createRemoveFeature(this.services, options);
    // The app's wiring; the customers feature is represented by its "Remove" start verb only.
    this.main = registerFeatures([this.feature, { startVerbs: { [CUSTOMER_VERBS.remove]: 'remove' } }], {
      cardActions: this.cardActions,
      dialogState: this.dialogState,
    });
  }

  private activity(user: User, extra: Partial<Activity>): Partial<Activity> {
    const u = SIMULATOR_USERS[user];
    return {
      id: randomUUID(),
      channelId: 'msteams',
      locale: this.locale,
      from: { id: `29:${u.aadObjectId}`, name: u.displayName, aadObjectId: u.aadObjectId },
      recipient: { id: '28:bot', name: 'Customer Connect' },
      conversation: { id: this.conversationId, conversationType: 'personal', isGroup: false, name: '' },
      serviceUrl: 'https://smba.example.test/',
      ...extra,
    };
  }

  private async run(activity: Partial<Activity>) {
    const before = this.adapter.activeQueue.length;
    let response: AdaptiveCardInvokeResponse | undefined;
    await this.adapter.processActivity(activity, async (context) => {
      if (context.activity.type === ActivityTypes.Invoke) {
        response = await this.cardActions.handle(context, context.activity.value as AdaptiveCardInvokeValue);
      } else {
        await this.main.run(context, this.dialogState);
      }
      await this.state.saveChanges(context, false);
    });
    const replies = this.adapter.activeQueue.splice(before);
    return { replies, response };
  }

  /** A typed message. */
  say(text: string, user: User = 'adminAgent'): Promise<TurnResult> {
    return this.run(this.activity(user, { type: ActivityTypes.Message, text }));
  }

  /** A click on an Action.Execute button of one of this feature's cards. */
  click(verb: string, data: Record<string, unknown>, user: User = 'adminAgent'): Promise<TurnResult> {
    const activity = this.activity(user, {
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    return this.run(activity);
  }

  /** The customers feature's "Remove customer relationship" button (start verb → command 'remove'). */
  startFromCard(data: Record<string, unknown>, user: User = 'adminAgent'): Promise<TurnResult> {
    const activity = this.activity(user, {
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: CUSTOMER_VERBS.remove, data }, trigger: 'manual' },
    });
    return this.run(activity);
  }

  async customerIds(prefix: string): Promise<string[]> {
    const page = await this.pc.searchCustomers({ field: 'CompanyName', prefix }, { auth: 'app' });
    return page.items.map((c) => c.id);
  }
}

/** The first Adaptive Card of a turn's replies, or of its invoke response. */
export function cardOf(result: TurnResult): Record<string, any> | undefined {
  if (result.response?.type === 'application/vnd.microsoft.card.adaptive') return result.response.value;
  for (const r of result.replies) {
    const content = r.attachments?.[0]?.content as Record<string, any> | undefined;
    if (content?.type === 'AdaptiveCard') return content;
  }
  return undefined;
}

/** The text of a turn: the invoke's message response, or the replies' texts. */
export function textOf(result: TurnResult): string {
  if (result.response?.type === 'application/vnd.microsoft.activity.message') {
    return String(result.response.value);
  }
  return result.replies.map((r) => r.text ?? '').join('\n');
}

/** The action data of a card's button with this verb. */
export function actionData(card: Record<string, any> | undefined, verb: string): Record<string, unknown> {
  const action = (card?.actions ?? []).find((a: { verb?: string }) => a.verb === verb);
  if (!action) throw new Error(`no ${verb} button on the card`);
  return { ...action.data };
}
