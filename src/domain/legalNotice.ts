import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../common/errors';

/**
 * The legal notice shown before a customer relationship is removed, and attested by the user.
 * Content from Partner Center's "Remove a relationship with a customer" notice (the seed); the
 * wording is ours. A partner may replace the statement text per language with a file named in
 * configuration; every attestation records the statement's version and SHA-256 hash, so the
 * audit trail says exactly which text the user confirmed.
 */

export type NoticeLanguage = 'en' | 'de';

export interface LegalNoticeStatement {
  readonly language: NoticeLanguage;
  /** The paragraphs, in order, as shown on the warning card. */
  readonly paragraphs: readonly string[];
  /** 'builtin-…' for the bundled text; the file's `Version:` line (or 'custom') for a replacement. */
  readonly version: string;
  /** Hex SHA-256 of the canonical text (`paragraphs` joined by a blank line, LF line ends). */
  readonly sha256: string;
  readonly source: 'builtin' | 'file';
}

/** Version of the bundled statements; change it whenever their text changes. */
export const BUILTIN_NOTICE_VERSION = 'builtin-2026-1';

/**
 * The bundled statements. Each language says the same four things the seed's notice says, with the
 * first brought up to today's Partner Center: removing the relationship removes DAP where it
 * applies (the seed said admin privileges stay), and GDAP relationships are separate.
 */
export const BUILTIN_NOTICE_TEXT: Readonly<Record<NoticeLanguage, readonly string[]>> = {
  en: [
    'When you remove the reseller relationship with this customer, Partner Center also removes your delegated admin privileges (DAP) for this customer, if applicable. Granular delegated admin relationships (GDAP) are separate: they stay until they end or you end them.',
    'You represent that the decision to end your relationship with this customer was made in good faith, for a legitimate business purpose and in accordance with your agreement with the customer or partner, and you agree to defend and hold Microsoft harmless from and against any third-party claims to the contrary.',
    'If your agreement requires it, you must give your customer or partner legal notice of termination. This bot does not send any notice to the customer or partner.',
  ],
  de: [
    'Wenn Sie die Vertriebspartnerschaft mit diesem Kunden entfernen, entfernt Partner Center gegebenenfalls auch Ihre delegierten Administratorrechte (DAP) für diesen Kunden. Granulare delegierte Administratorbeziehungen (GDAP) sind davon getrennt: Sie bleiben bestehen, bis sie enden oder Sie sie beenden.',
    'Sie versichern, dass die Entscheidung, die Partnerschaft mit diesem Kunden zu beenden, in gutem Glauben, aus einem legitimen Geschäftszweck und in Übereinstimmung mit Ihrer Vereinbarung mit dem Kunden oder Partner getroffen wurde, und Sie erklären sich bereit, Microsoft gegen gegenteilige Ansprüche Dritter zu verteidigen und schadlos zu halten.',
    'Wenn Ihre Vereinbarung es erfordert, müssen Sie Ihrem Kunden oder Partner eine rechtsgültige Kündigung zukommen lassen. Dieser Bot sendet dem Kunden oder Partner keinerlei Benachrichtigung.',
  ],
};

/** Limits for a replacement file: it must fit on the warning card (Teams: ≤ 28 KB per card). */
export const MAX_NOTICE_FILE_BYTES = 8 * 1024;
export const MAX_NOTICE_PARAGRAPHS = 12;
const VERSION_LINE = /^version:\s*(.*)$/i;
const VERSION_VALUE = /^[\w.:+-]{1,64}$/;

