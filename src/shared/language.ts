import { z } from 'zod';
import { LANGUAGES } from './enums.js';

/** The interface's languages as a zod enum, for the API's schemas and the column (src/shared/i18n.ts has the rest). */
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;
