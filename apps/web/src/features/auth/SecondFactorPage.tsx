/** Placeholder: the second sign-in step (#24). */
export default function SecondFactorPage() {
  return null;
}
