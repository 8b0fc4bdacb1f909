// `npm run build`: `next build`, stamped with the hash of the sources it built, so `npm start` knows it is current.
import { build } from "./build-stamp";

process.exit(build(process.cwd()));
