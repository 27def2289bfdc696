// Flat config: type-checked rules from typescript-eslint on every TypeScript file we own.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      '.build/**',
      '**/.build/**',
      'node_modules/**',
      '*.config.js',
      '.dependency-cruiser.cjs'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true }
      ]
    }
  },
  {
    // Plain log lines go through logLine (util/workflow-commands.ts), which keeps outside text from becoming a
    // workflow command; core.info, console and raw stdout writes would print it as it is.
    files: ['src/**/*.ts'],
    ignores: ['src/util/workflow-commands.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='core'][property.name='info']",
          message:
            'Write plain log lines with logLine (util/workflow-commands.ts): it makes outside text inert.'
        },
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name=/^std(out|err)$/][property.name='write']",
          message:
            'Write plain log lines with logLine (util/workflow-commands.ts): it makes outside text inert.'
        }
      ]
    }
  },
  {
    // Fixture programs the tests run as child processes: plain Node ESM outside the TypeScript project.
    files: ['__tests__/fixtures/**/*.mjs', 'scripts/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly'
      }
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off'
    }
  }
)
