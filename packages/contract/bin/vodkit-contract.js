#!/usr/bin/env node
// Committed rather than built, so pnpm can link the bin on install before dist/ exists.
import '../dist/cli.js';
