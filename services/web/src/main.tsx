import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/antd-mobile-react19';
import './i18n';
import './ui/global.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