/** A replacement statement file that cannot be used. Names the setting; start-up stops with it. */
export class LegalNoticeFileError extends AppError {
  constructor(
    public readonly setting: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('legal_notice_invalid', `Invalid configuration: ${setting}: ${message}`, options);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The text the hash is computed over. */
export function canonicalNoticeText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

function statement(
  language: NoticeLanguage,
  paragraphs: readonly string[],
  version: string,
  source: LegalNoticeStatement['source'],
): LegalNoticeStatement {
  const frozen = Object.freeze([...paragraphs]);
  return Object.freeze({
    language,
    paragraphs: frozen,
    version,
    sha256: sha256Hex(canonicalNoticeText(frozen)),
    source,
  });
}

export function builtinStatement(language: NoticeLanguage): LegalNoticeStatement {
  return statement(language, BUILTIN_NOTICE_TEXT[language], BUILTIN_NOTICE_VERSION, 'builtin');
}

/**
 * Parses a replacement statement: UTF-8 plain text, paragraphs separated by blank lines, an
 * optional first line `Version: <label>` (letters, digits, `._:+-`, ≤ 64). Whitespace inside a
 * paragraph is collapsed, so re-wrapping the file does not change the hash. Throws a plain
 * Error with the reason (the loader adds the setting name).
 */
export function parseNoticeText(raw: string): { paragraphs: string[]; version: string } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) throw new Error('is not a text file');
  const lines = text.split('\n');
  let version = 'custom';
  const firstContent = lines.findIndex((l) => l.trim() !== '');
  const first = firstContent >= 0 ? lines[firstContent] : undefined;
  const versionMatch = first !== undefined ? VERSION_LINE.exec(first.trim()) : null;
  if (versionMatch) {
    const value = (versionMatch[1] ?? '').trim();
    if (!VERSION_VALUE.test(value)) {
      throw new Error('the Version line must be letters, digits and ._:+- only (at most 64)');
    }
    version = value;
    lines.splice(firstContent, 1);
  }
  const paragraphs = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0) throw new Error('contains no statement text');
  if (paragraphs.length > MAX_NOTICE_PARAGRAPHS) {
    throw new Error(`has ${paragraphs.length} paragraphs; at most ${MAX_NOTICE_PARAGRAPHS}`);
  }
  return { paragraphs, version };
}

/** Where replacement files come from (config values; paths relative to `baseDir`). */
interface LegalNoticeFiles {
  en?: string;
  de?: string;
}

const SETTING: Record<NoticeLanguage, string> = {
  en: 'LEGAL_NOTICE_FILE_EN',
  de: 'LEGAL_NOTICE_FILE_DE',
};

/** The statement per language, fixed at start-up. */
export class LegalNoticeCatalog {
  private constructor(private readonly statements: Readonly<Record<NoticeLanguage, LegalNoticeStatement>>) {}

  /** The bundled statements only. */
  static builtin(): LegalNoticeCatalog {
    return new LegalNoticeCatalog({ en: builtinStatement('en'), de: builtinStatement('de') });
  }

  /**
   * Bundled statements, replaced per language by the configured files. Throws
   * LegalNoticeFileError (naming LEGAL_NOTICE_FILE_EN/DE) for a missing, empty, oversized or
   * malformed file: a partner who configured a statement must never silently get another one.
   */
  static load(
    files: LegalNoticeFiles,
    options: { baseDir?: string; readFile?: (file: string) => Buffer } = {},
  ): LegalNoticeCatalog {
    const read = options.readFile ?? ((file: string) => readFileSync(file));
    const baseDir = options.baseDir ?? process.cwd();
    const pick = (language: NoticeLanguage): LegalNoticeStatement => {
      const configured = files[language]?.trim();
      if (!configured) return builtinStatement(language);
      const setting = SETTING[language];
      const file = path.resolve(baseDir, configured);
      let bytes: Buffer;
      try {
        bytes = read(file);
      } catch (cause) {
        throw new LegalNoticeFileError(setting, `cannot read the statement file ${configured}`, { cause });
      }
      if (bytes.length > MAX_NOTICE_FILE_BYTES) {
        throw new LegalNoticeFileError(
          setting,
          `the statement file is ${bytes.length} bytes; at most ${MAX_NOTICE_FILE_BYTES}`,
        );
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (cause) {
        throw new LegalNoticeFileError(setting, 'the statement file is not valid UTF-8', { cause });
      }
      let parsed: { paragraphs: string[]; version: string };
      try {
        parsed = parseNoticeText(text);
      } catch (cause) {
        throw new LegalNoticeFileError(setting, `the statement file ${(cause as Error).message}`, { cause });
      }
      return statement(language, parsed.paragraphs, parsed.version, 'file');
    };
    return new LegalNoticeCatalog({ en: pick('en'), de: pick('de') });
  }

  statementFor(language: NoticeLanguage): LegalNoticeStatement {
    return this.statements[language];
  }
}
