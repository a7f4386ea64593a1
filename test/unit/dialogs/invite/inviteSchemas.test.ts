import {
  checkInput,
  detailsDataSchema,
  detailsLimitsSchema,
  draftDataSchema,
  draftLimitsSchema,
} from '../../../../src/dialogs/invite/inviteSchemas';

const details = (data: unknown) => checkInput(detailsDataSchema, detailsLimitsSchema, data);
const draft = (data: unknown) => checkInput(draftDataSchema, draftLimitsSchema, data);

describe('invite input schemas', () => {
  it('keeps the details as cleaned, trimmed entries and drops empty ones', () => {
    expect(details({ companyName: ' Contoso\u0007 GmbH ', contactEmail: ' a@b.de ', channel: '' })).toEqual({
      ok: true,
      value: { companyName: 'Contoso GmbH', contactEmail: 'a@b.de' },
    });
    expect(details({})).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['a wrong type', { companyName: 42 }, { kind: 'invalid' }],
    ['an unknown channel', { channel: 'bribery' }, { kind: 'invalid' }],
    [
      'a long company name',
      { companyName: 'C'.repeat(201) },
      { kind: 'tooLong', field: 'companyName', length: 201, max: 200 },
    ],
    [
      'a long email',
      { contactEmail: `${'a'.repeat(250)}@b.de` },
      { kind: 'tooLong', field: 'contactEmail', length: 255, max: 254 },
    ],
    ['a bad email', { contactEmail: 'anna@contoso' }, { kind: 'invalidEmail', email: 'anna@contoso' }],
  ])('details: %s', (_what, data, problem) => {
    expect(details(data)).toMatchObject({ ok: false, problem });
  });

  it('reports the first over-long field before other problems and keeps the entries', () => {
    const result = details({ companyName: 'C'.repeat(201), contactEmail: 'x', channel: 'bribery' });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'tooLong', field: 'companyName' } });
    expect(!result.ok && result.entries).toEqual({
      companyName: 'C'.repeat(201),
      contactEmail: 'x',
      channel: 'bribery',
    });
    expect(details({ contactEmail: 'x', channel: 'bribery' })).toMatchObject({
      problem: { kind: 'invalid' },
    });
  });

  it('checks the draft text as typed', () => {
    expect(draft({ subject: 's', body: 'b' })).toEqual({ ok: true, value: { subject: 's', body: 'b' } });
    expect(draft({ subject: 's'.repeat(201), body: 'b' })).toMatchObject({
      problem: { kind: 'tooLong', field: 'subject', length: 201, max: 200 },
    });
    expect(draft({ subject: 's', body: 'x'.repeat(5001) })).toMatchObject({
      problem: { kind: 'tooLong', field: 'body', length: 5001, max: 5000 },
    });
    expect(draft({ subject: 's' })).toMatchObject({ problem: { kind: 'invalid' } });
  });
});
