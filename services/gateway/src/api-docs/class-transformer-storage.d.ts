// class-transformer keeps @Type() metadata in a storage its package root does not export.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
