export { fuse } from './fuse.js'
export {
  claimPrefixOf,
  FusionState,
  joinStoryPictures,
  storyFeaturesOf,
  type StoryPart,
} from './fusion-state.js'
export { StoryState } from './story-state.js'
export { StoryIndex, type StoryAssignment, type StoryFeatures } from './story-index.js'
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
