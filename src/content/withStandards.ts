import { readStandards } from '../core/readStandards';
import { standards } from './standardsSlot';

standards.read = readStandards;
