import type { Label } from '../../src/core/types';

export const LABELS_FOR_TESTS: readonly Label[] = ['media', 'networking', 'mixed', 'none'];
