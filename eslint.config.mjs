// ESLint flat config (`eslint .`; Next 16 has no `next lint`). The boundary rules enforce DESIGN.md §2:
// only lib/aws talks to the SDK, the UI never reaches into the emulator, the emulator never into the UI.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const sdkOnlyInLibAws = {
  group: ["@aws-sdk/*", "@smithy/*"],
  message: "Only lib/aws/** talks to the AWS SDK (DESIGN.md §2). Call a lib/aws verb or a server action instead.",
};
const noEmulatorInUi = {
  group: ["@/emulator/*", "**/emulator/*"],
  message: "The console reaches the emulator only over signed HTTP, like AWS (DESIGN.md §1).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "lib/lambda-model/generated/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/aws/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [sdkOnlyInLibAws, noEmulatorInUi] }] },
  },
  {
    files: ["lib/aws/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noEmulatorInUi] }] },
  },
  {
    files: ["emulator/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/app/*",
                "**/components/*",
                "@/app/*",
                "@/components/*",
                "**/lib/aws/*",
                "**/lib/actions/*",
                "**/lib/queries/*",
              ],
              message: "The emulator imports nothing from the console except lib/lambda-model (DESIGN.md §2).",
            },
          ],
        },
      ],
      // Not React code; the Next rules about pages and hooks do not apply.
      "@next/next/no-assign-module-variable": "off",
    },
  },
  {
    files: ["emulator/runtime/bootstraps/**/*.mjs", "emulator/runtime/bootstraps/**/*.cjs"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", globalThis: "readonly" },
    },
  },
]);
