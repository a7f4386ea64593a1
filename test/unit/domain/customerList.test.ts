import {
  MAX_BACK_CHARS,
  MAX_BACK_TOKENS,
  MAX_CARD_TOKEN_CHARS,
  PAGES_PER_CHUNK,
  cardPosition,
  matchesSearch,
  mergeSearchResults,
  nextPosition,
  normalizeSearch,
  pageCount,
  previousPosition,
  pushBack,
  truncateList,
} from '../../../src/domain/customerList';
import { truncateText } from '../../../src/domain/text';

describe('customer list paging positions', () => {
  it('moves within a chunk without touching tokens', () => {
    const at = { page: 12, token: 'T1', back: [] };
    expect(nextPosition(at, 100, 'T2')).toEqual({ page: 13, token: 'T1', back: [] });
    expect(previousPosition(at)).toEqual({ page: 11, token: 'T1', back: [] });
  });

  it('crosses into the next chunk with its continuation and stacks the current token', () => {
    expect(nextPosition({ page: PAGES_PER_CHUNK - 1, back: [] }, 100, 'T1')).toEqual({
      page: PAGES_PER_CHUNK,
      token: 'T1',
      back: [],
    });
    expect(nextPosition({ page: 2 * PAGES_PER_CHUNK - 1, token: 'T1', back: [] }, 100, 'T2')).toEqual({
      page: 2 * PAGES_PER_CHUNK,
      token: 'T2',
      back: ['T1'],
    });
  });

  it('has no next page at the end of the last chunk', () => {
    expect(nextPosition({ page: 3, back: [] }, 40, undefined)).toBeUndefined();
    expect(nextPosition({ page: 2, back: [] }, 40, undefined)).toEqual({ page: 3, back: [] });
  });

  it('goes back across chunks with the stack, and to "unknown" (walk) when the stack is empty', () => {
    const p = 2 * PAGES_PER_CHUNK;
    expect(previousPosition({ page: p, token: 'T2', back: ['T1'] })).toEqual({
      page: p - 1,
      token: 'T1',
      back: [],
    });
    expect(previousPosition({ page: p, token: 'T2', back: [] })).toEqual({ page: p - 1, back: [] });
    expect(previousPosition({ page: PAGES_PER_CHUNK, token: 'T1', back: [] })).toEqual({
      page: PAGES_PER_CHUNK - 1,
      back: [],
    });
    expect(previousPosition({ page: 0, back: [] })).toBeUndefined();
  });

  it('bounds the back stack by count and characters, and never stores an over-long token', () => {
    let back: string[] = [];
    for (let i = 0; i < 20; i++) back = pushBack(back, `T${i}`);
    expect(back).toHaveLength(MAX_BACK_TOKENS);
    expect(back[back.length - 1]).toBe('T19');
    const big = 'x'.repeat(MAX_BACK_CHARS / 2);
    expect(pushBack([big, big], 'y').join('').length).toBeLessThanOrEqual(MAX_BACK_CHARS);
    expect(pushBack(['a'], 'x'.repeat(MAX_CARD_TOKEN_CHARS + 1))).toEqual([]);
    expect(cardPosition({ page: 15, token: 'x'.repeat(MAX_CARD_TOKEN_CHARS + 1), back: ['a'] })).toEqual({
      page: 15,
      back: [],
    });
  });

  it('counts pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(10)).toBe(1);
    expect(pageCount(1200)).toBe(120);
    expect(pageCount(10_001)).toBe(1001);
  });
});

describe('customer search helpers', () => {
  it('normalizes search text', () => {
    expect(normalizeSearch('  cont  ')).toBe('cont');
    expect(normalizeSearch(' a   b ')).toBe('a b');
    expect(normalizeSearch('   ')).toBeUndefined();
    expect(normalizeSearch(undefined)).toBeUndefined();
  });

  it('merges name and domain matches, deduplicated by id, sorted by name', () => {
    const a = { id: '1', companyName: 'Contoso', domain: 'contoso.onmicrosoft.com' };
    const b = { id: '2', companyName: 'contoso pharma', domain: 'cpharma.onmicrosoft.com' };
    const c = { id: '3', companyName: 'Zeta', domain: 'contosozeta.onmicrosoft.com' };
    expect(mergeSearchResults([b, a], [a, c]).map((r) => r.id)).toEqual(['1', '2', '3']);
  });

  it('matches like Partner Center: case-insensitive starts-with on name or domain', () => {
    const row = { id: '1', companyName: 'Müller & Söhne KG', domain: 'muellersoehne.onmicrosoft.com' };
    expect(matchesSearch(row, 'MÜL')).toBe(true);
    expect(matchesSearch(row, 'muel')).toBe(true);
    expect(matchesSearch(row, 'söhne')).toBe(false);
  });

  it('truncates lists and text with a count of the rest', () => {
    expect(truncateList([1, 2, 3, 4], 2)).toEqual({ shown: [1, 2], more: 2 });
    expect(truncateList([1], 5)).toEqual({ shown: [1], more: 0 });
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abc', 4)).toBe('abc');
  });
});
