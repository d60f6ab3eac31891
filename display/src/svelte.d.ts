/** Lets plain TypeScript (tests, type-check) import Svelte components; the Svelte compiler does the rest. */
declare module '*.svelte' {
  import type { Component } from 'svelte';
  // biome-ignore lint/suspicious/noExplicitAny: each component declares its own props
  const component: Component<any>;
  export default component;
}
