/** WeChat's in-app browser (MicroMessenger; WeCom too): it does not save downloaded files. */
export function isWeChatBrowser(userAgent: string): boolean {
  return /MicroMessenger|wxwork/i.test(userAgent);
}
