/**
 * GitHub serves a public repository's releases as Atom at
 * `https://github.com/<owner>/<repo>/releases.atom`: release notes are the company
 * announcing fixes. (GitHub publishes no feed of a repository's issues; point a plain `url:`
 * source at a feed service for those.)
 */
import { definePreset, requiredMatching } from './preset.ts';

const REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

export const githubReleases = definePreset({
  name: 'github-releases',
  summary: "A public GitHub repository's releases (the company's voice).",
  fields: { repo: requiredMatching('github-releases', 'repo', 'the repository as owner/name, e.g. "acme/router-firmware"', REPO) },
  expand: ({ repo }) => [{ url: `https://github.com/${repo}/releases.atom`, name: `${repo} releases`, channel: 'blog', voice: 'company', allAboutCompany: true }],
});
