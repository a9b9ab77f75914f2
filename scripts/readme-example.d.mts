export const EXAMPLE_TODAY: string;
export const EXAMPLE_KEY: string;
export function exampleText(repo?: string): string;
export function readmeExample(readme: string): string | undefined;
