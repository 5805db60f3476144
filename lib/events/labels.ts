/** A format's name for people (the registry's labels). */
export { formatLabel } from "./formats/index";
