import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domainModule = (name: string) => fileURLToPath(new URL(`../../libs/domain/src/${name}/index.ts`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The services' own resident-ID, mobile and credit-code rules, working-day calendar and plan rules, from
    // source: the package entry also pulls in class-validator decorators the browser has no use for.
    // (package.json's nx.implicitDependencies tells Nx, which cannot see this alias.)
    alias: { '@openday/domain/identity': domainModule('identity'), '@openday/domain/text': domainModule('text'), '@openday/domain/calendar': domainModule('calendar'), '@openday/domain/plans': domainModule('plans'), '@openday/domain/selection': domainModule('selection'), '@openday/domain/admission': domainModule('admission'), '@openday/domain/access': domainModule('access') },
    // antd-mobile and react-query sit in the root node_modules next to an older React;
    // one React for the whole page, or hooks break.
    dedupe: ['react', 'react-dom'],
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    manifest: true,
    // The gateway's CSP allows script-src 'self' only: no inline module preload polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Each page is its own chunk (React.lazy in src/app/routes.tsx); the framework is
        // cached once across pages and deploys.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
});
