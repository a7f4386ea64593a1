import { z } from 'zod';

/**
 * The one rule for a customer id (issue #13): card data, the remove flow, the Partner Center client
 * and the simulator all check customer ids with this.
 *
 * Partner Center customer ids are GUIDs (36 characters, the customer's tenant id); the simulator and
 * tests also use short readable ids (`id-0`, `contoso`). 64 characters bounds what a card may echo
 * back while keeping all of those valid. Letters, digits and `-` only, so an id is safe in a URL path.
 *
 * It lives in `src/common` rather than `src/domain` because `src/partnerCenter` must use it and may
 * not import the domain (the domain still imports partnerCenter; see docs/architecture.md).
 */
export const MAX_CUSTOMER_ID_CHARS = 64;

const CUSTOMER_ID = new RegExp(`^[A-Za-z0-9][A-Za-z0-9-]{0,${MAX_CUSTOMER_ID_CHARS - 1}}$`);

export function isCustomerId(value: unknown): value is string {
  return typeof value === 'string' && CUSTOMER_ID.test(value);
}

export const customerIdSchema = z.string().regex(CUSTOMER_ID);
