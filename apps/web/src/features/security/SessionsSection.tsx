/** Placeholder: filled in by #24 (see docs/decisions/0049-0052). */
export function SessionsSection() {
  return null;
}
