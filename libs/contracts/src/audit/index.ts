export * from './catalogue';
export * from './event-subjects';
export { affiliationSnapshot, type CatalogueEntry } from './define';
export { adoptionWarningsRecord, voteChange, voteWithoutChoice, type AdoptionWarningsRecord, type VoteChange } from './decisions';
