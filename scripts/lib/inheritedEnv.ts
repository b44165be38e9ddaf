/**
 * What a test's child process (a stack, a site build) inherits from the caller's shell: the
 * machine's basics only (where programs and the home folder are, language, proxy and CA settings
 * for the registry). Nothing that configures the product leaks in: someone who ran the stack by
 * hand has CMS_URL, CMS_ADMIN_PASSWORD and the like exported, and the tests must pass all the same.
 */
const INHERITED =
  /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LC_[A-Z]+|TZ|TMPDIR|TERM|CI|XDG_[A-Z_]+|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|(HTTPS?|NO)_PROXY|(https?|no)_proxy|npm_config_[a-z_]+)$/;

export function inheritedEnv(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(source).filter(([name]) => INHERITED.test(name)));
}
