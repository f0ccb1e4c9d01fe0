// The SPA build id (vite.config.ts `define`); 'dev' under the dev server and in tests.
declare const __BUILD_ID__: string;
