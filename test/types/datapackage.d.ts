// The part of Frictionless's JavaScript library (`datapackage`, no types of its own)
// that the open-data tests use.
declare module "datapackage" {
  export interface ReadOptions {
    cast?: boolean;
    relations?: boolean;
    forceCast?: boolean;
  }
  export interface Resource {
    name: string;
    read(options?: ReadOptions): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
  }
}
