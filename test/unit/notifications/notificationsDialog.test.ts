import type { Activity } from 'botbuilder';
import { FakeGdapClient } from '../../fakes/graph/fakeGdapClient';
import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import { DialogTestClient } from 'botbuilder-testing';
import { loadConfig } from '../../../src/config/config';
import type { AuditEntry, AuditLog } from '../../../src/domain/audit';
import type { ConversationRecord, ConversationRepository } from '../../../src/domain/conversations';
import { CustomerPageCache } from '../../../src/domain/customerCache';
import type { PartnerRoleName, RoleService } from '../../../src/domain/roles';
import { MainDialog } from '../../../src/dialogs/mainDialog';
import {
  NotificationsDialog,
  parseNotificationsSwitch,
} from '../../../src/dialogs/notifications/notificationsDialog';
import type { DialogServices } from '../../../src/dialogs/services';
import { silentLogger } from '../../../src/logging/logger';

const PARTNER = 'partner-tenant';
const CHANNEL = '19:team-channel@thread.tacv2';
const USERS: Record<string, PartnerRoleName[]> = {
  admin: ['GlobalAdmin'],
  agent: ['AdminAgent'],
  sales: ['SalesAgent'],
  helpdesk: ['HelpdeskAgent'],
  stranger: [],
};

class MemoryConversations implements ConversationRepository {
  readonly records = new Map<string, ConversationRecord>();
  async get(_p: string, id: string) {
    return this.records.get(id);
  }
  async saveActive(input: Omit<ConversationRecord, 'id' | 'active' | 'createdAt' | 'updatedAt'>) {
    const existing = this.records.get(input.conversationId);
    this.records.set(input.conversationId, {
      ...existing,
      ...input,
      id: input.conversationId,
      active: true,
      createdAt: 'then',
      updatedAt: 'now',
      notificationsEnabled: existing?.notificationsEnabled,
    });
  }
  async markInactive(_p: string, id: string) {
    const r = this.records.get(id);
    if (r) r.active = false;
  }
  async setNotificationsEnabled(_p: string, id: string, enabled: boolean) {
    const r = this.records.get(id);
    if (!r) return false;
    r.notificationsEnabled = enabled;
    return true;
  }
  async listSubscribed() {
    return [...this.records.values()].filter((r) => r.active && r.notificationsEnabled);
  }
}

class MemoryAudit implements AuditLog {
  readonly entries: AuditEntry[] = [];
  async append(input: Omit<AuditEntry, 'id' | 'at'>): Promise<AuditEntry> {
    const entry = { ...input, id: `a${this.entries.length}`, at: 'now' };
    this.entries.push(entry);
    return entry;
  }
  async latest() {
    return this.entries;
  }
}

const roles: RoleService = { rolesOf: async (id) => USERS[id] ?? [] };

function setup() {
  const conversations = new MemoryConversations();
  const audit = new MemoryAudit();
  const services: DialogServices = {
    config: loadConfig({}),
    logger: silentLogger(),
    partnerTenantId: PARTNER,
    partnerCenter: {} as never,
    roles,
    audit,
    invitations: {} as never,
    conversations,
    customerCache: new CustomerPageCache<unknown>(1000),
    gdap: new FakeGdapClient(),
    gdapTemplates: BUILT_IN_TEMPLATES,
  };
  const client = new DialogTestClient(
    'msteams',
    new MainDialog({ notifications: new NotificationsDialog(services) }),
  );
  const say = async (
    text: string,
    options: { user?: string; locale?: string; type?: 'channel' | 'personal' } = {},
  ): Promise<string[]> => {
    const type = options.type ?? 'channel';
    const user = options.user ?? 'agent';
    const activity: Partial<Activity> = {
      type: 'message',
      text,
      locale: options.locale ?? 'en-US',
      from: { id: `29:${user}`, name: user, aadObjectId: user },
      conversation: {
        id: type === 'channel' ? CHANNEL : 'a:personal',
        conversationType: type,
        isGroup: type === 'channel',
      } as Activity['conversation'],
    };
    const replies: string[] = [];
    const first = await client.sendActivity(activity);
    if (first?.text) replies.push(first.text);
    for (let next = client.getNextReply(); next; next = client.getNextReply())
      if (next.text) replies.push(next.text);
    return replies;
  };
  // The conversation tracker stores every channel before a dialog runs.
  void conversations.saveActive({
    partnerTenantId: PARTNER,
    conversationId: CHANNEL,
    conversationType: 'channel',
    reference: {},
  });
  return { conversations, audit, say };
}

