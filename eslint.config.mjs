/**
 * Lint rules, plus the layer boundaries of ARCHITECTURE.md as import restrictions:
 * shared/ is pure TypeScript usable on both sides, the renderer talks to nothing but
 * window.api, and the sandboxed preload can load only 'electron' and what gets bundled in.
 * Formatting belongs to Prettier (eslint-config-prettier goes last to switch off style rules).
 */
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = {
  paths: builtinModules.filter((name) => !name.startsWith('_')),
  regex: '^node:'
}

/** Relative specifiers that climb out to a top-level folder, e.g. '../../electron/db/schema'. */
const outOf = (folder) => `^(\\.\\./)+${folder}(/|$)`

function restrict({ paths = [], patterns = [] }) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] }
}

const builtinPatterns = [{ regex: nodeBuiltins.regex, message: 'Node built-ins are not available here.' }]
const builtinPaths = nodeBuiltins.paths.map((name) => ({
  name,
  message: 'Node built-ins are not available here.'
}))

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'renderer/out*/**',
      '.tmp/**',
      'test-reports/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'release/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['electron/**', 'scripts/**', 'test/**', '*.config.{ts,mjs,js}', '*.config.*.ts'],
    languageOptions: { globals: globals.node }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    ...reactHooks.configs.flat.recommended
  },
  {
    files: ['shared/**'],
    rules: restrict({
      paths: [
        { name: 'electron', message: 'shared/ runs in the renderer too: no Electron.' },
        { name: 'better-sqlite3', message: 'shared/ is pure: database access belongs to electron/.' },
        ...builtinPaths
      ],
      patterns: [
        { regex: outOf('(electron|renderer)'), message: 'shared/ may not depend on electron/ or renderer/.' },
        { regex: '^drizzle-orm(/|$)', message: 'shared/ is pure: database access belongs to electron/.' },
        ...builtinPatterns
      ]
    })
  },
  {
    files: ['renderer/**'],
    rules: restrict({
      paths: [
        { name: 'electron', message: 'The renderer is sandboxed: use window.api.' },
        { name: 'better-sqlite3', message: 'The renderer is sandboxed: use window.api.' },
        ...builtinPaths
      ],
      patterns: [
        {
          regex: outOf('electron'),
          message: 'The renderer may not import main-process code: use window.api.'
        },
        { regex: '^drizzle-orm(/|$)', message: 'The renderer is sandboxed: use window.api.' },
        ...builtinPatterns
      ]
    })
  },
  {
    files: ['electron/preload/**'],
    rules: restrict({
      patterns: [
        {
          regex: '^(?!(electron|\\./channel|(\\.\\./)+shared/api/(methods|errors))$)',
          message:
            "The sandboxed preload can load only 'electron'; besides it, import only ./channel and shared/api/methods|errors."
        }
      ]
    })
  },
  prettier
)
