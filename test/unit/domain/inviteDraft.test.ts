import {
  INVITE_LIMITS,
  MAX_MAILTO_LENGTH,
  buildMailto,
  cleanText,
  containsLink,
  encodeMailtoText,
  finishedText,
  formatAge,
  isUsableLink,
  isValidEmail,
  missingLinks,
  draftProblem,
} from '../../../src/domain/inviteDraft';

const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=4b7c9f5e-1111-4222-8333-444455556666&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

function decodeMailto(url: string): { to: string; subject: string; body: string } {
  const match = /^mailto:([^?]*)\?subject=([^&]*)&body=(.*)$/.exec(url);
  if (!match) throw new Error(`not a mailto with subject and body: ${url.slice(0, 80)}`);
  return {
    to: decodeURIComponent(match[1]!),
    subject: decodeURIComponent(match[2]!),
    body: decodeURIComponent(match[3]!),
  };
}

describe('isValidEmail', () => {
  it.each(['anna@contoso.com', 'anna.schmidt+invite@sub.contoso.de', "o'brien@example.ie", 'a_b-c@x-y.io'])(
    '%s is valid',
    (email) => expect(isValidEmail(email)).toBe(true),
  );
  it.each([
    '',
    'anna',
    'anna@',
    '@contoso.com',
    'anna@contoso',
    'anna@@contoso.com',
    'an na@contoso.com',
    'anna@contoso..com',
    '.anna@contoso.com',
    'anna.@contoso.com',
    'Anna <anna@contoso.com>',
    'anna@contoso.com?cc=evil@example.com',
    'anna@contoso.com,evil@example.com',
    `${'a'.repeat(65)}@contoso.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('%j is not valid', (email) => expect(isValidEmail(email)).toBe(false));
});

describe('containsLink', () => {
  it.each([
    [`Please open\n\n${LINK}\n\nThanks`],
    [LINK],
    [`Open ${LINK}.`],
    [`Open (${LINK}) now`],
    [`Open <${LINK}>`],
    [`Link: ${LINK}, then accept.`],
  ])('finds the link as a token: %#', (text) => expect(containsLink(text, LINK)).toBe(true));

  it.each([
    ['removed', 'Please open the link. Thanks'],
    ['changed partner id', LINK.replace('4b7c9f5e', '00000000')],
    ['cut short', LINK.slice(0, -5)],
    ['extended', `${LINK}x`],
    ['glued to a word', `see${LINK}`],
    ['followed by punctuation and text', `${LINK}.evil.example`],
    ['case changed', LINK.toUpperCase()],
  ])('rejects a link that is %s', (_what, text) => expect(containsLink(text, LINK)).toBe(false));

  it('finds a later exact occurrence after a broken one', () => {
    expect(containsLink(`${LINK}x and again ${LINK}`, LINK)).toBe(true);
  });
});

describe('buildMailto', () => {
  it('encodes recipient, subject and body (CRLF line breaks, umlauts, & ? # %)', () => {
    const body = `Guten Tag,\n\nÄrger & Co? 100 % #1\n\n${LINK}`;
    const { url, shortened } = buildMailto({
      to: 'anna@contoso.de',
      subject: 'Einladung: A&B?',
      body,
      link: LINK,
    });
    expect(shortened).toBe(false);
    expect(url).toMatch(/^mailto:anna@contoso\.de\?subject=Einladung%3A%20A%26B%3F&body=/);
    expect(url).toContain('%0D%0A%0D%0A');
    expect(url).not.toMatch(/[ \n#]/);
    const decoded = decodeMailto(url);
    expect(decoded.subject).toBe('Einladung: A&B?');
    expect(decoded.body).toBe(body.replace(/\n/g, '\r\n'));
    expect(decoded.to).toBe('anna@contoso.de');
  });

  it('leaves the recipient empty when none was given', () => {
    expect(buildMailto({ subject: 's', body: LINK, link: LINK }).url).toMatch(/^mailto:\?subject=s&body=/);
  });

  it('shortens an over-long body in the mailto only, keeping the link when it came early', () => {
    const body = `Hello,\n\n${LINK}\n\n${'Lorem ipsum dolor sit amet. '.repeat(150)}`;
    const { url, shortened } = buildMailto({ subject: 'Invitation', body, link: LINK });
    expect(shortened).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    const decoded = decodeMailto(url);
    expect(containsLink(decoded.body, LINK)).toBe(true);
    expect(decoded.body.endsWith('…')).toBe(true);
    expect(body.replace(/\n/g, '\r\n').startsWith(decoded.body.slice(0, -2).trimEnd())).toBe(true);
  });

  it('appends the link when the cut removed it', () => {
    const body = `${'Grüße aus Köln. '.repeat(200)}\n\n${LINK}`;
    const { url, shortened } = buildMailto({ to: 'a@b.de', subject: 'Einladung', body, link: LINK });
    expect(shortened).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    const decoded = decodeMailto(url);
    expect(decoded.body).toMatch(/ …\r\n\r\nhttps:/);
    expect(containsLink(decoded.body, LINK)).toBe(true);
  });

  it('stays within the limit for worst-case input (maximum lengths, multi-byte characters)', () => {
    for (const ch of ['a', 'ä', '€', '😀', '\n']) {
      const result = buildMailto({
        to: `${'a'.repeat(64)}@${'b'.repeat(60)}.com`,
        subject: ch.repeat(INVITE_LIMITS.subject / ch.length),
        body: ch.repeat(INVITE_LIMITS.body / ch.length),
        link: LINK,
      });
      expect(result.shortened).toBe(true);
      expect(result.url.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
      expect(() => decodeURIComponent(result.url)).not.toThrow(); // no split surrogate pairs
      expect(decodeURIComponent(result.url)).toContain(LINK);
    }
  });

  it('encodeMailtoText percent-encodes everything outside the unreserved set', () => {
    expect(encodeMailtoText('a b&c=d?e#f%g\nh')).toBe('a%20b%26c%3Dd%3Fe%23f%25g%0D%0Ah');
  });
});

describe('text helpers', () => {
  it('cleanText normalizes line breaks, drops control characters and lone surrogates', () => {
    expect(cleanText('a\r\nb\rc\u0000d\u0007e\tf\n')).toBe('a\nb\ncde\tf\n');
    expect(cleanText('x\ud800y😀')).toBe('x\ufffdy😀');
  });

  it('finishedText puts the subject line first', () => {
    expect(finishedText('Betreff', ' Hallo ', 'Text\r\nmit Link\n')).toBe('Betreff: Hallo\n\nText\nmit Link');
  });

  it('isUsableLink accepts http(s) URLs only', () => {
    expect(isUsableLink(LINK)).toBe(true);
    expect(isUsableLink('http://127.0.0.1:3978/simulator/accept?x=1')).toBe(true);
    expect(isUsableLink('javascript:alert(1)')).toBe(false);
    expect(isUsableLink('https://a b')).toBe(false);
    expect(isUsableLink('')).toBe(false);
  });

  it('formatAge speaks the user language', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(formatAge('2026-03-07T12:00:00Z', now, 'en-US')).toBe('3 days ago');
    expect(formatAge('2026-03-07T12:00:00Z', now, 'de-DE')).toBe('vor 3 Tagen');
    expect(formatAge('2026-03-10T11:59:30Z', now, 'en-US')).toBe('now');
    expect(formatAge('2026-03-10T09:00:00Z', now, 'de-DE')).toBe('vor 3 Stunden');
    expect(formatAge('not a date', now, 'en-US')).toBe('');
  });
});

describe('required links', () => {
  const links = [{ kind: 'reseller' as const, url: LINK }];

  it('lists the links the text lacks', () => {
    expect(missingLinks(`Please accept: ${LINK}.`, links)).toEqual([]);
    expect(missingLinks(`Please accept: ${LINK}x`, links)).toEqual(links);
  });

  it('names the first reason a draft cannot be sent', () => {
    expect(draftProblem({ subject: ' ', body: LINK }, links)).toEqual({ kind: 'subjectRequired' });
    expect(draftProblem({ subject: 'S', body: '\n' }, links)).toEqual({ kind: 'bodyRequired' });
    expect(draftProblem({ subject: 'S', body: 'no link' }, links)).toEqual({
      kind: 'linkMissing',
      link: links[0],
    });
    expect(draftProblem({ subject: 'S', body: LINK }, links)).toBeUndefined();
  });
});
