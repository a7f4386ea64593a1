import pino from 'pino';
import { traceLogFields } from '../telemetry/logFields';

export type Logger = pino.Logger;

/** Paths that must never reach a log line, at any level. */
export const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'key',
  '*.key',
  'email',
  '*.email',
  'contactEmail',
  '*.contactEmail',
  'userPrincipalName',
  '*.userPrincipalName',
];

export interface LoggerOptions {
  level: string;
  /** Where log lines go; defaults to stdout. Tests pass a capturing stream. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { app: 'customer-connect' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceLogFields,
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

/** A logger that drops everything: for unit tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
