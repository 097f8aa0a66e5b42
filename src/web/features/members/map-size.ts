/** The map's drawing width; its own module, so that the page can reserve the space without loading the atlas. */
export const MAP_WIDTH = 960;
/** About the drawing's height at that width (the world without Antarctica), for the placeholder while it loads. */
export const MAP_HEIGHT = 426;
