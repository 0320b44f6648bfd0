/** Navigation icons for the sending areas, inline SVG (the CSP allows no icon font or external file). */
import { Icon } from '../../ui/icons.js';

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
