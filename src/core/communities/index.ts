import type { CommunityDefinition } from '../types';

export const communities: readonly CommunityDefinition[] = [];
