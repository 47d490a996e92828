/**
 * Export to one JSON file and import from it: the file format and its versions (format.ts), the plan shown
 * before anything changes (plan.ts), and the writes (apply.ts). An import is checked whole first: a file
 * that fails gets one clear message and changes nothing.
 */
export { type ApplyResult, applyImport, exportData, readCurrent } from './apply';
export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportFile, exportFileName, exportJson } from './format';
export {
  type ImportPlan,
  isEmptyPlan,
  type PlanEntry,
  parseImport,
  type TransferData,
} from './plan';
export { type ImportRefusal, refusalSummary } from './refusal';
