/** The inbox's navigation icon (a tray), drawn like the shell's own icons. */
import { Icon } from '../../ui/icons.js';

export const InboxIcon = () => (
  <Icon>
    <path d="M4 13h4l2 3h4l2-3h4" />
    <path d="M5.5 5h13L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5z" />
  </Icon>
);
