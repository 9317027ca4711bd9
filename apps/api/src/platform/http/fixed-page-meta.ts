import type { PageMeta } from './page-meta';

/**
 * Titles and descriptions of the single-page app's fixed public pages: pages with no data to
 * read, so no context owns them. English, like every server-side title (the page itself then
 * follows the reader's language); the words follow the page's own title and lead.
 */
export const FIXED_PAGE_META: Readonly<Record<string, PageMeta>> = {
  '/how-it-works': {
    title: 'How Parley works',
    description:
      'The rules of Parley, where governments, companies and civil society draft international norms together: ' +
      'affiliations organisations confirm, three stakeholder groups, chairs confirmed by ballot, how ballots decide, ' +
      'capture alarms, endorsements and what is public.',
  },
};
