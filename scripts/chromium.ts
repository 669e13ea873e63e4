/**
 * How every browser run of the project starts Debian's Chromium (`npx playwright install` cannot download here): as
 * root it needs --no-sandbox, and the background-networking flags stop it from calling out to a closed network.
 */
export const chromiumExecutablePath = '/usr/bin/chromium'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]
