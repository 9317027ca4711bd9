/** Acts of the platform chain (people, organisations, affiliations, sign-in): never in a group's or a document's feed. */
export const isPlatformAct = (action: string): boolean =>
  /^(person|organisation|affiliation|focal-point|declaration|identity-provider|two-factor)\./.test(action);
