// @ts-check
import { defineConfig } from 'astro/config';

// A project site (e.g. GitHub Pages at https://user.github.io/watchblog/) sets both:
//   WATCHBLOG_SITE=https://user.github.io WATCHBLOG_BASE=/watchblog npm run build
const site = process.env.WATCHBLOG_SITE ?? 'https://watchblog.example';
const base = process.env.WATCHBLOG_BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
});
