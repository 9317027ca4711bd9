/** One page load in chromium, timed from navigation start (see timePage). */
export interface PageRun {
  /** All of the page's main content in the DOM, ms after navigation start. */
  contentMs: number;
  interactiveMs: number;
  fcpMs: number | null;
  longTasks: number;
  domInteractiveMs: number;
}

/**
 * Loads `url` in a fresh page (cache disabled) and times it: when `ready.count` elements match
 * `ready.selector`, and when the page is interactive (the end of the last long task before 500 ms
 * without one, or the content, whichever is later). The measure bench:document-read uses.
 */
export async function timePage(context: any, url: string, ready: { selector: string; count: number }): Promise<PageRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript((r: { selector: string; count: number }) => {
      const w = window as any;
      w.__longTasks = [] as number[][];
      w.__contentAt = null as number | null;
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.startTime + e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        /* no Long Tasks API: interactive = content */
      }
      const check = () => {
        if (w.__contentAt === null && document.querySelectorAll(r.selector).length >= r.count) w.__contentAt = window.performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    }, ready);
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await page.waitForFunction(() => (window as any).__contentAt !== null, undefined, { timeout: 30_000, polling: 50 });
    const until = Date.now() + 10_000;
    for (;;) {
      const quiet = await page.evaluate(() => {
        const w = window as any;
        const last = w.__longTasks.reduce((m: number, t: number[]) => Math.max(m, t[1]), 0);
        return window.performance.now() - Math.max(last, w.__contentAt) >= 500;
      });
      if (quiet || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return await page.evaluate(() => {
      const w = window as any;
      const content = w.__contentAt as number;
      const lastLong = w.__longTasks.reduce((m: number, t: number[]) => Math.max(m, t[1]), 0);
      const fcp = window.performance.getEntriesByName('first-contentful-paint')[0];
      const nav = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { contentMs: content, interactiveMs: Math.max(content, lastLong), fcpMs: fcp ? fcp.startTime : null, longTasks: w.__longTasks.length, domInteractiveMs: nav ? nav.domInteractive : NaN };
    });
  } finally {
    await page.close();
  }
}
