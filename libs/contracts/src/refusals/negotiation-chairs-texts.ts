import { spec } from './define';

/** Chair's texts (decision 0033). Who may issue one is the drafting policy's `editors-only`. */
export const CHAIRS_TEXT_REFUSALS = {
  /**
   * Accepted amendments, or options chosen when brackets were removed, wait to be consolidated: the
   * chair consolidates them first, so no accepted text or chosen option is silently dropped.
   */
  'consolidate-first': spec<{ accepted: number; chosen: number }>(409),
  /** An adoption ballot is open on the current version: no new version until it closes. */
  'chairs-text-during-adoption': spec<{ version: number }>(409),
} as const;
