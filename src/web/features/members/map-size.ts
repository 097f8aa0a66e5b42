/** The map's drawing size; its own module, so that the page can reserve the space without loading the atlas. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 440;
