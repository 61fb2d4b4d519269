// Set by the production bundle (scripts/server-bundle.mjs) to the folder of its entries, relative to
// the project root; undefined when the code runs from source (tsx, vitest) or inside Next's bundles.
declare const __CONSOLE_BUNDLE_DIR__: string | undefined;

export const bundleDir: string | undefined = typeof __CONSOLE_BUNDLE_DIR__ === "string" ? __CONSOLE_BUNDLE_DIR__ : undefined;
