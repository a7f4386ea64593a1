import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logging/logger';

/**
 * botframework-connector writes refused tokens to the console itself (a stack trace, and the
 * signing key it tried). Work run through `quietly` sends such console.error/warn/log output to
 * the structured log at debug level instead (its first line only, never the raw arguments), so a
 * refused request leaves exactly the one warning the adapter logs. Output outside `quietly`
 * passes through unchanged.
 */
const scope = new AsyncLocalStorage<Logger>();
const wrappers = new WeakSet();

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
      const logger = scope.getStore();
      if (!logger) {
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

/** Runs `work` with library console output routed to `logger` (debug). */
export function quietly<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  install();
  return scope.run(logger, work);
}
