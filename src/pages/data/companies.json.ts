import type { APIRoute } from 'astro';
import { buildCompaniesJson } from '../../core/open-data.ts';
import { loadWatchblog } from '../../queries/watchblog.ts';

/** `/data/companies.json`: the open-data contract of docs/open-data.md. */
export const GET: APIRoute = async () => {
  const companies = buildCompaniesJson(await loadWatchblog());
  return new Response(`${JSON.stringify(companies, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
