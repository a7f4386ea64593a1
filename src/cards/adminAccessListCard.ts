import { ADMIN_ACCESS_GROUPS, isAutoExtending, type AdminAccessGroup } from '../domain/gdap';
import { formatAge } from '../domain/inviteDraft';
import type { MessageKey, Translator } from '../i18n/i18n';
import { clipText, gdapDate, gdapStatusLabel, roleNames } from './adminAccessCards';
import { defineCard, render, type AdaptiveCardJson } from './render';

/** The data of the list's buttons (verb `adminAccess.page`): the 1-based page to show. */
export interface AdminAccessPageData {
  p: number;
}

interface ListItem {
  customer: string;
  status: string;
  statusColor: string;
  roles: string;
  meta: string;
}

export interface AdminAccessListCardData {
  title: string;
  subtitle: string;
  hasEmpty: boolean;
  empty: string;
  sections: { title: string; items: ListItem[] }[];
  buttons: { title: string; data: AdminAccessPageData }[];
}
export const adminAccessListTemplate = defineCard<AdminAccessListCardData>('admin-access-list');

/** One relationship as the list shows it. */
export interface AdminAccessListRow {
  group: AdminAccessGroup;
  /** The customer's name (Graph, the invitation, or the relationship's own name). Shown as plain text. */
  customer: string;
  status: string;
  roleDefinitionIds: readonly string[];
  endDateTime?: string;
  autoExtendDuration?: string;
  /** When the request was made and by whom (the invitation's sender; unknown for other requests). */
  requestedAt?: string;
  requestedBy?: string;
}

export interface AdminAccessListInput {
  rows: readonly AdminAccessListRow[];
  page: number;
  pages: number;
  total: number;
  now: Date;
}

const GROUP_TITLE: Record<AdminAccessGroup, MessageKey> = {
  pending: 'gdap.list.pending',
  active: 'gdap.list.active',
  ended: 'gdap.list.ended',
};

function statusColor(row: AdminAccessListRow): string {
  if (row.group === 'pending') return 'Warning';
  if (row.group === 'ended') return 'Attention';
  return row.status === 'active' ? 'Good' : 'Warning';
}

function metaLine(t: Translator, row: AdminAccessListRow, now: Date): string {
  if (row.group === 'pending') {
    const age = row.requestedAt ? formatAge(row.requestedAt, now, t.locale) : '';
    const name = row.requestedBy?.trim() || t.t('gdap.someone');
    return age ? t.t('gdap.list.requested', { age, name: clipText(name, 120) }) : '';
  }
  const date = gdapDate(t, row.endDateTime);
  if (!date) return '';
  if (row.group === 'ended') return t.t('gdap.list.endedOn', { date });
  const ends = t.t('gdap.list.endsOn', { date });
  return isAutoExtending(row.autoExtendDuration) ? `${ends} · ${t.t('gdap.list.autoExtends')}` : ends;
}

/** The `admin access` list card: one section per group on this page, Previous / Next / Refresh. */
export function renderAdminAccessListCard(t: Translator, input: AdminAccessListInput): AdaptiveCardJson {
  const sections = ADMIN_ACCESS_GROUPS.map((group) => ({
    title: t.t(GROUP_TITLE[group]),
    items: input.rows
      .filter((r) => r.group === group)
      .map((row) => ({
        customer: clipText(row.customer.trim() || '—', 120),
        status: gdapStatusLabel(t, row.status),
        statusColor: statusColor(row),
        roles: roleNames(t, row.roleDefinitionIds),
        meta: metaLine(t, row, input.now),
      })),
  })).filter((s) => s.items.length > 0);
  const buttons: AdminAccessListCardData['buttons'] = [];
  if (input.page > 1) buttons.push({ title: t.t('gdap.list.previous'), data: { p: input.page - 1 } });
  if (input.page < input.pages) buttons.push({ title: t.t('gdap.list.next'), data: { p: input.page + 1 } });
  buttons.push({ title: t.t('gdap.list.refresh'), data: { p: input.page } });
  return render(adminAccessListTemplate, {
    title: t.t('gdap.list.title'),
    subtitle: t.t('gdap.list.count', { count: input.total, page: input.page, pages: input.pages }),
    hasEmpty: input.total === 0,
    empty: t.t('gdap.list.empty'),
    sections,
    buttons,
  });
}
