import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A request from the orchestrator to a child process, answered once by id. */
export interface IpcRequest {
  id: number;
  cmd: string;
  args?: unknown;
}
export interface IpcResponse {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** One child process of the bench (Cosmos server or bot), driven over Node's IPC channel. */
export class Child {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    proc.on('message', (m: IpcResponse) => {
      const waiter = this.pending.get(m.id);
      if (!waiter) return;
      this.pending.delete(m.id);
      if (m.ok) waiter.resolve(m.result);
      else waiter.reject(new Error(`${name}: ${m.error}`));
    });
    proc.on('exit', (code) => {
      this.exited = true;
      for (const w of this.pending.values()) w.reject(new Error(`${name} exited (${code})`));
      this.pending.clear();
    });
  }

  /** Forks `worker.js` (next to this file's parent) with --expose-gc, so memory can be read after a GC. */
  static start(name: string, heapMb?: number): Child {
    const script = path.join(__dirname, '..', 'worker.js');
    const execArgv = ['--expose-gc', ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of every child, written when it exits.
    const profileDir = process.env['BENCH_CPU_PROF'];
    if (profileDir)
      execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`);
    const proc = fork(script, [name], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Child(name, proc);
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  call<T>(cmd: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ id, cmd, args } satisfies IpcRequest);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    await this.call('stop').catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 15_000);
      this.proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** In a child: answers the orchestrator's requests with the given handlers. */
export function serve(handlers: Record<string, (args: any) => unknown>): void {
  // The orchestrator is gone (crash, Ctrl-C): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: IpcRequest) => {
    const handler = handlers[m.cmd];
    void (async () => {
      try {
        if (!handler) throw new Error(`unknown command ${m.cmd}`);
        const result = await handler(m.args);
        process.send?.({ id: m.id, ok: true, result } satisfies IpcResponse);
      } catch (err) {
        process.send?.({
          id: m.id,
          ok: false,
          error: (err as Error).stack ?? String(err),
        } satisfies IpcResponse);
      }
    })();
  });
}
