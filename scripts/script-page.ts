/**
 * An `extraHandler` for the reference server that serves a bare HTML page
 * loading some scripts, and the scripts: what the benchmarks and the chaos
 * suite put in front of Chromium.
 */
export interface PageScript {
  path: string;
  code: string;
  /** Loaded as a module (`type="module"`), else as a classic script. */
  module?: boolean;
}

export function scriptPage(
  pagePath: string,
  scripts: PageScript[],
): (request: Request, url: URL) => Response | undefined {
  const page = `<!doctype html><html lang="en"><body>${scripts
    .map((script) => `<script${script.module ? ' type="module"' : ''} src="${script.path}"></script>`)
    .join('')}</body></html>`;
  return (_request, url) => {
    if (url.pathname === pagePath) {
      return new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }
    const script = scripts.find((candidate) => candidate.path === url.pathname);
    return script && new Response(script.code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  };
}
