// Loaded first in the strict-CSP test frame: records every Content-Security-Policy violation in that frame.
const seen: string[] = [];
(window as unknown as { zwViolations: string[] }).zwViolations = seen;
document.addEventListener('securitypolicyviolation', (e) =>
  seen.push(`${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sourceFile}:${e.lineNumber}`),
);
