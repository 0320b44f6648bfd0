/** Navigation icon for Verify: a shield with a tick. */
import { Icon } from '../../ui/icons.js';

export const VerifyIcon = () => (
  <Icon>
    <path d="M12 3 4 6v6c0 4.5 3.4 8.2 8 9 4.6-.8 8-4.5 8-9V6l-8-3z" />
    <path d="m8.5 12 2.5 2.5 4.5-5" />
  </Icon>
);
