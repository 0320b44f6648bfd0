/** Navigation icon for Keys: a key. */
import { Icon } from '../../ui/icons.js';

export const KeysIcon = () => (
  <Icon>
    <circle cx="8" cy="15" r="4" />
    <path d="M10.8 12.2 20 3M16 7l3 3M14 9l2 2" />
  </Icon>
);
