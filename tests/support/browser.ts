import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { SessionResponse } from '@parley/contracts';
import { DEMO_PASSWORD, demoEmail } from '../../apps/api/src/demo/demo-people';
import { ApiClient } from './http-client';
import { CHROMIUM_ARGS } from '../load/support/chromium';

/**
 * Debian's chromium through playwright-core, one persistent context per person (each its own
 * profile, cookies and storage: three delegates in three contexts are three browsers). Shared by
 * the browser tests: launch, sign in, axe, and a trap that records any script an attacker got in.
 */
export const OUTPUT = join(__dirname, '../../test-output');
export const WEB_DIR = join(__dirname, '../../dist/web');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = CHROMIUM_ARGS;

/** The interface's six languages, any of which a browser can be opened in. */
export type InterfaceLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
/** The languages whose words the English and French tests spell out. */
export type Language = 'en' | 'fr';
/**
 * The browser's own locale per interface language. Arabic is Egypt's, whose default digits are the
 * Arabic-Indic ones: the interface must still write 0–9 (decision 0046), whatever the browser says.
 */
const BROWSER_LOCALES: Record<InterfaceLanguage, string> = { ar: 'ar-EG', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

export function requireWebBuild(): void {
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('Build the web app first: npx nx run web:build');
  mkdirSync(OUTPUT, { recursive: true });
}

const snapshots: string[] = [];
process.on('exit', () => snapshots.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A private copy of the built web app, for `startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR } })`:
 * a rebuild running beside the test (another shell, another engineer) must not pull the pages out
 * from under it. Retries until the copy is a complete build (index.html and every asset it names);
 * a dist/web without index.html is taken for a rebuild under way (it empties the folder first).
 */
export async function webBuildSnapshot(): Promise<string> {
  if (!existsSync(WEB_DIR)) requireWebBuild();
  mkdirSync(OUTPUT, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    if (existsSync(join(WEB_DIR, 'index.html'))) {
      const dir = mkdtempSync(join(tmpdir(), 'parley-web-'));
      snapshots.push(dir);
      try {
        cpSync(WEB_DIR, dir, { recursive: true });
        const html = readFileSync(join(dir, 'index.html'), 'utf8');
        const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
        if (assets.length > 0 && assets.every((a) => existsSync(join(dir, a)))) return dir;
      } catch {
        /* caught mid-build: try again */
      }
    }
    if (attempt >= 10) {
      requireWebBuild();
      throw new Error(`dist/web stayed incomplete: is a build running?`);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export interface OpenOptions {
  language?: InterfaceLanguage;
  /** Ignore the page's Content-Security-Policy: to show the app's own escaping holds without it. */
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  /** Prints the page's uncaught errors on the console, under this name (whose browser it is). */
  reportPageErrorsAs?: string;
}

/**
 * Every browser context a test opened, closed (and their profiles removed) in one call. `defaults`
 * apply to every `open` (a file's viewport, say); what `open` is given overrides them.
 */
export class Browsers {
  private readonly contexts: BrowserContext[] = [];
  private readonly dirs: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly defaults: OpenOptions = {},
  ) {}

  async open(openOptions: OpenOptions = {}): Promise<Page> {
    const options = { ...this.defaults, ...openOptions };
    const language = options.language ?? 'en';
    const dir = mkdtempSync(join(tmpdir(), 'parley-browser-'));
    this.dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: true,
      viewport: options.viewport ?? { width: 1280, height: 1000 },
      locale: BROWSER_LOCALES[language],
      bypassCSP: options.bypassCSP ?? false,
      args: ARGS,
    });
    this.contexts.push(context);
    await context.addInitScript((lng) => localStorage.setItem('parley.language', lng), language);
    const page = context.pages()[0] ?? (await context.newPage());
    const who = options.reportPageErrorsAs;
    if (who !== undefined) page.on('pageerror', (e) => console.error(`page error (${who}): ${e.message}`));
    return page;
  }

  /** Signs the page's context in with an existing session (the cookies the API sets on log in). */
  async signInWith(page: Page, session: Pick<SessionResponse, 'token' | 'csrfToken'>): Promise<void> {
    await page.context().addCookies([
      { name: 'parley_session', value: session.token, url: this.baseUrl, httpOnly: true, sameSite: 'Lax' },
      { name: 'parley_csrf', value: session.csrfToken, url: this.baseUrl, sameSite: 'Lax' },
    ]);
  }

  /** Signs in through the log-in form, as a person would (by the fields' names in English and French, by their kind in the other languages). */
  async logIn(page: Page, email: string, password: string, language: InterfaceLanguage = 'en'): Promise<void> {
    await page.goto(`${this.baseUrl}/login`);
    if (language === 'en' || language === 'fr') {
      await page.getByRole('textbox', { name: language === 'fr' ? /^Adresse e-mail/ : /^E-mail address/ }).fill(email);
      await page.locator('input[type="password"]').fill(password);
      await page.getByRole('button', { name: language === 'fr' ? 'Se connecter' : 'Log in', exact: true }).click();
    } else {
      await page.locator('main input[type="email"]').fill(email);
      await page.locator('main input[type="password"]').fill(password);
      await page.locator('main form button[type="submit"]').click();
    }
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }

  /** A browser of its own, logged in through the form (in the language of `options`). */
  async openLoggedIn(email: string, password: string, options: OpenOptions = {}): Promise<Page> {
    const page = await this.open(options);
    await this.logIn(page, email, password, options.language ?? this.defaults.language ?? 'en');
    return page;
  }

  /** A browser of its own for a person of the demo (by name), logged in through the form in their language. */
  logInAs(name: string, language: InterfaceLanguage = 'en', options: Omit<OpenOptions, 'language'> = {}): Promise<Page> {
    return this.openLoggedIn(demoEmail(name), DEMO_PASSWORD, { ...options, language });
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core injected into the page; WCAG 2.1 A and AA rules. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Colours are read once transitions have ended: a dialog still fading in blends its text with what
  // is behind it, which a reader never sees once it settles (endless animations, a spinner, do not
  // count; at most 3 s, then axe reads what is there).
  await page.evaluate(async () => {
    const until = Date.now() + 3_000;
    const settling = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
    while (settling() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  });
  // Evaluated through the devtools protocol: the page's CSP (rightly) refuses an injected <script>.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<Result> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
    }));
  });
}

