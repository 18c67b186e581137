#!/usr/bin/env node
// The `strata` command: loads the TypeScript CLI through tsx so lib/ runs unchanged.
import { register } from "tsx/esm/api";

register();
await import("../scripts/strata.ts");
