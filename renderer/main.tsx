/** Entry point: paints the remembered theme before anything renders, then mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './shell/root.js';
import { applyDocumentTheme, cachedThemeSetting, systemTheme } from './shell/theme.js';
import { resolveTheme } from './state/ui-slice.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/status-bar.css';
import './styles/tables.css';
import './styles/forms.css';
import './styles/connect.css';

applyDocumentTheme(resolveTheme(cachedThemeSetting(), systemTheme()));

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
