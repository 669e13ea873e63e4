// Hints the effective-access forms share.

/** A username template such as `team-b:{{SessionName}}` depends on the role session the person signs in with. */
export const SESSION_NAME_HINT =
  'Fills {{SessionName}} in a templated username, e.g. the SSO user name; aws eks get-token uses EKSGetTokenAuth.'
