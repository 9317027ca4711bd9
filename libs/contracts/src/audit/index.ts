export * from './catalogue';
export * from './event-subjects';
export { affiliationSnapshot, type CatalogueEntry } from './define';
export { voteChange, voteWithoutChoice, type VoteChange } from './decisions';
