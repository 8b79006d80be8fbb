// Typed here: the library targets plain ES2022, without DOM or Node typings.
const host = globalThis as unknown as { setImmediate?: (f: () => void) => void; setTimeout: (f: () => void, ms: number) => void };
let last = Date.now();

/**
 * Lets the event loop run (timers, I/O, a browser's rendering) when more than a frame's worth of
 * time has passed since the last yield, so `fit` keeps a page or server responsive cheaply.
 */
export async function yieldToEventLoop(budgetMs = 16): Promise<void> {
  if (Date.now() - last < budgetMs) return;
  await new Promise<void>((resolve) => (host.setImmediate ? host.setImmediate(resolve) : host.setTimeout(resolve, 0)));
  last = Date.now();
}
