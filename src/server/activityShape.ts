import { z } from 'zod';

/**
 * The shape an activity must have before any work starts on it. Only what the bot reads is
 * checked (everything else passes through): a malformed activity is refused at the edge with 400
 * and a generic body, instead of failing inside the turn (500, internal text).
 */
const optionalText = (max: number) => z.string().max(max).optional();
const account = z.looseObject({ id: z.string().max(1024).optional() }).optional();

const activitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: optionalText(1024),
    name: optionalText(256),
    locale: optionalText(64).nullable(),
    text: z.string().optional().nullable(),
    textFormat: optionalText(32),
    action: optionalText(64),
    channelId: optionalText(256),
    serviceUrl: optionalText(2048),
    from: account,
    recipient: account,
    conversation: z.looseObject({ id: z.string().max(1024), tenantId: optionalText(256) }).optional(),
  })
  .refine(
    (a) => a.type !== 'invoke' || a.value === undefined || a.value === null || isPlainObject(a.value),
    'invoke value must be an object',
  )
  .refine(
    (a) =>
      a.type !== 'invoke' ||
      a.name !== 'adaptiveCard/action' ||
      (isPlainObject(a.value) && isPlainObject((a.value as { action?: unknown }).action)),
    'adaptiveCard/action needs value.action',
  );

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why the activity is refused (for the log), or undefined when its shape is fine. */
export function activityShapeProblem(body: unknown): string | undefined {
  const result = activitySchema.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return issue ? `${issue.path.join('.') || '(activity)'}: ${issue.message}` : 'invalid activity';
}
