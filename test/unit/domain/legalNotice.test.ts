import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BUILTIN_NOTICE_TEXT,
  BUILTIN_NOTICE_VERSION,
  builtinStatement,
  canonicalNoticeText,
  LegalNoticeCatalog,
  LegalNoticeFileError,
  MAX_NOTICE_FILE_BYTES,
  parseNoticeText,
  sha256Hex,
} from '../../../src/domain/legalNotice';

describe('legal notice statements', () => {
  it.each(['en', 'de'] as const)(
    'the built-in %s statement says what the seed says, with the DAP/GDAP facts of today',
    (language) => {
      const s = builtinStatement(language);
      const text = s.paragraphs.join(' ');
      const expected =
        language === 'en'
          ? [
              /removes your delegated admin privileges \(DAP\) .* if applicable/,
              /\(GDAP\) are separate/,
              /good faith/,
              /legitimate business purpose/,
              /agreement with the customer or partner/,
              /defend and hold Microsoft harmless/,
              /third-party claims/,
              /legal notice of termination/,
              /does not send any notice/,
            ]
          : [
              /gegebenenfalls auch Ihre delegierten Administratorrechte \(DAP\)/,
              /\(GDAP\) sind davon getrennt/,
              /in gutem Glauben/,
              /legitimen Geschäftszweck/,
              /Vereinbarung mit dem Kunden oder Partner/,
              /verteidigen und schadlos zu halten/,
              /Ansprüche Dritter/,
              /rechtsgültige Kündigung/,
              /sendet dem Kunden oder Partner keinerlei Benachrichtigung/,
            ];
      for (const re of expected) expect(text).toMatch(re);
      expect(s.version).toBe(BUILTIN_NOTICE_VERSION);
      expect(s.source).toBe('builtin');
      expect(s.sha256).toBe(sha256Hex(BUILTIN_NOTICE_TEXT[language].join('\n\n')));
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    },
  );

  it('hashes differ per language and are stable', () => {
    expect(builtinStatement('en').sha256).not.toBe(builtinStatement('de').sha256);
    expect(builtinStatement('en').sha256).toBe(builtinStatement('en').sha256);
  });

  it('parses a replacement file: version line, paragraphs, collapsed whitespace', () => {
    const parsed = parseNoticeText(
      '\uFEFFVersion: 2025-06+legal\r\n\r\nFirst  line\r\ncontinued.\r\n\r\n\r\nSecond.\n',
    );
    expect(parsed).toEqual({ version: '2025-06+legal', paragraphs: ['First line continued.', 'Second.'] });
    expect(parseNoticeText('Just one paragraph.')).toEqual({
      version: 'custom',
      paragraphs: ['Just one paragraph.'],
    });
  });

  it('re-wrapping a file does not change its hash', () => {
    const a = parseNoticeText('A long\nsentence.\n\nB.');
    const b = parseNoticeText('A long sentence.\n\n\nB.   ');
    expect(sha256Hex(canonicalNoticeText(a.paragraphs))).toBe(sha256Hex(canonicalNoticeText(b.paragraphs)));
  });

  it.each([
    ['', /no statement text/],
    ['Version: 1\n\n   \n', /no statement text/],
    ['Version: not allowed here!\n\nText', /Version line/],
    [Array(13).fill('P.').join('\n\n'), /at most 12/],
    ['bin\u0000ary', /not a text file/],
  ])('refuses %j', (text, message) => {
    expect(() => parseNoticeText(text)).toThrow(message);
  });

  describe('catalog', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notice-'));
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    };

    it('uses the built-in statements without files', () => {
      const c = LegalNoticeCatalog.load({});
      expect(c.statementFor('de')).toEqual(builtinStatement('de'));
      expect(LegalNoticeCatalog.builtin().statementFor('en')).toEqual(builtinStatement('en'));
    });

    it('replaces one language by a file (relative to baseDir) and records its version and hash', () => {
      write('de.txt', 'Version: partner-7\n\nUnser eigener Text.\n\nZweiter Absatz.');
      const c = LegalNoticeCatalog.load({ de: 'de.txt' }, { baseDir: dir });
      const de = c.statementFor('de');
      expect(de).toMatchObject({ source: 'file', version: 'partner-7', language: 'de' });
      expect(de.paragraphs).toEqual(['Unser eigener Text.', 'Zweiter Absatz.']);
      expect(de.sha256).toBe(sha256Hex('Unser eigener Text.\n\nZweiter Absatz.'));
      expect(c.statementFor('en')).toEqual(builtinStatement('en'));
    });

    it.each([
      ['a missing file', { en: 'does-not-exist.txt' }, /LEGAL_NOTICE_FILE_EN.*cannot read/],
      ['an empty file', { de: 'empty.txt' }, /LEGAL_NOTICE_FILE_DE.*no statement text/],
      ['an oversized file', { en: 'big.txt' }, /LEGAL_NOTICE_FILE_EN.*at most 8192/],
      ['invalid UTF-8', { de: 'latin1.txt' }, /LEGAL_NOTICE_FILE_DE.*not valid UTF-8/],
    ])('stops start-up for %s, naming the setting', (_what, files, message) => {
      write('empty.txt', '\n\n');
      write('big.txt', 'x'.repeat(MAX_NOTICE_FILE_BYTES + 1));
      write('latin1.txt', Buffer.from([0x4b, 0xfc, 0x6e, 0x64]));
      expect(() => LegalNoticeCatalog.load(files, { baseDir: dir })).toThrow(LegalNoticeFileError);
      expect(() => LegalNoticeCatalog.load(files, { baseDir: dir })).toThrow(message);
    });
  });
});
