import type { APIRoute } from 'astro';

/** `/favicon.svg`: a quiet "W" on the site's accent colour, so browsers find an icon without a 404. */
export const GET: APIRoute = () =>
  new Response(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0a58a8"/><text x="16" y="23" font-family="Georgia,serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">W</text></svg>\n',
    { headers: { 'Content-Type': 'image/svg+xml' } },
  );
