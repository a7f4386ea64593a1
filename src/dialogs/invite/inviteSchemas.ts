import { z } from 'zod';
import { ACQUISITION_CHANNELS } from '../../domain/invitations';
import { INVITE_LIMITS, cleanText, isValidEmail } from '../../domain/inviteDraft';

/**
 * The card data the invite flow accepts (besides `flowId`/`command`, checked by CardActionPrompt)
 * and the limits on what the user types — all in one place. Each input is read in two passes: its
 * shape (a wrong type is forged data), then its limits on the entries as they will be kept, so the
 * flow can say exactly what is wrong. Fields the flow does not know are ignored — in particular
 * nothing on a card can replace the personalized link, which lives only in the dialog state.
 */

export const INVITE_VERBS = {
  choose: 'invite.choose',
  retry: 'invite.retry',
  cancel: 'invite.cancel',
  details: 'invite.details',
  skip: 'invite.skip',
  copy: 'invite.copy',
  done: 'invite.done',
  /** Continue on the role template card of "Request admin access" (an existing customer). */
  adminTemplate: 'invite.adminTemplate',
} as const;

/** Every verb the waiting invite dialog answers (registered as the feature's dialog verbs). */
export const INVITE_DIALOG_VERBS: string[] = Object.values(INVITE_VERBS);

export const chooseDataSchema = z.object({
  kind: z.enum(['reseller', 'indirectReseller']),
  providerId: z.string().max(128).optional(),
});

const trimmed = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '');

/** The details card: text fields, as kept (company name cleaned, everything trimmed). */
export const detailsDataSchema = z.object({
  companyName: z
    .string()
    .optional()
    .transform((v) => cleanText(v ?? '').trim()),
  contactEmail: trimmed,
  channel: trimmed,
});
export type DetailsEntries = z.output<typeof detailsDataSchema>;

/** The limits of the details card; empty entries are left out of the result. */
export const detailsLimitsSchema = z
  .object({
    companyName: z.string().max(INVITE_LIMITS.companyName),
    contactEmail: z
      .string()
      .max(INVITE_LIMITS.contactEmail)
      .refine((v) => v === '' || isValidEmail(v), { params: { problem: 'invalidEmail' } }),
    // The choice set offers only the known channels: anything else is forged.
    channel: z.enum(['', ...ACQUISITION_CHANNELS]),
  })
  .transform(({ companyName, contactEmail, channel }) => ({
    ...(companyName ? { companyName } : {}),
    ...(contactEmail ? { contactEmail } : {}),
    ...(channel ? { channel } : {}),
  }));

/**
 * "Also request admin access" on the details card: the toggle sends "true"/"false" (absent: a card
 * without the option, so off); the template id must name a configured template (checked by the
 * controller).
 */
export const adminChoiceSchema = z.object({
  adminAccess: z
    .union([z.enum(['true', 'false']), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'true'),
  templateId: z.string().max(64).optional(),
});

/** The draft card: subject and body as typed (cleaned only after the limits are checked). */
export const draftDataSchema = z.object({
  subject: z.string(),
  body: z.string(),
});

/** The limits of the draft card, on the text as typed. */
export const draftLimitsSchema = z.object({
  subject: z.string().max(INVITE_LIMITS.subject),
  body: z.string().max(INVITE_LIMITS.body),
});

/** What is wrong with an input, in the order it is reported. */
export type InputProblem =
  /** Forged or malformed card data. */
  | { kind: 'invalid' }
  | { kind: 'tooLong'; field: string; length: number; max: number }
  | { kind: 'invalidEmail'; email: string };

/** The checked value, or the problem with the entries as read (to show them again). */
export type InputCheck<E, T> = { ok: true; value: T } | { ok: false; problem: InputProblem; entries?: E };

/**
 * Reads card data with a shape schema, then a limits schema. A wrong shape is `invalid`; then the
 * first over-long field; then any other limit (`invalid`); a malformed email address last.
 */
export function checkInput<E extends Record<string, unknown>, T>(
  shape: z.ZodType<E>,
  limits: z.ZodType<T, E>,
  data: unknown,
): InputCheck<E, T> {
  const parsed = shape.safeParse(data);
  if (!parsed.success) return { ok: false, problem: { kind: 'invalid' } };
  const entries = parsed.data;
  const checked = limits.safeParse(entries);
  if (checked.success) return { ok: true, value: checked.data };
  const issues = checked.error.issues;
  const fail = (problem: InputProblem): InputCheck<E, T> => ({ ok: false, problem, entries });
  const tooLong = issues.find((i) => i.code === 'too_big');
  if (tooLong?.code === 'too_big') {
    const field = String(tooLong.path[0]);
    const value = entries[field];
    const length = typeof value === 'string' ? value.length : 0;
    return fail({ kind: 'tooLong', field, length, max: Number(tooLong.maximum) });
  }
  const [only] = issues;
  if (issues.length === 1 && only?.code === 'custom' && only.params?.['problem'] === 'invalidEmail') {
    return fail({ kind: 'invalidEmail', email: String(entries[String(only.path[0])]) });
  }
  return fail({ kind: 'invalid' });
}
