export function distDir(): string;
export function bundleDir(dist?: string): string;
export function builtServer(dist?: string): string;
export function serverArgs(dist?: string): string[];
export function bundleServer(dist?: string): Promise<void>;
