/// <reference types="vitest" />
import { defineConfig } from 'vite';

// The page is the server's Qute shell (/c/{slug}); Vite only builds its script and style, under stable names that the
// shell links to. Quinoa moves dist/ into the app's static resources during the Maven build.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2019',
    rollupOptions: {
      input: { game: 'src/main.ts', report: 'src/report.ts', console: 'src/console.ts', field: 'src/field.ts', apply: 'src/apply.ts', team: 'src/team.ts',
        'field-sw': 'src/field-sw.ts' },
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: 'assets/[name].js' } },
  },
  // The tests read the page's texts where the server keeps them.
  server: { fs: { allow: ['.', '../src/main/resources/messages'] } },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
