import { useEffect, useState } from 'react';

/** The current time (ms), refreshed every `everyMs`: what a countdown re-renders from. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
