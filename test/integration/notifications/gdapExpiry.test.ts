import { BUILT_IN_TEMPLATES } from '../../../src/domain/gdap';
import type { Customer } from '../../../src/partnerCenter/types';
import type { ExpiryRecord } from '../../../src/notifications/records';
import type { Clock } from '../../../src/notifications/clock';
import { sleep } from '../../../src/resilience';
import type { GdapSimulatorModel } from '../../../src/simulator/gdap';
import { SIMULATOR_USERS } from '../../../src/simulator/seed';
import { translatorFor } from '../../../src/i18n/i18n';
import { post, TeamsChat } from '../../support/activities';
import { startTestApp, type TestApp } from '../../support/app';
import { expectValidCard } from '../../support/cardAssertions';
import { CapturingConnector } from '../../support/connector';
import { cardOf, cardTitle, conversationIdOf, createInvitation } from './helpers';

const CHANNEL_ID = '19:gdap-expiry@thread.tacv2';
const TEMPLATE = BUILT_IN_TEMPLATES.templates[0]!;
const ROLES = TEMPLATE.roles.map((r) => r.roleDefinitionId);

/**
 * The GDAP expiry watch over the real stack: three bot instances share one Cosmos DB (embedded
 * server), instance A's Partner Center and Graph simulators, and a test clock (the Graph
 * simulator's). Each threshold is warned once per relationship whatever runs where how often,
 * also after an instance restarts; the end is announced once (by the signed webhook, the job
 * finding nothing more); a warning clicked after the customer's admin access was renewed says so.
 */
