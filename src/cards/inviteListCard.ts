import { commandWord } from './helpCard';
import { channelLabel, kindLabel } from './inviteCards';
import { defineCard, render, type AdaptiveCardJson } from './render';
import { trustedSentence, type CardText } from './untrusted';
import type { Invitation, InvitationStatus } from '../domain/invitations';
import { formatAge } from '../domain/inviteDraft';
import type { Translator } from '../i18n/i18n';

export type InvitationsView = 'mine' | 'all';

/** The data of the list's paging buttons (verb `invitations.page`); stateless, validated on arrival. */
export interface InvitationsPageData {
  view: InvitationsView;
  /** 1-based page number, shown on the card. */
  page: number;
  /** Cosmos continuation token of this page; absent for the first page. */
  continuation?: string;
}

export interface InvitationsListCardData {
  title: string;
  subtitle: string;
  hasEmpty: boolean;
  empty: CardText;
  items: {
    company: string;
    status: string;
    statusColor: string;
    kind: string;
    meta: string;
  }[];
  buttons: { title: string; data: InvitationsPageData }[];
}
export const invitationsListTemplate = defineCard<InvitationsListCardData>('invitations-list');

export const INVITATIONS_PAGE_VERB = 'invitations.page';
export const INVITATIONS_PAGE_SIZE = 10;

/** Stored invitations are not validated on read: a status not listed gets the default colour. */
const STATUS_COLOR: Partial<Record<string, string>> = {
  pending: 'Warning',
  accepted: 'Good',
  expired: 'Attention',
} satisfies Record<InvitationStatus, string>;

export interface InvitationsListInput {
  view: InvitationsView;
  page: number;
  items: Invitation[];
  /** Token for the next page; none on the last page. */
  next?: string;
  now: Date;
}

export function renderInvitationsCard(t: Translator, input: InvitationsListInput): AdaptiveCardJson {
  const invite = commandWord(t, 'invite');
  const buttons: InvitationsListCardData['buttons'] = [];
  if (input.next) {
    buttons.push({
      title: t.t('invitations.next'),
      data: { view: input.view, page: input.page + 1, continuation: input.next },
    });
  }
  if (input.page > 1) buttons.push({ title: t.t('invitations.first'), data: { view: input.view, page: 1 } });
  buttons.push(
    input.view === 'all'
      ? { title: t.t('invitations.showMine'), data: { view: 'mine', page: 1 } }
      : { title: t.t('invitations.showAll'), data: { view: 'all', page: 1 } },
  );
  return render(invitationsListTemplate, {
    title: input.view === 'mine' ? t.t('invitations.title.mine') : t.t('invitations.title.all'),
    subtitle: t.t('invitations.subtitle', { page: input.page }),
    hasEmpty: input.items.length === 0,
    empty:
      input.view === 'mine'
        ? trustedSentence(t, 'invitations.empty.mine', { command: invite })
        : trustedSentence(t, 'invitations.empty.all', { command: invite }),
    items: input.items.map((inv) => {
      const meta = [
        t.t('invitations.sentBy', {
          name: inv.createdBy.name?.trim() || t.t('invitations.someone'),
          age: formatAge(inv.createdAt, input.now, t.locale),
        }),
      ];
      if (inv.channel) meta.push(channelLabel(t, inv.channel));
      return {
        company:
          inv.customer?.companyName?.trim() ||
          inv.acceptedCustomer?.companyName?.trim() ||
          t.t('invitations.noCompany'),
        status: t.t(`invitations.status.${inv.status}`),
        statusColor: STATUS_COLOR[inv.status] ?? 'Default',
        kind: kindLabel(t, { kind: inv.kind, provider: inv.provider }),
        meta: meta.join(' · '),
      };
    }),
    buttons,
  });
}
