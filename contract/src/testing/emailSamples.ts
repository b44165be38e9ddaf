/**
 * Email addresses on both sides of the line the contract draws, the same line as the CMS's email
 * field: the contract's own tests and the CMS's agreement test read the same samples.
 */
export const VALID_EMAILS = [
  "wang@example.com",
  "Wang.Xiao+beian@Sub.Example.COM.CN",
  "o'brien@ex--ample.org",
  "12345@qq.com",
] as const;

export const INVALID_EMAILS = [
  "张三@qq.com",
  "a..b@qq.com",
  "a@b.c",
  "a@x_y.com",
  ".a@qq.com",
  "a.@qq.com",
  "a@-qq.com",
  "a@qq-.com",
  "a@qq..com",
  '"a"@qq.com',
  "a@qq.c0m",
  "a@localhost",
  "a@[127.0.0.1]",
  "a b@qq.com",
] as const;
