import { COMMAND_VERB, commandData, type CommandData } from './commandActions';
import type { StatusReport } from '../domain/operationsStatus';
import type { Translator } from '../i18n/i18n';
import { commandWord } from './helpCard';
import { defineCard, render, type AdaptiveCardJson } from './render';
import { linkText, trusted, type CardText } from './untrusted';

export interface StatusCardData {
  title: string;
  intro: string;
  sections: { heading: string; facts: { title: string; value: CardText }[] }[];
  footer: string;
  refreshButton: string;
  refreshVerb: string;
  refreshData: CommandData;
}
export const statusTemplate = defineCard<StatusCardData>('status');

const MAX_FIELD = 300;
const MAX_EVENTS_LISTED = 10;

const clip = (s: string) => (s.length <= MAX_FIELD ? s : `${s.slice(0, MAX_FIELD - 1)}…`);

function list(t: Translator, items: readonly string[]): string {
  if (items.length === 0) return t.t('status.none');
  const shown = items.slice(0, MAX_EVENTS_LISTED).join(', ');
  return clip(
    items.length > MAX_EVENTS_LISTED ? `${shown}, … (+${items.length - MAX_EVENTS_LISTED})` : shown,
  );
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time in UTC (operators compare with logs), one formatter per locale. */
function when(t: Translator, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return t.t('status.unknown');
  let f = timeFormats.get(t.locale);
  if (!f) {
    f = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    timeFormats.set(t.locale, f);
  }
  return `${f.format(d)} UTC`;
}

function webhookFacts(t: Translator, report: StatusReport): { title: string; value: CardText }[] {
  const w = report.webhook;
  const fact = (key: Parameters<Translator['t']>[0], value: CardText) => ({ title: t.t(key), value });
  if (!w) return [fact('status.label.registration', t.t('status.registered.unknown'))];
  if (!w.registered) {
    return [
      fact('status.label.registration', t.t('status.registered.none')),
      fact('status.label.missing', list(t, w.missingEvents)),
    ];
  }
  const url = w.url ?? '';
  return [
    fact('status.label.registration', t.t(w.ok ? 'status.registered.ok' : 'status.registered.incomplete')),
    fact(
      'status.label.url',
      trusted(
        clip(
          w.urlMatches
            ? linkText(url)
            : t.t('status.url.wrong', { url: linkText(url), expected: linkText(report.expectedWebhookUrl) }),
        ),
      ),
    ),
    fact('status.label.events', t.t('status.events.count', { count: w.events.length })),
    fact('status.label.missing', list(t, w.missingEvents)),
    ...(w.extraEvents.length > 0 ? [fact('status.label.extra', list(t, w.extraEvents))] : []),
  ];
}

function processingFacts(t: Translator, report: StatusReport): { title: string; value: string }[] {
  const s = report.snapshot;
  const unknown = t.t('status.unknown');
  const never = t.t('status.never');
  const lastEvent = !s
    ? unknown
    : s.lastEvent
      ? t.t('status.lastEvent', { time: when(t, s.lastEvent.at), name: clip(s.lastEvent.name) })
      : never;
  const reconciler = !s
    ? unknown
    : s.reconciler
      ? s.reconciler.ok
        ? t.t('status.reconciler.ok', { time: when(t, s.reconciler.at), found: s.reconciler.found ?? 0 })
        : t.t('status.reconciler.failed', { time: when(t, s.reconciler.at) })
      : never;
  const outbox = !s
    ? unknown
    : s.outbox
      ? t.t('status.outbox', {
          waiting: s.outbox.waiting,
          failed: s.outbox.failed,
          time: when(t, s.outbox.at),
        })
      : never;
  return [
    { title: t.t('status.label.lastEvent'), value: lastEvent },
    { title: t.t('status.label.reconciler'), value: reconciler },
    { title: t.t('status.label.outbox'), value: outbox },
  ];
}

/** The operator's status card: webhook registration, processing, systems. */
export function renderStatusCard(t: Translator, report: StatusReport): AdaptiveCardJson {
  const reach = (ok: boolean) => t.t(ok ? 'status.reachable' : 'status.unreachable');
  return render(statusTemplate, {
    title: t.t('status.title'),
    intro: t.t('status.intro'),
    sections: [
      { heading: t.t('status.section.webhook'), facts: webhookFacts(t, report) },
      { heading: t.t('status.section.processing'), facts: processingFacts(t, report) },
      {
        heading: t.t('status.section.systems'),
        facts: [
          { title: t.t('status.label.cosmos'), value: reach(report.storageReachable) },
          { title: t.t('status.label.partnerCenter'), value: reach(report.partnerCenterReachable) },
        ],
      },
    ],
    footer: t.t('status.footer'),
    refreshButton: commandWord(t, 'status'),
    refreshVerb: COMMAND_VERB,
    refreshData: commandData('status'),
  });
}
