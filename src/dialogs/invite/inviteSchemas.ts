import { z } from 'zod';

/**
 * The card data the invite flow accepts (besides `flowId`/`command`, checked by CardActionPrompt).
 * Types only: lengths and formats are checked by the dialog so it can say exactly what is wrong.
 * Fields the flow does not know are ignored — in particular nothing on a card can replace the
 * personalized link, which lives only in the dialog state.
 */

export const INVITE_VERBS = {
  choose: 'invite.choose',
  retry: 'invite.retry',
  cancel: 'invite.cancel',
  details: 'invite.details',
  skip: 'invite.skip',
  copy: 'invite.copy',
  done: 'invite.done',
} as const;

/** Every verb the waiting invite dialog answers (registered as the feature's dialog verbs). */
export const INVITE_DIALOG_VERBS: string[] = Object.values(INVITE_VERBS);

export const chooseDataSchema = z.object({
  kind: z.enum(['reseller', 'indirectReseller']),
  providerId: z.string().max(128).optional(),
});

export const detailsDataSchema = z.object({
  companyName: z.string().optional(),
  contactEmail: z.string().optional(),
  channel: z.string().optional(),
});

export const draftDataSchema = z.object({
  subject: z.string(),
  body: z.string(),
});
