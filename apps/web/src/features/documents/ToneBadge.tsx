import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Tones for status badges and notes, each a light tint with dark text above 7:1 (Mantine's own
 * light badges fall below AA for some colours). The badge's words always say what the tone means.
 */
export const TONES = {
  green: { bg: '#e3f2e7', fg: '#1b5e20', border: '#7fbf8e' },
  blue: { bg: '#e3eefa', fg: '#0b4a8b', border: '#8fb3dd' },
  red: { bg: '#fbe4e4', fg: '#8a1c1c', border: '#e0a0a0' },
  yellow: { bg: '#fff3cd', fg: '#5c4400', border: '#e0c46c' },
  grape: { bg: '#f3e6f8', fg: '#5f1f7a', border: '#c79bd9' },
  gray: { bg: '#f1f3f5', fg: '#343a40', border: '#adb5bd' },
  orange: { bg: '#fff0e0', fg: '#7a3e00', border: '#e8b27a' },
} as const;
export type Tone = keyof typeof TONES;

export function ToneBadge({
  tone,
  children,
  ...props
}: { tone: Tone; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant' | 'children'> & { 'data-testid'?: string; 'data-status'?: string }) {
  const c = TONES[tone];
  return (
    <Badge
      radius="sm"
      size="sm"
      variant="outline"
      {...props}
      styles={{ root: { background: c.bg, color: c.fg, borderColor: c.border, textTransform: 'none', fontWeight: 600 } }}
    >
      {children}
    </Badge>
  );
}
