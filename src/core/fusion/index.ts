export { fuse } from './fuse.js'
export { FusionState } from './fusion-state.js'
export type {
  FramingRow,
  FramingTable,
  FramingTerm,
  FusionDocumentInput,
  FusionInput,
  FusionOptions,
  FusionResult,
  HistoryChange,
  HistoryEntry,
  OutletAffiliation,
  RegionControl,
  Story,
} from './fusion-types.js'
export { AffiliationMatcher, compileGlob } from './affiliation-matcher.js'
export { DEFAULT_SIDE_GROUPS, SideRelations } from './side-relations.js'
export { claimStatusAt, pictureAt } from './picture-at.js'