describe('parseNotificationsSwitch', () => {
  it.each([
    ['on', 'on'],
    ['AN', 'on'],
    ['ein', 'on'],
    [' off ', 'off'],
    ['aus', 'off'],
    ['', 'status'],
    ['status', 'status'],
    ['maybe', undefined],
    ['on please', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseNotificationsSwitch(text)).toBe(expected);
  });
});

describe('NotificationsDialog', () => {
  it.each([
    ['en-US', 'notifications on', 'notifications off', 'this channel will be told', 'no longer gets'],
    [
      'de-DE',
      'benachrichtigungen an',
      'benachrichtigungen aus',
      'Dieser Kanal erfährt',
      'keine Benachrichtigungen',
    ],
  ])(
    'in %s an Admin agent switches a channel on and off (audited)',
    async (locale, on, off, onText, offText) => {
      const { say, conversations, audit } = setup();
      expect(await say(on, { locale })).toEqual([expect.stringContaining(onText)]);
      expect((await conversations.get(PARTNER, CHANNEL))?.notificationsEnabled).toBe(true);
      expect(await conversations.listSubscribed()).toHaveLength(1);
      expect(await say(off, { locale, user: 'admin' })).toEqual([expect.stringContaining(offText)]);
      expect((await conversations.get(PARTNER, CHANNEL))?.notificationsEnabled).toBe(false);
      expect(audit.entries.map((e) => [e.action, e.actor?.aadObjectId])).toEqual([
        ['notifications.enabled', 'agent'],
        ['notifications.disabled', 'admin'],
      ]);
    },
  );

  it.each(['sales', 'helpdesk', 'stranger'])('refuses %s and changes nothing', async (user) => {
    const { say, conversations, audit } = setup();
    const [reply] = await say('notifications on', { user });
    expect(reply).toMatch(/only a Global admin or Admin agent/);
    expect((await conversations.get(PARTNER, CHANNEL))?.notificationsEnabled).toBeUndefined();
    expect(audit.entries).toEqual([]);
  });

  it('tells anyone the status', async () => {
    const { say } = setup();
    expect(await say('notifications', { user: 'sales' })).toEqual([expect.stringContaining('are **off**')]);
    await say('notifications on');
    expect(await say('benachrichtigungen status', { user: 'sales', locale: 'de-DE' })).toEqual([
      expect.stringContaining('**an**'),
    ]);
  });

  it.each([
    ['en-US', 'notifications on', 'per team channel'],
    ['de-DE', 'benachrichtigungen an', 'pro Teamkanal'],
  ])(
    'in %s explains that the setting lives in channels when used in a 1:1 chat',
    async (locale, text, hint) => {
      const { say, audit } = setup();
      expect(await say(text, { locale, type: 'personal' })).toEqual([expect.stringContaining(hint)]);
      expect(audit.entries).toEqual([]);
    },
  );

  it.each([
    ['en-US', 'notifications please', 'notifications on'],
    ['de-DE', 'benachrichtigungen bitte', 'benachrichtigungen an'],
  ])('in %s answers unknown arguments with the usage', async (locale, text, usage) => {
    const { say } = setup();
    expect(await say(text, { locale })).toEqual([expect.stringContaining(usage)]);
  });

  it('says so when the channel is not stored yet', async () => {
    const { say, conversations } = setup();
    conversations.records.clear();
    expect(await say('notifications on')).toEqual([expect.stringContaining('do not know this channel')]);
  });
});
