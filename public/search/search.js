// @ts-check
// The search page's only script: Pagefind's JS API behind a plain GET form, so the page works
// with a keyboard and a screen reader, and the query and filters live in the URL (?q=refund&
// company=acme). Served as a file, never inline, so it runs under `script-src 'self'`.
// Text from the index is content from strangers: it is only ever set as text, never as HTML.
//
// Why not Pagefind's Component UI (or its Default UI), which the same `pagefind` run ships in
// dist/pagefind/: this script is about 10 KB, comments included, and does only what the page needs, while
// pagefind-component-ui.js is about 180 KB of script plus 40 KB of CSS with its own look. Ours
// builds results with textContent and <mark> nodes; the Component UI renders its templates with
// innerHTML, and the index holds text written by strangers. Ours keeps the search in a real
// GET form with the query and filters in the URL, so a search can be shared, and the page still
// says what to do with JavaScript off; the filters are plain checkboxes in fieldsets that the
// build draws with their counts (so a search never downloads Pagefind's filter files, which grow
// with the site, just to draw the form), the status line is the page's own live region, and "Show more" moves
// focus to the first new result. The page's CSS (`style-src 'self'`) styles all of it.
//
// Type-checked by `tsc` (tsconfig.json includes this file; the JSDoc types below).

import { matchesEveryWord, wordsAt } from './stand-ins.js';

/**
 * The filters chosen in the form, by group: `{ company: { any: ['acme'] } }`.
 * @typedef {Record<string, { any: string[] }>} Filters
 */
/**
 * One result's data, as Pagefind returns it: `locations` are the positions of the matched
 * words among the words of `raw_content`.
 * @typedef {{ url: string, excerpt: string, content: string, raw_content?: string, locations?: number[], meta?: { title?: string }, filters?: Record<string, string[]> }} ResultData
 */
/**
 * One result, before its data is loaded.
 * @typedef {{ score: number, data: () => Promise<ResultData> }} Result
 */
/**
 * The part of Pagefind's JS API (pagefind.js in the search bundle) that this script uses.
 * `mergeFilter` gives every page of a bundle a filter value of its own (Pagefind's "synthetic" filter).
 * @typedef {object} Pagefind
 * @property {(options: { baseUrl?: string, excerptLength?: number, mergeFilter?: Record<string, string> }) => Promise<void>} options
 * @property {(bundle: string, options: { baseUrl?: string, mergeFilter?: Record<string, string> }) => Promise<void>} mergeIndex
 * @property {() => Promise<void>} init
 * @property {(term: string | null, options: { filters: Filters }) => Promise<{ results: Result[] }>} search
 */

const RESULTS_PER_PAGE = 20;
/** The filter that says which bundle a page is in (see searchBundles); never shown. */
const BUNDLE_FILTER = 'search-bundle';
const TYPING_DELAY_MS = 250;
const form = /** @type {HTMLFormElement} */ (document.getElementById('search-form'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('search-q'));
const filterBox = /** @type {HTMLDetailsElement} */ (document.getElementById('search-filter-box'));
const filtersBox = /** @type {HTMLElement} */ (document.getElementById('search-filters'));
const status = /** @type {HTMLElement} */ (document.getElementById('search-status'));
const list = /** @type {HTMLOListElement} */ (document.getElementById('search-results'));
const more = /** @type {HTMLButtonElement} */ (document.getElementById('search-more'));

/** @type {Pagefind} */
let pagefind;
/** @type {string[]} */
let bundles = [];
/** @type {Result[]} */
let results = [];
let shown = 0;
let searchId = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let typingTimer;

/**
 * Pagefind marks matches with <mark> and escapes only < and >: turn that back into nodes safely.
 * @param {HTMLElement} parent
 * @param {string} excerpt
 */
function appendExcerpt(parent, excerpt) {
  const parts = String(excerpt).split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        parent.append(mark);
      } else parent.append(text);
    }
  }
}

/** @returns {Filters} the filters chosen in the form. */
function readFilters() {
  /** @type {Filters} */
  const chosen = {};
  for (const box of filtersBox.querySelectorAll('input[type=checkbox]:checked')) {
    if (!(box instanceof HTMLInputElement)) continue;
    (chosen[box.name] ??= { any: [] }).any.push(box.value);
  }
  return chosen;
}

/**
 * @param {string} term
 * @param {Filters} filters
 */
function describeQuery(term, filters) {
  const groups = Object.entries(filters).map(([key, { any }]) => `${legendOf(key).toLowerCase()} ${any.join(' or ')}`);
  const words = term ? `“${term}”` : '';
  return [words, groups.length ? `${words ? 'with ' : ''}${groups.join(', ')}` : ''].filter(Boolean).join(' ');
}

/**
 * Keeps the URL in step with the form, so a search can be bookmarked and shared.
 * @param {string} term
 * @param {Filters} filters
 */
function writeUrl(term, filters) {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const [key, { any }] of Object.entries(filters)) for (const value of any) params.append(key, value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function runSearch() {
  const id = ++searchId;
  const term = input.value.trim();
  const filters = readFilters();
  writeUrl(term, filters);
  if (!term && Object.keys(filters).length === 0) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type a word, or choose a filter, to find cases.';
    return;
  }
  status.textContent = 'Searching…';
  const found = await searchBundles(term, filters);
  if (id !== searchId) return;
  results = found;
  shown = 0;
  list.replaceChildren();
  if (results.length === 0) {
    status.textContent = `Nothing matches ${describeQuery(term, filters)}. Try fewer words or fewer filters.`;
    more.hidden = true;
    return;
  }
  await showMore(false);
  if (id !== searchId) return;
  // Announced once the first results are on the page, so a screen reader can go to them.
  status.textContent = `${results.length} ${results.length === 1 ? 'result' : 'results'} for ${describeQuery(term, filters)}.`;
}

