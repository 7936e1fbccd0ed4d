// Ctrl-C for the long-running commands (status --watch, tail): the first
// SIGINT/SIGTERM asks the command to stop, it closes its connections and the
// process exits 0; a second one exits at once, as a user pressing it twice expects.

export interface Interrupt {
  /** Resolves on the first SIGINT or SIGTERM. */
  readonly signalled: Promise<NodeJS.Signals>;
  readonly stopped: () => boolean;
  /** Removes the handlers (the command is done). */
  dispose(): void;
}

export function onInterrupt(proc: NodeJS.Process = process): Interrupt {
  let stopped = false;
  let resolveSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<NodeJS.Signals>((resolve) => (resolveSignal = resolve));
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) proc.exit(130);
    stopped = true;
    resolveSignal(signal);
  };
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
  return {
    signalled,
    stopped: () => stopped,
    dispose: () => {
      proc.off('SIGINT', handler);
      proc.off('SIGTERM', handler);
    },
  };
}

/** Waits `ms`, or less when the interrupt comes first; true when interrupted. */
export function pause(ms: number, interrupt: Interrupt): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void interrupt.signalled.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
