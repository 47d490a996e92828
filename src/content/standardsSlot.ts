import type { StandardsReader } from '../core/extract';

/**
 * The open-standards reader the content script extracts with. Empty in the script declared for the known sites,
 * which must stay small and where the sites' own signals speak; the script for on-demand checks and opted-in
 * sites (anySite.ts) fills it before index.ts starts.
 */
export const standards: { read?: StandardsReader } = {};
