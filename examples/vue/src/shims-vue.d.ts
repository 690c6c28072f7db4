// For plain tsc (the repository's typecheck): a .vue module is a component. vue-tsc reads the real files instead.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
