/** Types of browser-build.mjs. */
import type { Plugin } from 'rollup';

export function browserBuildPlugins(options?: { rootDir?: string; legalComments?: 'none' | 'eof' }): Plugin[];
