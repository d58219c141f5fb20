/** `text` as a literal inside a RegExp: service names such as "ESG Scraper API (production)" hold regex characters. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
