import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Someone who cloned the repository has nothing but the repository: every relative link in the
 * README and in the user guide (docs/guide) must lead to a file inside it, and a link to a heading
 * (`rules.md#ballots`) to a heading that exists. Paths written as code (`../shared/…/SPEC.md`) count
 * too when they name a Markdown file by a relative path: a reader follows them as well (a path from
 * the site's root, `/api/…/adopted.md`, is a URL of a running Parley, not a file).
 */
const ROOT = resolve(__dirname, '../..');
const GUIDE = join(ROOT, 'docs/guide');

interface Link {
  file: string;
  line: number;
  target: string;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** Lines outside fenced code blocks, with their numbers (code samples are not links). */
function proseLines(text: string): { line: number; text: string }[] {
  let fenced = false;
  return text.split('\n').flatMap((t, i) => {
    if (/^\s*(```|~~~)/.test(t)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line: i + 1, text: t }];
  });
}

/** Inline links and images `[text](target "title")`, reference definitions `[id]: target`, and code spans naming a .md path. */
function linksIn(file: string): Link[] {
  const links: Link[] = [];
  for (const { line, text } of proseLines(readFileSync(file, 'utf8'))) {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ file, line, target: m[1] });
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(text);
    if (definition) links.push({ file, line, target: definition[1] });
    for (const m of text.matchAll(/`([\w.-][\w./-]*\.md(?:#[\w-]+)?)`/g)) links.push({ file, line, target: m[1] });
  }
  return links.filter((l) => !isExternal(l.target));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2… */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    const plain = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = plain
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Why a link does not resolve inside the repository, or null when it does. */
function brokenReason(link: Link): string | null {
  const [pathPart, fragment] = link.target.split('#', 2) as [string, string | undefined];
  const target = pathPart === '' ? link.file : resolve(dirname(link.file), decodeURIComponent(pathPart));
  const inside = relative(ROOT, target);
  if (inside.startsWith('..') || inside.startsWith(sep) || inside === '') return 'points outside the repository';
  if (!existsSync(target)) return 'no such file';
  if (!statSync(target).isFile()) return 'is a folder, not a file';
  if (fragment && target.endsWith('.md') && !headingAnchors(readFileSync(target, 'utf8')).has(fragment)) return `no heading #${fragment} in ${inside}`;
  return null;
}

const documents = () => [
  join(ROOT, 'README.md'),
  ...(existsSync(GUIDE)
    ? readdirSync(GUIDE)
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(GUIDE, f))
    : []),
];

describe('links in the README and the user guide', () => {
  it('the README leads to the guide, and the guide has a page for each kind of user', () => {
    const fromReadme = linksIn(join(ROOT, 'README.md')).map((l) => l.target);
    expect(fromReadme).toContain('docs/guide/README.md');
    const pages = readdirSync(GUIDE).sort();
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'delegates.md', 'chairs.md', 'public-and-press.md', 'operators.md', 'rules.md']));
  });

  it('every relative link resolves to a file in the repository (and every #heading to a heading)', () => {
    const links = documents().flatMap(linksIn);
    expect(links.length).toBeGreaterThan(20);
    const broken = links.flatMap((l) => {
      const why = brokenReason(l);
      return why ? [`${relative(ROOT, l.file)}:${l.line} ${l.target} — ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const readme = join(ROOT, 'README.md');
    expect(brokenReason({ file: readme, line: 1, target: '../shared/product/SPEC.md' })).toBe('points outside the repository');
    expect(brokenReason({ file: readme, line: 1, target: 'docs/guide/nowhere.md' })).toBe('no such file');
    expect(brokenReason({ file: readme, line: 1, target: 'docs/guide' })).toBe('is a folder, not a file');
    expect(brokenReason({ file: readme, line: 1, target: 'docs/guide/rules.md#no-such-heading' })).toBe('no heading #no-such-heading in docs/guide/rules.md');
    expect(brokenReason({ file: readme, line: 1, target: 'docs/guide/rules.md#decision-rules' })).toBeNull();
    expect([
      ...headingAnchors(
        '# How Parley works\n## Roll-call, secret ballots and hidden tallies\n```\n# not a heading\n```\n## Roll-call, secret ballots and hidden tallies',
      ),
    ]).toEqual(['how-parley-works', 'roll-call-secret-ballots-and-hidden-tallies', 'roll-call-secret-ballots-and-hidden-tallies-1']);
  });
});
