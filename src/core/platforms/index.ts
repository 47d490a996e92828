import type { PlatformDefinition } from '../types';
import { linkedin } from './linkedin';

export const platforms: readonly PlatformDefinition[] = [linkedin];
