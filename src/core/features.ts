import { type DocumentLike, extractWith } from './extract';
import { knowledge } from './sites';
import type { PageFeatures } from './types';

export type { DocumentLike } from './extract';

/** `extractWith` over the full site knowledge: for Node, tests and the worker. */
export function extractFeatures(doc: DocumentLike | null | undefined, url: string): PageFeatures {
  return extractWith(knowledge, doc, url);
}