/** One line per node of each violation (one for the violation itself should it name no node). */
const violationLines = (violations: AxeViolation[]): string[] =>
  violations.flatMap((v) => (v.nodes.length > 0 ? v.nodes : ['']).map((n) => `${v.impact} ${v.id} (${v.help})${n ? `: ${n}` : ''}`));

/** Every violation, whatever its impact, one line per node (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  return violationLines(await axe(page));
}

/** The serious and critical violations, one line per node (empty when the page passes). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  return violationLines((await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical'));
}

/** A screenshot in OUTPUT (full page unless told), without the transient notifications that would cover the content. */
export async function screenshot(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const notifications = (visibility: string) =>
    page.evaluate((v) => document.querySelectorAll<HTMLElement>('.mantine-Notifications-root').forEach((n) => (n.style.visibility = v)), visibility);
  await notifications('hidden');
  await page.screenshot({ path: join(OUTPUT, file), fullPage: options.fullPage ?? true });
  await notifications('');
}

/** An API client signed in as a person of the demo (by name), for the steps a test takes outside the browser. */
export async function demoApiAs(baseUrl: string, name: string): Promise<ApiClient> {
  const res = await new ApiClient(baseUrl).post<SessionResponse>('/api/auth/login', { email: demoEmail(name), password: DEMO_PASSWORD });
  if (res.status !== 200 && res.status !== 201) throw new Error(`login ${name}: ${res.status}`);
  return new ApiClient(baseUrl).withToken(res.body.token);
}

/**
 * Installs, before any page script, a trap for injected script: `window.__xss(tag)` records a call
 * (the payloads call it), so do alert/confirm/prompt, and every CSP violation is recorded too (a
 * violation means markup an attacker wrote became live DOM, even if the policy then stopped it).
 */
export async function installXssTrap(page: Page): Promise<void> {
  page.on('dialog', (d) => {
    void page.evaluate((m) => (window as unknown as { __xssLog: string[] }).__xssLog?.push(`dialog: ${m}`), d.message()).catch(() => undefined);
    void d.dismiss().catch(() => undefined);
  });
  await page.context().addInitScript(() => {
    const w = window as unknown as { __xssLog: string[]; __xss: (tag: unknown) => void };
    w.__xssLog = [];
    w.__xss = (tag) => w.__xssLog.push(`script ran: ${String(tag)}`);
    for (const name of ['alert', 'confirm', 'prompt'] as const)
      (window as unknown as Record<string, unknown>)[name] = (m: unknown) => {
        w.__xssLog.push(`${name}: ${String(m)}`);
        return null;
      };
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__xssLog.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
}

/** What the trap caught, plus live elements or attributes that only an injection would create. */
export async function xssEvidence(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = [...((window as unknown as { __xssLog?: string[] }).__xssLog ?? [])];
    for (const el of document.querySelectorAll('img[src="x"], svg[onload], iframe[srcdoc], object, embed, script:not([src])'))
      found.push(`element: ${el.outerHTML.slice(0, 120)}`);
    for (const el of document.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) found.push(`event attribute: <${el.tagName.toLowerCase()} ${attr}="${value.slice(0, 60)}">`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attr) && /^\s*(javascript|data|vbscript):/i.test(value))
          found.push(`script URL: <${el.tagName.toLowerCase()} ${attr}="${value.slice(0, 60)}">`);
      }
    return found;
  });
}

/**
 * Records the text of every notification the page shows from now on. A confirmation toast lives
 * five seconds: on a starved machine a polling locator can miss it, a MutationObserver does not.
 */
export async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __parleyNotifications: string[] }).__parleyNotifications = seen;
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('.mantine-Notification-description')) {
        const text = n.textContent ?? '';
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** Waits until the page has shown a notification saying `message` (see recordNotifications). */
export async function notificationShown(page: Page, message: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((m) => (window as unknown as { __parleyNotifications?: string[] }).__parleyNotifications?.includes(m) ?? false, message, { timeout });
}
