#!/usr/bin/env node
import '../dist/asyncbench.js';
