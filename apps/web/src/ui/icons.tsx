// The handful of icons the app needs, inline so no icon font or library is shipped. Decorative:
// every icon stands next to a word that says the same thing.
const base = {
  width: 14,
  height: 14,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export const CheckCircleIcon = () => (
  <svg {...base}>
    <circle cx="12" cy="12" r="10" />
    <path d="m8 12 3 3 5-6" />
  </svg>
);

export const DashedCircleIcon = () => (
  <svg {...base}>
    <circle cx="12" cy="12" r="10" strokeDasharray="4 3" />
  </svg>
);

export const StarIcon = () => (
  <svg {...base} fill="currentColor" strokeWidth={1.5}>
    <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z" />
  </svg>
);

export const BellIcon = () => (
  <svg {...base} width={20} height={20} strokeWidth={2}>
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

/**
 * An arrow that points along the reading direction: "next" and "leads to" point right in English and
 * left in Arabic (mirrored by `.icon-directional` under `[dir='rtl']`, app.css).
 */
export const ForwardArrowIcon = () => (
  <svg {...base} className="icon-directional" style={{ verticalAlign: '-2px' }}>
    <path d="M5 12h14" />
    <path d="m13 6 6 6-6 6" />
  </svg>
);

/** An arrow against the reading direction ("previous"): left in English, right in Arabic. */
export const BackArrowIcon = () => (
  <svg {...base} className="icon-directional" style={{ verticalAlign: '-2px' }}>
    <path d="M19 12H5" />
    <path d="m11 6-6 6 6 6" />
  </svg>
);

/** A chevron that opens a menu below (pointing down, so it needs no mirroring). */
export const ChevronDownIcon = () => (
  <svg {...base}>
    <path d="m6 9 6 6 6-6" />
  </svg>
);
