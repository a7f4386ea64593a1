import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { FakeGdapClient } from '../../../fakes/graph/fakeGdapClient';
import { BUILT_IN_TEMPLATES } from '../../../../src/domain/gdap';
import type { CardActionRequest } from '../../../../src/dialogs/cardResponses';
import { loadConfig } from '../../../../src/config/config';
import { CustomerPageCache } from '../../../../src/domain/customerCache';
import type { PartnerRoleName, RoleService } from '../../../../src/domain/roles';
import type { DialogServices } from '../../../../src/dialogs/services';
import { translatorFor } from '../../../../src/i18n/i18n';
import { silentLogger } from '../../../../src/logging/logger';
import type { PartnerCenterClient } from '../../../../src/partnerCenter/client';
import { SIMULATOR_PARTNER_TENANT_ID } from '../../../../src/simulator/seed';

export const USER_ID = '11111111-aaaa-4aaa-8aaa-0000000000ff';

export class StubRoles implements RoleService {
  constructor(public roles: PartnerRoleName[] = ['AdminAgent']) {}
  async rolesOf(): Promise<PartnerRoleName[]> {
    return this.roles;
  }
}

export function testServices(partnerCenter: PartnerCenterClient, roles: RoleService = new StubRoles()) {
  const services: DialogServices = {
    config: loadConfig({}),
    logger: silentLogger(),
    partnerTenantId: SIMULATOR_PARTNER_TENANT_ID,
    partnerCenter,
    roles,
    audit: {} as never,
    invitations: {} as never,
    conversations: {} as never,
    customerCache: new CustomerPageCache<unknown>(60_000),
    gdap: new FakeGdapClient(),
    gdapTemplates: BUILT_IN_TEMPLATES,
  };
  return services;
}

/** A Teams invoke `adaptiveCard/action` as the card action handlers get it. */
export function invokeRequest(
  locale: string,
  verb: string,
  data: Record<string, unknown>,
): CardActionRequest {
  const activity: Partial<Activity> = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    locale,
    id: 'activity-1',
    from: { id: '29:user', name: 'User', aadObjectId: USER_ID },
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'a:conv', isGroup: false, conversationType: 'personal', name: '' },
    serviceUrl: 'http://127.0.0.1:1/',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
  const context = new TurnContext(new TestAdapter(), activity);
  return { context, verb, data, t: translatorFor(locale) };
}

/** Every Action.Execute in a card, in document order. */
export function executeActions(
  card: unknown,
): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
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

export function actionByVerb(card: unknown, verb: string, title?: string) {
  const action = executeActions(card).find(
    (a) => a.verb === verb && (title === undefined || a.title === title),
  );
  if (!action) throw new Error(`no ${verb} ${title ?? ''} action on the card`);
  return action;
}

/** The customer rows of a rendered list card: [chevron, name, domain]. */
export function rowsOf(card: any): { chevron: string; name: string; domain: string; expanded: boolean }[] {
  return (card.body as any[])
    .filter((e) => e.type === 'Container' && e.items?.[0]?.type === 'ColumnSet')
    .map((c) => ({
      chevron: c.items[0].columns[0].items[0].text,
      name: c.items[0].columns[1].items[0].text,
      domain: c.items[0].columns[1].items[1].text,
      expanded: c.items.length > 1,
    }));
}

/** The customer ids of the rows, from each row's selectAction (the row is the expand control). */
export function choiceIds(card: any): string[] {
  return (card.body as any[])
    .filter((e) => e.type === 'Container' && e.items?.[0]?.selectAction?.verb === 'customers.expand')
    .map((c) => String(c.items[0].selectAction.data.customerId));
}

/** Every button (Action.Execute in `actions`), without the rows' selectActions. */
export function buttonActions(
  card: unknown,
): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'selectAction') continue;
      if (key === 'actions' && Array.isArray(value)) out.push(...executeActions(value));
      else walk(value);
    }
  };
  walk(card);
  return out;
}
