/** Builds each named target (web, server) whose sources changed since its last build. */
export function ensureBuilt(
  names?: ('web' | 'server')[],
  options?: { force?: boolean; log?: (line: string) => void },
): Promise<void>;
