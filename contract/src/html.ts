/**
 * Text made safe for HTML and XML, in element content and quoted attributes. One copy for the
 * CMS's error pages and seed logos, the site's rich text and the widget's embed snippets.
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
