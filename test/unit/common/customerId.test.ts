import { customerIdSchema, isCustomerId, MAX_CUSTOMER_ID_CHARS } from '../../../src/common/customerId';

describe('customer id rule', () => {
  it.each(['0b8c1f7e-52a4-4c59-9a7e-2d1c4b6f8a90', 'id-0', 'contoso', 'a'.repeat(MAX_CUSTOMER_ID_CHARS)])(
    'accepts %s',
    (id) => {
      expect(isCustomerId(id)).toBe(true);
      expect(customerIdSchema.safeParse(id).success).toBe(true);
    },
  );

  it.each(['', '-leading', 'a/b', '../x', 'a b', 'a'.repeat(MAX_CUSTOMER_ID_CHARS + 1), 42, undefined])(
    'rejects %p',
    (id) => {
      expect(isCustomerId(id)).toBe(false);
      expect(customerIdSchema.safeParse(id).success).toBe(false);
    },
  );
});
