// Loaded by index.html before the app's modules, so zod reads it when it starts: without it zod
// probes whether it may compile parsers with `new Function`, and our CSP (no 'unsafe-eval')
// reports that probe as a violation on every page. Without eval zod uses its interpreter.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
