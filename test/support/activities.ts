import { randomUUID } from 'node:crypto';
import { SIMULATOR_PARTNER_TENANT_ID } from '../../src/simulator/seed';

/** The partner tenant of the embedded simulator: the one tenant the embedded bot accepts. */
export const TEST_TENANT = SIMULATOR_PARTNER_TENANT_ID;
export const FOREIGN_TENANT = '99999999-2222-4333-8444-555555555555';

export interface ChatOptions {
  serviceUrl: string;
  conversationId?: string;
  locale?: string;
  userAadObjectId?: string;
  userName?: string;
  tenantId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
}

/** Builds Teams-shaped activities for one conversation, as the Teams channel would send them. */
export class TeamsChat {
  readonly conversationId: string;
  constructor(readonly options: ChatOptions) {
    this.conversationId = options.conversationId ?? `a:${randomUUID()}`;
  }

  private base(type: string): Record<string, unknown> {
    const tenantId = this.options.tenantId ?? TEST_TENANT;
    return {
      type,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.options.serviceUrl,
      locale: this.options.locale ?? 'en-US',
      from: {
        id: `29:${this.options.userAadObjectId ?? 'user'}`,
        name: this.options.userName ?? 'Test User',
        aadObjectId: this.options.userAadObjectId ?? 'aaaaaaaa-0000-0000-0000-000000000001',
      },
      recipient: { id: '28:bot', name: 'Customer Connect' },
      conversation: {
        id: this.conversationId,
        conversationType: this.options.conversationType ?? 'personal',
        tenantId,
      },
      channelData: { tenant: { id: tenantId } },
    };
  }

  message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { ...this.base('message'), text, ...extra };
  }

  installation(action: 'add' | 'remove'): Record<string, unknown> {
    return { ...this.base('installationUpdate'), action };
  }

  /** A message extension search (`composeExtension/query`), as Teams sends it while the user types. */
  messageExtensionQuery(
    commandId: string,
    parameters: { name: string; value: unknown }[],
    queryOptions: { skip: number; count: number } = { skip: 0, count: 25 },
  ): Record<string, unknown> {
    return {
      ...this.base('invoke'),
      name: 'composeExtension/query',
      value: { commandId, parameters, queryOptions },
    };
  }

  cardAction(verb: string, data: Record<string, unknown>): Record<string, unknown> {
    return {
      ...this.base('invoke'),
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
  }
}

export async function post(
  baseUrl: string,
  activity: Record<string, unknown> | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body };
}
