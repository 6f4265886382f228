/** class-transformer's metadata (the `@Type` of nested fields), which it ships without a declaration at this path. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
