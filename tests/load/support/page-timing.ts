import { interleave, median } from './interleave';

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
    await page.waitForFunction(() => (window as any).__contentAt !== null, undefined, { timeout: 90_000, polling: 50 });
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

/** The app's home page: the same app shell and one small read, the limit every page benchmark is judged against. */
export const HOME_PAGE = { path: '/', ready: { selector: '#home-start', count: 1 } };

/**
 * A page interleaved with the app's home page (interleave.ts): after a warm-up of each, `rounds`
 * pairs of loads, A B then B A…; the figure of each load is when it is interactive.
 */
export async function pageBesideHome(context: any, base: string, page: { path: string; ready: { selector: string; count: number } }, rounds: number) {
  await timePage(context, `${base}${HOME_PAGE.path}`, HOME_PAGE.ready); // warm-up (the browser's own start)
  await timePage(context, `${base}${page.path}`, page.ready);
  const runs = { page: [] as PageRun[], home: [] as PageRun[] };
  const load = (key: 'page' | 'home', p: typeof page) => async () => {
    const run = await timePage(context, `${base}${p.path}`, p.ready);
    runs[key].push(run);
    return run.interactiveMs;
  };
  const r = await interleave({ rounds, a: load('page', page), b: load('home', HOME_PAGE) });
  return { ...runs, r };
}

/** The median of one figure over page loads. */
export const pageMedian = (runs: PageRun[], k: keyof PageRun) => median(runs.map((r) => (r[k] as number) ?? NaN));
