// Loaded first by the strict-CSP test's copy of the demo page (web-test-runner.config.js adds it):
// records every Content Security Policy violation of the page, for the test to read.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} ${event.sample}`.trim());
});
