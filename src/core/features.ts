import { type DocumentLike, extractWith } from './extract';
import { readStandards } from './readStandards';
import { knowledge } from './sites';
import type { PageFeatures } from './types';

/**
 * `extractWith` over the full site knowledge and with the open-standards reader, as the content script for
 * on-demand checks and opted-in sites runs it (on the known sites, where that reader is not used, both
 * scripts read the same): for Node, tests and the worker.
 */
export function extractFeatures(doc: DocumentLike | null | undefined, url: string): PageFeatures {
  return extractWith(knowledge, doc, url, readStandards);
}