/**
 * Searches each bundle on its own (its filter), drops a bundle whose best result matched only
 * a stand-in for a query word (stand-ins.js), and merges the rest by score, as Pagefind
 * merges bundles. One bundle, as a whole build has, goes through the same steps.
 * @param {string} term
 * @param {Filters} filters
 * @returns {Promise<Result[]>}
 */
async function searchBundles(term, filters) {
  /** @type {Result[]} */
  const found = [];
  for (const bundle of bundles) {
    const { results: inBundle } = await pagefind.search(term || null, { filters: { ...filters, [BUNDLE_FILTER]: { any: [bundle] } } });
    const best = inBundle[0];
    if (!best) continue;
    if (term) {
      const data = await best.data();
      if (!matchesEveryWord(wordsAt(data.raw_content ?? data.content, data.locations ?? []), term)) continue;
    }
    found.push(...inBundle);
  }
  return found.sort((a, b) => b.score - a.score);
}

/**
 * Renders the next page of results; moves focus to the first new one when asked.
 * @param {boolean} moveFocus
 */
async function showMore(moveFocus) {
  const id = searchId;
  const page = await Promise.all(results.slice(shown, shown + RESULTS_PER_PAGE).map((result) => result.data()));
  if (id !== searchId) return;
  /** @type {HTMLAnchorElement | undefined} */
  let first;
  for (const data of page) {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta?.title || data.url;
    heading.append(link);
    item.append(heading);
    const filters = data.filters ?? {};
    const tags = sortFilterKeys(Object.keys(filters).filter((key) => key !== BUNDLE_FILTER))
      .filter((key) => (filters[key] ?? []).length > 0)
      .map((key) => `${legendOf(key)}: ${(filters[key] ?? []).join(', ')}`);
    if (tags.length) {
      const meta = document.createElement('p');
      meta.className = 'search-meta';
      meta.textContent = tags.join(' · ');
      item.append(meta);
    }
    const excerpt = document.createElement('p');
    appendExcerpt(excerpt, data.excerpt);
    item.append(excerpt);
    list.append(item);
    first ??= link;
  }
  shown += page.length;
  more.hidden = shown >= results.length;
  if (!more.hidden) more.textContent = `Show more results (${results.length - shown} left)`;
  if (moveFocus && first) first.focus();
}

/**
 * A filter group's legend, as the page shows it (the build draws the filters: see
 * src/core/site/search-filters.ts); the group's own name when the page has no such group.
 * @param {string} key
 */
function legendOf(key) {
  return filtersBox.querySelector(`fieldset[data-filter="${CSS.escape(key)}"] legend`)?.textContent ?? key;
}

/**
 * Filter groups in the page's order (the build's), then any others alphabetically.
 * @param {string[]} keys
 */
function sortFilterKeys(keys) {
  const order = [...filtersBox.querySelectorAll('fieldset[data-filter]')].map((fieldset) => fieldset.getAttribute('data-filter') ?? '');
  /** @param {string} key */
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Ticks the filters named in the URL, and opens the filters on wide screens and whenever one
 * is chosen (on a phone, results come first).
 * @param {URLSearchParams} selected
 */
function restoreFilters(selected) {
  for (const box of filtersBox.querySelectorAll('input[type=checkbox]')) {
    if (box instanceof HTMLInputElement) box.checked = selected.getAll(box.name).includes(box.value);
  }
  filterBox.open = Object.keys(readFilters()).length > 0 || matchMedia('(min-width: 48rem)').matches;
}

/**
 * The search bundles to query: the site's one bundle, or, for a site built in company shards
 * (npm run build:shards), the hub's and every shard's bundles, listed by the build in a JSON file.
 * @returns {Promise<string[]>}
 */
async function listBundles() {
  const listFile = form.dataset.pagefindBundlesFrom;
  if (!listFile) return [form.dataset.pagefindBundle ?? ''];
  const response = await fetch(listFile);
  if (!response.ok) throw new Error(`${listFile}: ${response.status}`);
  return /** @type {string[]} */ (await response.json());
}

async function start() {
  const base = form.dataset.base;
  try {
    bundles = await listBundles();
    const [primary, ...others] = bundles;
    if (!primary) throw new Error('no search bundle');
    pagefind = await import(`${primary}pagefind.js`);
    await pagefind.options({ baseUrl: base, excerptLength: 24, mergeFilter: { [BUNDLE_FILTER]: primary } });
    // One Pagefind over all of them (one WebAssembly module), each bundle's pages tagged with it.
    for (const bundle of others) await pagefind.mergeIndex(bundle, { baseUrl: base, mergeFilter: { [BUNDLE_FILTER]: bundle } });
    await pagefind.init();
  } catch {
    status.textContent = 'Search could not start: the search index is missing. Browse the companies instead.';
    return;
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  restoreFilters(params);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    runSearch();
  });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(runSearch, TYPING_DELAY_MS);
  });
  filtersBox.addEventListener('change', () => runSearch());
  more.addEventListener('click', () => showMore(true));
  await runSearch();
  form.dataset.ready = 'true';
}

start();

// A module (the page loads it with type="module"), so that its names, such as `status`, are its own.
export {};
