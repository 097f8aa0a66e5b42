import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  luminance,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Shade 8 of blue keeps white text on filled buttons above 4.5:1 contrast; the default shade 6
 * does not.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'md',
  focusRing: 'auto',
  headings: { fontWeight: '700' },
});

const PRIMARY_SHADE = 8;
/** WCAG AA for small text is 4.5:1; a little more, so that rounding in a checker never fails it. */
const AA = 4.6;

/** The WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour, darkened in small steps until text in it reads at AA on `background`. */
function readableOn(color: string, background: string): string {
  let amount = 0;
  while (contrast(darken(color, amount), background) < AA && amount < 1) amount += 0.05;
  return amount === 0 ? color : darken(color, amount);
}

/**
 * Mantine's light badges and buttons write shade 9 on shade 1, and its outline and filled ones
 * use shade 8: for green, orange, teal, lime, yellow and red that is 2.5–4.4:1 (a "held" or
 * "uncertain" badge failed axe's contrast check). Each colour's variables are darkened only as
 * far as AA needs, so that blue, grape and the greys keep Mantine's own shades.
 */
function readableColorVariables(): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(DEFAULT_THEME.colors) as [string, MantineColorsTuple][]) {
    const white = '#ffffff';
    // Light variant: text over shade 1, and over shade 2 when hovered.
    variables[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
    // Outline variant and coloured text (`c="red"`): on the page's white.
    variables[`--mantine-color-${name}-outline`] = readableOn(shades[PRIMARY_SHADE], white);
    variables[`--mantine-color-${name}-text`] = readableOn(shades[PRIMARY_SHADE], white);
    // Filled variant: white text on it.
    const filled = readableOn(shades[PRIMARY_SHADE], white);
    if (filled !== shades[PRIMARY_SHADE]) {
      variables[`--mantine-color-${name}-filled`] = filled;
      variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    }
  }
  return variables;
}

/** Mantine's dimmed grey (gray 6) reads at 3.3:1 on white; gray 7 passes WCAG AA for small text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', ...readableColorVariables() },
  dark: {},
});
