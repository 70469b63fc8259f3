/**
 * What a layer's tsconfig maps a forbidden package to (`paths`), so that a
 * wrong-way import does not compile: importing anything from it fails with
 * "Module ".../wrongWayImport" has no exported member ...". The layers and
 * their arrows: docs/architecture.md; tests/architecture.test.ts checks every
 * import as well.
 */
declare const thisLayerMayNotImportThisPackage: never;
export = thisLayerMayNotImportThisPackage;
