/**
 * SIGINT and SIGTERM (Ctrl-C, a service manager, `kill`, a CI timeout) stop a run: the first
 * aborts it, so what completed is rolled back; a second ends the process at once.
 */
export function stopOnSignals(onStopping: (signal: NodeJS.Signals) => void, exitCode: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      onStopping(signal);
      controller.abort();
    } else process.exit(exitCode);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
    },
  };
}
