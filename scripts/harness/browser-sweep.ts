/**
 * Opens every HTML page of a built site in Debian's Chromium and records anything a hostile
 * string could make run: calls to alert/confirm/prompt/print (stubbed by an init script
 * before any page script, reported through a binding so navigations cannot lose them),
 * native dialogs, Content-Security-Policy violations (`securitypolicyviolation`, i.e. a
 * script, style or frame the policy blocked) and uncaught page errors.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startStaticServer } from './static-server.ts';

/** One thing that happened on a page that should not have. */
export type BrowserEvent = { page: string; kind: 'call' | 'dialog' | 'csp-violation' | 'page-error'; detail: string };

/** What the sweep did and saw. */
export type BrowserSweepResult = { pagesOpened: number; events: BrowserEvent[]; slowestPageMs: number };

/** Stubs the functions XSS payloads call and reports CSP violations; runs before any page script. */
const INIT_SCRIPT = `(() => {
  const report = (kind, detail) => { try { globalThis.__hardeningReport(kind, String(detail).slice(0, 300)); } catch {} };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const stub = function (...args) { report('call', name + '(' + args.map(String).join(', ') + ')'); return name === 'prompt' ? '' : name === 'confirm' ? false : undefined; };
    try { Object.defineProperty(window, name, { value: stub, configurable: false, writable: false }); } catch { window[name] = stub; }
  }
  document.addEventListener('securitypolicyviolation', (event) => report('csp-violation', event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' ' + (event.sample || '')), true);
})();`;

/** Opens `pages` (paths relative to the site root, e.g. `cases/acme/x/index.html`) and returns every event seen. */
export async function sweepPagesInChromium(outDir: string, pages: readonly string[], options: { settleMs?: number; tabs?: number } = {}): Promise<BrowserSweepResult> {
  const settleMs = options.settleMs ?? 50;
  const server = await startStaticServer(outDir);
  const browser = await launchChromium();
  const events: BrowserEvent[] = [];
  const openOn = new Map<Page, string>();
  let slowest = 0;
  try {
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.exposeBinding('__hardeningReport', (source, kind: BrowserEvent['kind'], detail: string) => void events.push({ page: openOn.get(source.page) ?? '?', kind, detail }));
    await context.addInitScript({ content: INIT_SCRIPT });
    const queue = [...pages];
    const worker = async () => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        events.push({ page: openOn.get(page) ?? '?', kind: 'dialog', detail: `${dialog.type()}: ${dialog.message()}` });
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('pageerror', (error) => events.push({ page: openOn.get(page) ?? '?', kind: 'page-error', detail: error.message.slice(0, 300) }));
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        openOn.set(page, file);
        const started = Date.now();
        await page.goto(`${server.siteUrl}${file.replace(/(^|\/)index\.html$/, '$1')}`, { waitUntil: 'load', timeout: 30_000 });
        // Give onload/onerror handlers and short timers a moment to fire.
        await page.waitForTimeout(settleMs);
        slowest = Math.max(slowest, Date.now() - started);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.max(1, options.tabs ?? 3) }, worker));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return { pagesOpened: pages.length, events, slowestPageMs: slowest };
}
