export declare const PLAN_VALIDATOR_OPTIONS: { allErrors: boolean; verbose: boolean; strict: boolean };
export declare function standaloneValidatorSource(schemaFile: string): string;
export declare function bundledValidatorModule(schemaFile: string): string;