describe('GDAP expiry watch: three instances, one Cosmos DB, a test clock', () => {
  let connector: CapturingConnector;
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;
  let gdapSim: GdapSimulatorModel | undefined;
  const clock: Clock = { now: () => gdapSim?.now() ?? Date.now(), sleep: (ms) => sleep(ms) };
  const all = () => [a, b, c];
  let env: Record<string, string>;
  let quokka: Customer;
  let wombat: Customer;

  const startShared = () =>
    startTestApp(env, {
      cosmos: a.app.cosmos,
      partnerCenter: a.app.services.partnerCenter,
      gdap: a.app.services.gdap,
      notifications: { clock },
    });

  beforeAll(async () => {
    connector = new CapturingConnector();
    await connector.start();
    const base = {
      RECONCILE_INTERVAL_SECONDS: '0',
      NOTIFICATION_DRAIN_INTERVAL_SECONDS: '0',
      REMINDER_AFTER_DAYS: '0',
      SIMULATOR_CUSTOMERS: '0',
    };
    a = await startTestApp(base, { notifications: { clock } });
    gdapSim = a.app.gdapSimulator;
    env = { ...base, WEBHOOK_ALLOWED_CERT_HOSTS: new URL(a.baseUrl).host };
    b = await startShared();
    c = await startShared();
    quokka = a.app.simulator!.addCustomer({ companyName: 'Quokka Labs', domain: 'quokka-labs' });
    wombat = a.app.simulator!.addCustomer({ companyName: 'Wombat Works', domain: 'wombat-works' });

    const channel = new TeamsChat({
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId: CHANNEL_ID,
      userAadObjectId: SIMULATOR_USERS.globalAdmin.aadObjectId,
    });
    await post(b.baseUrl, channel.message('notifications on'));
    await connector.waitFor(() => connector.messages(CHANNEL_ID).length >= 1);
    // The reconciler's baseline (the customers above are known, not new acceptances).
    await Promise.all(all().map((x) => x.app.notifications.runScheduled()));
    await settle();
    connector.clear();
  });
  afterAll(async () => {
    for (const x of [c, b, a]) await x?.stop();
    await connector?.stop();
  });

  async function settle(): Promise<void> {
    await a.app.simulator!.whenIdle();
    await Promise.all(all().map((x) => x.app.notifications.whenIdle()));
  }

  /** Every instance runs the scheduled job (one gets the lease) and the watch itself, twice, at once. */
  async function runEverywhere(): Promise<void> {
    for (let round = 0; round < 2; round++) {
      await Promise.all(
        all().flatMap((x) => [x.app.notifications.runScheduled(), x.app.notifications.expiryWatch!.run()]),
      );
    }
    await settle();
  }

  /** A relationship without auto-extend for `customer`, sent for approval; `approve` makes it active now (test clock). */
  async function lockedRelationship(customer: Customer, name: string, duration: string): Promise<string> {
    const gdap = a.app.services.gdap;
    const r = await gdap.createRelationship({
      displayName: `${name}-${Date.now()}`.slice(0, 50),
      duration,
      roleDefinitionIds: ROLES,
      autoExtendDuration: 'PT0S',
      customer: { tenantId: customer.id, displayName: customer.companyName },
    });
    await gdap.lockForApproval(r.id);
    return r.id;
  }

  async function approve(customer: Customer, relationshipId: string): Promise<void> {
    gdapSim!.approve(relationshipId, { companyName: customer.companyName, domain: customer.domain });
    await settle();
  }

  async function activeRelationship(customer: Customer, name: string, duration: string): Promise<string> {
    const id = await lockedRelationship(customer, name, duration);
    await approve(customer, id);
    return id;
  }

  async function record(relationshipId: string, suffix: string): Promise<ExpiryRecord | undefined> {
    const id = `gdap-expiry:${a.app.services.partnerTenantId}:${relationshipId}:${suffix}`;
    const { resource } = await a.app.cosmos.containers.dedupe.item(id, id).read<ExpiryRecord>();
    return resource ?? undefined;
  }

  it('warns 30, 7 and 1 day(s) before the end exactly once each, then announces the expiry once', async () => {
    const invitationId = 'expiry-quokka';
    const relationshipId = await lockedRelationship(quokka, 'Quokka', 'P40D');
    const invitation = await createInvitation(a.app, connector.url, {
      id: invitationId,
      kind: 'adminAccess',
      customer: { companyName: 'Quokka Labs' },
      relationshipId,
      templateId: TEMPLATE.id,
      locale: 'de-DE',
    });
    const inviter = conversationIdOf(invitation);
    await approve(quokka, relationshipId);
    expect(connector.messages(inviter).map(cardTitle)).toEqual([
      'Quokka Labs hat den Administratorzugriff genehmigt',
    ]);
    connector.clear();

    // 40 days → nothing due yet.
    await runEverywhere();
    expect(connector.messages()).toHaveLength(0);

    const steps: { days: number; de: string; en: string }[] = [
      {
        days: 10,
        de: 'Administratorzugriff bei Quokka Labs endet in 30 Tagen',
        en: 'Admin access to Quokka Labs ends in 30 days',
      },
      {
        days: 23,
        de: 'Administratorzugriff bei Quokka Labs endet in 7 Tagen',
        en: 'Admin access to Quokka Labs ends in 7 days',
      },
      {
        days: 6,
        de: 'Administratorzugriff bei Quokka Labs endet morgen',
        en: 'Admin access to Quokka Labs ends tomorrow',
      },
    ];
    for (const [i, step] of steps.entries()) {
      gdapSim!.advanceDays(step.days);
      if (i === 1) {
        // Restart-safe: instance C stops and a fresh one (new process state) takes its place.
        await c.stop();
        c = await startShared();
      }
      await runEverywhere();
      expect(connector.messages(inviter).map(cardTitle)).toEqual([step.de]);
      expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual([step.en]);
      expect(connector.messages()).toHaveLength(2);
      const card = cardOf(connector.messages(inviter)[0]!)!;
      expectValidCard(card);
      const text = JSON.stringify(card);
      expect(text).toContain('Benutzeradministrator'); // roles in the reader's language
      expect(text).toContain('Neuen Administratorzugriff anfordern');
      connector.clear();
    }
    const warned = await record(
      relationshipId,
      `warn-7:${(await a.app.services.gdap.getRelationship(relationshipId)).endDateTime!.slice(0, 10)}`,
    );
    expect(warned).toMatchObject({ state: 'done', source: 'job', invitationId, thresholdDays: 7 });

    // Past the end: the simulator expires it and sends the signed webhook, which announces it at once.
    gdapSim!.advanceDays(2);
    await settle();
    const ended = await record(relationshipId, 'ended');
    expect(ended).toMatchObject({ state: 'done', source: 'webhook', phase: 'expired' });
    await runEverywhere(); // the safety net finds nothing more
    expect(connector.messages(inviter).map(cardTitle)).toEqual([
      'Administratorzugriff bei Quokka Labs ist abgelaufen',
    ]);
    expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual([
      'Admin access to Quokka Labs has expired',
    ]);
    expect(connector.messages()).toHaveLength(2);
    const stored = await a.app.services.invitations.get(invitation.partnerTenantId, invitationId);
    expect(stored?.adminAccess?.status).toBe('expired');
    connector.clear();
  });

  it('a warning clicked after the customer got renewed access says so and starts nothing; terminated is announced once', async () => {
    const relationshipId = await activeRelationship(wombat, 'Wombat', 'P10D');
    connector.clear();
    await runEverywhere();
    expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual([
      'Admin access to Wombat Works ends in 10 days',
    ]);
    expect(connector.messages()).toHaveLength(1);
    const warning = cardOf(connector.messages(CHANNEL_ID)[0]!)!;
    const button = (warning.actions as Record<string, any>[]).find(
      (x) => x.verb === 'customers.requestAdminAccess',
    )!;
    expect(button.data).toMatchObject({
      customerId: wombat.id,
      adminAccessOnly: true,
      templateId: TEMPLATE.id,
      expiry: { relationshipId, kind: 'warning' },
    });
    connector.clear();

    const createdFor = () =>
      gdapSim!.listRelationships((r) => r.status === 'created' && r.customer?.tenantId === wombat.id).length;
    const chat = (locale: string) =>
      new TeamsChat({
        serviceUrl: connector.url,
        locale,
        userAadObjectId: SIMULATOR_USERS.adminAgent.aadObjectId,
      });
    const click = async (locale: string) => {
      const res = await post(b.baseUrl, chat(locale).cardAction(button.verb, button.data));
      expect(res.status).toBe(200);
      return res.body as { type: string; value: unknown };
    };

    // Still true: the click starts the request flow — the role template choice comes first (the
    // warning's template preselected); nothing is created in Graph before Continue.
    const started = await click('en-US');
    expect(JSON.stringify(started)).not.toContain('Nothing was changed');
    await connector.waitFor(() =>
      connector.messages().some((m) => cardTitle(m) === translatorFor('en-US').t('gdap.template.title')),
    );
    const choice = connector
      .messages()
      .find((m) => cardTitle(m) === translatorFor('en-US').t('gdap.template.title'));
    // The warning's template is the preselected one.
    expect(JSON.stringify(cardOf(choice!))).toContain(JSON.stringify(button.data.templateId));
    expect(createdFor()).toBe(0);
    connector.clear();

    // The customer approved a new relationship meanwhile: the old warning is out of date.
    await activeRelationship(wombat, 'Wombat-renewed', 'P730D');
    const cases = [
      {
        locale: 'en-US',
        text: /Wombat Works already has newer admin access \(Active, ends on .+\)\. Nothing was changed\./,
      },
      {
        locale: 'de-DE',
        text: /Wombat Works hat bereits neueren Administratorzugriff \(Aktiv, endet am .+\)\. Es wurde nichts geändert\./,
      },
    ];
    for (const { locale, text } of cases) {
      const answer = await click(locale);
      expect(answer.type).toBe('application/vnd.microsoft.activity.message');
      expect(String(answer.value)).toMatch(text);
    }
    expect(createdFor()).toBe(0);

    // Terminated: the signed webhook announces it once; the old warning now names the new status.
    await a.app.services.gdap.terminate(relationshipId);
    await settle();
    await runEverywhere();
    expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual(['Admin access to Wombat Works was ended']);
    expect(await record(relationshipId, 'ended')).toMatchObject({ source: 'webhook', phase: 'terminated' });
    const answer = await click('en-US');
    expect(String(answer.value)).toBe(
      'This admin access relationship with Wombat Works is now “Ended”, so this warning is out of date. Nothing was changed.',
    );
    expect(createdFor()).toBe(0);
  });

  it('an instance that stopped half-way through a warning: another one finishes it, once', async () => {
    const numbat = a.app.simulator!.addCustomer({ companyName: 'Numbat Nursery', domain: 'numbat-nursery' });
    await runEverywhere(); // the reconciler takes the new customer in (an unmatched acceptance)
    connector.clear();
    const relationshipId = await activeRelationship(numbat, 'Numbat', 'P20D');
    const r = await a.app.services.gdap.getRelationship(relationshipId);
    // What a crashed instance leaves behind: the decision, the channel not yet served, not renewed for an hour.
    const longAgo = new Date(clock.now() - 60 * 60_000).toISOString();
    const orphan: ExpiryRecord = {
      id: `gdap-expiry:${a.app.services.partnerTenantId}:${relationshipId}:warn-30:${r.endDateTime!.slice(0, 10)}`,
      type: 'gdap-expiry',
      partnerTenantId: a.app.services.partnerTenantId,
      relationshipId,
      phase: 'warning',
      thresholdDays: 30,
      daysLeft: 20,
      endDateTime: r.endDateTime,
      customer: { tenantId: numbat.id, displayName: 'Numbat Nursery' },
      roleDefinitionIds: ROLES,
      source: 'job',
      state: 'sending',
      owner: 'crashed-instance',
      claimedAt: longAgo,
      createdAt: longAgo,
      updatedAt: longAgo,
      deliveries: [{ target: 'channel', conversationId: CHANNEL_ID, status: 'pending', attempts: 0 }],
    };
    await a.app.cosmos.containers.dedupe.items.create(orphan);
    await runEverywhere();
    expect(connector.messages(CHANNEL_ID).map(cardTitle)).toEqual([
      'Admin access to Numbat Nursery ends in 20 days',
    ]);
    expect(connector.messages()).toHaveLength(1);
    const done = await record(relationshipId, `warn-30:${r.endDateTime!.slice(0, 10)}`);
    expect(done).toMatchObject({ state: 'done' });
    expect(done?.owner).not.toBe('crashed-instance');
  });
});
