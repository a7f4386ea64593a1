import type { Logger } from '../logging/logger';

/**
 * botframework-connector writes refused tokens to the console itself (`JwtTokenExtractor`: a stack
 * trace, and the signing key it tried). Such output goes to the structured log at debug level
 * instead (that there was some, never the raw arguments), so a refused request leaves exactly the
 * one warning the adapter logs. Every other console output passes through unchanged.
 *
 * Whose output it is, is read from the call stack when the console is called (rare), not kept in
 * an AsyncLocalStorage around every authentication: on Node 20 one AsyncLocalStorage turns on
 * promise hooks for the whole process, which every turn paid for.
 */
const CONNECTOR_AUTH_FRAME = /[\\/]botframework-connector[\\/]lib[\\/]auth[\\/]/;
const wrappers = new WeakSet();
let sink: Logger | undefined;

/**
 * Wraps console.error/warn/log unless they are our wrappers already. Checked on every call, so a
 * console method replaced later (a test spy, another library) is wrapped again rather than skipped.
 */
function install(): void {
  const target = globalThis.console;
  for (const method of ['error', 'warn', 'log'] as const) {
    const installedNow: unknown = Reflect.get(target, method);
    if (
      typeof installedNow === 'object' ||
      (typeof installedNow === 'function' && wrappers.has(installedNow))
    )
      continue;
    const original: (...args: unknown[]) => void = target[method].bind(target);
    const wrapper = (...args: unknown[]) => {
      const logger = sink;
      if (!logger || !CONNECTOR_AUTH_FRAME.test(new Error().stack ?? '')) {
        original(...args);
        return;
      }
      // The output itself may carry key material: only that there was some is logged.
      logger.debug({ method, args: args.length }, 'library console output suppressed');
    };
    wrappers.add(wrapper);
    target[method] = wrapper;
  }
}

/** Runs `work` (the connector's authentication) with its console output routed to `logger` (debug). */
export function quietly<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  sink = logger;
  install();
  return work();
}
