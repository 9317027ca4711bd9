/** Placeholder: the steward's identity providers (#24). */
export default function IdentityProvidersPage() {
  return null;
}
