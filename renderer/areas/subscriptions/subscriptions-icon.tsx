/** Navigation icon for Subscriptions: an arrow leaving a box. */
import { Icon } from '../../ui/icons.js';

export const SubscriptionsIcon = () => (
  <Icon>
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
  </Icon>
);
