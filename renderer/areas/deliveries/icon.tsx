/** Navigation icons for the sending areas, inline SVG (the CSP allows no icon font or external file). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const DeliveriesIcon = () => (
  <Icon>
    <path d="M3 12h13M12 6l6 6-6 6" />
    <path d="M21 5v14" />
  </Icon>
);

export const PlaygroundIcon = () => (
  <Icon>
    <path d="M8 5v14l11-7z" />
  </Icon>
);
