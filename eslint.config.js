// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * A small rule set on top of the recommended ones (no type-aware rules: `tsc --noEmit` already checks types,
 * and lint stays fast). Formatting is Prettier's job, not ESLint's.
 */
export default tseslint.config(
  { ignores: ["node_modules/", "src/db/generated/", "data/", "test-results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
        AbortController: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "error",
      // `import { type X }` alone stays a side-effect import at run time (and can hide a cycle): use `import type`
      "@typescript-eslint/no-import-type-side-effects": "error",
    },
  },
  {
    // browser scripts served as they are (no bundler)
    files: ["src/**/assets/**/*.js", "src/channels/web/public/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: Object.fromEntries(
        [
          "window",
          "document",
          "location",
          "history",
          "navigator",
          "sessionStorage",
          "localStorage",
          "fetch",
          "HTMLElement",
          "Event",
          "KeyboardEvent",
          "requestAnimationFrame",
          "Notification",
          "CustomEvent",
          "EventSource",
          "crypto",
        ].map((name) => [name, "readonly"]),
      ),
    },
  },
  {
    // the web chat's ES modules (<script type="module">, served as they are)
    files: ["src/channels/web/public/**/*.js"],
    languageOptions: { sourceType: "module" },
  },
  {
    files: ["test/**", "scripts/**", "prisma/**"],
    rules: { "no-console": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
