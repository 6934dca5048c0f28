export function electronBinaryPath(): string | null;
export function electronVersion(): string;
export const electronDir: string;
